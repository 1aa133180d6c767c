using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config;

/// <summary>A libvirt domain file read as a config gets its parse errors and XH2015 at the start of the XML.</summary>
public sealed class XmlHintTests
{
    [Theory]
    [InlineData("<domain type='xen'>\n  <name>g</name>\n</domain>\n", 0)]
    [InlineData("<?xml version='1.0'?>\n<domain type='xen'/>\n", 0)]
    [InlineData("\uFEFF\n  <domain type='xen'><name>g</name></domain>", 4)] // a BOM, a newline and two spaces first
    public void Parse_LibvirtXml_HasErrorsAndXH2015AtTheXml(string text, int start)
    {
        foreach (ConfigDialect dialect in new[] { ConfigDialect.Auto, ConfigDialect.Xl, ConfigDialect.Xm })
        {
            ConfigDocument doc = XenConfig.Parse(text, "g.xml", new XenConfigParseOptions { Dialect = dialect });

            Assert.True(doc.HasErrors);
            Diagnostic hint = Assert.Single(doc.Diagnostics, static d => d.Id == DiagnosticIds.LooksLikeLibvirtXml);
            Assert.Equal((DiagnosticSeverity.Info, start, 1), (hint.Severity, hint.Span.Start, hint.Span.Length));
        }
    }

    [Theory]
    [InlineData("memory = = 512\n")] // broken xl, no XML
    [InlineData("name = '<domain>'\n")] // valid xl that mentions XML in a value
    [InlineData("# <domain type='xen'>\nname = \"g\"\n")] // XML in a comment of a valid file
    [InlineData("x = 1\n<domain type='xen'/>\n")] // XML further down is not where the file starts
    public void Parse_NotAnXmlFile_HasNoXH2015(string text)
    {
        ConfigDocument doc = XenConfig.Parse(text, "g.cfg");

        Assert.DoesNotContain(doc.Diagnostics, static d => d.Id == DiagnosticIds.LooksLikeLibvirtXml);
    }
}
