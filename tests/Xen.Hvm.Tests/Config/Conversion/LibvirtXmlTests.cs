using System.Xml.Linq;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Conversion;

/// <summary><see cref="LibvirtXml"/>: libvirt's defaults and added devices, its refusals as diagnostics, and the round trip.</summary>
public sealed class LibvirtXmlTests
{
    private static readonly LibvirtXmlOptions Fixed = new() { Uuid = new Guid("c7a5fdb2-cdaf-9455-926a-d65c16db1809") };

    private static DomainConfig Bind(string text, ConfigDialect dialect = ConfigDialect.Xl) =>
        DomainConfig.Bind(XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = dialect }), new BindOptions
        {
            Toolstack = dialect == ConfigDialect.Xm ? Toolstack.Xm : Toolstack.Xl,
        }).Config;

    private static XElement Devices(XDocument xml) => xml.Root!.Element("devices")!;

    [Fact]
    public void FromConfig_MinimalHvmGuest_HasLibvirtsDefaultsAndTheDevicesItAdds()
    {
        XDocument xml = LibvirtXml.FromConfig(Bind("name = \"g\"\ntype = \"hvm\"\ndisk = [ \"/dev/vg/g,raw,hda,rw\" ]\n"), Fixed).Value;

        XElement root = xml.Root!;
        Assert.Equal(("xen", "g", "c7a5fdb2-cdaf-9455-926a-d65c16db1809"), ((string?)root.Attribute("type"), root.Element("name")!.Value, root.Element("uuid")!.Value));
        Assert.Equal(("131072", "restart"), (root.Element("memory")!.Value, root.Element("on_crash")!.Value)); // libvirt's (xend's) defaults
        Assert.Equal("/usr/lib/xen/bin/qemu-system-i386", Devices(xml).Element("emulator")!.Value);
        Assert.Equal(["xenbus", "ide"], Devices(xml).Elements("controller").Select(static c => (string)c.Attribute("type")!));
        Assert.Equal(["ps2", "ps2"], Devices(xml).Elements("input").Select(static i => (string)i.Attribute("bus")!));
        Assert.Empty(Devices(xml).Elements("graphics")); // vnc defaults to 0 in libvirt's reading
        Assert.Equal("0", (string?)Devices(xml).Element("disk")!.Element("address")!.Attribute("unit"));
    }

    [Fact]
    public void FromConfig_PvGuestWithVfb_HasXenInputsConsoleAndVideo()
    {
        XDocument xml = LibvirtXml.FromConfig(Bind("name = \"p\"\nkernel = \"/k\"\nvfb = [ \"vnc=1,vncunused=1\" ]\n"), Fixed).Value;

        Assert.Equal("xen", (string?)Devices(xml).Element("console")!.Element("target")!.Attribute("type"));
        Assert.Equal(["xen", "xen"], Devices(xml).Elements("input").Select(static i => (string)i.Attribute("bus")!));
        Assert.Equal("xen", (string?)Devices(xml).Element("video")!.Element("model")!.Attribute("type"));
        Assert.Equal("-1", (string?)Devices(xml).Element("graphics")!.Attribute("port"));
    }

    [Fact]
    public void FromConfig_OptionsTheConverterDoesNotRead_AreOneXH9102Each()
    {
        ParseResult<XDocument> xml = LibvirtXml.FromConfig(Bind("name = \"g\"\ntype = \"hvm\"\ncpu_weight = 512\nvideoram = 16\nmemory = 512\n"), Fixed);

        Assert.True(xml.Success);
        Assert.All(xml.Diagnostics, static d => Assert.Equal((DiagnosticIds.LibvirtNotConverted, DiagnosticSeverity.Info), (d.Id, d.Severity)));
        Assert.Equal(["cpu_weight", "videoram"], xml.Diagnostics.Select(static d => (string)d.Arguments[0]!).Order());
    }

    [Theory]
    [InlineData("kernel = \"/k\"\n")]
    [InlineData("name = \"g\"\ntype = \"hvm\"\non_crash = \"reboot\"\n")]
    [InlineData("name = \"g\"\ntype = \"hvm\"\nsoundhw = \"kazoo\"\n")]
    [InlineData("name = \"g\"\ntype = \"hvm\"\nserial = \"bogus:x\"\n")]
    public void FromConfig_ConfigLibvirtRefuses_IsOneXH9101(string text)
    {
        ParseResult<XDocument> xml = LibvirtXml.FromConfig(Bind(text), Fixed);

        Assert.False(xml.Success);
        Assert.Equal(DiagnosticIds.LibvirtConfigRefused, Assert.Single(xml.Diagnostics).Id);
    }

    [Fact]
    public void FromConfig_XmFormatHvm_TakesTheLoaderFromKernel()
    {
        var options = Fixed with { Format = LibvirtFormat.Xm };

        XDocument xml = LibvirtXml.FromConfig(Bind("name = 'g'\nbuilder = 'hvm'\nkernel = '/usr/lib/xen/boot/hvmloader'\ndisk = [ 'phy:/dev/vg/g,hda,w' ]\n", ConfigDialect.Xm), options).Value;

        Assert.Equal("/usr/lib/xen/boot/hvmloader", xml.Root!.Element("os")!.Element("loader")!.Value);
        Assert.Equal("phy", (string?)Devices(xml).Element("disk")!.Element("driver")!.Attribute("name"));
        Assert.False(LibvirtXml.FromConfig(Bind("name = 'g'\nbuilder = 'hvm'\n", ConfigDialect.Xm), options).Success); // xm needs the loader
    }

    [Theory]
    [InlineData("<domain type='kvm'><name>g</name></domain>")]
    [InlineData("<guest type='xen'/>")]
    [InlineData("<domain type='xen'><memory>1</memory><os><type>hvm</type></os></domain>")]
    [InlineData("<domain type='xen'><name>g</name><memory unit='KiB'>x</memory><os><type>hvm</type></os></domain>")]
    public void ToConfigDocument_NotLibvirtXenXml_IsOneXH9103(string xml)
    {
        ParseResult<ConfigDocument> cfg = LibvirtXml.ToConfigDocument(XDocument.Parse(xml));

        Assert.Equal(DiagnosticIds.LibvirtXmlInvalid, Assert.Single(cfg.Diagnostics).Id);
    }

    [Fact]
    public void ToConfigDocument_DomainLibvirtCannotWrite_IsOneXH9104()
    {
        const string Xml = "<domain type='xen'><name>g</name><memory>131072</memory><os><type>hvm</type></os><clock offset='utc' adjustment='reset'/></domain>";

        ParseResult<ConfigDocument> cfg = LibvirtXml.ToConfigDocument(XDocument.Parse(Xml));

        Assert.Equal(DiagnosticIds.LibvirtXmlUnsupported, Assert.Single(cfg.Diagnostics).Id);
    }

    [Theory]
    [InlineData("name = \"g\"\ntype = \"hvm\"\nmemory = 512\nvcpus = 2\nmaxvcpus = 4\ncpus = \"0-3,^1\"\nvnc = 1\nvnclisten = \"0.0.0.0\"\nserial = \"pty\"\nsoundhw = \"sb16,es1370\"\nusbdevice = \"tablet\"\n" +
        "disk = [ \"/dev/vg/g,raw,hda,rw\", \"/iso/os.iso,raw,hdc,ro,devtype=cdrom\" ]\nvif = [ \"mac=00:16:3e:00:00:01,bridge=ovsbr0.42,script=vif-openvswitch,model=e1000,rate=10MB/s\" ]\npci = [ \"0000:01:00.0,permissive=1\" ]\nhpet = 0\ntsc_mode = \"native\"\n")]
    [InlineData("name = \"p\"\nkernel = \"/k\"\nramdisk = \"/i\"\nroot = \"/dev/xvda1\"\nextra = \"console=hvc0\"\ne820_host = 1\nvfb = [ \"vnc=1,vncdisplay=5,vnclisten=127.0.0.1\" ]\n" +
        "disk = [ \"format=qcow2,vdev=xvda,access=rw,target=/img.qcow2\" ]\nchannel = [ \"name=org.qemu.guest_agent.0,connection=socket,path=/run/ga\" ]\nusbdev = [ \"hostbus=1,hostaddr=3\" ]\n")]
    public void ToConfigDocument_OfFromConfig_ReadsBackToTheSameXml(string text)
    {
        XDocument first = LibvirtXml.FromConfig(Bind(text), Fixed).Value;

        ParseResult<ConfigDocument> cfg = LibvirtXml.ToConfigDocument(first, Fixed);
        XDocument second = LibvirtXml.FromConfig(DomainConfig.Bind(cfg.Value).Config, Fixed).Value;

        Assert.False(cfg.Value.HasErrors, cfg.Value.Text);
        Assert.Equal(LibvirtXmlConformanceTests.Canonical(first.Root!), LibvirtXmlConformanceTests.Canonical(second.Root!));
    }

    [Fact]
    public void ToConfig_DomainXml_IsTheModelOfLibvirtsConfig()
    {
        const string Xml = "<domain type='xen'><name>web</name><memory unit='MiB'>1024</memory><vcpu>2</vcpu><os><type>linux</type><kernel>/k</kernel></os></domain>";

        DomainConfig config = LibvirtXml.ToConfig(XDocument.Parse(Xml), Fixed).Value;

        Assert.Equal(("web", 1024L, 1024L, 2L, "/k"), (config.Name, config.MemoryMiB, config.MaxMemoryMiB, config.Vcpus, config.Kernel));
        Assert.Equal("c7a5fdb2-cdaf-9455-926a-d65c16db1809", config.Uuid);
    }

    [Fact]
    public void Conversions_NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => LibvirtXml.FromConfig(null!));
        Assert.Throws<ArgumentNullException>(() => LibvirtXml.ToConfigDocument(null!));
        Assert.Throws<ArgumentNullException>(() => LibvirtXml.ToConfig(null!));
    }
}
