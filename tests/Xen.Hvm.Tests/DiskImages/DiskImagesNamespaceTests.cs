using System.Reflection;
using Xen.Hvm.DiskImages;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Xen.Hvm.DiskImages may use nothing of the library but Xen.Hvm.Text and Xen.Hvm.Diagnostics.</summary>
public sealed class DiskImagesNamespaceTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] s_allowed = ["Xen.Hvm.DiskImages", "Xen.Hvm.Text", "Xen.Hvm.Diagnostics"];

    [Fact]
    public void DiskImagesTypes_ReferenceOnlyAllowedNamespacesOfTheLibrary()
    {
        var assembly = typeof(DiskImage).Assembly;
        var types = assembly.GetTypes().Where(t => InArea(t.Namespace)).ToArray();
        Assert.Contains(typeof(DiskImage), types);
        Assert.True(types.Length > 20, "The scan sees the area's types, nested and compiler-generated ones included.");

        var violations = new List<string>();
        foreach (var type in types)
        {
            foreach (var (what, referenced) in References(type))
            {
                foreach (var t in Expand(referenced))
                {
                    if (t.Assembly == assembly && !InArea(t.Namespace) && !IsAllowed(t.Namespace))
                    {
                        violations.Add($"{type.FullName} {what} uses {t.FullName}");
                    }
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Scan_FindsAForbiddenReference_WhenOneExists()
    {
        // The check itself must be able to fail: a type from Xen.Hvm.Config is reported.
        var config = typeof(DiskImage).Assembly.GetTypes().FirstOrDefault(t => t.Namespace == "Xen.Hvm.Config");
        Assert.NotNull(config);
        Assert.False(IsAllowed(config.Namespace) || InArea(config.Namespace));
    }

    private static bool InArea(string? ns) => ns is not null && (ns == "Xen.Hvm.DiskImages" || ns.StartsWith("Xen.Hvm.DiskImages.", StringComparison.Ordinal));

    private static bool IsAllowed(string? ns) => ns is not null && s_allowed.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal));

    private static IEnumerable<(string What, Type Type)> References(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ("base type", baseType);
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return ("interface", i);
        }

        foreach (var f in type.GetFields(All))
        {
            yield return ($"field {f.Name}", f.FieldType);
        }

        foreach (var p in type.GetProperties(All))
        {
            yield return ($"property {p.Name}", p.PropertyType);
        }

        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi)
            {
                yield return ($"method {m.Name} return", mi.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                yield return ($"method {m.Name} parameter {p.Name}", p.ParameterType);
            }

            foreach (var local in m.GetMethodBody()?.LocalVariables ?? [])
            {
                yield return ($"method {m.Name} local", local.LocalType);
            }
        }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var t in Expand(argument))
                {
                    yield return t;
                }
            }
        }
    }
}
