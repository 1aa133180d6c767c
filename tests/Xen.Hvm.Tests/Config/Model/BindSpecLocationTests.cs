using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Text;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// A spec item's diagnostics land where the item's own literal map puts them, however the literal is spelt: binding
/// maps a literal that spells its value verbatim by a shift, and any other through the decoder's table.
/// </summary>
public sealed class BindSpecLocationTests
{
    public static TheoryData<ConfigDialect, string> Literals => new()
    {
        { ConfigDialect.Xl, "\"phy:/dev/vg/x,hda,q\"" },
        { ConfigDialect.Xl, "'phy:/dev/vg/x,hda,q'" },
        { ConfigDialect.Xl, "\"phy:/dev/\\x76g/x,hda,q\"" }, // an escape: offsets after it move by three
        { ConfigDialect.Xl, "\"phy:/dev/vg/x,hda,q\\\\\"" }, // an escaped backslash at the end
        { ConfigDialect.Xm, "'phy:/dev/vg/x,hda,q'" },
        { ConfigDialect.Xm, "\"phy:/dev/vg/x,hda,q\"" },
        { ConfigDialect.Xm, "r'phy:/dev/vg/x,hda,q'" }, // a prefix
        { ConfigDialect.Xm, "'''phy:/dev/vg/x,hda,q'''" }, // a triple quote
        { ConfigDialect.Xm, "'phy:/dev/\\x76g/x,hda,q'" },
        { ConfigDialect.Xm, "'phy:/dev/vg/x,\\\nhda,q'" }, // a line continuation inside the string
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Bind_SpecDiagnostics_AreAtTheLiteralMapsSpans(ConfigDialect dialect, string literal)
    {
        string text = "name = \"h\"\nbuilder = \"hvm\"\ndisk = [ " + literal + " ]\n";
        ConfigDocument document = XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = dialect });
        var options = new BindOptions { Toolstack = dialect == ConfigDialect.Xm ? Toolstack.Xm : Toolstack.Xl };
        BindResult bound = DomainConfig.Bind(document, options);

        var item = (StringLiteralSyntax)Assert.IsType<ListSyntax>(document.Settings.Single(s => s.Name == "disk").Value).Items[0];
        ParseResult<DiskSpec> expected = DiskSpec.Parse(item.Value, dialect, SpecSourceMap.ForString(item));
        Assert.NotEmpty(expected.Diagnostics);

        (string Id, TextSpan Span)[] specDiagnostics = [.. bound.Diagnostics.Where(static d => d.Id.StartsWith("XH6", StringComparison.Ordinal)).Select(static d => (d.Id, d.Span))];
        Assert.Equal(expected.Diagnostics.Select(static d => (d.Id, d.Span)), specDiagnostics);
        TextSpan literalSpan = item.Span;
        Assert.All(specDiagnostics, d => Assert.True(d.Span.Start >= literalSpan.Start && d.Span.End <= literalSpan.End, $"{d.Id} at {d.Span} is outside {literalSpan}"));
    }

    [Fact]
    public void Bind_VerbatimLiteral_PutsTheBadAccessModeOnItsLetter()
    {
        const string text = "name = \"h\"\nbuilder = \"hvm\"\ndisk = [ 'phy:/dev/vg/x,hda,q' ]\n";
        BindResult bound = DomainConfig.Bind(XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl }));
        Diagnostic d = Assert.Single(bound.Diagnostics, static d => d.Id.StartsWith("XH6", StringComparison.Ordinal) && d.Id != DiagnosticIds.DiskPrefixIgnoredByXl);
        Assert.Equal(new TextSpan(text.IndexOf(",q'", StringComparison.Ordinal) + 1, 1), d.Span);
    }
}
