using System.Reflection;
using Xen.Hvm.Config;

namespace Xen.Hvm.Tests;

/// <summary>Reflection checks over the whole public API (NodaTime's ConsistencyTest, STYLE.md §6.7).</summary>
public sealed class ConsistencyTests
{
    private static readonly Type[] s_publicTypes = typeof(XenConfig).Assembly.GetExportedTypes();

    [Fact]
    public void EquatableTypes_DefineEqualityOperators()
    {
        var missing = s_publicTypes
            .Where(t => !t.IsInterface && !t.IsEnum && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GetGenericArguments()[0] == t))
            .Where(t => t.GetMethod("op_Equality", BindingFlags.Public | BindingFlags.Static, [t, t]) is null)
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        // The detection itself: a readonly struct carries the attribute, a mutable one does not.
        Assert.Contains(typeof(Xen.Hvm.Text.TextSpan).GetCustomAttributes(), a => a.GetType().Name == "IsReadOnlyAttribute");
        Assert.DoesNotContain(typeof(System.Collections.Generic.List<int>.Enumerator).GetCustomAttributes(), a => a.GetType().Name == "IsReadOnlyAttribute");
        var mutable = s_publicTypes
            .Where(t => t.IsValueType && !t.IsEnum && !t.IsPrimitive)
            .Where(t => t.GetCustomAttributes().All(a => a.GetType().FullName != "System.Runtime.CompilerServices.IsReadOnlyAttribute"))
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(mutable);
    }

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        // Designed for inheritance only where the library derives from them itself, or exceptions (which callers may subclass).
        var open = s_publicTypes
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !typeof(Exception).IsAssignableFrom(t))
            .Where(t => !s_publicTypes.Any(o => o.BaseType == t))
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(open);
    }

    [Fact]
    public void Namespaces_StayInsideTheLibraryRoot()
    {
        Assert.All(s_publicTypes, t => Assert.StartsWith("Xen.Hvm", t.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public void PublicTypeNames_AreUniqueAcrossNamespaces()
    {
        // A caller importing two of our namespaces must never meet an ambiguous name (CS0104).
        var clashes = s_publicTypes
            .Where(t => !t.IsNested)
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(t => t.FullName)))
            .ToArray();
        Assert.Empty(clashes);
    }
}
