using System.Reflection;

namespace Xen.Hvm.Diagnostics;

/// <summary>
/// Every diagnostic descriptor and message, in one place (one partial file per area).
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private static DiagnosticDescriptor[]? s_all;

    /// <summary>Gets every descriptor declared as a static field of this class.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => s_all ??= typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();
}
