using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>The languages other than disk: values, round trips and error positions.</summary>
public sealed class SpecLanguagesTests
{
    [Theory]
    [InlineData("type=ioemu, bridge=xenbr0, mac=00:16:3e:00:00:01")]
    [InlineData("mac=00:16:3e:66:92:9c,bridge=xenbr1,script=vif-bridge,model=e1000")]
    [InlineData("")]
    [InlineData("bridge=br0,rate=10Mb/s@20ms,vlan=10p/100+10x4,mtu=9000,devid=3,trusted,gatewaydev=eth0,forwarddev=eth1")]
    [InlineData("vifname=web0,ip=10.0.0.2,backend=netdom,rate=1GB/s,vlan=10")]
    public void Vif_Xl_RoundTrips(string text) => SpecAssert.RoundTrips<VifSpec>(SpecKind.Vif, text);

    [Fact]
    public void Vif_Fields_AreTyped()
    {
        var v = VifSpec.Parse("type=ioemu, bridge=xenbr0, mac=00:16:3e:00:00:01, rate=10Mb/s@20ms, vlan=10p/20").GetValueOrThrow();
        Assert.Equal(VifType.Ioemu, v.Type);
        Assert.Equal("xenbr0", v.Bridge);
        Assert.Equal(0x00163e000001UL, v.Mac!.Value.Value);
        Assert.True(v.Mac.Value.IsXenOui);
        Assert.Equal(1_250_000UL, v.Rate!.BytesPerSecond);
        Assert.Equal(20_000UL, v.Rate.IntervalMicroseconds);
        Assert.Equal(25_000UL, v.Rate.BytesPerInterval);
        Assert.Equal(10, v.Vlan!.Pvid);
        Assert.Equal(new[] { 10, 20 }, v.Vlan.Terms.SelectMany(t => t.Ids));
    }

    [Theory]
    [InlineData("rate=10MB", "XH6044", 5, 4)]
    [InlineData("rate=08Mb/s", "XH6044", 5, 6)]
    [InlineData("rate=10Mb/s@50x", "XH6044", 5, 10)]
    [InlineData("vlan=5000", "XH6045", 5, 4)]
    [InlineData("vlan=10/20", "XH6045", 5, 5)]
    [InlineData("mtu=9k", "XH6046", 4, 2)]
    public void Vif_InvalidValues_ReportErrorsAtTheValue(string text, string id, int start, int length)
    {
        SpecAssert.Reports(SpecKind.Vif, text, id, start, length);
        Assert.True(VifSpec.Parse(text).HasErrors);
    }

    [Theory]
    [InlineData("bridge=xenbr0,speed=100", "XH6040", 14, 5, DiagnosticSeverity.Warning)]
    [InlineData("bridge=xenbr0,e1000", "XH6041", 14, 5, DiagnosticSeverity.Warning)]
    [InlineData("mac=00:16:3e:0g:00:01", "XH6042", 4, 17, DiagnosticSeverity.Warning)]
    [InlineData("type=netfront", "XH6043", 5, 8, DiagnosticSeverity.Warning)]
    [InlineData("netdev=eth0", "XH6047", 0, 6, DiagnosticSeverity.Warning)]
    [InlineData("bridge=xenbr0,label=red", "XH6048", 14, 5, DiagnosticSeverity.Warning)]
    [InlineData("mac=00:16:3e:00:00:01:02", "XH6099", 21, 3, DiagnosticSeverity.Warning)]
    public void Vif_XlIgnoredItems_AreWarnings(string text, string id, int start, int length, DiagnosticSeverity severity)
    {
        Assert.Equal(severity, SpecAssert.Reports(SpecKind.Vif, text, id, start, length).Severity);
        Assert.False(VifSpec.Parse(text).HasErrors);
    }

    [Theory]
    [InlineData("bridge=xenbr0,speed=100", "XH6040", 14, 5)]
    [InlineData("bridge=xenbr0,e1000", "XH6041", 14, 5)]
    [InlineData("bridge=xenbr0,mtu=9000", "XH6049", 14, 3)]
    public void Vif_XmUnknownItems_AreErrors(string text, string id, int start, int length)
    {
        Assert.Equal(DiagnosticSeverity.Error, SpecAssert.Reports(SpecKind.Vif, text, id, start, length, ConfigDialect.Xm).Severity);
    }

    [Fact]
    public void Vif_Xm_StripsAndKeepsPolicyAndLabel()
    {
        var v = SpecAssert.RoundTrips<VifSpec>(SpecKind.Vif, " type = ioemu , bridge=xenbr0, label=red", ConfigDialect.Xm);
        Assert.Equal("xenbr0", v.Bridge);
        Assert.Equal("red", v.Label);
        Assert.Equal("bridge=xenbr0,type=ioemu", v.ToSpecString(ConfigDialect.Xl));
    }

    [Theory]
    [InlineData("0000:01:00.0@8,permissive=1")]
    [InlineData("01:00.0")]
    [InlineData("0000:02:00.*")]
    [InlineData("0000:01:1a.1,msitranslate=1,power_mgmt=0,seize=1,rdm_policy=relaxed")]
    [InlineData("name=gpu0,vslot=3")]
    [InlineData("bdf=0000:03:00.0,permissive=1")]
    public void Pci_RoundTrips(string text) => SpecAssert.RoundTrips<PciSpec>(SpecKind.Pci, text);

    [Fact]
    public void Pci_Fields_AreTyped()
    {
        var p = PciSpec.Parse("0000:01:00.0@8,permissive=1").GetValueOrThrow();
        Assert.Equal(new PciAddress(0, 1, 0, 0), p.Address);
        Assert.Equal(8, p.VirtualSlot);
        Assert.Equal(1, p.Permissive);
        Assert.True(PciSpec.Parse("02:00.*").GetValueOrThrow().Address!.Value.AllFunctions);
    }

    [Theory]
    [InlineData("0000:01:20.0", "XH6050", 0, 12)]
    [InlineData("01:00.8", "XH6050", 0, 7)]
    [InlineData("01:00.0@20", "XH6051", 8, 2)]
    [InlineData("01:00.0,permissive", "XH6052", 8, 10)]
    [InlineData("01:00.0,rombar=0", "XH6053", 8, 6)]
    [InlineData("01:00.0,rdm_policy=loose", "XH6054", 19, 5)]
    [InlineData("permissive=1", "XH6055", 0, 12)]
    [InlineData("01:00.0,name=x", "XH6055", 0, 14)]
    public void Pci_Invalid_ReportsIdAtSpan(string text, string id, int start, int length) =>
        SpecAssert.Reports(SpecKind.Pci, text, id, start, length);

    [Fact]
    public void Pci_XlOnlyOptionInXm_Warns() =>
        Assert.Equal(DiagnosticSeverity.Warning, SpecAssert.Reports(SpecKind.Pci, "01:00.0,permissive=1", "XH6056", 8, 10, ConfigDialect.Xm).Severity);

    [Theory]
    [InlineData(SpecKind.Vfb, "vnc=1,vnclisten=0.0.0.0,vncdisplay=1,vncunused=0,sdl=0,opengl=1,keymap=de,display=:0,xauthority=/x,vncpasswd=pw")]
    [InlineData(SpecKind.Channel, "name=org.qemu.guest_agent.0,connection=socket,path=/run/x.sock,backend=0")]
    [InlineData(SpecKind.Channel, "name=c, connection = pty")]
    [InlineData(SpecKind.Vtpm, "backend=vtpmmgr,uuid=c7a5fdb2-cdaf-9455-926a-d65c16db1809")]
    [InlineData(SpecKind.P9, "tag=share,path=/srv,security_model=none,type=xen_9pfsd,max-files=100,max-open-files=10,max-space=64,auto-delete=1,backend=0")]
    [InlineData(SpecKind.UsbCtrl, "type=pv,version=2,ports=4")]
    [InlineData(SpecKind.UsbDev, "type=hostdev,hostbus=1,hostaddr=0x3,controller=0,port=1")]
    [InlineData(SpecKind.UsbDevice, "tablet")]
    [InlineData(SpecKind.UsbDevice, "host:046d:c52b")]
    [InlineData(SpecKind.UsbDevice, "host:3.2")]
    [InlineData(SpecKind.Cpus, "0-3,5,^1")]
    [InlineData(SpecKind.Cpus, "all")]
    [InlineData(SpecKind.Cpus, "nodes:0-3,^node:2")]
    [InlineData(SpecKind.Cpuid, "host,tm=0,sse3=0,family=0x6,aes=k")]
    [InlineData(SpecKind.Cpuid, "1:ecx=xxxxxxxxxxx00xxxxxxxxxxxxxxxxxxx,edx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData(SpecKind.Cpuid, "0x80000001:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx0x")]
    [InlineData(SpecKind.Cpuid, "7,0:ebx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData(SpecKind.Viridian, "defaults")]
    [InlineData(SpecKind.Viridian, "all")]
    [InlineData(SpecKind.Viridian, "!hcall_ipi")]
    [InlineData(SpecKind.Viridian, "time_ref_count")]
    [InlineData(SpecKind.Smbios, "bios_vendor=Xen Project")]
    [InlineData(SpecKind.Smbios, "oem=a=b")]
    [InlineData(SpecKind.Vnuma, "pnode=0")]
    [InlineData(SpecKind.Vnuma, "size=512")]
    [InlineData(SpecKind.Vnuma, "vcpus=0-4,6")]
    [InlineData(SpecKind.Vnuma, "vdistances=10,20")]
    [InlineData(SpecKind.IoPorts, "2f8-2ff")]
    [InlineData(SpecKind.IoPorts, "3f8")]
    [InlineData(SpecKind.IoMem, "fe000,1000")]
    [InlineData(SpecKind.IoMem, "fe000,1@2000")]
    [InlineData(SpecKind.Irqs, "7")]
    public void Language_ValidText_RoundTrips(SpecKind kind, string text) => SpecAssert.RoundTrips<ISpecValue>(kind, text);

    [Theory]
    [InlineData(SpecKind.Vfb, "vnc=1,type=vnc", "XH6064", 6, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vfb, "vnc=1,foo=1", "XH6060", 6, 3, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vfb, "vnc=1,foo=1", "XH6060", 6, 3, ConfigDialect.Xm)]
    [InlineData(SpecKind.Vfb, "vnc=yes", "XH6062", 4, 3, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vfb, "vnc=1,sdl,vncdisplay=2", "XH6061", 6, 16, ConfigDialect.Xl)]
    [InlineData(SpecKind.Channel, "name=x,pty", "XH6061", 7, 3, ConfigDialect.Xl)]
    [InlineData(SpecKind.Channel, "name=x,=x", "XH6061", 7, 2, ConfigDialect.Xl)]
    [InlineData(SpecKind.Channel, "name=x", "XH6063", 0, 6, ConfigDialect.Xl)]
    [InlineData(SpecKind.Channel, "name=x,connection=socket", "XH6063", 0, 24, ConfigDialect.Xl)]
    [InlineData(SpecKind.Channel, "name=x,connection=tty", "XH6062", 18, 3, ConfigDialect.Xl)]
    [InlineData(SpecKind.Channel, "name=x,connection=pty,speed=9600", "XH6060", 22, 5, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vtpm, "uuid=x", "XH6062", 5, 1, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vtpm, "uuid=c7a5fdb2-cdaf-9455-926a-d65c16db1809", "XH6063", 0, 41, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vtpm, "backend=0,instance=1", "XH6064", 10, 8, ConfigDialect.Xl)]
    [InlineData(SpecKind.P9, "tag=x,mode=ro", "XH6060", 6, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.P9, "tag=x,max-files=lots", "XH6062", 16, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.P9, "tag=x,type=virtfs", "XH6062", 11, 6, ConfigDialect.Xl)]
    [InlineData(SpecKind.UsbCtrl, "type=ehci", "XH6062", 5, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.UsbCtrl, "version=4", "XH6062", 8, 1, ConfigDialect.Xl)]
    [InlineData(SpecKind.UsbCtrl, "ports=32", "XH6062", 6, 2, ConfigDialect.Xl)]
    [InlineData(SpecKind.UsbCtrl, "speed=2", "XH6060", 0, 5, ConfigDialect.Xl)]
    [InlineData(SpecKind.UsbDev, "type=hostdev,hostbus=x", "XH6062", 21, 1, ConfigDialect.Xl)]
    [InlineData(SpecKind.UsbDevice, "wacom", "XH6065", 0, 5, ConfigDialect.Xl)]
    [InlineData(SpecKind.UsbDevice, "host:046d", "XH6066", 0, 9, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpus, "0-3,5-4", "XH6070", 4, 3, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpus, "1,^all", "XH6071", 2, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpus, "nodes:0", "XH6072", 0, 7, ConfigDialect.Xm)]
    [InlineData(SpecKind.Cpuid, "host,sse3", "XH6075", 5, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpuid, "host,aes=off", "XH6076", 9, 3, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpuid, "sse3=0", "XH6077", 0, 6, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpuid, "1:ecx=xxxx", "XH6078", 6, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpuid, "1ecx=x", "XH6078", 1, 5, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpuid, "1:efx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "XH6078", 2, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.Cpuid, "host,aes=0", "XH6079", 0, 10, ConfigDialect.Xm)]
    [InlineData(SpecKind.Viridian, "!tsc", "XH6080", 1, 3, ConfigDialect.Xl)]
    [InlineData(SpecKind.Viridian, "base", "XH6081", 0, 4, ConfigDialect.Xm)]
    [InlineData(SpecKind.Smbios, "bios_vendor=", "XH6085", 0, 12, ConfigDialect.Xl)]
    [InlineData(SpecKind.Smbios, "vendor=x", "XH6085", 0, 6, ConfigDialect.Xl)]
    [InlineData(SpecKind.Smbios, "vendor", "XH6085", 0, 6, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vnuma, "size=lots", "XH6090", 5, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vnuma, "p = ", "XH6090", 0, 4, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vnuma, "vcpus=0-2,x", "XH6090", 10, 1, ConfigDialect.Xl)]
    [InlineData(SpecKind.Vnuma, "memory=512", "XH6091", 0, 6, ConfigDialect.Xl)]
    [InlineData(SpecKind.IoPorts, "3f8-3f0", "XH6095", 0, 7, ConfigDialect.Xl)]
    [InlineData(SpecKind.IoPorts, "zz", "XH6095", 0, 2, ConfigDialect.Xl)]
    [InlineData(SpecKind.IoMem, "fe000,1000h", "XH6096", 0, 11, ConfigDialect.Xl)]
    [InlineData(SpecKind.Irqs, "0x10", "XH6097", 0, 4, ConfigDialect.Xl)]
    public void Language_InvalidText_ReportsIdAtSpan(SpecKind kind, string text, string id, int start, int length, ConfigDialect dialect) =>
        SpecAssert.Reports(kind, text, id, start, length, dialect);

    [Fact]
    public void Cpus_Evaluate_AppliesExclusionsInOrder()
    {
        var c = CpuListSpec.Parse("0-3,5,^1").GetValueOrThrow();
        Assert.Equal(new[] { 0, 2, 3, 5 }, c.Evaluate(8));
        var n = CpuListSpec.Parse("nodes:0-1,^node:1,7").GetValueOrThrow();
        Assert.Equal(new[] { 0, 1, 7 }, n.Evaluate(8, node => node == 0 ? [0, 1] : [2, 3]));
    }

    [Fact]
    public void Cpuid_Forms_AreTyped()
    {
        var x = CpuidSpec.Parse("0x80000001,2:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").GetValueOrThrow();
        Assert.Equal(CpuidForm.Xend, x.Form);
        Assert.Equal(0x80000001u, x.Leaf);
        Assert.Equal(2u, x.Subleaf);
        Assert.Equal("ecx", x.Registers[0].Register);
        var l = CpuidSpec.Parse("host,tm=0").GetValueOrThrow();
        Assert.Equal(new CpuidSetting("tm", "0"), Assert.Single(l.Settings));
    }

    [Fact]
    public void Viridian_GroupNames_AreCaseInsensitiveLikeLibxl()
    {
        Assert.Equal(new ViridianSpec(ViridianGroup.HcallIpi, Disable: true), ViridianSpec.Parse("!HCALL_IPI").GetValueOrThrow());
        Assert.True(ViridianSpec.Parse("ALL").HasErrors);
    }

    [Fact]
    public void Vfb_XmTypeVnc_IsKeptForXmAndNamedForXl()
    {
        var r = VfbSpec.Parse("type=vnc,vncunused=1", ConfigDialect.Xm);
        Assert.True(r.Success);
        Assert.Equal("vncunused=1,type=vnc", r.Value.ToSpecString(ConfigDialect.Xm));
        Assert.Equal("vncunused=1", r.Value.ToSpecString(ConfigDialect.Xl));
    }

    [Fact]
    public void SpecStrings_Names_FollowSpecKindOrder()
    {
        foreach (SpecKind kind in Enum.GetValues<SpecKind>())
        {
            Assert.True(SpecString.TryGetKind(SpecString.Name(kind), out var back));
            Assert.Equal(kind, back);
        }

        Assert.True(SpecString.TryGetKind("cpus_soft", out var soft));
        Assert.Equal(SpecKind.Cpus, soft);
        Assert.False(SpecString.TryGetKind("memory", out _));
    }
}
