namespace Xen.Hvm.Diagnostics;

/// <summary>
/// Lists every diagnostic the library can report, so tools can show help or check their own suppressions.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>Gets every descriptor, ordered by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => DiagnosticDescriptors.All;

    /// <summary>Finds a descriptor by ID.</summary>
    /// <param name="id">An ID such as <c>XH2003</c>.</param>
    /// <param name="descriptor">The descriptor, when found.</param>
    /// <returns><see langword="true"/> when the ID is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DiagnosticDescriptor? descriptor)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var d in DiagnosticDescriptors.All)
        {
            if (string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                descriptor = d;
                return true;
            }
        }

        descriptor = null;
        return false;
    }
}
