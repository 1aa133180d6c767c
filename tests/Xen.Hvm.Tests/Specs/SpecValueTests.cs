using System.Diagnostics.Contracts;
using System.Reflection;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>The traps of the spec values: collections built by collection expressions, copies that say so, and the
/// BCL parsing of the small value types.</summary>
public sealed class SpecValueTests
{
    [Fact]
    public void CpuListSpec_CollectionExpressionOfOneTerm_PrintsTheTerm()
    {
        // With SpecList<T>.Add returning a copy, the compiler's collection initializer dropped the term: this printed ''.
        var one = new CpuListSpec([CpuListTerm.Single(3)]);
        Assert.Equal("3", one.ToSpecString());
        CpuListSpec cpus = [CpuListTerm.Range(0, 3), CpuListTerm.Single(5)];
        Assert.Equal("0-3,5", cpus.ToSpecString());
        Assert.Equal(CpuListSpec.Parse("0-3,5").Value, cpus);
    }

    [Fact]
    public void VifSpec_InitializerWithOtherSetting_KeepsTheSetting()
    {
        // With SpecList<T>.Add returning a copy, Other = [setting] gave an empty list.
        var vif = new VifSpec { Bridge = "xenbr0", Other = [new SpecSetting("forwarddev", "eth1")] };
        Assert.Equal(new SpecSetting("forwarddev", "eth1"), Assert.Single(vif.Other));
        Assert.Equal("bridge=xenbr0,forwarddev=eth1", vif.ToSpecString());
        Assert.Equal(vif, VifSpec.Parse(vif.ToSpecString()).Value);
    }

    [Fact]
    public void SpecList_WithItemAppended_ReturnsALongerCopyAndLeavesTheOriginal()
    {
        SpecList<int> list = [1, 2];
        var longer = list.WithItemAppended(3);
        Assert.Equal([1, 2], list);
        Assert.Equal([1, 2, 3], longer);
        Assert.NotNull(typeof(SpecList<int>).GetMethod(nameof(SpecList<int>.WithItemAppended))!.GetCustomAttribute<PureAttribute>());
    }

    [Fact]
    public void SpecTypes_Immutable_HaveNoMutatorNames()
    {
        // STYLE decision 8: Add/Remove/Clear/Set* mutate; no immutable spec type may have one (a copy is With*).
        var offenders = typeof(DiskSpec).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(DiskSpec).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && (m.Name is "Add" or "Remove" or "Clear" || m.Name.StartsWith("Set", StringComparison.Ordinal)))
                .Select(m => t.Name + "." + m.Name))
            .ToArray();
        Assert.Empty(offenders);
    }

    [Fact]
    public void SpecTypes_CopyMethods_AreNamedWithAndPure()
    {
        var copies = typeof(DiskSpec).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(DiskSpec).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("With", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(copies);
        Assert.All(copies, m => Assert.NotNull(m.GetCustomAttribute<PureAttribute>()));
    }

    public static TheoryData<string, string> MacAddresses => new()
    {
        { "00:16:3e:00:00:01", "00:16:3e:00:00:01" },
        { "AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff" },
        { "0:1:2:3:4:5", "00:01:02:03:04:05" },
    };

    [Theory]
    [MemberData(nameof(MacAddresses))]
    public void MacAddress_Parse_ValidText_ReadsAndPrintsCanonically(string text, string canonical)
    {
        Assert.Equal(canonical, MacAddress.Parse(text).ToString());
        Assert.Equal(canonical, ParseAs<MacAddress>(text).ToString());
        Assert.Equal(canonical, MacAddress.Parse(text.AsSpan(), null).ToString("G", null));
        Assert.Equal(canonical.ToUpperInvariant(), MacAddress.Parse(text).ToString("X", null));
        Assert.True(MacAddress.TryParse(text, out var mac));
        Assert.Equal(mac, MacAddress.Parse(mac.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00:16:3e:00:00")]
    [InlineData("00:16:3e:00:00:100")]
    [InlineData("00:16:3e:00:00:01:02")]
    [InlineData("0g:16:3e:00:00:01")]
    [InlineData(" 00:16:3e:00:00:01")]
    public void MacAddress_Parse_InvalidText_ThrowsFormatExceptionAndTryParseFails(string text)
    {
        Assert.Throws<FormatException>(() => MacAddress.Parse(text));
        Assert.Throws<FormatException>(() => ParseAs<MacAddress>(text));
        Assert.False(MacAddress.TryParse(text, out _));
        Assert.False(TryParseAs<MacAddress>(text, out _));
    }

    [Fact]
    public void MacAddress_NullAndUnknownFormat_FollowTheBcl()
    {
        Assert.Throws<ArgumentNullException>(() => MacAddress.Parse(null!));
        Assert.False(MacAddress.TryParse(null, out _));
        Assert.Throws<FormatException>(() => new MacAddress(1).ToString("Q", null));
        Assert.Equal("00:00:00:00:00:01", $"{new MacAddress(1)}");
    }

    [Theory]
    [InlineData("0000:01:00.0", "0000:01:00.0")]
    [InlineData("01:1f.7", "0000:01:1f.7")]
    [InlineData("ffff:ff:00.*", "ffff:ff:00.*")]
    public void PciAddress_Parse_ValidText_ReadsAndPrintsCanonically(string text, string canonical)
    {
        Assert.Equal(canonical, PciAddress.Parse(text).ToString());
        Assert.Equal(canonical, ParseAs<PciAddress>(text).ToString("G", null));
        Assert.True(PciAddress.TryParse(text.AsSpan(), null, out var address));
        Assert.Equal(address, PciAddress.Parse(address.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01:00")]
    [InlineData("01:20.0")]
    [InlineData("01:00.8")]
    [InlineData("10000:01:00.0")]
    [InlineData("01:00.0@8")]
    [InlineData("01:00.0,permissive=1")]
    public void PciAddress_Parse_InvalidText_ThrowsFormatExceptionAndTryParseFails(string text)
    {
        Assert.Throws<FormatException>(() => PciAddress.Parse(text));
        Assert.Throws<FormatException>(() => ParseAs<PciAddress>(text));
        Assert.False(PciAddress.TryParse(text, out _));
        Assert.False(TryParseAs<PciAddress>(text, out _));
        Assert.Throws<FormatException>(() => PciAddress.Parse("01:00.0").ToString("x", null));
    }

    [Fact]
    public void VifRate_Parse_OnItsOwn_ReadsOrReportsXH6044AtTheValue()
    {
        Assert.Equal(25_000UL, VifRate.Parse("10Mb/s@20ms").Value.BytesPerInterval);
        Assert.True(VifRate.TryParse("1GB/s", out var rate));
        Assert.Equal(VifRateUnit.Giga, rate.Unit);
        var bad = VifRate.Parse("10MB");
        Assert.Equal(DiagnosticIds.VifInvalidRate, bad.FirstError!.Id);
        Assert.Equal(new Xen.Hvm.Text.TextSpan(0, 4), bad.FirstError.Span);
        Assert.Throws<SpecParseException>(() => bad.Value);
    }

    [Fact]
    public void VifVlan_Parse_OnItsOwn_ReadsOrReportsXH6045AtTheValue()
    {
        Assert.Equal(10, VifVlan.Parse("10p/100+10x4").Value.Pvid);
        Assert.False(VifVlan.TryParse("10/20", out _));
        Assert.Equal(DiagnosticIds.VifInvalidVlan, VifVlan.Parse("5000").FirstError!.Id);
    }

    [Theory]
    [InlineData("vlan=١٠")]
    [InlineData("rate=١٠Mb/s")]
    public void VifSpec_NonAsciiDigits_AreInvalidValuesNotParserFailures(string text)
    {
        // Sprache's Parse.Digit took any Unicode digit and int.Parse then threw (XH6000); the grammar says [0-9].
        var r = VifSpec.Parse(text);
        Assert.True(r.HasErrors);
        Assert.DoesNotContain(r.Diagnostics, d => d.Id == DiagnosticIds.SpecInternalError);
        Assert.Contains(r.Diagnostics, d => d.Id is DiagnosticIds.VifInvalidVlan or DiagnosticIds.VifInvalidRate);
    }

    [Fact]
    public void ToSpecString_EveryLanguage_IsTheOneNameAndToStringIsItsXlForm()
    {
        var printers = typeof(DiskSpec).Assembly.GetExportedTypes()
            .Where(t => typeof(ISpecValue).IsAssignableFrom(t) && !t.IsInterface)
            .ToArray();
        Assert.Equal(Enum.GetValues<SpecKind>().Length, printers.Length);
        foreach (SpecKind kind in Enum.GetValues<SpecKind>())
        {
            var value = SpecString.Parse(kind, Examples[kind]).Value;
            Assert.Equal(value.ToSpecString(ConfigDialect.Xl), value.ToString());
            Assert.Equal(value.ToSpecString(ConfigDialect.Xl), value.ToSpecString(ConfigDialect.Auto));
        }
    }

    [Fact]
    public void SpecStringsArticle_FirstExample_DoesWhatItsCommentsSay()
    {
        // docs/articles/spec-strings.md, the first code block.
        ParseResult<DiskSpec> r = DiskSpec.Parse("phy:/dev/vg/xp,ioemu:hda,w");
        DiskSpec disk = r.Value;
        Assert.Equal(("/dev/vg/xp", "hda", DiskFormat.Raw, DiskAccess.ReadWrite), (disk.Target, disk.Vdev, disk.Format, disk.Access));
        Assert.Equal("format=raw, vdev=hda, access=rw, phy:/dev/vg/xp", disk.ToSpecString());
        Assert.Equal("phy:/dev/vg/xp,hdb,w", (disk with { Vdev = "hdb" }).ToSpecString(ConfigDialect.Xm));
        Assert.Equal(768, disk.VirtualDevice?.DeviceNumber);
        Assert.Equal(DiskAccess.SharedWrite, DiskSpec.Parse("phy:/dev/vg/xp,hda,w!", ConfigDialect.Xm).Value.Access);
        Assert.True(VifSpec.TryParse("bridge=xenbr0,mac=00:16:3e:00:00:01", ConfigDialect.Xl, out VifSpec? vif));
        Assert.Equal("xenbr0", vif.Bridge);
        CpuListSpec cpus = [CpuListTerm.Range(0, 3), CpuListTerm.Single(5)];
        Assert.Equal("0-3,5", cpus.ToSpecString());
        var nic = new VifSpec { Bridge = "xenbr0", Other = [new SpecSetting("forwarddev", "eth1")] };
        Assert.Single(nic.Other);
        Assert.Equal(0x00163e000001UL, MacAddress.Parse("00:16:3e:00:00:01").Value);
    }

    private static readonly Dictionary<SpecKind, string> Examples = new()
    {
        [SpecKind.Disk] = "/x,,xvda", [SpecKind.Vif] = "bridge=xenbr0", [SpecKind.Pci] = "01:00.0", [SpecKind.Vfb] = "vnc=1",
        [SpecKind.Channel] = "name=a,connection=pty", [SpecKind.Vtpm] = "backend=0", [SpecKind.P9] = "tag=t", [SpecKind.UsbCtrl] = "version=2",
        [SpecKind.UsbDev] = "hostbus=1", [SpecKind.UsbDevice] = "tablet", [SpecKind.Cpus] = "0-3", [SpecKind.Cpuid] = "host,tm=0",
        [SpecKind.Viridian] = "base", [SpecKind.Smbios] = "oem=x", [SpecKind.Vnuma] = "size=512", [SpecKind.IoPorts] = "3f8",
        [SpecKind.IoMem] = "fe000,1", [SpecKind.Irqs] = "7",
    };

    private static T ParseAs<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text, null);

    private static bool TryParseAs<T>(string text, out T? value)
        where T : ISpanParsable<T> => T.TryParse(text.AsSpan(), null, out value);
}
