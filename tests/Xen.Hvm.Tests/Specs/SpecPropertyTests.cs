using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>FsCheck: for every language, text built from its grammar's pieces either has errors or prints back
/// unchanged and round-trips parse→print→parse; and no text of any kind makes a parser throw.</summary>
public sealed class SpecPropertyTests
{
    private static readonly Dictionary<(SpecKind, ConfigDialect), string[]> Pieces = new()
    {
        [(SpecKind.Disk, ConfigDialect.Xl)] =
        [
            "/x", "/dev/vg/a b", "", "raw", "qcow2", "xvda", "hdc", "hdc:cdrom", "w", "r", "ro", "rw", "format=raw", "format=vhd",
            "vdev=xvdb", "access=r", "devtype=cdrom", "devtype=disk", "cdrom", "backendtype=phy", "backendtype=qdisk", "backend=dom",
            "script=s", "discard", "no-discard", "colo", "no-colo", "colo-port=5", "colo-host=h", "trusted", "untrusted",
            "grant_usage=1", "specification=xen", "direct-io-safe", "phy:/dev/x", "tap:aio:/x", "tap2:tapdisk:aio:/y", "nbd:host 1",
            "qcow2:/q", "file:/f", "ioemu:hda", " xvdc", "target=/t,with,commas:and:colons",
        ],
        [(SpecKind.Disk, ConfigDialect.Xm)] = ["phy:/dev/x", "file:/x.img", "tap:aio:/x", "tap:qcow2:/q", "tap2:vhd:/v", "nbd:h 1", "", "xvda", "hda", "ioemu:hda", "hdc:cdrom", "sda1", "r", "w", "w!", "0", "dom", "x86_32-abi"],
        [(SpecKind.Vif, ConfigDialect.Xl)] =
        [
            "mac=00:16:3e:00:00:01", "mac=aa:bb:cc:dd:ee:ff", "bridge=xenbr0", "type=ioemu", "type=vif", "model=e1000", "rate=10Mb/s",
            "rate=5MB/s@20ms", "rate=1GB/s@1s", "vlan=10", "vlan=10p/20-30u", "vlan=10p/100+10x4", "mtu=1500", "devid=1", "trusted",
            "untrusted", "ip=1.2.3.4", "script=vif-route", "gatewaydev=eth0", "netdev=eth1", "forwarddev=x", "vifname=v", " backend=d",
            "colo_compare_out=o", "accel=a", "",
        ],
        [(SpecKind.Vif, ConfigDialect.Xm)] = ["mac=00:16:3e:00:00:01", " bridge = xenbr0 ", "type=ioemu", "model=ne2k_pci", "rate=10Mb/s", "ip=1.2.3.4", "vifname=v", "script=s", "backend=0", "accel=a", "policy=p", "label=l", ""],
        [(SpecKind.Pci, ConfigDialect.Xl)] = ["0000:01:00.0", "01:00.1@8", "0000:02:1f.*", "ff:1f.7@1f", "permissive=1", "msitranslate=0", "seize=1", "power_mgmt=1", "rdm_policy=strict", "rdm_policy=Relaxed", "vslot=2", "name=n", "bdf=03:00.0"],
        [(SpecKind.Pci, ConfigDialect.Xm)] = ["0000:01:00.0", "01:00.1@8", "msitranslate=1", "power_mgmt=0"],
        [(SpecKind.Vfb, ConfigDialect.Xl)] = ["vnc=1", "vnc=0", "sdl=1", "opengl=1", "vnclisten=0.0.0.0", "vncdisplay=3", "vncunused=1", "vncpasswd=", "keymap=de", "display=:0", "xauthority=/x", " vnc=1", ""],
        [(SpecKind.Vfb, ConfigDialect.Xm)] = ["vnc=1", "sdl=1", "type=vnc", "serial=pty", "monitor=1", "videoram=8", "vnclisten=0.0.0.0", "keymap=de"],
        [(SpecKind.Channel, ConfigDialect.Xl)] = ["name=a", "connection=pty", "connection=socket", "path=/p", "backend=0", " name = b "],
        [(SpecKind.Vtpm, ConfigDialect.Xl)] = ["backend=0", "backend=vtpmmgr", "uuid=c7a5fdb2-cdaf-9455-926a-d65c16db1809"],
        [(SpecKind.Vtpm, ConfigDialect.Xm)] = ["backend=0", "instance=1"],
        [(SpecKind.P9, ConfigDialect.Xl)] = ["tag=t", "path=/p", "security_model=none", "type=qemu", "type=xen_9pfsd", "max-files=10", "max-open-files=2", "max-space=9", "auto-delete=0x1", "backend=b"],
        [(SpecKind.UsbCtrl, ConfigDialect.Xl)] = ["type=pv", "type=QUSB", "type=devicemodel", "type=auto", "version=1", "version=3", "ports=1", "ports=31"],
        [(SpecKind.UsbDev, ConfigDialect.Xl)] = ["type=hostdev", "hostbus=1", "hostaddr=0x10", "controller=0", "port=2"],
        [(SpecKind.Cpus, ConfigDialect.Xl)] = ["0", "3-7", "^1", "nodes:0", "^node:1", "all", "12", "node:all", "^10-11"],
        [(SpecKind.Cpus, ConfigDialect.Xm)] = ["0", "3-7", "^1", "12"],
        [(SpecKind.Cpuid, ConfigDialect.Xl)] = ["host", "tm=0", "sse3=1", "aes=k", "family=0x6", "model=s"],
        [(SpecKind.IoMem, ConfigDialect.Xl)] = ["fe000,10", "0,1@ff", "abc,def"],
    };

    public static IEnumerable<object[]> Languages() => Pieces.Keys.Select(k => new object[] { k.Item1, k.Item2 });

    [Theory]
    [MemberData(nameof(Languages))]
    public void Parse_TextFromGrammarPieces_RoundTripsWhenValid(SpecKind kind, ConfigDialect dialect)
    {
        string[] pieces = Pieces[(kind, dialect)];
        var separators = Gen.Elements(",", ",", ", ");
        var gen = from n in Gen.Choose(0, 6)
                  from parts in Gen.Elements(pieces).ArrayOf(n)
                  from seps in separators.ArrayOf(n)
                  select string.Concat(parts.Select((p, i) => i == 0 ? p : seps[i] + p));
        if ((kind, dialect) == (SpecKind.Disk, ConfigDialect.Xm))
        {
            // xend's form is positional: uname,dev,mode[,backend[,protocol]].
            gen = from uname in Gen.Elements(pieces[..7])
                  from dev in Gen.Elements(pieces[7..12])
                  from mode in Gen.Elements(pieces[12..15])
                  from tail in Gen.Elements(string.Empty, ",0", ",dom", ",0,x86_32-abi", ",,x86_64-abi")
                  select uname + "," + dev + "," + mode + tail;
        }
        int valid = 0;
        Prop.ForAll(Arb.From(gen), text =>
        {
            if (SpecAssert.RoundTripsIfValid(kind, text, dialect))
            {
                Interlocked.Increment(ref valid);
            }

            return true;
        }).QuickCheckThrowOnFailure();
        Assert.True(valid > 0, "no generated text was valid; the property checked nothing");
    }

    [Theory]
    [InlineData(SpecKind.Viridian, new[] { "defaults", "all", "base", "!freq", "crash_ctl", "!no_vp_limit" })]
    [InlineData(SpecKind.Smbios, new[] { "bios_vendor=X", "oem=a=b", "system_serial_number=1 2" })]
    [InlineData(SpecKind.Vnuma, new[] { "pnode=1", "size=2048", "vcpus=0-3,8", "vdistances=10,21" })]
    [InlineData(SpecKind.IoPorts, new[] { "2f8-2ff", "3f8", "0x60-0x64" })]
    [InlineData(SpecKind.Irqs, new[] { "7", "16" })]
    [InlineData(SpecKind.UsbDevice, new[] { "tablet", "mouse", "keyboard", "host:46d:c52b", "host:3.2" })]
    public void Parse_SingleItemLanguages_RoundTrip(SpecKind kind, string[] texts)
    {
        Prop.ForAll(Arb.From(Gen.Elements(texts)), text => SpecAssert.RoundTripsIfValid(kind, text, ConfigDialect.Xl)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_RandomText_NeverThrowsAndKeepsSpansInside()
    {
        var kinds = Enum.GetValues<SpecKind>();
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= string.Empty;
            foreach (var kind in kinds)
            {
                foreach (var dialect in new[] { ConfigDialect.Xl, ConfigDialect.Xm, ConfigDialect.Auto })
                {
                    CheckRobust(kind, text, dialect);
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("phy:/dev/x,xvda,w\0garbage")]
    [InlineData("\uFEFFphy:/dev/x,xvda,w")]
    [InlineData("phy:/dev/x,xvda,w\r\n")]
    [InlineData("((((((((((((((((((((((((((((((((((((((((")]
    [InlineData(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,")]
    [InlineData("===================")]
    public void Parse_OddText_ReturnsDiagnosticsForEveryLanguage(string text)
    {
        foreach (var kind in Enum.GetValues<SpecKind>())
        {
            CheckRobust(kind, text, ConfigDialect.Xl);
            CheckRobust(kind, text, ConfigDialect.Xm);
        }

        Assert.Contains(DiskSpec.Parse("phy:/dev/x,xvda,w\0garbage").Diagnostics, d => d.Id == DiagnosticIds.SpecContainsNul);
    }

    [Theory]
    [InlineData(" a,")]
    [InlineData("phy:")]
    [InlineData("0-1,")]
    public void Parse_OneMegabyte_Completes(string unit)
    {
        string text = string.Concat(Enumerable.Repeat(unit, (1 << 20) / unit.Length));
        foreach (var kind in Enum.GetValues<SpecKind>())
        {
            CheckRobust(kind, text, ConfigDialect.Xl);
        }
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DiskSpec.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => SpecString.Parse(SpecKind.Vif, null!));
        Assert.Throws<ArgumentNullException>(() => DiskSpec.Parse("/x,,xvda").Value.CheckHvmEmulation(null!));
    }

    private static void CheckRobust(SpecKind kind, string text, ConfigDialect dialect)
    {
        var r = SpecString.Parse(kind, text, dialect);
        Assert.Equal(r.HasErrors, r.PartialValue is null && r.Diagnostics.Any(d => d.IsError));
        foreach (var d in r.Diagnostics)
        {
            Assert.NotEqual(DiagnosticIds.SpecInternalError, d.Id);
            Assert.InRange(d.Span.Start, 0, text.Length);
            Assert.InRange(d.Span.End, 0, text.Length);
        }

        if (r.Success)
        {
            SpecAssert.CanonicalFormReadsBack(kind, text, r.Value, dialect);
        }
    }
}
