using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary><c>Values</c> of an xm document: what the file says, unknown where it computes, never silently empty.</summary>
public sealed class XmValuesTests
{
    private static ConfigDocument Xm(string text) => XmParserTests.Xm(text);

    [Fact]
    public void Values_XmFileOfLiterals_IsWhatTheFileSaysWithoutEvaluating()
    {
        // The trap: an xm file's Values silently lacked what needs the host (here arch, or all of a file that reads it
        // first), with no diagnostic and HasErrors == false, until Evaluate was called with a context.
        ConfigDocument doc = XenConfig.Parse("import os\narch = os.uname()[4]\nmemory = 512\nname = 'vm'\ndisk = [ 'phy:/dev/a,xvda,w' ]\nrtc_timeoffset = -3600\n");

        Assert.Equal(ConfigDialect.Xm, doc.Dialect);
        Assert.False(doc.HasErrors);
        Assert.Equal(["arch", "memory", "name", "disk", "rtc_timeoffset"], doc.Values.Keys);
        Assert.Equal("os.uname()[4]", Assert.IsType<ConfigUnknown>(doc.Values["arch"]).Source);
        Assert.Equal(512, doc.Values.GetInt64("memory"));
        Assert.Equal("vm", doc.Values.GetString("name"));
        Assert.Equal(["phy:/dev/a,xvda,w"], doc.Values.GetStrings("disk"));
        Assert.Equal(-3600, doc.Values.GetInt64("rtc_timeoffset"));
    }

    [Fact]
    public void Values_XmComputedOrBranchAssigned_AreExplicitlyUnknown()
    {
        const string text = "base = 256\nmemory = base * 2\nif base > 1:\n    vcpus = 2\nvif = []\nvif.append('bridge=xenbr0')\nfor i in range(2):\n    pass\nname = 'a'\n";
        ConfigDocument doc = Xm(text);

        Assert.Equal(["base", "memory", "vcpus", "vif", "i", "name"], doc.Values.Keys);
        Assert.Equal(256, doc.Values.GetInt64("base"));
        var memory = Assert.IsType<ConfigUnknown>(doc.Values["memory"]);
        Assert.Equal("base * 2", memory.Source);
        Assert.Equal("base * 2", text.Substring(memory.Span.Start, memory.Span.Length));
        Assert.StartsWith("if base > 1:", Assert.IsType<ConfigUnknown>(doc.Values["vcpus"]).Source, StringComparison.Ordinal);
        Assert.Equal("vif.append('bridge=xenbr0')", Assert.IsType<ConfigUnknown>(doc.Values["vif"]).Source);
        Assert.Equal(ConfigValueKind.Unknown, doc.Values["i"].Kind);
        Assert.Equal("a", doc.Values.GetString("name"));
        Assert.Equal("null", doc.Values["memory"].ToString());
    }

    [Fact]
    public void Values_XmAppend_ComputesWhatPythonWouldForConstants()
    {
        ConfigDocument doc = Xm("disk = ['a']\ndisk += ['b']\nname = 'a'\nname += 'b'\nn = 1\nn += 2\nf = 1\nf += 0.5\nm = 'a'\nm += 1\nu += 'x'\n");

        Assert.Equal(["a", "b"], doc.Values.GetStrings("disk"));
        Assert.Equal("ab", doc.Values.GetString("name"));
        Assert.Equal(3, doc.Values.GetInt64("n"));
        Assert.Equal(new ConfigFloat(1.5), doc.Values["f"]);
        Assert.Equal(ConfigValueKind.Unknown, doc.Values["m"].Kind); // Python raises TypeError
        Assert.Equal(ConfigValueKind.Unknown, doc.Values["u"].Kind); // set where? only the command line could
    }

    [Fact]
    public void Values_XmVarsCalled_MakesTheNamesSetBeforeUnknown()
    {
        ConfigDocument doc = Xm("vmid = 1\nxm_vars.var('vmid', use='id', check=int)\nxm_vars.check()\nname = 'vm'\n");

        Assert.Equal(ConfigValueKind.Unknown, doc.Values["vmid"].Kind);
        Assert.Equal("vm", doc.Values.GetString("name"));
    }

    [Fact]
    public void Values_XmImportAndDef_LeaveOutModulesAndFunctions()
    {
        ConfigDocument doc = Xm("os = 'a'\nimport os\ndef f(x):\n    return x\nsys = 1\nfrom os import path\n");

        Assert.Equal(["sys"], doc.Values.Keys);
    }

    [Fact]
    public void Values_LiteralAndEvaluated_AgreeWhereTheFileIsConstant()
    {
        ConfigDocument doc = Xm("memory = 512\nname = 'a' 'b'\ndisk = [ 'x', ('y') ]\nratio = -1.5\n");

        ConfigValueCollection evaluated = doc.Evaluate(XmEvaluationContext.Default).Variables;
        Assert.Equal(evaluated.ToArray(), doc.Values.ToArray());
    }

    public static TheoryData<string> XmCorpusFiles() => new(Corpus.Files("").Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).ToArray());

    [CorpusTheory]
    [MemberData(nameof(XmCorpusFiles))]
    public void Values_EveryCorpusFileReadAsXm_HasEveryTopLevelSettingKnownOrUnknown(string file)
    {
        ConfigDocument doc = XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file);
        if (doc.Dialect != ConfigDialect.Xm)
        {
            return;
        }

        // A name a top-level setting assigns is in Values (a value, or unknown) unless an import or def later rebinds it.
        var rebound = doc.Root.Statements.Where(s => s is ImportStatementSyntax or FromImportStatementSyntax or FunctionDefinitionSyntax or SkippedStatementSyntax).ToArray();
        foreach (SettingSyntax setting in doc.Settings)
        {
            bool laterRebound = rebound.Any(s => s.Span.Start > setting.Span.Start && s.ToString().Contains(setting.Name, StringComparison.Ordinal));
            Assert.True(laterRebound || doc.Values.ContainsKey(setting.Name), $"{file}: {setting.Name}");
        }
    }
}
