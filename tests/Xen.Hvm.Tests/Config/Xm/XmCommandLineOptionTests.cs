using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>xm create's KEY=VALUE arguments: options override the file (opts.py load), other names are script variables.</summary>
public sealed class XmCommandLineOptionTests
{
    private const string File = "import os\nmemory = 512\nname = 'vm%s' % vmid\ndisk = ['phy:/dev/a,hda,w']\nlocaltime = 0\n";

    private static XmEvaluationResult Run(string text, params string[] args) =>
        XenConfig.Parse(text, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm })
            .Evaluate(XmEvaluationContext.Default.WithCommandLine(args));

    [Fact]
    public void WithCommandLine_SortsOptionsFromScriptVariables()
    {
        var context = XmEvaluationContext.Default.WithCommandLine([" vmid = 3 ", "memory=1024", "disk=phy:/dev/b,hdb,w"]);

        Assert.Equal("3", context.Variables["vmid"]);
        Assert.Equal(["memory", "disk"], context.Options.Select(o => o.Key));
        Assert.Throws<ArgumentException>(() => XmEvaluationContext.Default.WithCommandLine(["novalue"]));
    }

    [Fact]
    public void Evaluate_IntOption_ReplacesTheFilesValueAsAnInteger()
    {
        XmEvaluationResult r = Run(File, "vmid=3", "memory=1024");

        Assert.Equal(XmEvaluationOutcome.Completed, r.Outcome);
        Assert.Equal(new ConfigInteger(1024), r.Variables["memory"]);
        Assert.Equal(new ConfigString("vm3"), r.Variables["name"]);
        Assert.Equal(["vmid", "memory", "name", "disk", "localtime"], r.Variables.Keys.Take(5));
    }

    [Fact]
    public void Evaluate_AppendOption_CollectsOneItemPerOccurrenceInsteadOfTheFilesList()
    {
        XmEvaluationResult r = Run(File, "vmid=1", "disk=phy:/dev/b,hdb,w", "disk=file:/x.iso,hdc:cdrom,r");
        Assert.Equal(ConfigValue.List("phy:/dev/b,hdb,w", "file:/x.iso,hdc:cdrom,r"), r.Variables["disk"]);
    }

    [Theory]
    [InlineData("localtime=yes", 1)]
    [InlineData("localtime=y", 1)]
    [InlineData("localtime=n", 0)]
    public void Evaluate_BoolOption_ConvertsYesAndNo(string arg, long expected)
    {
        Assert.Equal(new ConfigInteger(expected), Run(File, "vmid=1", arg).Variables["localtime"]);
    }

    [Fact]
    public void Evaluate_OptionTheFileDoesNotSet_IsAdded()
    {
        Assert.Equal(new ConfigString("hvm"), Run(File, "vmid=1", "builder=hvm").Variables["builder"]);
    }

    [Fact]
    public void Evaluate_OptionIsNotVisibleToTheFile()
    {
        // In xm the option never becomes a local: reading it raises NameError.
        XmEvaluationResult r = Run("x = vcpus\n", "vcpus=2");
        Assert.Equal(XmEvaluationOutcome.Raised, r.Outcome);
        Assert.Equal("NameError", r.ExceptionType);
    }

    [Theory]
    [InlineData("memory=lots")]
    [InlineData("localtime=true")]
    [InlineData("vcpus=0x2")]
    public void Evaluate_InvalidOptionValue_StopsBeforeTheFileWithXH4111(string arg)
    {
        XmEvaluationResult r = Run(File, "vmid=1", arg);

        Assert.Equal(XmEvaluationOutcome.InvalidOption, r.Outcome);
        Assert.Empty(r.Variables);
        Assert.Equal(DiagnosticIds.XmInvalidOption, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Options_ListsThe105XmCreateOptions()
    {
        Assert.Equal(105, XmOptionCatalog.Names.Count);
        Assert.True(XmOptionCatalog.IsOption("vif"));
        Assert.False(XmOptionCatalog.IsOption("vmid"));
    }

    [Fact]
    public void Dump_VarThatIsAnOption_OverridesTheFile()
    {
        string path = Path.Combine(Corpus.RepositoryRoot, "samples", "configs", "winxp-hvm.xm.cfg");
        var r = Cli.Run("dump", "--var", "vmid=2", "--var", "memory=1024", "--var", "vcpus=2", path);

        Assert.Equal(0, r.ExitCode);
        var json = System.Text.Json.Nodes.JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(1024, json["memory"]!.GetValue<int>());
        Assert.Equal(2, json["vcpus"]!.GetValue<int>());
    }
}
