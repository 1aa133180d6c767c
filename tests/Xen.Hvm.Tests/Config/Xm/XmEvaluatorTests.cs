using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Xm;

public sealed class XmEvaluatorTests
{
    private static readonly XmHostProfile s_host = XmHostProfile.Parse("Linux dom0 2.6.18-xen #1 SMP Tue Jan 1 2008 x86_64");

    internal static XmEvaluationResult Eval(string text, XmEvaluationContext? context = null) =>
        XmParserTests.Xm(text).Evaluate(context ?? new XmEvaluationContext { Host = s_host });

    private static string Json(XmEvaluationResult r) => string.Join(", ", r.Variables.Select(p => p.Key + "=" + p.Value));

    private static string[] Ids(XmEvaluationResult r) => r.Diagnostics.Select(d => d.Id).ToArray();

    [Theory]
    [InlineData("x = 7 / 2\ny = -7 / 2\nz = 7 // 2.0\nw = -7 % 3\nv = 2 ** 10\nu = 2 ** -1\n", "x=3, y=-4, z=3.0, w=2, v=1024, u=0.5")]
    [InlineData("x = 'a' + \"b\" * 3\ny = [1] * 2 + [3]\nz = 3 * 'ab'\n", "x=\"abbb\", y=[1, 1, 3], z=\"ababab\"")]
    [InlineData("x = 'VM%d' % 3\ny = 'phy:sda%d,sda1,w' % (7 + 3)\nz = '%s-%05.1f|%-4s|%x|%o|%r|%%' % ('a', 2.25, 'b', 255, 8, 'q')\n", "x=\"VM3\", y=\"phy:sda10,sda1,w\", z=\"a-002.2|b   |ff|10|'q'|%\"")]
    [InlineData("x = '%(name)s=%(n)d' % {'name': 'vcpus', 'n': 2}\n", "x=\"vcpus=2\"")]
    [InlineData("x = str(1.5) + str(10) + repr('a') + str([1, 'b'])\n", "x=\"1.510'a'[1, 'b']\"")]
    [InlineData("x = int('0x1f', 16) + int(' 12 ') + int(2.9) + len('abc') + len([1, 2])\n", "x=50")]
    [InlineData("x = range(3)\ny = range(5, 0, -2)\n", "x=[0, 1, 2], y=[5, 3, 1]")]
    [InlineData("x = ' a b '.strip().upper().split(' ')\ny = ','.join(['a', 'b'])\nz = 'a-b-c'.replace('-', '', 1)\n", "x=[\"A\", \"B\"], y=\"a,b\", z=\"ab-c\"")]
    [InlineData("d = []\nd.append('a')\nd.extend(['b', 'c'])\nd.insert(0, 'z')\nx = d.pop()\n", "d=[\"z\", \"a\", \"b\"], x=\"c\"")]
    [InlineData("x = 'abcdef'[1:-1:2]\ny = [1, 2, 3][::-1]\nz = 'abc'[-1]\n", "x=\"bd\", y=[3, 2, 1], z=\"c\"")]
    [InlineData("x = 1 if 2 > 1 else 0\ny = 0 or 'd'\nz = 1 and []\nw = 1 < 2 < 3 and 'a' in 'cat' and 2 not in [1]\n", "x=1, y=\"d\", z=[]")]
    [InlineData("x = 0\nfor i in range(4):\n    if i == 2: continue\n    x += i\nelse:\n    y = 'done'\n", "x=4, i=3, y=\"done\"")]
    [InlineData("i = 0\nwhile 1:\n    i += 1\n    if i > 5: break\n", "i=6")]
    [InlineData("def f(a, b=2):\n    return a * b\nx = f(3)\ny = f(b=1, a='z')\n", "x=6, y=\"z\"")]
    [InlineData("a = b = [1]\nb.append(2)\nc, (d, e) = 1, [2, 3]\n", "a=[1, 2], b=[1, 2], c=1, d=2, e=3")]
    [InlineData("x = [1, 2]\nx[0] = 'a'\nx[1:] = [3, 4]\nd = {'k': 1}\nd['k'] += 1\ny = d['k']\ndel x[0]\n", "x=[3, 4], y=2")]
    [InlineData("import re\nm = re.search(r'(\\d+)\\.(\\d+)', 'xen-3.4')\nx = m.group(1) + m.group(2)\ny = re.sub('a(b)', r'<\\1>', 'xabyab')\nz = re.match('b', 'ab') is None\n", "x=\"34\", y=\"x<b>y<b>\"")]
    [InlineData("import os.path\nx = os.path.join('/usr', 'lib', 'xen')\ny = os.path.basename('/a/b.img')\nz = os.path.splitext('b.tar.gz')[1]\nw = os.path.dirname('/a/b/')\n", "x=\"/usr/lib/xen\", y=\"b.img\", z=\".gz\", w=\"/a/b\"")]
    [InlineData("x = 1.0 / 3\ny = 1e16\nz = str(0.1 + 0.2)\nw = repr(0.1 + 0.2)\n", "x=0.3333333333333333, y=1e+16, z=\"0.3\", w=\"0.30000000000000004\"")]
    [InlineData("x = 9223372036854775807\ny = x + 1\nz = 5L\n", "x=9223372036854775807")]
    public void Evaluate_PythonSemantics_GiveThePython2Values(string text, string expected)
    {
        XmEvaluationResult r = Eval(text);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal(expected, Json(r));
    }

    [Fact]
    public void Evaluate_XmExampleHvm_UsesTheHostProfile()
    {
        const string text = """
            import os, re
            arch = os.uname()[4]
            if re.search('64', arch):
                arch_libdir = 'lib64'
            else:
                arch_libdir = 'lib'
            device_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'
            """;

        XmEvaluationResult r = Eval(text);
        Assert.Equal("/usr/lib64/xen/bin/qemu-dm", r.Variables.GetString("device_model"));
        Assert.Equal("x86_64", r.Variables.GetString("arch"));
        Assert.Empty(r.Diagnostics);

        XmEvaluationResult i386 = Eval(text, new XmEvaluationContext { Host = s_host with { Machine = "i686" } });
        Assert.Equal("/usr/lib/xen/bin/qemu-dm", i386.Variables.GetString("device_model"));
    }

    [Fact]
    public void Evaluate_NoHostProfile_LeavesHostValuesUnknownAndSaysWhere()
    {
        XmEvaluationResult r = Eval("import os, re\narch = os.uname()[4]\nif re.search('64', arch):\n    lib = 'lib64'\nelse:\n    lib = 'lib'\nkernel = '/usr/' + lib\nmemory = 512\n", XmEvaluationContext.Default);

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal("memory=512", Json(r));
        Assert.Equal(["arch", "lib", "kernel"], r.UnknownVariables);
        Assert.Equal([DiagnosticIds.XmNeedsContext, DiagnosticIds.XmUnknownBranch], Ids(r));
        Assert.Equal(2, r.Diagnostics[0].Location.Line);
        Assert.Equal(8, r.Diagnostics[0].Location.Column);
        Assert.Equal(3, r.Diagnostics[1].Location.Line);
    }

    [Fact]
    public void Evaluate_DroppedTypes_AreLeftOutWithXH4108()
    {
        XmEvaluationResult r = Eval("acpi = True\nx = None\nt = (1, 2)\nd = {}\nl = 5L\nu = u'a'\nok = 1\n");

        Assert.Equal("ok=1", Json(r));
        Assert.Equal(6, r.Diagnostics.Count(d => d.Id == DiagnosticIds.XmDroppedVariable));
        Assert.Equal(DiagnosticSeverity.Info, r.Diagnostics[0].Severity);
    }

    [Fact]
    public void Evaluate_ListWithNone_IsUnrepresentable()
    {
        XmEvaluationResult r = Eval("disk = ['a', None]\n");
        Assert.Empty(r.Variables);
        Assert.Equal(DiagnosticIds.XmUnrepresentableValue, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Evaluate_XmVarsCheck_ConvertsTheCommandLineVariable()
    {
        const string text = """
            def vmid_check(var, val):
                val = int(val)
                if val <= 0:
                    raise ValueError
                return val
            xm_vars.var('vmid', use="Virtual machine id. Integer greater than 0.", check=vmid_check)
            xm_vars.check()
            name = "VM%d" % vmid
            """;

        XmEvaluationResult ok = Eval(text, new XmEvaluationContext { Variables = new Dictionary<string, string> { ["vmid"] = "3" } });
        Assert.Equal("vmid=3, name=\"VM3\"", Json(ok));

        XmEvaluationResult missing = Eval(text, XmEvaluationContext.Default);
        Assert.Equal(XmEvaluationOutcome.Raised, missing.Outcome);
        Assert.Equal("TypeError", missing.ExceptionType);
        Diagnostic d = Assert.Single(missing.Diagnostics);
        Assert.Equal(DiagnosticIds.XmRaisedException, d.Id);
        Assert.Equal(7, d.Location.Line);

        XmEvaluationResult zero = Eval(text, new XmEvaluationContext { Variables = new Dictionary<string, string> { ["vmid"] = "0" } });
        Assert.Equal("ValueError", zero.ExceptionType);
        Assert.StartsWith("vmid - ", (string)zero.Diagnostics[0].Arguments[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_XmVarsCheck_RenamesOnlyStandardErrorsAndPlacesThemAtTheCheckCall()
    {
        // xend: raise sys.exc_type, self.name + " - " + str(ex) for a StandardError, at the check() call; anything else
        // goes on unchanged, from where it was raised.
        XmEvaluationResult renamed = Eval("def as_int(var, val):\n    return int(val)\nxm_vars.var('vmid', use='id', check=as_int)\nxm_vars.check()\n");
        XmEvaluationResult unchanged = Eval("def stop(var, val):\n    raise Exception('as is')\nxm_vars.var('vmid', use='id', check=stop)\nxm_vars.check()\n");

        Assert.Equal(("TypeError", 4), (renamed.ExceptionType, Assert.Single(renamed.Diagnostics).Location.Line));
        Assert.StartsWith("vmid - int() ", (string)renamed.Diagnostics[0].Arguments[1]!, StringComparison.Ordinal);
        Assert.Equal(("Exception", 2), (unchanged.ExceptionType, Assert.Single(unchanged.Diagnostics).Location.Line));
        Assert.Equal("as is", (string)unchanged.Diagnostics[0].Arguments[1]!);
        Assert.All([renamed, unchanged], r => Assert.Equal(DiagnosticIds.XmRaisedException, r.Diagnostics[0].Id));
    }

    [Fact]
    public void Evaluate_FunctionReadingTopLevelName_RaisesNameErrorLikeExecfile()
    {
        // execfile(path, globs, locs): a function's globals are not the top-level locals.
        XmEvaluationResult r = Eval("arch = 'x86_64'\ndef f():\n    return arch\nx = f()\n");
        Assert.Equal("NameError", r.ExceptionType);
        Assert.Equal("arch=\"x86_64\"", Json(r));
    }

    [Theory]
    [InlineData("x = 1 + 'a'\n", "TypeError")]
    [InlineData("x = y\n", "NameError")]
    [InlineData("x = [][0]\n", "IndexError")]
    [InlineData("x = {}['k']\n", "KeyError")]
    [InlineData("x = 1 / 0\n", "ZeroDivisionError")]
    [InlineData("x = int('abc')\n", "ValueError")]
    [InlineData("x = 'a'.nope\n", "AttributeError")]
    [InlineData("a, b = [1]\n", "ValueError")]
    [InlineData("raise SystemExit\n", "SystemExit")]
    [InlineData("assert 0, 'no'\n", "AssertionError")]
    [InlineData("x = '%d' % 'a'\n", "TypeError")]
    [InlineData("x = '%s %s' % ('a',)\n", "TypeError")]
    [InlineData("def f(a):\n    return a\nf()\n", "TypeError")]
    public void Evaluate_PythonErrors_StopWithTheExceptionType(string text, string exception)
    {
        XmEvaluationResult r = Eval(text);
        Assert.Equal(XmEvaluationOutcome.Raised, r.Outcome);
        Assert.Equal(exception, r.ExceptionType);
        Assert.Equal(DiagnosticIds.XmRaisedException, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Evaluate_PathAnswersAndEnvironment_ComeFromTheContext()
    {
        const string text = "import os\nif os.path.exists('/usr/lib64'):\n    lib = 'lib64'\nelse:\n    lib = 'lib'\nuser = os.environ.get('USER', 'nobody')\nhome = os.getenv('HOME')\ncwd = os.getcwd()\n";
        var context = new XmEvaluationContext
        {
            PathAnswers = new Dictionary<string, bool> { ["/usr/lib64"] = true },
            Environment = new Dictionary<string, string> { ["HOME"] = "/root" },
            WorkingDirectory = "/etc/xen",
        };

        XmEvaluationResult r = Eval(text, context);
        Assert.Equal("lib=\"lib64\", user=\"nobody\", home=\"/root\", cwd=\"/etc/xen\"", Json(r));
        Assert.Empty(r.Diagnostics);

        XmEvaluationResult unknown = Eval(text, XmEvaluationContext.Default);
        Assert.Equal(["lib", "user", "home", "cwd"], unknown.UnknownVariables);
        Assert.All(unknown.Diagnostics, d => Assert.Contains(d.Id, new[] { DiagnosticIds.XmNeedsContext, DiagnosticIds.XmUnknownBranch }));
    }

    [Fact]
    public void Evaluate_SkippedStatement_MakesItsNamesUnknown()
    {
        XmEvaluationResult r = Eval("try:\n    kernel = '/a'\nexcept:\n    kernel = '/b'\nmemory = 1\ndisk = []\nclass A: pass\n");
        Assert.Equal("memory=1, disk=[]", Json(r));
        Assert.Equal(["kernel"], r.UnknownVariables);
        Assert.Contains(DiagnosticIds.XmNotEvaluated, Ids(r));
    }

    [Fact]
    public void Evaluate_UnknownLoopAndMutation_TaintTheList()
    {
        XmEvaluationResult r = Eval("import os\ndisk = ['a']\nfor d in os.listdir('/dev'):\n    disk.append(d)\nvif = ['b']\n", XmEvaluationContext.Default);
        Assert.Equal("vif=[\"b\"]", Json(r));
        Assert.Contains("disk", r.UnknownVariables);
    }

    [Fact]
    public void Evaluate_FileWithSyntaxError_IsRejectedButReportsWhatParsed()
    {
        XmEvaluationResult r = Eval("memory = 512\nfull-screen=1\nname = 'x'\n");
        Assert.Equal(XmEvaluationOutcome.Rejected, r.Outcome);
        Assert.Equal("memory=512, name=\"x\"", Json(r));
        Assert.Equal(DiagnosticIds.XmFileRejected, r.Diagnostics[0].Id);
    }

    [Fact]
    public void Evaluate_PrintStatements_AreCollectedNotWritten()
    {
        XmEvaluationResult r = Eval("print 'a', 1,\nprint 'b'\nprint\n");
        Assert.Equal("a 1 b\n\n", r.Output);
    }

    [Theory]
    [InlineData("while 1:\n    pass\n")]
    [InlineData("x = 'a' * 10**9\n")]
    [InlineData("x = 10 ** 10 ** 9\n")]
    [InlineData("x = range(10**9)\n")]
    [InlineData("global f\ndef f(n):\n    return f(n + 1)\nf(0)\n")]
    [InlineData("x = ['a']\nwhile 1:\n    x = x + x\n")]
    [InlineData("x = '%999999999d' % 1\n")]
    [InlineData("x = 'ab'\nfor i in range(100):\n    x = x.replace('a', 'aa')\n")]
    public void Evaluate_RunawayConfig_StopsWithXH4104(string text)
    {
        var context = new XmEvaluationContext { MaxSteps = 200_000, MaxValueSize = 1 << 20 };
        XmEvaluationResult r = Eval(text, context);

        Assert.Equal(XmEvaluationOutcome.LimitExceeded, r.Outcome);
        Assert.Equal(DiagnosticIds.XmLimitExceeded, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Evaluate_DeepRecursionWithDefaultBounds_StopsWithoutOverflow()
    {
        XmEvaluationResult r = Eval("global f\ndef f(n):\n    return f(n + 1) + 1\nx = f(0)\n", XmEvaluationContext.Default with { MaxCallDepth = 100_000 });
        Assert.Equal(XmEvaluationOutcome.LimitExceeded, r.Outcome);
    }

    [Fact]
    public void Values_XmDocumentWithComputedValues_AreUnknownUntilEvaluated()
    {
        ConfigDocument doc = XmParserTests.Xm("memory = 256 * 2\nname = 'vm' + str(1)\n");

        Assert.Equal("256 * 2", Assert.IsType<ConfigUnknown>(doc.Values["memory"]).Source);
        Assert.Equal(ConfigValueKind.Unknown, doc.Values["name"].Kind);
        XmEvaluationResult r = doc.Evaluate(XmEvaluationContext.Default);
        Assert.Equal(new ConfigInteger(512), r.Variables["memory"]);
        Assert.Equal("vm1", r.Variables.GetString("name"));
    }

    [Fact]
    public void Evaluate_XlDocument_IsReadAgainAsXm()
    {
        ConfigDocument doc = XenConfig.Parse("memory = 512\ndisk = [ 'a' ]\n");
        Assert.Equal(ConfigDialect.Xl, doc.Dialect);
        Assert.Equal("memory=512, disk=[\"a\"]", Json(doc.Evaluate(XmEvaluationContext.Default)));
    }

    [Fact]
    public void HostProfile_Parse_KeepsTheVersionsSpaces()
    {
        XmHostProfile p = XmHostProfile.Parse("Linux host 2.6.18 #1 SMP x86_64");
        Assert.Equal(new XmHostProfile("Linux", "host", "2.6.18", "#1 SMP", "x86_64"), p);
        Assert.False(XmHostProfile.TryParse("Linux host", out _));
        Assert.Throws<FormatException>(() => XmHostProfile.Parse("x"));
        Assert.Throws<ArgumentNullException>(() => XmHostProfile.Parse(null!));
    }

    [Fact]
    public void Evaluate_ThenWalkTheTree_EveryNodeKnowsItsParent()
    {
        ConfigDocument doc = XmParserTests.Xm("import os\nfrom re import search\nx = 1 < 2\nprint 'a',\ny = 'ab'[1:]\n");
        _ = doc.Evaluate(XmEvaluationContext.Default);
        SyntaxInvariants.AssertHold(doc);
        Assert.All(doc.Root.DescendantNodes(), n => Assert.NotNull(n.Parent));
    }

    [Fact]
    public void Evaluate_NullContext_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => XmParserTests.Xm("x = 1").Evaluate(null!));
    }
}
