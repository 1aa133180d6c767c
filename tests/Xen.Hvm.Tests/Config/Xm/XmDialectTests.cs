using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

public sealed class XmDialectTests
{
    [Theory]
    [InlineData("memory = 512\ndisk = [ 'a' ]\n", ConfigDialect.Xl, ConfigDialectChoice.ValidXl, null)]
    [InlineData("import os\nmemory = 512\n", ConfigDialect.Xm, ConfigDialectChoice.Python, "import")]
    [InlineData("arch = os.uname()[4]\n", ConfigDialect.Xm, ConfigDialectChoice.Python, ".")]
    [InlineData("rtc_timeoffset = -3600\n", ConfigDialect.Xm, ConfigDialectChoice.Python, "-")]
    [InlineData("x = 1.5\n", ConfigDialect.Xm, ConfigDialectChoice.Python, "1.5")]
    [InlineData("name = r'a'\n", ConfigDialect.Xm, ConfigDialectChoice.Python, "r'a'")]
    [InlineData("memory = 512\r\n", ConfigDialect.Xl, ConfigDialectChoice.BrokenXl, null)]
    [InlineData("Memory = 512\n", ConfigDialect.Xl, ConfigDialectChoice.BrokenXl, null)]
    [InlineData("vcpus = 2 cpus = \"0-1\"\n", ConfigDialect.Xl, ConfigDialectChoice.BrokenXl, null)]
    [InlineData("(xend-http-server yes)\n", ConfigDialect.Xm, ConfigDialectChoice.Python, "(")]
    public void Parse_Auto_PicksTheDialectAndSaysWhy(string text, ConfigDialect expected, ConfigDialectChoice choice, string? evidence)
    {
        ConfigDocument doc = XenConfig.Parse(text);

        Assert.Equal(expected, doc.Dialect);
        Assert.Equal(choice, doc.DialectChoice);
        Assert.Equal(evidence, doc.DialectEvidence is { } span ? text.Substring(span.Start, span.Length) : null);
        Assert.NotEmpty(doc.DialectReason);
        Assert.Equal(text, doc.ToFullString());
    }

    [Fact]
    public void Parse_ExplicitDialect_IsKeptAsRequested()
    {
        ConfigDocument xm = XenConfig.Parse("memory = 512\n", options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        ConfigDocument xl = XenConfig.Parse("import os\n", options: new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

        Assert.Equal((ConfigDialect.Xm, ConfigDialectChoice.Requested), (xm.Dialect, xm.DialectChoice));
        Assert.Equal((ConfigDialect.Xl, ConfigDialectChoice.Requested), (xl.Dialect, xl.DialectChoice));
        Assert.Null(xl.DialectEvidence);
        Assert.Equal(ConfigDialect.Auto, XenConfigParseOptions.Default.Dialect);
    }

    public static TheoryData<string> CorpusFiles() => new(Corpus.Files("").ToArray());

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Parse_EveryCorpusFileInAutoAndXm_RoundTripsAndKeepsTreeInvariants(string file)
    {
        byte[] bytes = File.ReadAllBytes(Corpus.PathOf(file));
        foreach (ConfigDialect dialect in new[] { ConfigDialect.Auto, ConfigDialect.Xm })
        {
            ConfigDocument doc = XenConfig.Parse(bytes, file, new XenConfigParseOptions { Dialect = dialect });
            Assert.Equal(bytes, doc.ToBytes());
            SyntaxInvariants.AssertHold(doc);
        }
    }

    [CorpusFact]
    public void Parse_AutoOnTheCorpus_ReadsEveryFileLibxluCallsPythonAsXm()
    {
        // The rule, from the oracle: every file libxlu rejects (ok: false) it also warns "looks like it contains Python
        // code" about; each of them must be read as xm, every file libxlu accepts as xl.
        int python = 0;
        foreach (string line in File.ReadLines(Corpus.PathOf("xl-oracle.jsonl")))
        {
            var o = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            string file = (string)o["file"]!;
            bool ok = (bool)o["ok"]!;
            bool looksLikePython = o["err"]!.AsArray().Any(e => ((string)e!).Contains("looks like it contains Python code", StringComparison.Ordinal));
            ConfigDocument doc = XenConfig.Load(Corpus.PathOf(file));
            if (ok)
            {
                Assert.False(looksLikePython, file);
                Assert.True(doc.Dialect == ConfigDialect.Xl, file + ": " + doc.DialectChoice);
                continue;
            }

            Assert.True(looksLikePython, file + ": the oracle rejects it for something other than Python; decide its rule");
            Assert.True(doc.Dialect == ConfigDialect.Xm && doc.DialectChoice == ConfigDialectChoice.Python, file + ": " + doc.DialectChoice);
            Assert.NotNull(doc.DialectEvidence);
            python++;
        }

        Assert.True(python >= 40, $"only {python} Python files in the oracle");
    }

    private static Gen<string> PythonishText =>
        Gen.Elements(
            "a", "Z", "_", "0", "9", "x", " ", "\t", "\n", "\r", "\f", "#", "'", "\"", "\\", "=", "+=", "-=", "+", "-", "*", "**", "/", "//", "%",
            ".", "[", "]", "(", ")", "{", "}", ",", ";", ":", "<", ">", "==", "!=", "<>", "`", "@", "\0", "\uFEFF", "é", "\uDC80",
            "if ", "else:", "elif ", "def ", "for ", " in ", "while ", "import ", "from ", "print ", "lambda ", "class ", "try:",
            "not ", " and ", " or ", "return", "    ", "\n    ", "'''", "\"\"\"", "r'", "u'", "0x1f", "0755", "1.5e3", "5L", "os.uname()", "'abc'")
            .ArrayOf()
            .Select(parts => string.Concat(parts));

    [Fact]
    public void Parse_AnyPythonishText_RoundTripsInEveryDialectAndEvaluatesWithoutThrowing()
    {
        var context = new XmEvaluationContext { MaxSteps = 20_000, MaxValueSize = 1 << 16 };
        Prop.ForAll(PythonishText.ToArbitrary(), text =>
        {
            foreach (ConfigDialect dialect in new[] { ConfigDialect.Auto, ConfigDialect.Xm })
            {
                ConfigDocument doc = XenConfig.Parse(text, options: new XenConfigParseOptions { Dialect = dialect });
                SyntaxInvariants.AssertHold(doc);
                foreach (var d in doc.Diagnostics)
                {
                    Assert.InRange(d.Span.End, 0, text.Length);
                }

                XmEvaluationResult r = doc.Evaluate(context);
                Assert.All(r.Diagnostics, d => Assert.InRange(d.Span.End, 0, text.Length));
                _ = doc.Values;
                foreach (var node in doc.Root.DescendantNodes().Take(2000))
                {
                    _ = node.ToString();
                }
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1500));
    }

    [Fact]
    public void Parse_AnyBytesAsXm_GivesTheBytesBack()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            ConfigDocument doc = XenConfig.Parse(bytes, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
            Assert.Equal(bytes, doc.ToBytes());
            _ = doc.Evaluate(new XmEvaluationContext { MaxSteps = 10_000 });
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
