using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>
/// Generated hostile xm programs (extreme slices, <c>del</c>, augmented assignment to subscripts, slices and
/// attributes, deep nesting, self-referencing values, <c>raise</c>, <c>assert</c>, huge integers, regular
/// expressions, big repetitions): whatever they do, evaluating them gives a result with diagnostics, never an exception.
/// </summary>
public sealed class XmHostileProgramTests
{
    private static readonly string[] s_integers =
        ["0", "1", "-1", "2", "3", "-3", "7", "255", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "10**20", "-10**30", "2**63", "2**64 + 1", "True", "10L"];

    private static readonly string[] s_values =
        ["a", "b", "s", "t", "d", "n", "'abc'", "u'x\\u00e9'", "''", "[]", "()", "{}", "[1, 2, 3, 4]", "(1, [2])", "(1, (2, 3))", "{'k': [1]}", "None", "1.5", "float('nan')", "-0.0", "1e308 * 10", "os.environ", "xm_vars", "os", "re", "len", "ValueError"];

    private static readonly string[] s_patterns =
        ["'(?x)a#'", "'(a+)+b'", "'('", "'[z-a]'", "'(?P<n>a)(?P=n)'", "'\\\\Z'", "'a{2,1}'", "'(?<=a+)b'", "'x*'", "''", "'(?i)A'", "'\\\\1(a)'", "'[^]'", "'(?#'"];

    private static readonly string[] s_strings = ["'a' * 18", "'aaaab'", "'10'", "' -0x1f '", "'0b101'", "'1L'", "'9' * 5000", "'08'", "'%s %d'", "''"];

    private static readonly Gen<string>[] s_int = new Gen<string>[3];
    private static readonly Gen<string>[] s_str = new Gen<string>[3];
    private static readonly Gen<string>[] s_lst = new Gen<string>[3];
    private static readonly Gen<string>[] s_any = new Gen<string>[3];
    private static readonly Gen<string>[] s_untyped = new Gen<string>[3];
    private static readonly Gen<string>[] s_statement = new Gen<string>[3];
    private static readonly Gen<string> s_programs;

    static XmHostileProgramTests()
    {
        // Built once, bottom up: each depth uses the generators of the depth below.
        for (int depth = 0; depth < 3; depth++)
        {
            s_untyped[depth] = MakeUntyped(depth);
            s_int[depth] = MakeInt(depth);
            s_str[depth] = MakeStr(depth);
            s_lst[depth] = MakeLst(depth);
            s_any[depth] = MakeAny(depth);
        }

        for (int depth = 0; depth < 3; depth++)
        {
            s_statement[depth] = MakeStatement(depth);
        }

        s_programs =
            from statements in s_statement[2].NonEmptyListOf()
            select "import os\nimport re\na = [1, 2, 3, 4]\nb = a\ns = 'abcdef'\nt = (1, 2)\nd = {'k': 1}\nn = 3\n"
                + string.Join("\n", statements.Take(3)) + "\n";
    }

    private static Gen<string> Pick(string[] items) => Gen.Elements(items);

    private static Gen<string> Integer =>
        Gen.Frequency((4, Pick(s_integers)), (1, Gen.Choose(-40, 40).Select(i => i.ToString(CultureInfo.InvariantCulture))));

    private static Gen<string> Bound => Gen.Frequency((3, Integer), (1, Gen.Constant(string.Empty)), (1, Gen.Constant("None")));

    private static Gen<string> Slice => Gen.Frequency(
        (2, from lo in Bound from hi in Bound select $"[{lo}:{hi}]"),
        (3, from lo in Bound from hi in Bound from st in Bound select $"[{lo}:{hi}:{st}]"));

    // Typed expressions mostly, so that programs run on to their hostile parts instead of stopping at the first TypeError.
    private static Gen<string> MakeInt(int depth) => depth <= 0
        ? Gen.Frequency((3, Integer), (1, Pick(["n", "len(a)", "len(s)"])))
        : Gen.Frequency(
            (3, s_int[0]),
            (2, from x in s_int[depth - 1] from op in Pick(["+", "-", "*", "//", "%", "**", "<<", ">>", "&", "|", "^"]) from y in s_int[depth - 1] select $"({x} {op} {y})"),
            (1, from x in s_int[depth - 1] select $"-{x}"),
            (1, from x in s_str[depth - 1] select $"int({x})"),
            (1, from x in s_str[depth - 1] from b in s_int[depth - 1] select $"int({x}, {b})"),
            (1, from x in s_str[depth - 1] select $"long({x}, 0)"),
            (1, from x in s_any[depth - 1] from y in s_any[depth - 1] select $"cmp({x}, {y})"),
            (1, from x in s_str[depth - 1] from y in s_str[depth - 1] select $"({x}).count({y})"));

    private static Gen<string> MakeStr(int depth) => depth <= 0
        ? Gen.Frequency((3, Pick(s_strings)), (1, Pick(["s", "'abc'", "u'x\\u00e9'"])))
        : Gen.Frequency(
            (3, s_str[0]),
            (1, from x in s_str[depth - 1] from y in s_str[depth - 1] select $"({x} + {y})"),
            (1, from x in s_str[depth - 1] from n in s_int[depth - 1] select $"({x}) * {n}"),
            (2, from x in s_str[depth - 1] from sl in Slice select $"({x}){sl}"),
            (1, from x in s_any[depth - 1] from f in Pick(["repr", "str", "hex", "oct"]) select $"{f}({x})"),
            (1, from f in Pick(["'%s'", "'%r'", "'%d'", "'%*d'", "'%-*.*f'", "'%(k)s'", "'%c'", "'%x'", "'%.999999999f'", "'%999999999s'"]) from x in s_any[depth - 1] select $"{f} % ({x},)"),
            (1, from x in s_str[depth - 1] from m in Pick(["upper", "lower", "strip", "title", "swapcase", "capitalize"]) select $"({x}).{m}()"),
            (1, from x in s_str[depth - 1] from y in s_str[depth - 1] from z in s_str[depth - 1] select $"({x}).replace({y}, {z})"),
            (1, from x in s_str[depth - 1] from n in s_int[depth - 1] from m in Pick(["zfill", "ljust", "rjust", "center"]) select $"({x}).{m}({n})"),
            (1, from x in s_lst[depth - 1] select $"','.join(map(str, {x}))"),
            (1, from p in Pick(s_patterns) from r in Pick(["'x'", "'\\\\1'", "'\\\\g<n>'", "''"]) from x in s_str[depth - 1] select $"re.sub({p}, {r}, {x})"));

    private static Gen<string> MakeLst(int depth) => depth <= 0
        ? Pick(["a", "b", "[]", "[1, 2, 3, 4]", "[a, a]", "[[1], [2]]", "range(5)", "d.keys()"])
        : Gen.Frequency(
            (3, s_lst[0]),
            (1, from x in s_lst[depth - 1] from y in s_lst[depth - 1] select $"({x} + {y})"),
            (1, from x in s_lst[depth - 1] from n in s_int[depth - 1] select $"({x}) * {n}"),
            (2, from x in s_lst[depth - 1] from sl in Slice select $"({x}){sl}"),
            (1, from n in s_int[depth - 1] select $"range({n})"),
            (1, from n in s_int[depth - 1] from m in s_int[depth - 1] from k in s_int[depth - 1] select $"range({n}, {m}, {k})"),
            (1, from x in s_lst[depth - 1] from f in Pick(["sorted", "list", "reversed", "enumerate", "filter(None, {0})", "map(None, {0})", "zip({0}, {0})"])
                select f.Contains('{', StringComparison.Ordinal) ? string.Format(CultureInfo.InvariantCulture, f, x) : $"{f}({x})"),
            (1, from x in s_str[depth - 1] select $"list({x})"),
            (1, from x in s_str[depth - 1] from m in Pick(["split()", "split(',')", "splitlines()", "partition('a')"]) select $"list(({x}).{m})"),
            (1, from p in Pick(s_patterns) from f in Pick(["findall", "split"]) from x in s_str[depth - 1] select $"re.{f}({p}, {x})"),
            (1, from x in s_any[depth - 1] from y in s_any[depth - 1] select $"[{x}, {y}]"));

    private static Gen<string> MakeAny(int depth) => depth <= 0
        ? Gen.Frequency((2, s_int[0]), (2, s_str[0]), (2, s_lst[0]), (2, Pick(s_values)))
        : Gen.Frequency(
            (2, s_int[depth]),
            (2, s_str[depth]),
            (2, s_lst[depth]),
            (1, s_untyped[depth]),
            (1, from x in s_any[depth - 1] from op in Pick(["==", "!=", "<", ">=", "in", "not in", "is", "and", "or"]) from y in s_any[depth - 1] select $"({x} {op} {y})"),
            (1, from x in s_any[depth - 1] from y in s_any[depth - 1] select $"{{{x}: {y}}}"),
            (1, from x in s_any[depth - 1] select $"(a, {x})"),
            (1, from p in Pick(s_patterns) from f in Pick(["match", "search"]) from x in s_str[depth - 1] select $"re.{f}({p}, {x})"),
            (1, from x in s_any[depth - 1] from y in s_any[depth - 1] from z in s_any[depth - 1] select $"({x} if {y} else {z})"),
            (1, from x in s_any[depth - 1] select $"not {x}"),
            (1, from x in s_str[depth - 1] select $"os.path.exists({x})"));

    /// <summary>Anything applied to anything: most of it raises, some of it does what no config does.</summary>
    private static Gen<string> MakeUntyped(int depth)
    {
        Gen<string> leaf = Gen.Frequency((3, Pick(s_values)), (2, Integer), (1, Pick(s_strings)));
        if (depth <= 0)
        {
            return leaf;
        }

        Gen<string> sub = s_untyped[depth - 1];
        return Gen.Frequency(
            (3, leaf),
            (2, from x in sub from sl in Slice select $"({x}){sl}"),
            (1, from x in sub from i in Integer select $"({x})[{i}]"),
            (2, from a in sub from op in Pick(["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "!=", "<", ">=", "in", "not in", "is", "and", "or"]) from b in sub select $"({a} {op} {b})"),
            (1, from x in sub from f in Pick(["repr", "str", "len", "sorted", "list", "tuple", "dict", "set", "reversed", "enumerate", "sum", "min", "max", "abs", "hex", "oct", "hash", "bool", "int", "long", "float", "chr", "ord", "unicode", "zip", "any", "all", "iter"]) select $"{f}({x})"),
            (1, from x in sub from b in Integer select $"int({x}, {b})"),
            (1, from x in sub from n in Pick(["0", "3", "1000", "10**9", "-1", "2**31", "2**62"]) select $"({x}) * {n}"),
            (1, from f in Pick(["'%s'", "'%*d'", "'%-*.*f'", "'%(k)s'", "'%c'", "'%r %r'"]) from x in sub select $"{f} % ({x})"),
            (1, from n in Gen.Choose(1, 5) from x in sub select $"{new string('-', n)}{x}"),
            (1, from x in sub select $"range({x})"),
            (1, from x in sub select $"map(None, {x})"));
    }

    private static Gen<string> Target => Gen.Frequency(
        (3, Pick(["a", "b", "s", "t", "d", "n"])),
        (2, from c in Pick(["a", "d", "os.environ", "t", "s"]) from k in Gen.Frequency((2, Integer), (1, Pick(["'PATH'", "'k'", "(1, 2)", "[1]", "(1, [2])"]))) select $"{c}[{k}]"),
        (3, from c in Pick(["a", "b", "s"]) from sl in Slice select c + sl),
        (1, Pick(["os.x", "a.b", "xm_vars.y", "os.environ.p"])));

    private static Gen<string> MakeStatement(int depth)
    {
        Gen<string> e = s_any[2];
        Gen<string> simple = Gen.Frequency(
            (4, from t in Target from x in e select $"{t} = {x}"),
            (3, from t in Target from op in Pick(["+=", "-=", "*=", "%=", "**=", "<<=", "|="]) from x in e select $"{t} {op} {x}"),
            (2, from t in Target select $"del {t}"),
            (3, from x in e select $"x = {x}"),
            (2, Pick(["a.append(a)", "b = [a, a]; a.append(b)", "d['self'] = d", "t = (a,)", "a.extend(a)", "a.sort()", "a.reverse()", "b = a[:]", "a.insert(0, a)", "a.remove(a)", "s = repr(a)", "print a, d", "x = a == b", "x = a < b", "x = a in b", "x = {t: 1}", "x = sorted([a, b])", "x = a.index(a)", "x = str(d)", "a = [a]", "t = (t, t)", "x = hash(t)", "x = {t: t}"])),
            (1, from x in e select $"raise {x}"),
            (1, from x in e from y in e select $"raise {x}, {y}"),
            (1, Pick(["raise", "raise ValueError", "raise ValueError('x')", "raise 'no disks'", "assert", "assert 0", "assert 1, 'm'", "assert a, b, c", "return 1", "break", "import os", "import re", "from os import *", "exec 'x'", "global a"])),
            (1, from x in e select $"assert {x}, {x}"),
            (1, from x in e select $"print {x}"),
            (1, from n in Gen.Choose(1, 3) from x in e select string.Concat(Enumerable.Repeat("-", n * 500)) + x),
            (1, from n in Gen.Choose(90, 101) select "x = " + new string('(', n) + "1" + new string(')', n)),
            (1, from n in Gen.Choose(700, 760) select "x = " + string.Join("**", Enumerable.Repeat("1", n))),
            (1, from n in Gen.Choose(1400, 1500) select "x = " + string.Concat(Enumerable.Repeat("not ", n)) + "1"),
            (1, from n in Gen.Choose(85, 100) select "x = " + string.Concat(Enumerable.Repeat("f(", n)) + string.Concat(Enumerable.Repeat(")", n))),
            (1, from n in Gen.Choose(1, 3) select "x = " + string.Concat(Enumerable.Repeat("7", n * 3000))),
            (1, Pick(["f(a=1, a=2)", "f(" + string.Join(", ", Enumerable.Range(0, 300).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture) + "=1")) + ")", "def g(a, a): pass", "def g(a=1, b): pass"])));
        if (depth <= 0)
        {
            return simple;
        }

        Gen<string> block = s_statement[depth - 1].ListOf().Select(l => string.Join(string.Empty, l.Take(3).Select(s => "\n" + Indent(s))));
        Gen<string> body = from b in block from s in s_statement[depth - 1] select "\n" + Indent(s) + b;
        return Gen.Frequency(
            (6, simple),
            (1, from x in e from b in body from c in body select $"if {x}:{b}\nelse:{c}"),
            (1, from x in s_lst[1] from b in body select $"for i in {x}:{b}"),
            (1, from b in body select $"n = 0\nwhile n < 50:\n    n += 1{b}"),
            (1, from b in body select $"def f(p, q=1):{b}\n    return p\nx = f(a)\ny = f(f(a, q=2))"),
            (1, Gen.Constant("global h\ndef h(k):\n    return h(k + 1)\nx = h(0)")));
    }

    private static string Indent(string statement) => "    " + statement.Replace("\n", "\n    ", StringComparison.Ordinal);

    /// <summary>Small budgets, so a program that runs away stops in milliseconds.</summary>
    private static readonly XmEvaluationContext s_small = new()
    {
        MaxSteps = 20_000,
        MaxValueSize = 1 << 16,
        MaxAllocatedBytes = 4 << 20,
        MaxDuration = TimeSpan.FromMilliseconds(500),
        MaxCallDepth = 50,
        PathAnswers = new Dictionary<string, bool> { ["abc"] = false },
        Environment = new Dictionary<string, string> { ["PATH"] = "/bin" },
    };

    [Fact]
    public void Evaluate_GeneratedHostilePrograms_NeverThrow()
    {
        Prop.ForAll(s_programs.ToArbitrary(), text =>
        {
            ConfigDocument doc = XenConfig.Parse(text, "hostile.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
            Assert.Equal(text, doc.ToFullString());
            foreach (XmEvaluationContext context in new[] { s_small, s_small with { Environment = null, PathAnswers = new Dictionary<string, bool>() } })
            {
                XmEvaluationResult r = doc.Evaluate(context);
                Assert.DoesNotContain(r.Diagnostics, d => d.Id == DiagnosticIds.XmEvaluatorFault);
                Assert.NotEqual(XmEvaluationOutcome.Failed, r.Outcome);
                Assert.All(r.Diagnostics, d => Assert.InRange(d.Span.End, 0, text.Length));
                Assert.All(r.Diagnostics, d => Assert.InRange(d.Message.Length, 1, 2000));
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Values_GeneratedHostilePrograms_NeverThrow()
    {
        // doc.Values evaluates with the default context; these programs stay small, so the default budgets are enough.
        Prop.ForAll(s_programs.ToArbitrary(), text =>
        {
            ConfigDocument doc = XenConfig.Parse(text, "hostile.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
            foreach (var (name, value) in doc.Values)
            {
                Assert.NotNull(name);
                Assert.NotNull(value);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(100));
    }
}
