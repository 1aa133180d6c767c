using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>FsCheck: for every language, generated text (separators, values at their limits, nested sub-languages)
/// either has errors or reads back from its canonical form as the same value; values are valid exactly inside their
/// documented limits; no text makes a parser throw; and the cost grows linearly with the input.</summary>
public sealed class SpecPropertyTests
{
    // ---- generators: separators, values at their limits, nested sub-languages ----

    /// <summary>What may stand between two items: commas (doubled, so empty items occur), with spaces or tabs around.</summary>
    private static readonly Gen<string> Separator =
        from before in Gen.Elements(string.Empty, string.Empty, " ", "\t")
        from commas in Gen.Frequency((6, Gen.Constant(",")), (1, Gen.Constant(",,")))
        from after in Gen.Elements(string.Empty, string.Empty, " ", "  ")
        select before + commas + after;

    /// <summary>Numbers at and around the limits the languages check (1..3, 1..31, 0xff, 4094, 2^16, 2^32), written in
    /// decimal, hexadecimal or octal, signed, with junk after, or not a number at all.</summary>
    private static readonly Gen<string> Number =
        from n in Gen.Elements(0L, 1L, 2L, 3L, 4L, 7L, 8L, 15L, 16L, 31L, 32L, 255L, 256L, 4094L, 4095L, 65535L, 65536L, 4294967294L, 4294967295L, 4294967296L)
        from form in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)))
        select form switch
        {
            0 => n.ToString(CultureInfo.InvariantCulture),
            1 => "0x" + n.ToString("x", CultureInfo.InvariantCulture),
            2 => "0" + Convert.ToString(n, 8),
            3 => "-" + n.ToString(CultureInfo.InvariantCulture),
            4 => n.ToString(CultureInfo.InvariantCulture) + "k",
            _ => "lots",
        };

    /// <summary>Free text as values hold it: paths, words with ':' and '=' inside, spaces, nothing.</summary>
    private static readonly Gen<string> Word =
        Gen.Elements("xenbr0", "/srv/share", "/dev/vg/a b", "a:b", "a=b", "pty", "socket", "none", "0", "dom1", "e1000", "de", ":0", string.Empty, "org.qemu.guest_agent.0");

    private static readonly Gen<string> Mac =
        from groups in Gen.Elements("00", "16", "3e", "ff", "100", "0", "g0").ArrayOf(6)
        from sep in Gen.Elements(":", ":", "-")
        from tail in Gen.Elements(string.Empty, string.Empty, ":02")
        select string.Join(sep, groups) + tail;

    /// <summary>vif rate: amount, unit, B or b, /s, optional @interval (a language nested in the vif item).</summary>
    private static readonly Gen<string> Rate =
        from amount in Gen.Elements("0", "1", "10", "08", "4294967295", "4294967296")
        from unit in Gen.Elements(string.Empty, "K", "M", "G", "k")
        from b in Gen.Elements("B", "b")
        from per in Gen.Elements("/s", "/s", "/m", string.Empty)
        from interval in Gen.Elements(string.Empty, string.Empty, "@20ms", "@1s", "@50us", "@0", "@50x")
        select amount + unit + b + per + interval;

    /// <summary>vif vlan: one or more '/'-separated terms N[p|u], N-M[u], N+OxC[u], ids around 1..4094.</summary>
    private static readonly Gen<string> Vlan =
        (from id in Gen.Elements("0", "1", "10", "4094", "4095", "123456")
         from form in Gen.Elements(string.Empty, "p", "u", "-20", "-5", "-4094u", "+10x4", "+1x0u")
         select id + form).ArrayOf().Where(t => t.Length > 0).Select(t => string.Join("/", t));

    private static Gen<string> ValueFor(string key) => key switch
    {
        "mac" => Mac,
        "rate" => Rate,
        "vlan" => Vlan,
        "uuid" => Gen.Elements("c7a5fdb2-cdaf-9455-926a-d65c16db1809", "c7a5fdb2cdaf9455926ad65c16db1809", "x"),
        "type" => Gen.Elements("ioemu", "vif", "netfront", "pv", "qusb", "devicemodel", "auto", "QUSB", "ehci", "hostdev", "qemu", "xen_9pfsd", "vnc"),
        "connection" => Gen.Elements("pty", "socket", "tty"),
        "rdm_policy" => Gen.Elements("strict", "Relaxed", "loose"),
        "version" or "ports" or "devid" or "mtu" or "vnc" or "sdl" or "opengl" or "vncunused" or "vncdisplay" or "hostbus" or "hostaddr"
            or "controller" or "port" or "max-files" or "max-open-files" or "max-space" or "auto-delete" or "instance" or "permissive"
            or "msitranslate" or "seize" or "power_mgmt" or "colo-port" => Number,
        _ => Word,
    };

    /// <summary>One item: KEY=VALUE (sometimes with spaces around '=' or an empty value), or a bare word.</summary>
    private static Gen<string> Item(string[] keys) =>
        Gen.Frequency(
            (8, from key in Gen.Elements(keys)
                from value in ValueFor(key)
                from eq in Gen.Frequency((6, Gen.Constant("=")), (1, Gen.Constant(" = ")))
                select key + eq + value),
            (1, Gen.Elements("trusted", "untrusted", "e1000", "foo=1", "x-y=z", "TYPE=pv")));

    /// <summary>Items joined by generated separators, sometimes with a separator in front or behind.</summary>
    private static Gen<string> ItemList(string[] keys) =>
        from n in Gen.Choose(0, 6)
        from items in Item(keys).ArrayOf(n)
        from seps in Separator.ArrayOf(Math.Max(n, 1))
        from lead in Gen.Frequency((5, Gen.Constant(string.Empty)), (1, Separator))
        select lead + string.Concat(items.Select((item, i) => i == 0 ? item : seps[i] + item));

    private static readonly Dictionary<SpecKind, string[]> Keys = new()
    {
        [SpecKind.Vif] = ["mac", "bridge", "type", "model", "vifname", "script", "ip", "backend", "rate", "vlan", "mtu", "devid", "gatewaydev", "netdev", "accel", "policy", "label", "forwarddev", "colo_compare_out"],
        [SpecKind.Vfb] = ["vnc", "vnclisten", "vncpasswd", "vncdisplay", "vncunused", "keymap", "sdl", "opengl", "display", "xauthority", "type", "serial", "videoram"],
        [SpecKind.Channel] = ["name", "connection", "path", "backend"],
        [SpecKind.Vtpm] = ["backend", "uuid", "instance"],
        [SpecKind.P9] = ["tag", "path", "security_model", "backend", "type", "max-files", "max-open-files", "max-space", "auto-delete"],
        [SpecKind.UsbCtrl] = ["type", "version", "ports"],
        [SpecKind.UsbDev] = ["type", "hostbus", "hostaddr", "controller", "port"],
    };

    /// <summary>A pci item: an address at the limits of its parts, an optional @vslot, then options.</summary>
    private static readonly Gen<string> PciText =
        from domain in Gen.Elements(string.Empty, "0000:", "ffff:", "10000:")
        from bus in Gen.Elements("00", "ff", "100")
        from dev in Gen.Elements("00", "1f", "20")
        from func in Gen.Elements("0", "7", "8", "*")
        from vslot in Gen.Elements(string.Empty, string.Empty, "@8", "@1f", "@20")
        from options in ItemList(["permissive", "msitranslate", "seize", "power_mgmt", "rdm_policy", "vslot", "name"])
        from named in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select named ? "name=gpu," + options : domain + bus + ":" + dev + "." + func + vslot + (options.Length > 0 ? "," + options : string.Empty);

    /// <summary>An xl disk: keywords, flags and positional fields (with deprecated prefix chains nested in front), then
    /// maybe target= last.</summary>
    private static readonly Gen<string> XlDiskText =
        from n in Gen.Choose(0, 5)
        from parts in Gen.Elements(
            "/x", "/dev/vg/a b", string.Empty, "raw", "qcow2", "vmdk", "xvda", "hdc", "hdc:cdrom", "w", "r", "ro", "rw", "w!", "format=raw",
            "vdev=xvdb", "access=r", "devtype=cdrom", "cdrom", "backendtype=phy", "backend=dom", "script=s", "discard", "no-discard",
            "colo-port=5", "trusted", "grant_usage=1", "specification=virtio", "direct-io-safe", "phy:/dev/x", "tap:aio:/x",
            "tap2:tapdisk:aio:/y", "nbd:host 1", "qcow2:/q", "file:/f", "ioemu:hda", "tap:sync:/x", "size=1").ArrayOf(n)
        from seps in Gen.Elements(",", ", ", ",,").ArrayOf(Math.Max(n, 1))
        from target in Gen.Elements(string.Empty, string.Empty, ",target=/t,with,commas:and:colons", ",target=a=b")
        select string.Concat(parts.Select((p, i) => i == 0 ? p : seps[i] + p)) + target;

    /// <summary>An xm disk: uname (nested tap chains), dev (ioemu: and :cdrom), mode, then backend and protocol fields.</summary>
    private static readonly Gen<string> XmDiskText =
        from uname in Gen.Elements("phy:/dev/x", "file:/x.img", "tap:aio:/x", "tap:qcow2:/q", "tap2:tapdisk:vhd:/v", "tap:foo:/x", "nbd:h 1", "/x", string.Empty)
        from dev in Gen.Elements("xvda", "hda", "ioemu:hda", "hdc:cdrom", "hda:floppy", "sda1", "d0p1", "hde")
        from mode in Gen.Elements("r", "w", "w!", "rw", "x")
        from tail in Gen.Elements(string.Empty, ",0", ",dom", ",0,x86_32-abi", ",,x86_64-abi", ",0,x,y")
        select uname + "," + dev + "," + mode + tail;

    private static readonly Gen<string> CpusText =
        (from exclude in Gen.Elements(string.Empty, string.Empty, "^")
         from nodes in Gen.Elements(string.Empty, string.Empty, "node:", "nodes:")
         from body in Gen.Elements("0", "3", "12", "3-7", "7-3", "all", "x", "-1")
         select exclude + nodes + body).ArrayOf().SelectMany(terms => Separator.ArrayOf(Math.Max(terms.Length, 1)), (terms, seps) => string.Concat(terms.Select((t, i) => i == 0 ? t : seps[i].Trim() + t)));

    /// <summary>An xend cpuid line: a leaf (and subleaf), then registers of 32 policy characters (or 31 or 33).</summary>
    private static readonly Gen<string> XendCpuidText =
        from leaf in Gen.Elements("1", "0x80000001", "7,0", "7,", "x")
        from registers in (from name in Gen.Elements("eax", "ebx", "ecx", "edx", "eex")
                           from length in Gen.Elements(32, 32, 32, 31, 33)
                           from bits in Gen.Elements('0', '1', 'x', 'x', 'k', 's', 'z').ArrayOf(length)
                           select name + "=" + new string(bits)).ArrayOf().Where(r => r.Length > 0)
        from sep in Gen.Elements(",", ", ", ",\n")
        select leaf + ":" + string.Join(sep, registers);

    private static Gen<string> TextFor(SpecKind kind, ConfigDialect dialect) => kind switch
    {
        SpecKind.Disk => dialect == ConfigDialect.Xm ? XmDiskText : XlDiskText,
        SpecKind.Pci => PciText,
        SpecKind.Cpus => CpusText,
        SpecKind.Cpuid => dialect == ConfigDialect.Xm ? XendCpuidText : from items in ItemList(["tm", "sse3", "aes", "family", "model"]) select "host," + items,
        _ => ItemList(Keys[kind]),
    };

    public static TheoryData<SpecKind, ConfigDialect> GeneratedLanguages()
    {
        var data = new TheoryData<SpecKind, ConfigDialect>();
        foreach (var kind in new[] { SpecKind.Disk, SpecKind.Vif, SpecKind.Pci, SpecKind.Vfb, SpecKind.Channel, SpecKind.Vtpm, SpecKind.P9, SpecKind.UsbCtrl, SpecKind.UsbDev, SpecKind.Cpus, SpecKind.Cpuid })
        {
            data.Add(kind, ConfigDialect.Xl);
            data.Add(kind, ConfigDialect.Xm);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedLanguages))]
    public void Parse_GeneratedText_ValidReadsBackFromItsCanonicalFormAndBothOutcomesOccur(SpecKind kind, ConfigDialect dialect)
    {
        int valid = 0, invalid = 0;
        Prop.ForAll(Arb.From(TextFor(kind, dialect)), text =>
        {
            CheckRobust(kind, text, dialect);
            Interlocked.Increment(ref SpecAssert.RoundTripsIfValid(kind, text, dialect) ? ref valid : ref invalid);
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));

        // A generator that only makes valid (or only invalid) text checks half of the contract. xl reads any vfb
        // text: it only warns (and stops at an item without '=').
        Assert.True(valid > 0, "no generated text was valid");
        Assert.True(invalid > 0 || (kind, dialect) == (SpecKind.Vfb, ConfigDialect.Xl), "no generated text was invalid");
    }

    // ---- limits: valid exactly inside the documented ranges ----

    [Fact]
    public void UsbController_VersionAndPorts_ValidExactlyInsideTheirRanges()
    {
        Prop.ForAll(Arb.From(Gen.Choose(-2, 40)), Arb.From(Gen.Choose(-2, 40)), (version, ports) =>
        {
            var r = UsbControllerSpec.Parse(string.Create(CultureInfo.InvariantCulture, $"version={version},ports={ports}"));
            Assert.Equal(version is >= 1 and <= 3 && ports is >= 1 and <= 31, r.Success);
            Assert.True(!r.Success || (r.Value.Version, r.Value.Ports) == (version, ports));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void VifVlan_Ids_ValidExactlyFrom1To4094()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 4100)), Arb.From(Gen.Choose(0, 4100)), (a, b) =>
        {
            Assert.Equal(a is >= 1 and <= 4094, VifVlan.TryParse(a.ToString(CultureInfo.InvariantCulture), out var one) && one.Pvid == a);
            bool range = VifVlan.TryParse(string.Create(CultureInfo.InvariantCulture, $"{a}-{b}"), out var r);
            Assert.Equal(a is >= 1 and <= 4094 && b is >= 1 and <= 4094 && b >= a, range);
            Assert.True(!range || r!.Terms.Single().Ids.Count() == b - a + 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PciAddress_Parts_ValidExactlyInsideTheirRanges()
    {
        var parts = from domain in Gen.Choose(0, 0x10001)
                    from bus in Gen.Choose(0, 0x101)
                    from dev in Gen.Choose(0, 0x21)
                    from func in Gen.Choose(0, 9)
                    select (domain, bus, dev, func);
        Prop.ForAll(Arb.From(parts), p =>
        {
            var (domain, bus, dev, func) = p;
            string text = string.Create(CultureInfo.InvariantCulture, $"{domain:x}:{bus:x}:{dev:x}.{func:x}");
            bool inRange = domain <= 0xffff && bus <= 0xff && dev <= 0x1f && func <= 7;
            Assert.Equal(inRange, PciAddress.TryParse(text, out var address));
            Assert.True(!inRange || address == new PciAddress(domain, bus, dev, func));
            Assert.Equal(inRange, PciSpec.Parse(text).Success);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void MacAddress_Groups_ValidExactlyUpToFf()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 0x101).ArrayOf(6)), groups =>
        {
            string text = string.Join(":", groups.Select(g => g.ToString("x2", CultureInfo.InvariantCulture)));
            Assert.Equal(groups.All(g => g <= 0xff), MacAddress.TryParse(text, out var mac));
            Assert.Equal(groups.All(g => g <= 0xff), !VifSpec.Parse("mac=" + text).Diagnostics.Any(d => d.Id == DiagnosticIds.VifInvalidMac));
            Assert.True(groups.Any(g => g > 0xff) || mac.ToString() == text);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void IoPortRange_NearTheTopOf32Bits_ValidExactlyBelow0xffffffff()
    {
        var port = Gen.Elements(0UL, 1UL, 0x2f8UL, 0xfffffffeUL, 0xffffffffUL, 0x100000000UL);
        Prop.ForAll(Arb.From(port), Arb.From(port), (first, last) =>
        {
            var r = IoPortRange.Parse(string.Create(CultureInfo.InvariantCulture, $"{first:x}-{last:x}"));
            Assert.Equal(first < 0xffffffffUL && last < 0xffffffffUL && last >= first, r.Success);
            Assert.True(!r.Success || (r.Value.First, r.Value.Last) == ((uint)first, (uint)last));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CpuList_GeneratedTerms_ReadAsWrittenWhateverTheCommas()
    {
        var term = from exclude in Gen.Elements(false, false, true)
                   from nodes in Gen.Elements(string.Empty, string.Empty, "node:", "nodes:")
                   from a in Gen.Choose(0, 20)
                   from width in Gen.Choose(0, 3)
                   from single in Gen.Elements(true, false)
                   select (Text: (exclude ? "^" : string.Empty) + nodes + (single ? $"{a}" : $"{a}-{a + width}"),
                           Term: new CpuListTerm(exclude, nodes.Length > 0, false, (ulong)a, (ulong)(single ? a : a + width)));
        var gen = from terms in term.ArrayOf()
                  from commas in Gen.Elements(",", ",", ",,").ArrayOf(terms.Length + 1)
                  select (Text: commas[0].TrimStart(',') + string.Concat(terms.Select((t, i) => (i == 0 ? string.Empty : commas[i]) + t.Text)) + (commas[^1] == ",," ? "," : string.Empty), Terms: terms.Select(t => t.Term).ToArray());
        Prop.ForAll(Arb.From(gen), x =>
        {
            var r = CpuListSpec.Parse(x.Text);
            Assert.True(r.Success, x.Text);
            Assert.Equal(x.Terms, r.Value.Terms);
        }).QuickCheckThrowOnFailure();
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
    [InlineData("a\n,,a")] // a disk target with a line break: printed positionally, as target= stops at the break
    public void Parse_OddText_ReturnsDiagnosticsForEveryLanguage(string text)
    {
        foreach (var kind in Enum.GetValues<SpecKind>())
        {
            CheckRobust(kind, text, ConfigDialect.Xl);
            CheckRobust(kind, text, ConfigDialect.Xm);
        }

        Assert.Contains(DiskSpec.Parse("phy:/dev/x,xvda,w\0garbage").Diagnostics, d => d.Id == DiagnosticIds.SpecContainsNul);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DiskSpec.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => SpecString.Parse(SpecKind.Vif, null!));
        Assert.Throws<ArgumentNullException>(() => DiskSpec.Parse("/x,,xvda").Value.CheckHvmEmulation(null!));
    }

    internal static ParseResult<ISpecValue> CheckRobust(SpecKind kind, string text, ConfigDialect dialect)
    {
        var r = SpecString.Parse(kind, text, dialect);
        Assert.Equal(r.HasErrors, r.PartialValue is null && r.Diagnostics.Any(d => d.IsError));
        foreach (var d in r.Diagnostics)
        {
            Assert.NotEqual(DiagnosticIds.SpecInternalError, d.Id);
            Assert.InRange(d.Span.Start, 0, text.Length);
            Assert.InRange(d.Span.End, 0, text.Length);
        }

        if (r.Success && !SpecAssert.UsesFormsOfTheOtherDialect(r.Diagnostics))
        {
            SpecAssert.CanonicalFormReadsBack(kind, text, r.Value, dialect);
        }

        return r;
    }
}
