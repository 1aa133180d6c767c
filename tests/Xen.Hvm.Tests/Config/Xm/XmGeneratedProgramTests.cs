using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>Random small programs over the operators, builtins and methods configs use, run by us and by CPython 2.</summary>
public sealed class XmGeneratedProgramTests
{
    private static readonly string[] s_literals =
        ["'a'", "'xen'", "'sda%d'", "'%s-%s'", "'1,2'", "\"x y\"", "''", "1.5", "0x10", "010", "True", "None", "[]", "[1, 'b']", "(1, 2)", "{'k': 1}", "7L", "2.0"];

    private static readonly string[] s_operators = ["+", "-", "*", "%", "//", "/", "**", "==", "<", "!=", "in", "and", "or"];

    private static readonly string[] s_functions = ["str", "len", "int", "repr", "list", "sorted", "bool", "abs", "float", "tuple", "max", "min", "range"];

    private static readonly string[] s_trailers = ["[0]", "[-1]", "[1:]", "[::-1]", ".upper()", ".split(',')", ".strip()", ".replace('a', 'b')", ".startswith('x')", ".find('e')", ".count('a')", ".lower()", ".split()"];

    /// <summary>The types the generated expressions have, so that most programs run to the end as configs do.</summary>
    private enum Ty
    {
        Int,
        Float,
        Str,
        StrList,
        IntList,
        Cond,
    }

    private static readonly Ty[] s_valueTypes = [Ty.Int, Ty.Int, Ty.Str, Ty.Str, Ty.Str, Ty.StrList, Ty.StrList, Ty.IntList, Ty.Float];

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// An expression of type <paramref name="ty"/> over the operators, builtins and methods configs use; with
    /// probability 1 in 40 an untyped one instead, so that exceptions (TypeError, IndexError, ZeroDivisionError...)
    /// keep being compared too.
    /// </summary>
    private static string Typed(Random random, Ty ty, int depth, IReadOnlyList<(string Name, Ty Ty)> names)
    {
        if (depth > 0 && random.Next(40) == 0)
        {
            return Untyped(random, depth, names.Count);
        }

        string Sub(Ty t) => Typed(random, t, Math.Max(0, depth - 1), names);
        var ofType = names.Where(n => n.Ty == ty).Select(n => n.Name).ToArray();
        if (ofType.Length > 0 && random.Next(4) == 0)
        {
            return ofType[random.Next(ofType.Length)];
        }

        int choice = random.Next(depth == 0 ? 2 : 9);
        return ty switch
        {
            Ty.Int => choice switch
            {
                0 => N(random.Next(0, 21)),
                1 => new[] { "0x10", "010", "7", "255" }[random.Next(4)],
                2 => $"len({Sub(random.Next(2) == 0 ? Ty.Str : Ty.StrList)})",
                3 => $"({Sub(Ty.Int)} {new[] { "+", "-", "*" }[random.Next(3)]} {Sub(Ty.Int)})",
                4 => $"({Sub(Ty.Int)} {new[] { "//", "%" }[random.Next(2)]} ({Sub(Ty.Int)} % 7 + 1))",
                5 => random.Next(3) == 0 ? $"abs(-{Sub(Ty.Int)})" : $"{(random.Next(2) == 0 ? "max" : "min")}({Sub(Ty.Int)}, {Sub(Ty.Int)})",
                6 => $"({Sub(Ty.Str)}).{new[] { "count('a')", "find('e')" }[random.Next(2)]}",
                7 => $"int({new[] { "'12'", "' 7 '", "'-3'", "'0'" }[random.Next(4)]})",
                _ => $"({Sub(Ty.Int)} if {Sub(Ty.Cond)} else {Sub(Ty.Int)})",
            },
            Ty.Float => choice switch
            {
                0 => new[] { "1.5", "2.0", "0.25" }[random.Next(3)],
                1 => $"float({N(random.Next(0, 9))})",
                2 or 3 => $"({Sub(Ty.Int)} + {Sub(Ty.Float)})",
                4 or 5 => $"({Sub(Ty.Float)} * {Sub(Ty.Int)})",
                6 => $"({Sub(Ty.Int)} / 4.0)",
                _ => $"float({Sub(Ty.Int)})",
            },
            Ty.Str => choice switch
            {
                0 => new[] { "'a'", "'xen'", "\"x y\"", "''", "'1,2'", "'sda'", "'e a'" }[random.Next(7)],
                1 => $"str({N(random.Next(0, 99))})",
                2 => $"({Sub(Ty.Str)} + {Sub(Ty.Str)})",
                3 => $"({Sub(Ty.Str)}){new[] { ".upper()", ".lower()", ".strip()", ".replace('a', 'b')", "[1:]", "[::-1]", "[:2]" }[random.Next(7)]}",
                4 => random.Next(3) switch
                {
                    0 => $"'sda%d' % {Sub(Ty.Int)}",
                    1 => $"'%s-%s' % ({Sub(Ty.Str)}, {Sub(Ty.Str)})",
                    _ => $"'%s/%d' % ({Sub(Ty.Str)}, {Sub(Ty.Int)})",
                },
                5 => $"','.join({Sub(Ty.StrList)})",
                6 => $"{(random.Next(2) == 0 ? "str" : "repr")}({Sub(random.Next(2) == 0 ? Ty.Int : Ty.Str)})",
                7 => $"({Sub(Ty.StrList)} + ['z'])[0]",
                _ => $"({Sub(Ty.Str)} if {Sub(Ty.Cond)} else {Sub(Ty.Str)})",
            },
            Ty.StrList => choice switch
            {
                0 => $"[{Sub(Ty.Str)}]",
                1 => "[]",
                2 => $"[{Sub(Ty.Str)}, {Sub(Ty.Str)}]",
                3 => $"({Sub(Ty.Str)}).split({(random.Next(2) == 0 ? "','" : string.Empty)})",
                4 => $"sorted({Sub(Ty.StrList)})",
                5 => $"({Sub(Ty.StrList)} + {Sub(Ty.StrList)})",
                6 => $"({Sub(Ty.StrList)})[1:]",
                7 => $"list({Sub(Ty.Str)})",
                _ => $"({Sub(Ty.StrList)} if {Sub(Ty.Cond)} else {Sub(Ty.StrList)})",
            },
            Ty.IntList => choice switch
            {
                0 => $"[{Sub(Ty.Int)}]",
                1 => $"range({N(random.Next(0, 6))})",
                2 => $"[{Sub(Ty.Int)}, {Sub(Ty.Int)}]",
                3 => $"range({Sub(Ty.Int)} % 6)",
                4 => $"sorted({Sub(Ty.IntList)})",
                5 => $"({Sub(Ty.IntList)} + {Sub(Ty.IntList)})",
                6 => $"({Sub(Ty.IntList)})[::-1]",
                7 => $"[{Sub(Ty.Int)} * 2, 1]",
                _ => $"({Sub(Ty.IntList)} if {Sub(Ty.Cond)} else {Sub(Ty.IntList)})",
            },
            _ => choice switch
            {
                0 => new[] { "True", "False", "None", "1", "''" }[random.Next(5)],
                1 => $"({Sub(Ty.Int)} {new[] { "<", "==", "!=", ">=" }[random.Next(4)]} {Sub(Ty.Int)})",
                2 => $"({Sub(Ty.Str)} == {Sub(Ty.Str)})",
                3 => $"({Sub(Ty.Str)} in {Sub(Ty.StrList)})",
                4 => $"not {Sub(Ty.Cond)}",
                5 => $"({Sub(Ty.Cond)} {(random.Next(2) == 0 ? "and" : "or")} {Sub(Ty.Cond)})",
                6 => $"({Sub(Ty.Str)}).startswith('x')",
                7 => $"bool({Sub(Ty.Int)})",
                _ => $"({Sub(Ty.Str)} < {Sub(Ty.Str)})",
            },
        };
    }

    /// <summary>An expression of no particular type (most of them raise TypeError in Python).</summary>
    private static string Untyped(Random random, int depth, int names)
    {
        int choice = random.Next(depth == 0 ? 3 : 12);
        string Sub() => Untyped(random, depth - 1, names);
        return choice switch
        {
            0 => random.Next(-5, 21).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => s_literals[random.Next(s_literals.Length)],
            2 => names > 0 ? "v" + random.Next(names).ToString(System.Globalization.CultureInfo.InvariantCulture) : "3",
            3 => $"({Sub()} {s_operators[random.Next(s_operators.Length)]} {Sub()})",
            4 => $"-({Sub()})",
            5 => $"not {Sub()}",
            6 => $"{s_functions[random.Next(s_functions.Length)]}({Sub()})",
            7 => $"({Sub()}){s_trailers[random.Next(s_trailers.Length)]}",
            8 => $"'%s/%d' % ({Sub()}, {Sub()})",
            9 => $"({Sub()} if {Sub()} else {Sub()})",
            10 => $"[{Sub()}, {Sub()}]",
            _ => $"','.join({Sub()})",
        };
    }

    private static string Program(Random random)
    {
        var sb = new System.Text.StringBuilder();
        var names = new List<(string Name, Ty Ty)>();
        int count = random.Next(1, 7);
        for (int i = 0; i < count; i++)
        {
            string v = "v" + N(i);
            Ty ty = s_valueTypes[random.Next(s_valueTypes.Length)];
            string E(Ty t) => Typed(random, t, 2, names);
            switch (random.Next(10))
            {
                case 0:
                    sb.Append($"if {E(Ty.Cond)}:\n    {v} = {E(ty)}\nelif {E(Ty.Cond)}: {v} = {E(ty)}\nelse:\n    {v} = {E(ty)}\n");
                    break;
                case 1:
                    ty = Ty.StrList;
                    sb.Append($"{v} = []\nfor x in {E(random.Next(2) == 0 ? Ty.StrList : Ty.Str)}:\n    if x == 'a': continue\n    {v}.append(x)\n    if len({v}) > 4: break\nelse:\n    {v}.append('end')\n");
                    break;
                case 2:
                    sb.Append($"global f{i}\ndef f{i}(a, b={E(ty)}):\n    if a: return b + b\n    return b\n{v} = f{i}({E(Ty.Cond)})\n");
                    break;
                case 3:
                    ty = Ty.Int;
                    sb.Append($"{v} = 0\nn = 0\nwhile n < 5:\n    n += 1\n    {v} += n\n");
                    break;
                case 4:
                    sb.Append($"{v}, w = {E(ty)}, {E(ty)}\n{v} += w\n");
                    break;
                default:
                    sb.Append(v).Append(" = ").Append(Typed(random, ty, 3, names)).Append('\n');
                    break;
            }

            names.Add((v, ty));
        }

        return sb.ToString();
    }

    [PythonFact(2)]
    public void Evaluate_GeneratedPrograms_AgreeWithPython2()
    {
        var random = new Random(20_260_806);
        string[] programs = Enumerable.Range(0, 3000).Select(_ => Program(random)).ToArray();
        using var dir = new TempDirectory();
        var jobs = new JsonArray();
        for (int i = 0; i < programs.Length; i++)
        {
            string path = dir.File($"p{i}.cfg");
            File.WriteAllText(path, programs[i]);
            jobs.Add(new JsonObject { ["file"] = path, ["xm_file"] = path, ["env"] = new JsonObject() });
        }

        Dictionary<string, JsonObject> python = XmPythonHarness.Run(PythonInterpreters.Python2!, jobs);
        var failures = new List<string>();
        for (int i = 0; i < programs.Length; i++)
        {
            string path = dir.File($"p{i}.cfg");
            JsonObject py = python[path];
            XmEvaluationResult ours = XenConfig.Parse(programs[i], path, new XenConfigParseOptions { Dialect = ConfigDialect.Xm })
                .Evaluate(new XmEvaluationContext { FilePath = path, Environment = new Dictionary<string, string>() });
            string? problem = Compare(py, ours);
            if (problem is not null)
            {
                failures.Add($"--- program {i}:\n{programs[i]}python: {py.ToJsonString()}\nwe: {ours.Outcome} {ours.ExceptionType} {string.Join(", ", ours.Variables.Select(p => p.Key + "=" + p.Value))} unknown [{string.Join(",", ours.UnknownVariables)}]\n{problem}");
            }
        }

        Assert.True(failures.Count == 0, failures.Count + " programs disagree:\n" + string.Join("\n", failures.Take(8)));

        // The programs have types, so most run to the end as a config does (untyped ones raised TypeError 2 in 3 times),
        // while one in forty subexpressions still mixes types, so exceptions are compared too.
        int completed = python.Values.Count(p => (string)p["outcome"]! == "completed");
        int raised = python.Values.Count(p => (string)p["outcome"]! == "raised");
        Assert.True(completed >= programs.Length * 0.8, $"only {completed} of {programs.Length} programs complete ({raised} raise)");
        Assert.True(raised >= programs.Length * 0.02, $"only {raised} of {programs.Length} programs raise");
    }

    internal static string? Compare(JsonObject py, XmEvaluationResult ours)
    {
        switch ((string)py["outcome"]!)
        {
            case "syntax":
                return ours.Outcome == XmEvaluationOutcome.Rejected ? null : "not rejected";
            case "raised" when (string)py["exception"]! is "MemoryError" or "OverflowError":
                // CPython ran out of memory where the evaluator stops at its bound.
                return ours.Outcome == XmEvaluationOutcome.LimitExceeded || ours.ExceptionType == (string)py["exception"]! ? null : "no limit";
            case "raised" when ours.Outcome != XmEvaluationOutcome.Raised || ours.ExceptionType != (string)py["exception"]!:
                return "different exception";
            case "completed" when ours.Outcome != XmEvaluationOutcome.Completed:
                return "different outcome";
            case "refused":
                return "refused";
        }

        var expected = py["vars"]!.AsObject();
        if (ours.UnknownVariables.Count > 0)
        {
            return "unknown values";
        }

        if (!expected.Select(p => p.Key).Order(StringComparer.Ordinal).SequenceEqual(ours.Variables.Keys.Order(StringComparer.Ordinal)))
        {
            return "different variables";
        }

        foreach (var (name, value) in expected)
        {
            if (!XmPythonAgreementTests.Same(value, ours.Variables[name]))
            {
                return "different value of " + name;
            }
        }

        return null;
    }
}
