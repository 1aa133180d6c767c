using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Evaluation;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>
/// The xm files of issue 9's review that crashed the host process, hung or ran out of memory: each one now gives
/// Python 2's answer where Python has one, and a diagnostic otherwise.
/// </summary>
public sealed class XmHostileInputTests
{
    /// <summary>The default budgets but the wall-time one: a loaded machine must not turn a byte or step verdict into XH4112.</summary>
    private static readonly XmEvaluationContext s_untimed = new() { MaxDuration = Timeout.InfiniteTimeSpan };

    private static XmEvaluationResult Eval(string text, XmEvaluationContext? context = null) =>
        XmParserTests.Xm(text).Evaluate(context ?? s_untimed);

    private static string Json(XmEvaluationResult r) => string.Join(", ", r.Variables.Select(p => p.Key + "=" + p.Value));

    private static string[] Errors(XmEvaluationResult r) =>
        r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToArray();

    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    // ------------------------------------------------------------------ crashes

    private const string DiskScript = "import os\ndisk = []\nif os.path.exists('/dev/sda'):\n    disk.append('phy:/dev/sda,hda,w')\nif not disk: raise 'no disks'\n";

    [Fact]
    public void Evaluate_RaiseAfterAnAppendThatDependsOnTheHost_LeavesDiskUnknown()
    {
        XmEvaluationResult r = Eval(DiskScript);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal(["disk"], r.UnknownVariables);
        Assert.Contains(r.Diagnostics, d => d.Id == DiagnosticIds.XmNeedsContext);
        Assert.Contains(r.Diagnostics, d => d.Id == DiagnosticIds.XmUnknownBranch);
    }

    [Theory]
    [InlineData(false, XmEvaluationOutcome.Raised, "TypeError", "disk=[]")]
    [InlineData(true, XmEvaluationOutcome.Completed, null, "disk=[\"phy:/dev/sda,hda,w\"]")]
    public void Evaluate_RaiseOfAString_IsPython27sTypeError(bool exists, XmEvaluationOutcome outcome, string? exception, string values)
    {
        // Python 2.7: "exceptions must be old-style classes or derived from BaseException, not str".
        XmEvaluationResult r = Eval(DiskScript, new XmEvaluationContext { PathAnswers = new Dictionary<string, bool> { ["/dev/sda"] = exists } });

        Assert.Equal(outcome, r.Outcome);
        Assert.Equal(exception, r.ExceptionType);
        Assert.Equal(values, Json(r));
    }

    [Theory]
    [InlineData("disk = [1, 2, 3]\ndel disk[1:]\n", "disk=[1]")]
    [InlineData("a = [1, 2, 3, 4, 5]\ndel a[::2]\n", "a=[2, 4]")]
    [InlineData("a = [1, 2, 3, 4, 5]\ndel a[::-2]\n", "a=[2, 4]")]
    [InlineData("a = [1, 2, 3, 4]\na[::2] = [9, 9]\n", "a=[9, 2, 9, 4]")]
    [InlineData("a = [3, 1, 2]\na[::-1] = a\n", "a=[2, 1, 3]")]
    [InlineData("a = [1, 2, 3, 4]\na[0:1] += [5]\n", "a=[1, 5, 2, 3, 4]")]
    [InlineData("a = [1, 2, 3]\na[5:1] = [9]\na[1:1] = ['x']\n", "a=[1, \"x\", 2, 3, 9]")]
    [InlineData("a = [1, 2, 3, 4, 5]\na[1:2] = a\n", "a=[1, 1, 2, 3, 4, 5, 3, 4, 5]")]
    [InlineData("x = 'abc'[1::2147483647]\n", "x=\"b\"")]
    [InlineData("x = 'abcdef'[::-10**30]\ny = 'abcdef'[10**30:-10**30:-2]\nz = [1, 2, 3][::2**63]\n", "x=\"f\", y=\"fdb\", z=[1]")]
    [InlineData("x = 'abc'[-2147483648:2147483647:-2147483648]\ny = 'abc'[2147483647:-2147483648:-2147483648]\n", "x=\"\", y=\"c\"")]
    [InlineData("import re\nx = 1 if re.match('(?x)a#', 'b') is None else 0\ny = re.match('(?x)a#', 'ab').group(0)\n", "x=1, y=\"a\"")]
    [InlineData("a = [1]\na.append(a)\nx = 1 if a == a else 0\ny = 1 if a in [a] else 0\ns = repr(a)\nd = {}\nd[1] = d\nt = str(d)\n", "x=1, y=1, s=\"[1, [...]]\", t=\"{1: {...}}\"")]
    [InlineData("t = ()\nfor i in range(150000):\n    t = (t,)\nd = {t: 1}\nn = len(d) + (1 if t in d else 0)\n", "i=149999, n=2")]
    [InlineData("x = (-1) ** (10 ** 20)\ny = 0 ** (10 ** 20)\nz = 2 ** -(10 ** 20)\n", "z=0.0")]
    public void Evaluate_ConstructsThatCrashedTheHost_GivePythonsValues(string text, string values)
    {
        XmEvaluationResult r = Eval(text);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal(values, Json(r));
        Assert.DoesNotContain(r.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("a = [1, 2, 3, 4]\na[::2] = [9]\n", "ValueError")]
    [InlineData("x = int('10', 10**20)\n", "OverflowError")]
    [InlineData("x = int('10', 37)\n", "ValueError")]
    [InlineData("x = int('10', 2.5)\n", "TypeError")]
    [InlineData("x = int('1L')\n", "ValueError")]
    [InlineData("a = [1]\na.append(a)\nb = [1]\nb.append(b)\nx = a == b\n", "RuntimeError")]
    [InlineData("a = [1]\na.append(a)\nb = [1]\nb.append(b)\nx = a < b\n", "RuntimeError")]
    [InlineData("u = []\nv = []\nfor i in range(150000):\n    u = [u]\n    v = [v]\nx = u == v\n", "RuntimeError")]
    [InlineData("u = []\nfor i in range(20000):\n    u = [u]\nx = repr(u)\n", "RuntimeError")]
    [InlineData("t = ()\nfor i in range(20000):\n    t = (t,)\nu = ()\nfor i in range(20000):\n    u = (u,)\nd = {t: 1}\nx = d[u]\n", "RuntimeError")]
    [InlineData("x = {(1, [2]): 3}\n", "TypeError")]
    public void Evaluate_ConstructsThatCrashedTheHost_RaisePythonsException(string text, string exception)
    {
        XmEvaluationResult r = Eval(text);

        Assert.Equal(XmEvaluationOutcome.Raised, r.Outcome);
        Assert.Equal(exception, r.ExceptionType);
        Assert.Equal([DiagnosticIds.XmRaisedException], Errors(r));
    }

    [Fact]
    public void Evaluate_AugmentedAssignmentToAnUnknownEnvironment_LeavesItUnknown()
    {
        const string text = "import os\nos.environ['PATH'] += ':/usr/lib/xen/bin'\npath = os.environ['PATH']\n";

        XmEvaluationResult unknown = Eval(text);
        Assert.Equal(XmEvaluationOutcome.Completed, unknown.Outcome);
        Assert.Equal(["path"], unknown.UnknownVariables);
        Assert.All(unknown.Diagnostics, d => Assert.Equal(DiagnosticIds.XmNeedsContext, d.Id));

        XmEvaluationResult known = Eval(text, new XmEvaluationContext { Environment = new Dictionary<string, string> { ["PATH"] = "/bin" } });
        Assert.Equal("/bin:/usr/lib/xen/bin", known.Variables.GetString("path"));
    }

    [Theory]
    [InlineData("assert\n", DiagnosticIds.XmSyntaxError)]
    [InlineData("assert 1, 2, 3\n", DiagnosticIds.XmSyntaxError)]
    [InlineData("raise 1, 2, 3, 4\n", DiagnosticIds.XmSyntaxError)]
    [InlineData("del 1\n", DiagnosticIds.XmSyntaxError)]
    [InlineData("f(a=1, a=2)\n", DiagnosticIds.XmCompileError)]
    [InlineData("def f(a, a): pass\n", DiagnosticIds.XmCompileError)]
    [InlineData("def f(a=1, b): pass\n", DiagnosticIds.XmCompileError)]
    [InlineData("return 1\n", DiagnosticIds.XmCompileError)]
    [InlineData("break\n", DiagnosticIds.XmCompileError)]
    [InlineData("for i in []: pass\nelse: continue\n", DiagnosticIds.XmCompileError)]
    [InlineData("for i in []:\n    def f(): break\n", DiagnosticIds.XmCompileError)]
    public void Parse_WhatPython2Rejects_IsRejected(string text, string id)
    {
        ConfigDocument doc = XmParserTests.Xm(text);

        Assert.Equal(id, Assert.Single(doc.Diagnostics).Id);
        Assert.Equal(text, doc.ToFullString());
        Assert.Equal(XmEvaluationOutcome.Rejected, doc.Evaluate(XmEvaluationContext.Default).Outcome);
    }

    [Fact]
    public void Parse_CallWithTwentyThousandKeywordArguments_IsRejectedLikePython2()
    {
        // Python 2.7: "SyntaxError: more than 255 arguments"; it took the evaluator 51 s with 128,000.
        string text = "x = dict(" + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => "a" + i.ToString(CultureInfo.InvariantCulture) + "=1")) + ")\ny = 1\n";
        ConfigDocument doc = XmParserTests.Xm(text);

        Assert.Equal(DiagnosticIds.XmCompileError, Assert.Single(doc.Diagnostics).Id);
        Assert.Equal(text, doc.ToFullString());
        XmEvaluationResult r = doc.Evaluate(XmEvaluationContext.Default);
        Assert.Equal(XmEvaluationOutcome.Rejected, r.Outcome);
        Assert.Equal(["x"], r.UnknownVariables);
        Assert.All(r.Diagnostics, d => Assert.True(d.Message.Length < 1000));
    }

    public static TheoryData<string, int, int> NestingShapes() => new()
    {
        // shape (N is the count), the largest N CPython 2.7 reads, measured with its own parser
        { "x = " + "2**N" + "\n", 741, 0 },
        { "x = -N1\n", 1480, 1 },
        { "x = notN1\n", 1480, 2 },
        { "x = (N1)N\n", 98, 3 },
        { "x = [N]N\n", 99, 4 },
        { "x = f(N)N\n", 93, 5 },
        { "x = a[N0]N\n", 92, 6 },
        { "x = {1:N1}N\n", 98, 7 },
        { "x = 1 if y else N2\n", 1480, 8 },
        { "x = -2**N2\n", 493, 9 },
    };

    /// <summary>Writes a nesting shape <paramref name="count"/> deep (see <see cref="NestingShapes"/>).</summary>
    internal static string Nest(int shape, int count) => shape switch
    {
        0 => "x = " + string.Join("**", Enumerable.Repeat("2", count)) + "\n",
        1 => "x = " + new string('-', count) + "1\n",
        2 => "x = " + Repeat("not ", count) + "1\n",
        3 => "x = " + new string('(', count) + "1" + new string(')', count) + "\n",
        4 => "x = " + new string('[', count) + new string(']', count) + "\n",
        5 => "x = " + Repeat("f(", count) + new string(')', count) + "\n",
        6 => "x = " + Repeat("a[", count) + "0" + new string(']', count) + "\n",
        7 => "x = " + Repeat("{1:", count) + "1" + new string('}', count) + "\n",
        8 => "x = " + Repeat("1 if y else ", count) + "2\n",
        _ => "x = " + Repeat("-2**", count) + "2\n",
    };

    [Theory]
    [MemberData(nameof(NestingShapes))]
    public void Parse_NestingAtPython2sParserLimit_IsReadAndOneMoreIsXH4007(string shape, int limit, int kind)
    {
        _ = shape;
        foreach (var (count, rejected) in new[] { (limit, false), (limit + 1, true) })
        {
            string text = Nest(kind, count);
            ConfigDocument doc = XmParserTests.Xm(text);

            Assert.Equal(rejected, doc.Diagnostics.Any(d => d.Id == DiagnosticIds.XmNestingTooDeep));
            Assert.Equal(text, doc.ToFullString());
        }
    }

    [PythonFact(2)]
    public void Parse_NestingAroundTheLimit_AgreesWithCPython2()
    {
        var cases = new List<(string Text, bool Ours)>();
        foreach (var row in NestingShapes())
        {
            int limit = (int)row[1];
            int kind = (int)row[2];
            foreach (int count in new[] { limit - 1, limit, limit + 1, limit + 2 })
            {
                string text = Nest(kind, count);
                cases.Add((text, XmParserTests.Xm(text).Diagnostics.Any(d => d.Id == DiagnosticIds.XmNestingTooDeep)));
            }
        }

        // A nested-block context shifts the limit as it shifts CPython's.
        string nested = "if 1:\n    if 1:\n        " + Nest(1, 1472).TrimEnd('\n') + "\n";
        cases.Add((nested, XmParserTests.Xm(nested).Diagnostics.Any(d => d.Id == DiagnosticIds.XmNestingTooDeep)));
        nested = "if 1:\n    if 1:\n        " + Nest(1, 1473).TrimEnd('\n') + "\n";
        cases.Add((nested, XmParserTests.Xm(nested).Diagnostics.Any(d => d.Id == DiagnosticIds.XmNestingTooDeep)));

        const string script = "import sys, json\nfor src in json.loads(sys.stdin.read()):\n    try:\n        compile(src, 'c', 'exec'); print('ok')\n    except (SyntaxError, MemoryError):\n        print('rejected')\n";
        var (code, output, error) = PythonInterpreters.Run(PythonInterpreters.Python2!, ["-c", script], new JsonArray(cases.Select(c => (JsonNode?)c.Text).ToArray()).ToJsonString());
        Assert.True(code == 0, error);
        string[] python = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Count, python.Length);
        for (int i = 0; i < cases.Count; i++)
        {
            Assert.True(cases[i].Ours == (python[i] == "rejected"), $"case {i}: CPython {python[i]}, we {(cases[i].Ours ? "reject" : "read")} {cases[i].Text[..Math.Min(60, cases[i].Text.Length)]}");
        }
    }

    [Fact]
    public void Parse_PowerChainOf30000_IsXH4007AndRoundTrips()
    {
        string text = Nest(0, 30_000) + "y = 2\n";
        ConfigDocument doc = XmParserTests.Xm(text);

        Assert.Equal(DiagnosticIds.XmNestingTooDeep, Assert.Single(doc.Diagnostics).Id);
        Assert.Equal(text, doc.ToFullString());
        Assert.Equal(XmEvaluationOutcome.Rejected, doc.Evaluate(XmEvaluationContext.Default).Outcome);
        Assert.Equal(new ConfigInteger(2), doc.Values["y"]);
    }

    // ------------------------------------------------------------------ hangs and memory

    [Theory]
    [InlineData("x = (-2)**(10**10)\n", DiagnosticIds.XmLimitExceeded, 0)] // refused from the bit lengths, before computing
    [InlineData("x = range(16000000)\n", DiagnosticIds.XmMemoryBudgetExceeded, 0)] // reached 2.4 GB
    [InlineData("x = int('1' * 5000)\n", DiagnosticIds.XmIntegerTooLong, 0)]
    // Each match alone is short; their sum is bounded because each gets only what is left of the time budget.
    [InlineData("import re\nn = 0\nwhile 1:\n    if re.match('(a+)+b', 'a' * 18): n = 1\n", DiagnosticIds.XmTimeBudgetExceeded, 100)]
    [InlineData("while 1:\n    pass\n", DiagnosticIds.XmTimeBudgetExceeded, 50)] // the clock is read with the step counter
    public void Evaluate_RunawayConfig_StopsAtTheBudgetItReaches(string text, string id, int maxMilliseconds)
    {
        XmEvaluationContext context = maxMilliseconds == 0
            ? s_untimed
            : new XmEvaluationContext { MaxDuration = TimeSpan.FromMilliseconds(maxMilliseconds), MaxSteps = int.MaxValue };
        XmEvaluationResult r = Eval(text, context);

        Assert.Equal(XmEvaluationOutcome.LimitExceeded, r.Outcome);
        Assert.Equal([id], Errors(r));
    }

    [Theory]
    [InlineData("x = repr([[0] * 250] * 300)\n")]
    [InlineData("x = str([[0] * 250] * 300)\n")]
    [InlineData("x = '%s' % ([[0] * 250] * 300,)\n")]
    [InlineData("print [[0] * 250] * 300\n")]
    [InlineData("x = 'a' * 250000\n")]
    [InlineData("x = [0] * 50000\n")]
    [InlineData("x = 'a' * 25000\ny = x + x + x + x + x\n")]
    [InlineData("x = 'ab' * 250\ny = x.join([x] * 300)\n")]
    [InlineData("r = [0] * 1250\nz = zip(r, r, r, r, r, r, r, r, r, r, r, r, r, r, r, r)\n")]
    [InlineData("r = [0] * 1250\nfor i in range(5):\n    e = enumerate(r)\n")]
    [InlineData("r = [0] * 5000\nfor i in range(8):\n    m = map(None, r)\n")]
    [InlineData("r = [0] * 5000\nfor i in range(8):\n    m = filter(None, r)\n")]
    [InlineData("r = [0] * 5000\nfor i in range(8):\n    m = sorted(r)\n")]
    [InlineData("r = [0] * 5000\nfor i in range(8):\n    m = r[::-1]\n")]
    [InlineData("r = [0] * 5000\nfor i in range(8):\n    m = list(r)\n")]
    [InlineData("r = [0] * 5000\nfor i in range(8):\n    m = tuple(r)\n")]
    [InlineData("x = range(7500)\n")]
    [InlineData("d = {}\nfor i in range(500):\n    d[i] = i\nfor i in range(20):\n    e = dict(d)\n")]
    [InlineData("d = {}\nfor i in range(500):\n    d[i] = i\nfor i in range(20):\n    e = d.items()\n")]
    [InlineData("x = 'a' * 25000\nfor i in range(8):\n    y = x.upper()\n")]
    [InlineData("x = 'a,' * 12500\nfor i in range(3):\n    y = x.split(',')\n")]
    [InlineData("x = 'a' * 25000\nfor i in range(8):\n    y = x.replace('a', 'b')\n")]
    [InlineData("x = 'a' * 25000\nfor i in range(8):\n    y = list(x)\n")]
    [InlineData("import re\nx = 'a' * 12500\ny = re.sub('a', 'b' * 20, x)\n")]
    [InlineData("import re\nx = 'a,' * 12500\nfor i in range(3):\n    y = re.split(',', x)\n")]
    [InlineData("import re\nx = 'ab' * 12500\nfor i in range(3):\n    y = re.findall('a', x)\n")]
    [InlineData("x = 'a' * 250\nfor i in range(30):\n    y = '%s %s %s %s %s %s %s %s' % (x, x, x, x, x, x, x, x) * 10\n")]
    public void Evaluate_EveryBuilderOfData_IsChargedToTheMemoryBudget(string text)
    {
        XmEvaluationResult r = Eval(text, new XmEvaluationContext { MaxAllocatedBytes = 1 << 18 });

        Assert.Equal(XmEvaluationOutcome.LimitExceeded, r.Outcome);
        Assert.Equal([DiagnosticIds.XmMemoryBudgetExceeded], Errors(r));
        Assert.Equal(XmEvaluationOutcome.Completed, Eval(text, new XmEvaluationContext { MaxAllocatedBytes = 1 << 24 }).Outcome);
    }

    [Fact]
    public void Evaluate_ReprOfSixteenTimesSixteenMillion_StopsWithoutBuildingIt()
    {
        // It reached 21 GB. The list (128 MB of references) fits the default budgets; its repr stops as it grows.
        XmEvaluationResult r = Eval("x = repr([[0] * 16000000] * 16)\n");

        Assert.Equal(XmEvaluationOutcome.LimitExceeded, r.Outcome);
        Assert.Single(Errors(r), id => id is DiagnosticIds.XmMemoryBudgetExceeded or DiagnosticIds.XmLimitExceeded);
        Assert.Equal(XmEvaluationOutcome.Completed, Eval("x = len([[0] * 16000000] * 16)\n").Outcome); // the list alone is fine
    }

    [Fact]
    public void Evaluate_SubstringSearchOnChosenText_StaysWithinTheDefaultBudgets()
    {
        // .NET's ordinal search takes seconds on this (the product of the lengths); the evaluator's is linear.
        const string text = """
            x = 'ab' * 800000
            y = 'ab' * 100000 + 'aa' + 'ab' * 100000
            a = 1 if y in x else 0
            b = x.find(y) + x.rfind(y)
            c = x.count(y)
            d = len(x.split(y)) + len(x.replace(y, '')) + len(x.partition(y)[0])
            e = len(('a' * 1000000).strip('b' * 1000000 + 'a'))
            f = x.find('ab' * 100000 + 'ab') + 1
            """;
        XmEvaluationResult r = Eval(text);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal("a=0, b=-2, c=0, d=3200001, e=0, f=1", string.Join(", ", r.Variables.Where(p => p.Key.Length == 1 && p.Key[0] >= 'a' && p.Key[0] <= 'f').Select(p => p.Key + "=" + p.Value)));
    }

    [Theory]
    [InlineData("import re\nx = re.match('(', 'a')\n")]
    [InlineData("import re\np = re.compile('[z-a]')\nx = p.search('a')\n")]
    public void Evaluate_RegexDotNetCannotCompile_IsXH4115AndUnknown(string text)
    {
        XmEvaluationResult r = Eval(text);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Contains(r.Diagnostics, d => d.Id == DiagnosticIds.XmRegexNotCompiled);
        Assert.Contains("x", r.UnknownVariables);
    }

    [Theory]
    [InlineData("x = 7777777777\n", 10)]
    [InlineData("x = int('7' * 4300)\n", 4300)]
    [InlineData("x = long('0x' + 'f' * 4300, 16)\n", 4300)]
    public void Evaluate_IntegerAtTheDigitBound_IsRead(string text, int digits)
    {
        _ = digits;
        XmEvaluationResult r = Eval(text);
        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
    }

    [Theory]
    [InlineData(4301)]
    [InlineData(400_000)]
    public void Evaluate_IntegerLiteralPastTheDigitBound_IsXH4114(int digits)
    {
        string text = "x = " + new string('7', digits) + "\n";
        XmEvaluationResult r = Eval(text);

        Assert.Equal(XmEvaluationOutcome.LimitExceeded, r.Outcome);
        Assert.Equal([DiagnosticIds.XmIntegerTooLong], Errors(r));

        XmEvaluationResult raised = Eval("x = int('" + new string('7', digits) + "') % 10\n", new XmEvaluationContext { MaxIntegerDigits = 400_000, MaxDuration = Timeout.InfiniteTimeSpan });
        Assert.Equal(digits > 19_000 ? XmEvaluationOutcome.LimitExceeded : XmEvaluationOutcome.Completed, raised.Outcome);
    }

    [Fact]
    public void TryBuild_AnyDigitsInAnyBase_AgreeWithDigitByDigitConversion()
    {
        var random = new Random(9);
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        for (int n = 0; n < 500; n++)
        {
            int radix = random.Next(2, 37);
            string text = new(Enumerable.Range(0, random.Next(1, 120)).Select(_ => digits[random.Next(radix)]).ToArray());
            BigInteger expected = text.Aggregate(BigInteger.Zero, (v, c) => (v * radix) + PyNumber.DigitValue(c));

            Assert.True(PyNumber.TryBuild(text, radix, out BigInteger value));
            Assert.Equal(expected, value);
        }

        Assert.False(PyNumber.TryBuild("12a", 10, out _));
    }

    [Fact]
    public void Hash_TuplesChosenToCollide_SpreadOverDistinctHashes()
    {
        // (i, -31 i) all had one hash under the old 17 * 31 + item scheme, which made a 40,000-key dict take 86 s;
        // i * 2^32 + i all share long.GetHashCode().
        var budget = new XmBudget(XmEvaluationContext.Default);
        int tuples = Enumerable.Range(0, 40_000)
            .Select(i => PyDeep.Hash(new PyTuple([new PyInt(i), new PyInt(-31 * i)]), budget)).Distinct().Count();
        int longs = Enumerable.Range(0, 40_000)
            .Select(i => PyDeep.Hash(new PyInt(((long)i << 32) | (uint)i), budget)).Distinct().Count();

        Assert.True(tuples > 39_900, tuples.ToString(CultureInfo.InvariantCulture));
        Assert.True(longs > 39_900, longs.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Hash_EqualKeys_HashAlike()
    {
        var budget = new XmBudget(XmEvaluationContext.Default);
        Assert.Equal(PyDeep.Hash(new PyInt(1), budget), PyDeep.Hash(new PyFloat(1.0), budget));
        Assert.Equal(PyDeep.Hash(new PyInt(1), budget), PyDeep.Hash(PyBool.True, budget));
        Assert.Equal(PyDeep.Hash(new PyInt(BigInteger.Pow(2, 70)), budget), PyDeep.Hash(new PyFloat(Math.Pow(2, 70)), budget));
        Assert.Equal(PyDeep.Hash(new PyStr("a"), budget), PyDeep.Hash(new PyStr("a", true), budget));
        Assert.Equal(
            PyDeep.Hash(new PyTuple([new PyInt(1), new PyTuple([new PyStr("x")])]), budget),
            PyDeep.Hash(new PyTuple([new PyFloat(1), new PyTuple([new PyStr("x")])]), budget));

        // A tuple whose inner tuples are already hashed takes a shorter path to the same hash.
        var inner = new PyTuple([new PyStr("x")]);
        _ = PyDeep.Hash(inner, budget);
        Assert.Equal(PyDeep.Hash(new PyTuple([new PyInt(1), inner]), budget), PyDeep.Hash(new PyTuple([new PyInt(1), new PyTuple([new PyStr("x")])]), budget));
    }

    [Fact]
    public void Context_NonPositiveBudgets_AreProgrammerErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new XmEvaluationContext { MaxDuration = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new XmEvaluationContext { MaxAllocatedBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new XmEvaluationContext { MaxIntegerDigits = -1 });
        Assert.Equal(Timeout.InfiniteTimeSpan, new XmEvaluationContext { MaxDuration = Timeout.InfiniteTimeSpan }.MaxDuration);
    }

    // ------------------------------------------------------------------ agreement with CPython

    private static readonly string[] s_snippets =
    [
        "disk = [1, 2, 3]\ndel disk[1:]\n",
        "a = [1, 2, 3, 4, 5, 6, 7]\ndel a[-2:1:-3]\n",
        "a = [1, 2, 3, 4]\na[::2] = [9, 9]\n",
        "a = [1, 2, 3, 4]\na[::2] = [9]\n",
        "a = [1, 2, 3, 4]\na[3:0:-1] = 'xyz'\n",
        "a = [1, 2, 3, 4]\na[0:1] += [5]\nb = [1, 2]\nb[:] *= 2\n",
        "s = 'abcdefgh'\nx = [s[1::2147483647], s[::-2147483648], s[-10**20:10**20:3], s[5:-20:-2], s[None:None:None]]\n",
        "t = (1, 2, 3, 4)\nx = list(t[::-1]) + list(t[10:]) + list(t[-100:2])\n",
        "x = int('10', 10**20)\n",
        "x = int('10', 0)\ny = int('0x1f', 0)\nz = int(' -  5 ')\nw = long('17L', 8)\n",
        "x = int('08', 0)\n",
        "x = int('1L')\n",
        "import re\nx = re.match('(?x)a#', 'b')\ny = 1 if x is None else 0\n",
        "a = [1]\na.append(a)\nx = a == a\ny = 1 if a == a else 0\nprint a\n",
        "a = [1]\na.append(a)\nb = [1]\nb.append(b)\nx = a == b\n",
        "u = []\nv = []\nfor i in range(5000):\n    u = [u]\n    v = [v]\nx = u == v\n",
        "u = []\nfor i in range(5000):\n    u = [u]\nx = repr(u)\n",
        "t = ()\nfor i in range(5000):\n    t = (t,)\nd = {t: 1}\nn = len(d)\n",
        "d = {}\nd['d'] = d\nx = repr(d)\n",
        "x = (-1) ** (10 ** 20)\ny = str(x)\n",
        "x = '%*d|' % (-5, 1)\n",
        "x = sorted([[1], [1, [2]], 3, 'a', None, (1,)])\ny = len(x)\n",
        "import os\ndisk = []\nif os.path.exists('/nonexistent-for-sure'):\n    disk.append('x')\nif not disk: raise 'no disks'\n",
    ];

    [PythonFact(2)]
    public void Evaluate_HostileSnippets_AgreeWithPython2()
    {
        using var dir = new TempDirectory();
        var jobs = new JsonArray();
        for (int i = 0; i < s_snippets.Length; i++)
        {
            string path = dir.File($"h{i}.cfg");
            File.WriteAllText(path, s_snippets[i]);
            jobs.Add(new JsonObject
            {
                ["file"] = path,
                ["xm_file"] = path,
                ["env"] = new JsonObject(),
                ["exists"] = new JsonObject { ["/nonexistent-for-sure"] = false },
            });
        }

        Dictionary<string, JsonObject> python = XmPythonHarness.Run(PythonInterpreters.Python2!, jobs);
        var failures = new List<string>();
        for (int i = 0; i < s_snippets.Length; i++)
        {
            string path = dir.File($"h{i}.cfg");
            XmEvaluationResult ours = XenConfig.Parse(s_snippets[i], path, new XenConfigParseOptions { Dialect = ConfigDialect.Xm })
                .Evaluate(new XmEvaluationContext
                {
                    FilePath = path,
                    Environment = new Dictionary<string, string>(),
                    PathAnswers = new Dictionary<string, bool> { ["/nonexistent-for-sure"] = false },
                });
            string? problem = XmGeneratedProgramTests.Compare(python[path], ours);
            if (problem is null && (string?)python[path]["output"] is { } output && output != ours.Output)
            {
                problem = "different output";
            }

            if (problem is not null)
            {
                failures.Add($"--- {s_snippets[i]}python: {python[path].ToJsonString()}\nwe: {ours.Outcome} {ours.ExceptionType} {Json(ours)}\n{problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
