using System.Reflection;
using System.Reflection.Emit;
using Xen.Hvm.Config;

namespace Xen.Hvm.Tests;

/// <summary>
/// Keeps the namespace boundaries of STYLE.md §6.3 honest, in the spirit of NodaTime's ConsistencyTest: every type
/// the library's code touches (signatures, fields, locals, and every type, method and field token in the IL of every
/// method body) must lie in an allowed namespace.
/// </summary>
public sealed class NamespaceDependencyTests
{
    /// <summary>Area → the other areas it may use. An area's own sub-namespaces are always allowed.</summary>
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["Xen.Hvm.Text"] = [],
        ["Xen.Hvm.Diagnostics"] = ["Xen.Hvm.Text"],
        ["Xen.Hvm.Internal"] = [],
        ["Xen.Hvm.Config"] = ["Xen.Hvm.Text", "Xen.Hvm.Diagnostics", "Xen.Hvm.Internal"],
        ["Xen.Hvm.Specs"] = ["Xen.Hvm.Text", "Xen.Hvm.Diagnostics", "Xen.Hvm.Internal", "Xen.Hvm.Config"],
        ["Xen.Hvm.Capabilities"] = ["Xen.Hvm.Text", "Xen.Hvm.Diagnostics"],
        ["Xen.Hvm.DiskImages"] = ["Xen.Hvm.Text", "Xen.Hvm.Diagnostics", "Xen.Hvm.Internal"],

        // The layers above the config syntax (STYLE §6.3): the model reads documents and spec strings and states host
        // requirements; validation and conversion stand on the model. They are areas of their own, above Config and Specs.
        ["Xen.Hvm.Config.Model"] = ["Xen.Hvm.Text", "Xen.Hvm.Diagnostics", "Xen.Hvm.Internal", "Xen.Hvm.Config", "Xen.Hvm.Specs", "Xen.Hvm.Capabilities"],
        ["Xen.Hvm.Config.Validation"] = ["Xen.Hvm.Text", "Xen.Hvm.Diagnostics", "Xen.Hvm.Internal", "Xen.Hvm.Config", "Xen.Hvm.Specs", "Xen.Hvm.Capabilities", "Xen.Hvm.Config.Model"],
        ["Xen.Hvm.Config.Conversion"] = ["Xen.Hvm.Text", "Xen.Hvm.Diagnostics", "Xen.Hvm.Internal", "Xen.Hvm.Config", "Xen.Hvm.Specs", "Xen.Hvm.Capabilities", "Xen.Hvm.Config.Model", "Xen.Hvm.Config.Validation"],
    };

    private static readonly Assembly s_library = typeof(XenConfig).Assembly;

    [Fact]
    public void EveryArea_UsesOnlyTheAreasItMayUse()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Type type in s_library.GetTypes())
        {
            string? area = AreaOf(type);
            if (area is null)
            {
                continue; // compiler-generated helpers with no namespace
            }

            foreach (var (what, used) in References(type))
            {
                string? usedArea = AreaOf(used);
                if (usedArea is not null && usedArea != area && !s_allowed[area].Contains(usedArea))
                {
                    offenders.Add($"{type.FullName} ({what}) -> {used.FullName}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    /// <summary>
    /// Composition roots: the facade types that put an area's parts together (a facade that opens every image
    /// format, the document that parses, edits and evaluates). An area's roots are one node of the graph, above the
    /// namespaces they compose, so the parts may not use them back: a cycle through a root fails like any other.
    /// </summary>
    private static readonly Dictionary<string, string> s_compositionRoots = new(StringComparer.Ordinal)
    {
        ["Xen.Hvm.Config.ConfigDocument"] = "the document puts the tree (Syntax) with its parse (Parsing), edits (Editing), values, file I/O and the xm evaluator (Evaluation)",
        ["Xen.Hvm.Config.XenConfig"] = "the facade parses text, bytes, streams and files (Parsing) into documents",
        ["Xen.Hvm.DiskImages.DiskImage"] = "the facade creates, opens and converts every format (Raw, Qcow2, Vhd)",
        ["Xen.Hvm.DiskImages.Internal.ImageOpener"] = "format detection dispatches to every format's reader",
    };

    /// <summary>
    /// Cycle edges that existed when the sub-namespace rule was introduced (issue 15), each to be removed by the
    /// restructuring; the test fails on any other cycle edge and on an entry here that no longer occurs, so the list
    /// only shrinks.
    /// </summary>
    private static readonly HashSet<string> s_knownCycleEdges = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void EveryArea_SubNamespacesAreAcyclic()
    {
        // An X.Internal namespace (and X.Internal.Y under it) is X's private implementation: it counts as part of X.
        // A composition root is a unit of its own.
        static string UnitOf(Type type, string ns)
        {
            if (CompositionRootOf(type) is not null)
            {
                return AreaOf(ns) + " composition roots";
            }

            int i = ns.IndexOf(".Internal", StringComparison.Ordinal);
            bool isInternal = i > 0 && ns != "Xen.Hvm.Internal"
                && (i + ".Internal".Length == ns.Length || ns[i + ".Internal".Length] == '.');
            return isInternal ? ns[..i] : ns;
        }

        var edges = new Dictionary<(string From, string To), SortedSet<string>>();
        foreach (Type type in s_library.GetTypes())
        {
            string? ns = NamespaceOf(type);
            if (ns is null || AreaOf(ns) is not { } area)
            {
                continue;
            }

            foreach (var (_, used) in References(type))
            {
                if (NamespaceOf(used) is not { } usedNs || AreaOf(usedNs) != area)
                {
                    continue;
                }

                var key = (UnitOf(type, ns), UnitOf(used, usedNs));
                if (key.Item1 != key.Item2)
                {
                    if (!edges.TryGetValue(key, out var via))
                    {
                        edges[key] = via = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    via.Add(OuterName(type));
                }
            }
        }

        var cycleEdges = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var ((from, to), via) in edges)
        {
            if (Reaches(edges, to, from))
            {
                cycleEdges[$"{from} -> {to}"] = string.Join(", ", via);
            }
        }

        var unexpected = cycleEdges.Where(e => !s_knownCycleEdges.Contains(e.Key)).Select(e => $"{e.Key} (used by {e.Value})").ToArray();
        var stale = s_knownCycleEdges.Where(e => !cycleEdges.ContainsKey(e)).ToArray();
        Assert.True(unexpected.Length == 0, "New cycle edges:\n" + string.Join("\n", unexpected));
        Assert.True(stale.Length == 0, "Baseline entries that no longer occur (remove them):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void CompositionRoots_AreRealTypes()
    {
        var names = s_library.GetTypes().Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.All(s_compositionRoots.Keys, r => Assert.Contains(r, names));
    }

    private static string? CompositionRootOf(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            if (t.FullName is { } name && s_compositionRoots.ContainsKey(name))
            {
                return name;
            }
        }

        return null;
    }

    private static string OuterName(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Name;
    }

    private static string? NamespaceOf(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        return type.Assembly == s_library ? type.Namespace ?? type.DeclaringType?.Namespace : null;
    }

    private static bool Reaches(Dictionary<(string From, string To), SortedSet<string>> edges, string start, string goal)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<string>([start]);
        while (stack.Count > 0)
        {
            string n = stack.Pop();
            if (n == goal)
            {
                return true;
            }

            foreach (var ((from, to), _) in edges)
            {
                if (from == n && seen.Add(to))
                {
                    stack.Push(to);
                }
            }
        }

        return false;
    }

    [Fact]
    public void EveryNamespace_HasAnArea()
    {
        var unknown = s_library.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith("Xen.Hvm", StringComparison.Ordinal) && AreaOf(ns) is null)
            .Distinct()
            .ToArray();
        Assert.Empty(unknown);
    }

    [Fact]
    public void References_SeeTypesUsedOnlyInsideMethodBodies()
    {
        // The scan must be able to fail: Probe uses Xen.Hvm.Config only in its IL, never in a signature.
        var found = References(typeof(Probe)).Select(r => r.Type).ToArray();
        Assert.Contains(typeof(XenConfig), found);
        Assert.Contains(typeof(XenConfigParseOptions), found);
    }

    private static class Probe
    {
        public static int Run() => XenConfig.Parse("a = 1", options: new XenConfigParseOptions()).Values.Count;
    }

    private static string? AreaOf(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        return type.Assembly == s_library ? AreaOf(type.Namespace ?? (type.DeclaringType?.Namespace)) : null;
    }

    private static string? AreaOf(string? ns) =>
        ns is null ? null : s_allowed.Keys.Where(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)).MaxBy(static a => a.Length);

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<(string What, Type Type)> References(Type type)
    {
        var direct = new List<(string, Type)>();
        if (type.BaseType is { } b)
        {
            direct.Add(("base", b));
        }

        direct.AddRange(type.GetInterfaces().Select(i => ("interface", i)));
        direct.AddRange(type.GetFields(All).Select(f => ($"field {f.Name}", f.FieldType)));
        foreach (MethodBase m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi)
            {
                direct.Add(($"{m.Name} returns", mi.ReturnType));
            }

            direct.AddRange(m.GetParameters().Select(p => ($"{m.Name} parameter", p.ParameterType)));
            MethodBody? body = null;
            try
            {
                body = m.GetMethodBody();
            }
            catch (InvalidOperationException)
            {
            }

            if (body is null)
            {
                continue;
            }

            direct.AddRange(body.LocalVariables.Select(l => ($"{m.Name} local", l.LocalType)));
            direct.AddRange(IlReferences(m, body).Select(t => ($"{m.Name} body", t)));
        }

        return direct.SelectMany(d => Flatten(d.Item2).Select(t => (d.Item1, t)));
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        while (t.HasElementType)
        {
            t = t.GetElementType()!;
        }

        yield return t;
        if (t.IsGenericType && !t.IsGenericTypeDefinition)
        {
            foreach (Type a in t.GetGenericArguments().SelectMany(Flatten))
            {
                yield return a;
            }
        }
    }

    private static readonly OpCode[] s_oneByte = new OpCode[0x100];
    private static readonly OpCode[] s_twoByte = new OpCode[0x100];

    static NamespaceDependencyTests()
    {
        foreach (FieldInfo f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)f.GetValue(null)!;
            ushort v = (ushort)op.Value;
            if (op.Size == 1)
            {
                s_oneByte[v] = op;
            }
            else
            {
                s_twoByte[v & 0xFF] = op;
            }
        }
    }

    /// <summary>The types behind every token operand of a method's IL.</summary>
    private static IEnumerable<Type> IlReferences(MethodBase method, MethodBody body)
    {
        byte[]? il = body.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Module module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            OpCode op = il[i] == 0xFE ? s_twoByte[il[++i]] : s_oneByte[il[i]];
            i++;
            int token = 0;
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    int n = BitConverter.ToInt32(il, i);
                    i += 4 + (4 * n);
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    token = BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                default:
                    i += 4;
                    break;
            }

            if (token == 0)
            {
                continue;
            }

            Type? found = null;
            try
            {
                found = module.ResolveMember(token, typeArgs, methodArgs) switch
                {
                    Type t => t,
                    FieldInfo f => f.DeclaringType,
                    MethodBase m => m.DeclaringType,
                    _ => null,
                };
            }
            catch (ArgumentException)
            {
            }

            if (found is not null)
            {
                yield return found;
            }
        }
    }
}
