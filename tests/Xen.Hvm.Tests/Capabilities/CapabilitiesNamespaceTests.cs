using System.Reflection;
using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class CapabilitiesNamespaceTests
{
    private static readonly string[] s_allowed = ["Xen.Hvm.Capabilities", "Xen.Hvm.Text", "Xen.Hvm.Diagnostics"];

    [Fact]
    public void Types_InCapabilities_UseOnlyTextAndDiagnostics()
    {
        Type[] types = typeof(HostInfo).Assembly.GetTypes()
            .Where(t => t.Namespace is not null && t.Namespace.StartsWith("Xen.Hvm.Capabilities", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(types);

        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = new List<string>();
        foreach (Type type in types)
        {
            IEnumerable<Type> used = type.GetFields(All).Select(f => f.FieldType)
                .Concat(type.GetProperties(All).Select(p => p.PropertyType))
                .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
            foreach (Type t in used.SelectMany(Flatten))
            {
                if (t.Namespace is { } ns && ns.StartsWith("Xen.Hvm", StringComparison.Ordinal) &&
                    !s_allowed.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
                {
                    offenders.Add(type.FullName + " -> " + t.FullName);
                }
            }
        }

        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        Type e = t.HasElementType ? t.GetElementType()! : t;
        yield return e;
        if (e.IsGenericType)
        {
            foreach (Type a in e.GetGenericArguments().SelectMany(Flatten))
            {
                yield return a;
            }
        }
    }
}
