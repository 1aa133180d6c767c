using System.Text.RegularExpressions;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary><see cref="XlConf"/>: xl.conf read as xl's <c>parse_global_config</c> reads it.</summary>
public sealed partial class LibxlXlConfTests
{
    public static TheoryData<string> CorpusXlConfs()
    {
        var data = new TheoryData<string>();
        foreach (string file in Corpus.Files("xen", static f => f.Contains("/xl.conf@", StringComparison.Ordinal)))
        {
            data.Add(file);
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusXlConfs))]
    public void Parse_PackagedXlConf_IsTheDefault(string file)
    {
        ParseResult<XlConf> conf = XlConf.Parse(File.ReadAllText(Corpus.PathOf(file)), file);

        Assert.Empty(conf.Diagnostics);
        Assert.Equal(XlConf.Default, conf.Value);
    }

    [GeneratedRegex(@"^#(?=[a-z_.]+\s*=)", RegexOptions.Multiline)]
    private static partial Regex CommentedSetting();

    [CorpusFact]
    public void Parse_PackagedXlConfWithItsExamplesUncommented_ReadsEveryExample()
    {
        string text = CommentedSetting().Replace(File.ReadAllText(Corpus.PathOf("xen/xl.conf@4.14.0")), string.Empty);

        ParseResult<XlConf> conf = XlConf.Parse(text);

        Assert.Empty(conf.Diagnostics);
        Assert.Equal(new XlConf
        {
            BlkdevStart = "xvda",
            RunHotplugScripts = true,
            VifBackend = "0",
            VifGatewayDev = "eth0",
            VifScript = "vif-bridge",
            VifBridge = "xenbr0",
            ClaimMode = true,
            VmCpuMask = CpuListSpec.Parse("0-7").Value,
            VmPvCpuMask = CpuListSpec.Parse("0-3").Value,
            VmHvmCpuMask = CpuListSpec.Parse("3-7").Value,
        }, conf.Value);
    }

    [Fact]
    public void Parse_NumbersAsStringsAndStringsAsNumbers_AreReadAsXlsGetters()
    {
        XlConf conf = XlConf.Parse("run_hotplug_scripts = \"0\"\nclaim_mode = 2\nvif.default.bridge = 7\nmax_grant_frames = \"0x40\"\n").Value;

        Assert.False(conf.RunHotplugScripts);
        Assert.True(conf.ClaimMode);
        Assert.Equal("7", conf.VifBridge);
        Assert.Equal(64, conf.MaxGrantFrames);
    }

    [Fact]
    public void Parse_ListForAString_IsIgnoredWithXH3120()
    {
        const string text = "vif.default.bridge = [ \"br0\" ]\n";

        ParseResult<XlConf> conf = XlConf.Parse(text);

        Diagnostic d = Assert.Single(conf.Diagnostics);
        Assert.Equal(DiagnosticIds.XlConfValueIgnored, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(BindTestSupport.SpanOf(text, "[ \"br0\" ]"), d.Span);
        Assert.Null(conf.Value.VifBridge);
    }

    [Fact]
    public void Parse_GrantLimitOutOfRange_IsRefusedWithXH3121()
    {
        const string text = "# limits\nmax_grant_frames = \"-1\"\n";

        ParseResult<XlConf> conf = XlConf.Parse(text);

        Diagnostic d = Assert.Single(conf.Diagnostics);
        Assert.Equal(DiagnosticIds.XlConfValueRefused, d.Id);
        Assert.True(d.IsError);
        Assert.Equal(BindTestSupport.SpanOf(text, "\"-1\""), d.Span);
        Assert.False(conf.Success);
    }

    [Fact]
    public void Parse_DeprecatedVifKeys_WarnXH3122AndTheNewKeysWin()
    {
        const string text = "vifscript = \"old\"\nvif.default.script = \"new\"\ndefaultbridge = \"br\"\n";

        ParseResult<XlConf> conf = XlConf.Parse(text);

        Assert.Equal([DiagnosticIds.XlConfDeprecatedKey, DiagnosticIds.XlConfDeprecatedKey], conf.Diagnostics.Select(static d => d.Id));
        Assert.Equal(BindTestSupport.SpanOf(text, "\"old\""), conf.Diagnostics[0].Span);
        Assert.Equal("new", conf.Value.VifScript);
        Assert.Equal("br", conf.Value.VifBridge);
    }

    [Fact]
    public void Parse_CpuMaskWithABadItem_KeepsTheCpusBeforeItWithXH3123()
    {
        const string text = "vm.cpumask = \"1-2,junk,4\"\n";

        ParseResult<XlConf> conf = XlConf.Parse(text);

        Diagnostic d = Assert.Single(conf.Diagnostics);
        Assert.Equal(DiagnosticIds.XlConfCpuMaskCut, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(BindTestSupport.SpanOf(text, "\"1-2,junk,4\""), d.Span);
        Assert.Equal([1, 2], conf.Value.VmCpuMask!.Evaluate(8));
    }

    [Fact]
    public void FromDocument_SyntaxError_KeepsTheDocumentsDiagnostic()
    {
        ConfigDocument doc = XenConfig.Parse("claim_mode = = 1\n", "xl.conf", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

        ParseResult<XlConf> conf = XlConf.FromDocument(doc);

        Assert.Equal(doc.Diagnostics.Select(static d => d.Id), conf.Diagnostics.Select(static d => d.Id));
        Assert.Throws<ArgumentNullException>(() => XlConf.FromDocument(null!));
        Assert.Throws<ArgumentNullException>(() => XlConf.Parse(null!));
    }
}
