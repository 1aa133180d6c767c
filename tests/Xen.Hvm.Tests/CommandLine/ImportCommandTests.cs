using System.Xml.Linq;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary><c>xencfg export --to libvirt</c> and <c>xencfg import --from libvirt</c>: a config to domain XML and back.</summary>
public sealed class ImportCommandTests
{
    private static string Sample(string name) => Path.Combine(Corpus.RepositoryRoot, "samples", "configs", name);

    [Fact]
    public void ExportThenImport_WindowsXpSample_GivesLibvirtsConfigOfTheGuest()
    {
        using var temp = new TempDirectory();
        string xml = temp.File("winxp.xml");

        var export = Cli.Run("export", "--to", "libvirt", Sample("winxp-hvm.cfg"));
        File.WriteAllText(xml, export.Out);
        var import = Cli.Run("import", "--from", "libvirt", xml);

        Assert.Equal(0, export.ExitCode);
        Assert.Equal("winxp", XDocument.Parse(export.Out).Root!.Element("name")!.Value);
        Assert.Equal(0, import.ExitCode);
        ConfigDocument cfg = XenConfig.Parse(import.Out, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        Assert.False(cfg.HasErrors);
        Assert.Equal(("winxp", "hvm", 512L), (cfg.Values.GetString("name"), cfg.Values.GetString("builder"), cfg.Values.GetInt64("memory")));
    }

    [Fact]
    public void Import_ToAFile_ReplacesItOnlyWithForce()
    {
        using var temp = new TempDirectory();
        string xml = temp.File("g.xml");
        string target = temp.File("g.cfg");
        File.WriteAllText(xml, "<domain type='xen'><name>g</name><memory>131072</memory><os><type>linux</type><kernel>/k</kernel></os></domain>");
        File.WriteAllText(target, "name = \"mine\"\n");

        var refused = Cli.Run("import", "--from", "libvirt", "-o", target, xml);
        string kept = File.ReadAllText(target);
        var forced = Cli.Run("import", "--from", "libvirt", "--force", "-o", target, xml);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(DiagnosticIds.ExistingFileNotReplaced, refused.Error, StringComparison.Ordinal);
        Assert.Equal("name = \"mine\"\n", kept);
        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("name = \"g\"\n", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<domain type='kvm'><name>g</name></domain>", 1)]
    [InlineData("<domain type='xen'", 1)]
    public void Import_NotLibvirtXenXml_Fails(string text, int code)
    {
        using var temp = new TempDirectory();
        string xml = temp.File("bad.xml");
        File.WriteAllText(xml, text);

        var r = Cli.Run("import", "--from", "libvirt", xml);

        Assert.Equal(code, r.ExitCode);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void Export_ConfigLibvirtRefuses_IsXH9101AndNoOutput()
    {
        using var temp = new TempDirectory();
        string cfg = temp.File("noname.cfg");
        File.WriteAllText(cfg, "kernel = \"/k\"\n");

        var r = Cli.Run("export", "--to", "libvirt", cfg);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(DiagnosticIds.LibvirtConfigRefused, r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
    }
}
