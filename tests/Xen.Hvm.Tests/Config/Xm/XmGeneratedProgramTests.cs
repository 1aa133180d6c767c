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

    private static string Expression(Random random, int depth, int names)
    {
        int choice = random.Next(depth == 0 ? 3 : 12);
        string Sub() => Expression(random, depth - 1, names);
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
        int count = random.Next(1, 7);
        for (int i = 0; i < count; i++)
        {
            string v = "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string E() => Expression(random, 2, i);
            switch (random.Next(10))
            {
                case 0:
                    sb.Append($"if {E()}:\n    {v} = {E()}\nelif {E()}: {v} = {E()}\nelse:\n    {v} = {E()}\n");
                    break;
                case 1:
                    sb.Append($"{v} = []\nfor x in {E()}:\n    if x == 3: continue\n    {v}.append(x)\n    if len({v}) > 4: break\nelse:\n    {v}.append('end')\n");
                    break;
                case 2:
                    sb.Append($"global f{i}\ndef f{i}(a, b={E()}):\n    if a: return [a, b]\n    return b\n{v} = f{i}({E()})\n");
                    break;
                case 3:
                    sb.Append($"{v} = 0\nn = 0\nwhile n < 5:\n    n += 1\n    {v} += n\n");
                    break;
                case 4:
                    sb.Append($"{v}, w = {E()}, {E()}\n{v} += w\n");
                    break;
                default:
                    sb.Append(v).Append(" = ").Append(Expression(random, 3, i)).Append('\n');
                    break;
            }
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
