using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>Configs that try to reach the host: each one is reported, its result is unknown, and nothing happens.</summary>
public sealed class XmSafetyTests
{
    public static TheoryData<string, string> Attempts() => new()
    {
        { "__import__('os').system('touch MARKER')\n", DiagnosticIds.XmRefusedOperation },
        { "import os\nos.system('touch MARKER')\n", DiagnosticIds.XmRefusedOperation },
        { "import os\nx = os.popen('touch MARKER').read()\n", DiagnosticIds.XmRefusedOperation },
        { "open('MARKER', 'w').write('x')\n", DiagnosticIds.XmRefusedOperation },
        { "f = file('MARKER', 'w')\n", DiagnosticIds.XmRefusedOperation },
        { "exec \"open('MARKER', 'w')\"\n", DiagnosticIds.XmUnsupportedConstruct },
        { "x = eval(\"open('MARKER', 'w')\")\n", DiagnosticIds.XmRefusedOperation },
        { "execfile('MARKER')\n", DiagnosticIds.XmRefusedOperation },
        { "import subprocess\nsubprocess.call(['touch', 'MARKER'])\n", DiagnosticIds.XmRefusedOperation },
        { "import commands\nname = commands.getoutput('touch MARKER')\n", DiagnosticIds.XmRefusedOperation },
        { "from os import system\nsystem('touch MARKER')\n", DiagnosticIds.XmRefusedOperation },
        { "import os\nos.mkdir('MARKER')\n", DiagnosticIds.XmRefusedOperation },
        { "x = ().__class__.__bases__[0].__subclasses__()\n", DiagnosticIds.XmRefusedOperation },
        { "x = getattr(__builtins__, 'open')('MARKER', 'w')\n", DiagnosticIds.XmRefusedOperation },
        { "import socket\ns = socket.socket()\n", DiagnosticIds.XmRefusedOperation },
        { "import sys\nx = sys.modules['os'].system('touch MARKER')\n", DiagnosticIds.XmRefusedOperation },
        { "import os\nx = os.environ['HOME']\n", DiagnosticIds.XmNeedsContext },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public void Evaluate_ConfigTryingToReachTheHost_ReportsAndDoesNothing(string template, string expectedId)
    {
        using var dir = new TempDirectory();
        string marker = dir.File("marker");
        string text = template.Replace("MARKER", marker, StringComparison.Ordinal);
        ConfigDocument doc = XenConfig.Parse(text, "evil.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        var context = new XmEvaluationContext { Host = XmHostProfile.Parse("Linux h 1 #1 x86_64"), AllowFileSystemQueries = true };

        XmEvaluationResult r = doc.Evaluate(context);
        _ = doc.Values;

        Assert.Contains(r.Diagnostics.Concat(doc.Diagnostics), d => d.Id == expectedId);
        Assert.False(File.Exists(marker), "the config created the marker file");
        Assert.False(Directory.Exists(marker), "the config created the marker directory");
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
        Assert.DoesNotContain(r.Variables, p => p.Key is "x" or "name" or "f" or "s");
    }

    [Fact]
    public void Evaluate_PathQuestionsWithoutOptIn_NeverTouchTheFileSystem()
    {
        using var dir = new TempDirectory();
        string text = $"import os\nx = os.path.exists('{dir.Path}')\n";
        XmEvaluationResult closed = XmParserTests.Xm(text).Evaluate(XmEvaluationContext.Default);
        Assert.Equal(["x"], closed.UnknownVariables);

        XmEvaluationResult open = XmParserTests.Xm(text + "y = 1 if x else 0\n").Evaluate(new XmEvaluationContext { AllowFileSystemQueries = true });
        Assert.Equal(new ConfigInteger(1), open.Variables["y"]);
    }
}
