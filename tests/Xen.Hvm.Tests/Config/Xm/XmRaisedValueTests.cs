using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>
/// A Python exception goes up through statements, loops and calls as a value where it can (a raise statement, a
/// call whose result a statement takes whole) and as a .NET exception where an expression needs a value (an operand,
/// an argument, a list item, a builtin's callback): either way it stops the file at the same line, with the same
/// class, and leaves the variables set before it.
/// </summary>
public sealed class XmRaisedValueTests
{
    [Theory]
    // statement level: the call's result is taken whole
    [InlineData("x = 1\ny = int(None)\nz = 2\n", "TypeError", 2, "x=1")]
    [InlineData("x = 1\nint(None)\nz = 2\n", "TypeError", 2, "x=1")]
    [InlineData("x = 1\nraise ValueError('v')\nz = 2\n", "ValueError", 2, "x=1")]
    [InlineData("x = 1\ny = long(None)\n", "TypeError", 2, "x=1")]
    // through a function: return, a plain statement, a raise in a loop, a while loop, a nested call
    [InlineData("def f(v):\n    return int(v)\nx = 1\ny = f(None)\n", "TypeError", 2, "x=1")]
    [InlineData("def f(v):\n    int(v)\n    return 5\ny = f(None)\n", "TypeError", 2, "")]
    [InlineData("def f():\n    for i in [1, 2]:\n        raise ValueError('x')\n    return 5\ny = f()\n", "ValueError", 3, "")]
    [InlineData("def f():\n    n = 0\n    while n < 3:\n        n = n + int(None)\n    return n\ny = f()\n", "TypeError", 4, "")]
    [InlineData("def g():\n    raise KeyError('k')\ndef f(h):\n    return h()\ny = f(g)\n", "KeyError", 2, "")]
    [InlineData("def f():\n    for i in [1]:\n        for j in [2]:\n            y = int(None)\n    return 1\nz = f()\n", "TypeError", 4, "")]
    // an expression that needs the value: the exception is thrown from there
    [InlineData("x = [int(None)]\n", "TypeError", 1, "")]
    [InlineData("x = 1 + int(None)\n", "TypeError", 1, "")]
    [InlineData("def f(v):\n    return v\nx = f(int(None))\n", "TypeError", 3, "")]
    [InlineData("def f(v):\n    raise ValueError('no')\nx = f(1) + 1\n", "ValueError", 2, "")]
    [InlineData("x = map(int, [None])\n", "TypeError", 1, "")]
    [InlineData("x = sorted([None], key=int)\n", "TypeError", 1, "")]
    public void Evaluate_RaisedException_StopsAtItsLineWithItsClass(string text, string exception, int line, string variables)
    {
        XmEvaluationResult r = XmEvaluatorTests.Eval(text);

        Assert.Equal(XmEvaluationOutcome.Raised, r.Outcome);
        Assert.Equal(exception, r.ExceptionType);
        Diagnostic d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticIds.XmRaisedException, line), (d.Id, d.Location.Line));
        Assert.Equal(variables, string.Join(", ", r.Variables.Select(p => p.Key + "=" + p.Value)));
    }

    [Fact]
    public void Evaluate_ExceptionFromACheckFunction_EndsTheCheckOfTheOtherVariables()
    {
        // xm_vars.check() checks in order and stops at the first failure: b's check never runs, so b keeps its value.
        const string text = "def fail(var, val):\n    return int(val)\ndef double(var, val):\n    return val * 2\n"
            + "b = 'x'\nxm_vars.var('a', use='a', check=fail)\nxm_vars.var('b', use='b', check=double)\nxm_vars.check()\n";
        XmEvaluationResult r = XmEvaluatorTests.Eval(text);

        Assert.Equal("TypeError", r.ExceptionType);
        Assert.Equal(8, Assert.Single(r.Diagnostics).Location.Line);
        Assert.StartsWith("a - int() ", (string)r.Diagnostics[0].Arguments[1]!, StringComparison.Ordinal);
        Assert.Equal("b=\"x\"", string.Join(", ", r.Variables.Where(p => p.Key == "b").Select(p => p.Key + "=" + p.Value)));
    }

    [Fact]
    public void Evaluate_CheckFunctionsThatPass_SetTheirValues()
    {
        const string text = "def double(var, val):\n    return val * 2\nb = 'x'\nxm_vars.var('b', use='b', check=double)\nxm_vars.check()\n";
        XmEvaluationResult r = XmEvaluatorTests.Eval(text);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal("b=\"xx\"", string.Join(", ", r.Variables.Where(p => p.Key == "b").Select(p => p.Key + "=" + p.Value)));
    }

    [Theory]
    [InlineData("match")]
    [InlineData("search")]
    public void Evaluate_ReOnAnUnknownSubject_IsUnknownAndABadPatternIsStillReported(string function)
    {
        // No host profile: os.uname() is unknown, so is what re makes of it; the pattern is read first, as before, so
        // one .NET cannot compile is still reported.
        XmEvaluationResult unknown = XmEvaluatorTests.Eval($"import os, re\nh = os.uname()[1]\nm = re.{function}('x', h)\nk = 1\n", XmEvaluationContext.Default);
        XmEvaluationResult bad = XmEvaluatorTests.Eval($"import os, re\nh = os.uname()[1]\nm = re.{function}('(', h)\n", XmEvaluationContext.Default);

        Assert.Equal(XmEvaluationOutcome.Completed, unknown.Outcome);
        Assert.Contains("m", unknown.UnknownVariables);
        Assert.Equal("k=1", string.Join(", ", unknown.Variables.Where(p => p.Key == "k").Select(p => p.Key + "=" + p.Value)));
        Assert.Equal(
            [(DiagnosticIds.XmNeedsContext, 2), (DiagnosticIds.XmRegexNotCompiled, 3)],
            bad.Diagnostics.Select(static d => (d.Id, d.Location.Line)));
    }
}
