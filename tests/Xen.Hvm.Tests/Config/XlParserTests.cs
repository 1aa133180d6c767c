using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config;

public sealed class XlParserTests
{
    /// <summary>Diagnostics as "ID@line:col+length", one-based, in text order.</summary>
    internal static string[] Diags(string text) =>
        XenConfig.Parse(text, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xl }).Diagnostics.Select(d => $"{d.Id}@{d.Location.Line}:{d.Location.Column}+{d.Span.Length}").ToArray();

    internal static string Json(string text) => string.Join(", ", XenConfig.Parse(text).Values.Select(p => p.Key + "=" + p.Value));

    [Theory]
    [InlineData("", "")]
    [InlineData("x=1", "x=\"1\"")]
    [InlineData("x = 1\n", "x=\"1\"")]
    [InlineData("x=1;;y=2", "x=\"1\", y=\"2\"")]
    [InlineData(";\n\n;x='a'", "x=\"a\"")]
    [InlineData("x = 'it\"s'\n", "x=\"it\\\"s\"")]
    [InlineData("x = \"a\\tb\\\\c\\'d\"\n", "x=\"a\\tb\\\\c'd\"")]
    [InlineData("l = []\n", "l=[]")]
    [InlineData("l = [ 'a', ]\n", "l=[\"a\"]")]
    [InlineData("l = [\n  'a', # one\n\n  'b'\n  # end\n]\n", "l=[\"a\", \"b\"]")]
    [InlineData("l = [['a',1],[],[[2]]]\n", "l=[[\"a\", \"1\"], [], [[\"2\"]]]")]
    [InlineData("x = 'a'\nx += 'b'\n", "x=\"ab\"")]
    [InlineData("l = ['1']\nl += ['2']\nl += ['3']\n", "l=[\"1\", \"2\", \"3\"]")]
    [InlineData("x += 'b'\n", "x=\"b\"")]
    [InlineData("a = 1\nb = 2\na = 3\n", "a=\"3\", b=\"2\"")]
    [InlineData("vif.default.script = 'x'\n", "vif.default.script=\"x\"")]
    [InlineData("m = 0x1f\nn = 010\no = 12abc\n", "m=\"0x1f\", n=\"010\", o=\"12abc\"")]
    [InlineData("x = \"\\101z\"\n", "x=\"z\"")]
    public void Parse_ValidXl_GivesLibxluValues(string text, string expected)
    {
        ConfigDocument doc = XenConfig.Parse(text);

        Assert.False(doc.HasErrors, string.Join("\n", doc.Diagnostics));
        Assert.Equal(expected, Json(text));
        Assert.Equal(text, doc.ToFullString());
    }

    [Theory]
    [InlineData("x = 1\r\ny = 2\r\n", "XH1002@1:6+1|XH1002@2:6+1")]
    [InlineData("\uFEFFname = 'x'\n", "XH1011@1:1+1|XH2005@1:7+1")]
    [InlineData("Memory = 512\n", "XH1003@1:1+6|XH2005@1:8+1")]
    [InlineData("vcpuS = 2\n", "XH1003@1:1+5")]
    [InlineData("x = 0x1F\n", "XH1004@1:5+4")]
    [InlineData("x = -1\n", "XH2007@1:1+0|XH1005@1:5+2|XH2002@1:7+1")]
    [InlineData("x = 1.5\n", "XH2007@1:1+0|XH1005@1:5+3")]
    [InlineData("arch = os.uname()[4]\n", "XH2007@1:1+0|XH2002@1:8+8|XH1006@1:16+5")]
    [InlineData("x = 'abc\n", "XH1007@1:5+4|XH2002@1:9+1")]
    [InlineData("x = 'a\\qb'\n", "XH1008@1:7+2")]
    [InlineData("x = 'a\\x41'\n", "XH1009@1:7+4")]
    [InlineData("x = \"\\1z\"\n", "XH1009@1:6+3")]
    [InlineData("x = 1\n# no newline", "XH1010@2:1+12")]
    [InlineData("x = 'a\0b'\n", "XH1012@1:7+1")]
    [InlineData("x = 1\n#", "XH1013@2:1+1")]
    [InlineData("x = 1 @", "XH1013@1:7+1")]
    [InlineData("x 1\n", "XH2001@1:3+1")]
    [InlineData("x =\n1\n", "XH2002@1:4+1|XH2005@2:1+1")]
    [InlineData("l = [ , ]\n", "XH2002@1:7+1")]
    [InlineData("l = ['a' 'b']\n", "XH2003@1:10+3")]
    [InlineData("l = ['a'\n", "XH2003@2:1+0")]
    [InlineData("x=1 y=2\n", "XH2004@1:5+1")]
    [InlineData("'x' = 1\n", "XH2005@1:1+3")]
    [InlineData("x = 'a'\nx += ['b']\n", "XH2006@2:3+2")]
    [InlineData("l = ['a'; 'b']\n", "XH2003@1:9+1")]
    public void Parse_InvalidXl_ReportsIdAndSpan(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Diags(text));
        Assert.Equal(text, XenConfig.Parse(text).ToFullString());
    }

    [Fact]
    public void Parse_OctalEscape_WarnsThatLibxluDropsIt()
    {
        ConfigDocument doc = XenConfig.Parse("x = \"\\101z\"\n");
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticIds.NumericEscape, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.False(doc.HasErrors);
    }

    [Fact]
    public void Parse_ErrorRecovery_ReportsEachBadStatementAndKeepsTheGoodOnes()
    {
        ConfigDocument doc = XenConfig.Parse("a = 1\nb c\nd = 'x'\ne = [\n 'y' 'z' ]\nf = 2\n");

        Assert.Equal(["XH2001@2:3+1", "XH2003@5:6+3"], Diags(doc.Text));
        Assert.Equal(["a", "d", "f"], doc.Settings.Select(s => s.Name));
        Assert.Equal(2, doc.Root.Statements.OfType<SkippedStatementSyntax>().Count());
    }

    [Fact]
    public void Tree_Setting_ExposesTokensTriviaAndValue()
    {
        ConfigDocument doc = XenConfig.Parse("  memory = 512   # MiB\ndisk = [ 'a', 'b' ]\n");
        SettingSyntax memory = doc.Settings[0];

        Assert.Equal("memory", memory.Name);
        Assert.Equal("  ", memory.NameToken.LeadingTrivia.ToFullString());
        Assert.Equal(SyntaxKind.EqualsToken, memory.OperatorToken.Kind);
        var number = Assert.IsType<NumberLiteralSyntax>(memory.Value);
        Assert.Equal("512", number.Text);
        Assert.Equal([SyntaxKind.WhitespaceTrivia, SyntaxKind.CommentTrivia], number.Token.TrailingTrivia.Select(t => t.Kind));
        Assert.Equal(SyntaxKind.NewLineToken, memory.Terminator!.Value.Kind);
        Assert.Equal("  memory = 512   # MiB\n", memory.ToFullString());
        Assert.Equal("memory = 512   # MiB\n", memory.ToString());

        var disk = Assert.IsType<ListSyntax>(doc.Settings[1].Value);
        Assert.Equal(["a", "b"], disk.Items.Cast<StringLiteralSyntax>().Select(s => s.Value));
        Assert.Same(doc.Settings[1], disk.Parent);
        Assert.Equal(new Xen.Hvm.Text.LinePosition(1, 7), disk.GetLocation().Start);
    }

    [Fact]
    public void Tree_LastStatementWithoutNewLine_HasNoTerminator()
    {
        ConfigDocument doc = XenConfig.Parse("a = 1\nb = 2");
        Assert.Null(doc.Settings[1].Terminator);
        Assert.Equal("b = 2", doc.Settings[1].ToFullString());
    }

    [Fact]
    public void GetValueOffsets_EscapedString_MapsEachValueCharacterToItsFileOffset()
    {
        ConfigDocument doc = XenConfig.Parse("k = 'a\\tb'\n");
        SyntaxToken token = ((StringLiteralSyntax)doc.Settings[0].Value).Token;

        Assert.Equal("a\tb", token.ValueText);
        Assert.Equal([5, 6, 8, 9], token.GetValueOffsets());
    }

    [Fact]
    public void Diagnostic_ToString_UsesPathLineAndColumn()
    {
        ConfigDocument doc = XenConfig.Parse("a = 1\nb c\n", "guest.cfg");
        Assert.StartsWith("guest.cfg(2,3): error XH2001: ", doc.Diagnostics[0].ToString(), StringComparison.Ordinal);
    }
}
