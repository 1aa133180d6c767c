using System.Text;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config;

/// <summary>Large and hostile inputs: every one returns a document; none overflows the stack.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Parse_DeepestNestingXlReads_ReturnsDocumentWithValue()
    {
        // 4,996 levels: the deepest libxlu's parser stack holds (XlNestingLimitTests); read back with explicit stacks.
        string text = "x = " + new string('[', 4_996) + new string(']', 4_996) + "\n";
        ConfigDocument doc = XenConfig.Parse(text);

        Assert.False(doc.HasErrors);
        Assert.Equal(text, doc.ToFullString());
        ConfigValue v = doc.Values["x"];
        int depth = 0;
        while (v is ConfigList { Items.Count: 1 } l)
        {
            v = l.Items[0];
            depth++;
        }

        Assert.Equal(4_995, depth);
        Assert.Equal(doc.Values["x"], XenConfig.Parse(text).Values["x"]);
        Assert.Equal(4_996, doc.Root.DescendantNodes().OfType<ListSyntax>().Count());
    }

    [Fact]
    public void Parse_HundredThousandNestedBrackets_IsXH1014AndRoundTrips()
    {
        string text = "x = " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        ConfigDocument doc = XenConfig.Parse(text);

        Assert.Equal(DiagnosticIds.ListNestingTooDeep, Assert.Single(doc.Diagnostics).Id);
        Assert.Equal(text, doc.ToFullString());
        Assert.Empty(doc.Values);
    }

    [Fact]
    public void Parse_UnclosedHundredThousandBrackets_ReportsXH1014ThenXH2002AtEndOfFile()
    {
        string text = "x = " + new string('[', 100_000);
        ConfigDocument doc = XenConfig.Parse(text);

        Assert.Equal([DiagnosticIds.ListNestingTooDeep, DiagnosticIds.ExpectedValue], doc.Diagnostics.Select(d => d.Id));
        Assert.Equal(text.Length, doc.Diagnostics[1].Span.Start);
        Assert.Equal(text, doc.ToFullString());
    }

    [Fact]
    public void Parse_TenMegabyteLine_ReturnsDocument()
    {
        string text = "extra = '" + new string('a', 10_000_000) + "'\n" + "junk " + new string('%', 1_000_000);
        ConfigDocument doc = XenConfig.Parse(text);

        Assert.Equal(10_000_000, doc.Values.GetString("extra")!.Length);
        Assert.True(doc.HasErrors);
        Assert.Equal(text, doc.ToFullString());
    }

    [Fact]
    public void Parse_MillionSettings_KeepsThemAll()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++)
        {
            sb.Append("k").Append(i).Append(" = ").Append(i).Append('\n');
        }

        ConfigDocument doc = XenConfig.Parse(sb.ToString());

        Assert.False(doc.HasErrors);
        Assert.Equal(1_000_000, doc.Values.Count);
        Assert.Equal("999999", doc.Values.GetString("k999999"));
    }

    [Fact]
    public void Parse_MillionBadLines_ReportsEachAndRoundTrips()
    {
        string text = string.Concat(Enumerable.Repeat("X = (1)\r\n", 200_000));
        ConfigDocument doc = XenConfig.Parse(text);

        Assert.Equal(text, doc.ToFullString());
        Assert.True(doc.Diagnostics.Count >= 200_000);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\0\0\0\n\0")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n\r\n")]
    [InlineData("'")]
    [InlineData("\\")]
    [InlineData("x = '\\")]
    [InlineData("x = \"\\\n\"")]
    [InlineData("x = ]")]
    [InlineData("]]]]")]
    [InlineData("x += [] += []")]
    [InlineData("x = [[[[[ 'a', ]], ], ], ]")]
    public void Parse_OddInput_RoundTripsWithoutThrowing(string text)
    {
        ConfigDocument doc = XenConfig.Parse(text);
        SyntaxInvariants.AssertHold(doc);
        _ = doc.Values;
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => XenConfig.Parse((string)null!));
    }
}
