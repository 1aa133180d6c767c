using System.Text.Json;
using Xen.Hvm.Specs;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Specs;

[Collection(nameof(Capabilities.ConsoleInputCollection))]
public sealed class SpecCommandTests
{
    [Fact]
    public void Spec_TextStartingWithDashAfterDoubleDash_IsTheSpec()
    {
        var bare = Cli.Run("spec", "disk", "--dialect", "xl", "-x,raw,xvda");
        var r = Cli.Run("spec", "disk", "--dialect", "xl", "--", "-x,raw,xvda");

        Assert.Equal(2, bare.ExitCode); // read as an option
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal("-x,raw,xvda", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("-x", json.RootElement.GetProperty("value").GetProperty("target").GetString());
        Assert.Contains("'--'", Cli.Run("spec", "--help").Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-x,raw,xvda\n", "-x,raw,xvda")]
    [InlineData("phy:/dev/x,xvda,w\r\n", "phy:/dev/x,xvda,w")]
    [InlineData("/x,raw,xvda", "/x,raw,xvda")]
    public void Spec_Dash_ReadsTheSpecFromStandardInput(string input, string text)
    {
        TextReader saved = Console.In;
        try
        {
            Console.SetIn(new StringReader(input));
            var r = Cli.Run("spec", "disk", "-");

            Assert.Equal(0, r.ExitCode);
            using var json = JsonDocument.Parse(r.Out);
            Assert.Equal(text, json.RootElement.GetProperty("text").GetString());
        }
        finally
        {
            Console.SetIn(saved);
        }
    }

    [Fact]
    public void Spec_Disk_PrintsFieldsAndBothCanonicalForms()
    {
        var r = Cli.Run("spec", "disk", "phy:/dev/vg/xp,ioemu:hda,w");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("/dev/vg/xp", root.GetProperty("value").GetProperty("target").GetString());
        Assert.Equal("hda", root.GetProperty("value").GetProperty("vdev").GetString());
        Assert.Equal("format=raw, vdev=hda, access=rw, phy:/dev/vg/xp", root.GetProperty("xl").GetString());
        Assert.Equal("phy:/dev/vg/xp,hda,w", root.GetProperty("xm").GetString());
        Assert.Equal("XH6016", root.GetProperty("diagnostics")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Spec_PciWithXlOnlyOptions_ListsWhatTheXmFormLeavesOut()
    {
        var r = Cli.Run("spec", "pci", "0000:00:1b.0,permissive=1,seize=1");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var printed = json.RootElement.GetProperty("printDiagnostics").EnumerateArray().ToArray();
        Assert.Equal(2, printed.Length);
        Assert.All(printed, p => Assert.Equal(("xm", "XH2040"), (p.GetProperty("dialect").GetString(), p.GetProperty("id").GetString())));
        Assert.Equal("0000:00:1b.0", json.RootElement.GetProperty("xm").GetString());
    }

    [Fact]
    public void Spec_XmDialect_ReadsXmForm()
    {
        var r = Cli.Run("spec", "disk", "--dialect", "xm", "phy:/dev/vg/xp,hda,w!");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal("sharedWrite", json.RootElement.GetProperty("value").GetProperty("access").GetString());
    }

    [Fact]
    public void Spec_InvalidText_ExitsOneWithDiagnostic()
    {
        var r = Cli.Run("spec", "disk", "/images/xp.img,hda,w");
        Assert.Equal(1, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var d = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("XH6015", d.GetProperty("id").GetString());
        Assert.Equal(15, d.GetProperty("start").GetInt32());
    }

    [Theory]
    [InlineData("vif", "type=ioemu, bridge=xenbr0, mac=00:16:3e:00:00:01")]
    [InlineData("pci", "0000:01:00.0@8,permissive=1")]
    [InlineData("vfb", "vnc=1")]
    [InlineData("channel", "name=a,connection=pty")]
    [InlineData("vtpm", "backend=0")]
    [InlineData("p9", "tag=t,path=/p,security_model=none")]
    [InlineData("usbctrl", "type=pv,version=2,ports=4")]
    [InlineData("usbdev", "type=hostdev,hostbus=1,hostaddr=2")]
    [InlineData("usbdevice", "tablet")]
    [InlineData("cpus", "0-3,5,^1")]
    [InlineData("cpus_soft", "all")]
    [InlineData("cpuid", "host,tm=0,sse3=0")]
    [InlineData("viridian", "!hcall_ipi")]
    [InlineData("smbios", "bios_vendor=Xen")]
    [InlineData("vnuma", "vcpus=0-3")]
    [InlineData("ioports", "2f8-2ff")]
    [InlineData("iomem", "fe000,1@2000")]
    [InlineData("irqs", "7")]
    public void Spec_EveryLanguage_Works(string kind, string text)
    {
        var r = Cli.Run("spec", kind, text);
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
        using var json = JsonDocument.Parse(r.Out);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("xl").GetString()));
        Assert.True(SpecString.TryGetKind(kind, out _));
    }

    [Theory]
    [InlineData("floppy", "x")]
    public void Spec_UnknownKind_ExitsTwo(string kind, string text)
    {
        var r = Cli.Run("spec", kind, text);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("disk", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_UnknownDialect_ExitsTwo() => Assert.Equal(2, Cli.Run("spec", "disk", "--dialect", "xend", "x").ExitCode);
}
