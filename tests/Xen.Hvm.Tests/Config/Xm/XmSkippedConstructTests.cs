using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>
/// Constructs the evaluator does not read (set displays, lambdas, comprehensions, backquotes, class, try, with,
/// decorators, exec, yield, *args) are still parsed to their end: a syntax error after one stays an error, and a
/// statement that raises whatever its names hold (<c>maxmem = {{ MEMORY }}</c>) is an evaluation error.
/// </summary>
public sealed class XmSkippedConstructTests
{
    /// <summary>Text that Python 2 rejects, after or inside a construct kept as text.</summary>
    private static readonly string[] s_invalid =
    [
        "disk = [ {a}\n {b}\n ]\n",
        "{x}memory = 5\n",
        "x = {1} +\n",
        "x = (lambda: 1) 2\n",
        "x = `1` 2\n",
        "x = {1 for a in b} 3\n",
        "x = [a for a in b if c else d]\n",
        "x = (a for a in b, c)\n",
        "x = f(a for a in b, c)\n",
        "x = f(*a, b)\n",
        "x = f(*a, *b)\n",
        "x = f(*a,)\n",
        "x = f(a.b=1)\n",
        "x = lambda a=1, b: a\n",
        "x = lambda: yield\n",
        "x = not lambda: 1\n",
        "class A(B C): pass\n",
        "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n",
        "try:\n  pass\nelse:\n  pass\n",
        "for a in b:\n  try:\n    pass\n  finally:\n    continue\n",
        "with a as 1: pass\n",
        "@dec\nx = 1\n",
        "exec 'x' in d, e, f\n",
        "def f():\n  yield 1\n  return 2\n",
        "def f(*a, b): pass\n",
        "def f(a, (b, a)): pass\n",
        "x = a[..]\n",
        "x = {a: 1, b for a in c}\n",
        "x = [(yield) for a in b]\n",
        "x = {% if a %}1{% endif %}\n",
        "x = {a for a in b, c}\n",
        "`a` = 1\n",
        "(a for a in b) = 1\n",
    ];

    /// <summary>Valid Python 2 that the evaluator does not read: parsed to its end and kept as text.</summary>
    private static readonly string[] s_valid =
    [
        "x = {1, 2,}\n",
        "x = {1: 2 for a in b if c if d for e in f}\n",
        "x = [a for a in b, c,]\n",
        "x = [a for a in b if (c if d else e)]\n",
        "x = f((a for a in b), c)\n",
        "x = f(*a, **b)\n",
        "x = f((a)=1)\n",
        "x = lambda (a, b), c=1, *d, **e: a\n",
        "x = [a for a in lambda: 1, 2]\n",
        "x = ``1``\n",
        "class A(B, C): x = 1\n",
        "for a in b:\n  try:\n    pass\n  finally:\n    for c in d:\n      continue\n",
        "try:\n  pass\nexcept (E, F), e:\n  pass\nelse:\n  pass\nfinally:\n  pass\n",
        "with a as (b, c), d: pass\n",
        "@dec.x(1)\n@other\nclass A: pass\n",
        "exec 'x' in d, e\n",
        "def f():\n  x = yield 1\n  return\n",
        "def f((a, (b, c))): pass\n",
        "x = a[. . .]\n",
        "x = {{a for a in b}: 2}\n",
        "maxmem = {{ MEMORY }}\n",
        "kernel = {{ KERNEL }}/vmlinuz\n",
    ];

    public static TheoryData<string> Invalid() => new(s_invalid);

    public static TheoryData<string> Valid() => new(s_valid);

    [Theory]
    [InlineData("disk = [ {a}\n {b}\n ]\n", "XH4001@2:2+1")]
    [InlineData("{x}memory = 5\n", "XH4001@1:4+6")]
    [InlineData("x = {1} +\n", "XH4001@1:10+1")]
    [InlineData("x = (lambda: 1) 2\n", "XH4001@1:17+1")]
    [InlineData("x = `1` 2\n", "XH4001@1:9+1")]
    [InlineData("x = f(a for a in b, c)\n", "XH4010@1:6+1")]
    [InlineData("def f():\n  yield 1\n  return 2\n", "XH4008@2:3+5|XH4010@3:3+6")]
    public void Parse_SyntaxErrorAfterSkippedConstruct_IsAnErrorAtItsToken(string text, string expected)
    {
        ConfigDocument doc = XmParserTests.Xm(text);

        Assert.Equal(expected, string.Join("|", XmParserTests.Diags(text)));
        Assert.True(doc.HasErrors);
        Assert.Equal(text, doc.ToFullString());
        Assert.Equal(XmEvaluationOutcome.Rejected, doc.Evaluate(XmEvaluationContext.Default).Outcome);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidAfterSkippedConstruct_HasAnError(string text)
    {
        ConfigDocument doc = XmParserTests.Xm(text);

        Assert.True(doc.HasErrors);
        Assert.Equal(text, doc.ToFullString());
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ValidSkippedConstruct_IsKeptAsTextWithXH4008(string text)
    {
        ConfigDocument doc = XmParserTests.Xm(text + "name = 'a'\n");

        Assert.False(doc.HasErrors);
        Assert.Contains(doc.Diagnostics, d => d.Id == DiagnosticIds.XmUnsupportedConstruct);
        Assert.NotEmpty(doc.Root.DescendantNodes().OfType<SkippedStatementSyntax>());
        Assert.Equal("name", Assert.Single(doc.Settings).Name);
    }

    [PythonFact(2)]
    public void Parse_SkippedConstructFixtures_AgreeWithPython2Compile()
    {
        string[] all = [.. s_invalid, .. s_valid];
        const string script = "import sys, json\nfor src in json.loads(sys.stdin.read()):\n    try:\n        compile(src, 'c', 'exec'); print('ok')\n    except SyntaxError:\n        print('rejected')\n";
        var (code, output, error) = PythonInterpreters.Run(PythonInterpreters.Python2, ["-c", script], new JsonArray(all.Select(t => (JsonNode?)t).ToArray()).ToJsonString());

        Assert.True(code == 0, error);
        string[] python = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(all.Length, python.Length);
        for (int i = 0; i < all.Length; i++)
        {
            bool ours = XmParserTests.Xm(all[i]).HasErrors;
            Assert.True(ours == (python[i] == "rejected"), $"CPython {python[i]}, we {(ours ? "reject" : "read")}: {all[i]}");
        }
    }

    [Theory]
    [InlineData("maxmem = {{ MEMORY }}\n", "1:11+10")]
    [InlineData("x = {[1]}\n", "1:6+3")]
    [InlineData("x = {1, ([2])}\n", "1:9+5")]
    [InlineData("x = {{a for a in b}: 2}\n", "1:6+14")]
    [InlineData("x = f({{}})\n", "1:8+2")]
    [InlineData("vif = [ {{ VIF }} ]\n", "1:10+7")]
    public void Parse_UnhashableSetItemOrKey_IsXH4050AtThatItem(string text, string span)
    {
        ConfigDocument doc = XmParserTests.Xm(text);

        Assert.False(doc.HasErrors);
        Diagnostic d = Assert.Single(doc.Diagnostics, d => d.Id == DiagnosticIds.XmAlwaysRaises);
        Assert.Equal(span, $"{d.Location.Line}:{d.Location.Column}+{d.Span.Length}");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("x = a and {{1}}\n")] // may not be computed
    [InlineData("x = {{1}} if a else 2\n")]
    [InlineData("x = 1 < 2 < {{1}}\n")]
    [InlineData("x = [{{1}} for a in b]\n")]
    [InlineData("x = lambda: {{1}}\n")]
    [InlineData("if a: x = {{1}}\n")]
    [InlineData("x = {(1, 2), 'a', 3}\n")] // hashable items
    [InlineData("name = '{{ NAME }}'\n")] // text in a string
    public void Parse_SetThatMayNotRaise_HasNoXH4050(string text)
    {
        Assert.DoesNotContain(XmParserTests.Xm(text).Diagnostics, d => d.Id == DiagnosticIds.XmAlwaysRaises);
    }

    [Theory]
    [InlineData("name = 'a'\nmaxmem = {{ MEMORY }}\nmemory = 5\n", "NameError", 2)]
    [InlineData("MEMORY = 1\nmaxmem = {{ MEMORY }}\n", "TypeError", 2)]
    [InlineData("x = {1, [2]}\n", "TypeError", 1)]
    [InlineData("x = len({{len}})\n", "TypeError", 1)]
    [InlineData("x = f({{1}})\n", "NameError", 1)]
    [InlineData("def f(a):\n    return {{a}}\nx = f(1)\n", "TypeError", 2)]
    [InlineData("def f():\n    return {{a}}\nx = f()\n", "NameError", 2)]
    [InlineData("for i in range(3):\n    x = {{i}}\n", "TypeError", 2)]
    public void Evaluate_StatementThatAlwaysRaises_StopsWithXH4140(string text, string exception, int line)
    {
        XmEvaluationResult r = XmParserTests.Xm(text).Evaluate(XmEvaluationContext.Default);

        Assert.Equal(XmEvaluationOutcome.Raised, r.Outcome);
        Assert.Equal(exception, r.ExceptionType);
        Diagnostic d = Assert.Single(r.Diagnostics, d => d.Id == DiagnosticIds.XmRaisesWhenRun);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(line, d.Location.Line);
        Assert.Equal(exception, d.Arguments[0]);
    }

    [Theory]
    [InlineData("if 0:\n    x = {{a}}\ny = 1\n")]
    [InlineData("def f():\n    return {{a}}\ny = 1\n")]
    [InlineData("x = {1, 2}\ny = 1\n")]
    public void Evaluate_AlwaysRaisingStatementNotReached_Completes(string text)
    {
        XmEvaluationResult r = XmParserTests.Xm(text).Evaluate(XmEvaluationContext.Default);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal(1L, ((ConfigInteger)r.Variables["y"]).Value);
        Assert.DoesNotContain(r.Diagnostics, d => d.Id == DiagnosticIds.XmRaisesWhenRun);
    }

    [PythonFact(2)]
    public void Evaluate_AlwaysRaisingStatements_RaiseWhatPython2Raises()
    {
        string[] cases =
        [
            "name = 'a'\nmaxmem = {{ MEMORY }}\nmemory = 5\n",
            "MEMORY = 1\nmaxmem = {{ MEMORY }}\n",
            "x = {1, [2]}\n",
            "x = f({{1}})\n",
            "def f(a):\n    return {{a}}\nx = f(1)\n",
            "def f():\n    return {{a}}\nx = f()\n",
            "if 0:\n    x = {{a}}\ny = 1\n",
        ];
        const string script = "import sys, json\nfor src in json.loads(sys.stdin.read()):\n    try:\n        exec(compile(src, 'c', 'exec'), {}); print('ok')\n    except Exception as e:\n        print(type(e).__name__)\n";
        var (code, output, error) = PythonInterpreters.Run(PythonInterpreters.Python2, ["-c", script], new JsonArray(cases.Select(t => (JsonNode?)t).ToArray()).ToJsonString());

        Assert.True(code == 0, error);
        string[] python = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Length, python.Length);
        for (int i = 0; i < cases.Length; i++)
        {
            XmEvaluationResult r = XmParserTests.Xm(cases[i]).Evaluate(XmEvaluationContext.Default);
            Assert.Equal(python[i], r.ExceptionType ?? "ok");
        }
    }
}
