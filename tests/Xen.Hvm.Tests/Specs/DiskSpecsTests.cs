using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

public sealed class DiskSpecsTests
{
    [Theory]
    [InlineData("/dev/vg/guest-volume,,hda")]
    [InlineData("/dev/vg/guest-volume,raw,hda,rw")]
    [InlineData("format=raw, vdev=hda, access=rw, target=/dev/vg/guest-volume")]
    [InlineData("raw:/dev/vg/guest-volume,hda,w")]
    public void Parse_ManPageEquivalentDisks_GiveTheSameValue(string text)
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, text);
        Assert.Equal(new DiskSpec { Target = "/dev/vg/guest-volume", Format = DiskFormat.Raw, Vdev = "hda", Access = DiskAccess.ReadWrite }, d);
    }

    [Theory]
    [InlineData("/root/image.iso,,hdc,cdrom")]
    [InlineData("/root/image.iso,,hdc,,cdrom")]
    [InlineData("/root/image.iso,raw,hdc,devtype=cdrom")]
    [InlineData("raw:/root/image.iso,hdc:cdrom,ro")]
    public void Parse_ManPageCdroms_AreReadOnlyRemovable(string text)
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, text);
        Assert.Equal("/root/image.iso", d.Target);
        Assert.Equal("hdc", d.Vdev);
        Assert.True(d.IsRemovable);
        Assert.True(d.IsReadOnly);
        Assert.Equal(DiskFormat.Raw, d.Format);
    }

    [Theory]
    [InlineData(",hdc:cdrom,r", "")]
    [InlineData(",,hdc,cdrom", "")]
    [InlineData("format=raw,vdev=hdd,access=ro,devtype=cdrom", null)]
    public void Parse_EmptyCdrom_HasFormatEmpty(string text, string? target)
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, text);
        Assert.Equal(DiskFormat.Empty, d.Format);
        Assert.Equal(target, d.Target);
        Assert.Equal(DiskDeviceType.Cdrom, d.DeviceType);
    }

    [Theory]
    [InlineData("tap:aio:/root/some.img,xvda,w", "tap:aio", "format=raw, vdev=xvda, access=rw, tap:aio:/root/some.img", "tap:aio:/root/some.img,xvda,w")]
    [InlineData("tap2:tapdisk:aio:/root/some.img,xvda,w", "tap2:tapdisk:aio", "format=raw, vdev=xvda, access=rw, tap2:tapdisk:aio:/root/some.img", "tap2:tapdisk:aio:/root/some.img,xvda,w")]
    [InlineData("file:/x,ioemu:hda,w", "file", "format=raw, vdev=hda, access=rw, file:/x", "file:/x,hda,w")]
    [InlineData("phy:/dev/x,hda:cdrom,r", "phy", "format=raw, vdev=hda, access=ro, devtype=cdrom, phy:/dev/x", "phy:/dev/x,hda:cdrom,r")]
    [InlineData("phy:hda1,hda1,w", "phy", "format=raw, vdev=hda1, access=rw, phy:hda1", "phy:hda1,hda1,w")] // xm: /dev/hda1
    [InlineData("aio:/x,xvda,w", "aio", "format=raw, vdev=xvda, access=rw, aio:/x", "file:/x,xvda,w")] // xm reads aio: as a script
    [InlineData("/x,raw,xvda,w", null, "format=raw, vdev=xvda, access=rw, target=/x", "file:/x,xvda,w")]
    [InlineData("qcow2:/x,xvda,w", null, "format=qcow2, vdev=xvda, access=rw, target=/x", "tap:qcow2:/x,xvda,w")]
    public void Parse_DeprecatedPrefixChains_AreIgnoredByXlAndKeptInBothForms(string text, string? prefix, string xl, string xm)
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, text);
        Assert.Equal(DiskBackendType.Unknown, d.BackendType);
        Assert.Equal(prefix, d.XmUnameType);
        Assert.Equal(xl, d.ToSpecString(ConfigDialect.Xl));
        Assert.Equal(xm, d.ToSpecString(ConfigDialect.Xm));
    }

    [Theory]
    [InlineData("qcow2:/x,,hda", "XH6150@10+3")]
    [InlineData("phy:/x,raw,xvda,w", "XH6016@0+4|XH6150@11+4")]
    [InlineData("/x,,hda,hda", "XH6002@8+3")] // no prefix: the empty item is the format, so 'hda' is the vdev and the access
    public void Parse_PrefixThenPositionalFormat_SaysThePrefixTookTheFormatSlot(string text, string expected)
    {
        var r = DiskSpec.Parse(text);
        Assert.Equal(expected, string.Join("|", r.Diagnostics.Select(d => $"{d.Id}@{d.Span.Start}+{d.Span.Length}")));
    }

    [Fact]
    public void Print_PrefixWithTargetThatCannotStandPositionally_UsesTargetKeyword()
    {
        // ',' ends a positional item and '=' makes it a key: such a target is printed with target=, without the prefix.
        var d = new DiskSpec { Target = "/a,b=c", Vdev = "xvda", XmUnameType = "phy" };

        Assert.Equal("format=raw, vdev=xvda, access=rw, target=/a,b=c", d.ToSpecString());
        Assert.Equal("/a,b=c", DiskSpec.Parse(d.ToSpecString()).Value.Target);
        Assert.Equal("format=raw, vdev=xvda, access=rw, target=discard", (d with { Target = "discard" }).ToSpecString()); // a flag positionally
    }

    [Fact]
    public void Parse_ScriptPrefix_SetsBlockScript()
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, "nbd:134.100.233.115 20004,hda1,w");
        Assert.Equal("block-nbd", d.Script);
        Assert.Equal("134.100.233.115 20004", d.Target);
    }

    [Fact]
    public void Parse_FormatPrefix_SetsFormat()
    {
        Assert.Equal(DiskFormat.Qcow, SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, "qcow:/x.img,xvda,w").Format);
        Assert.Equal(DiskFormat.Qcow2, SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, "qcow2:/x.img,xvda,w").Format);
    }

    [Fact]
    public void Parse_EveryKeywordAndFlag_RoundTrips()
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(
            SpecKind.Disk,
            "vdev=xvdb, format=qcow2, access=ro, backendtype=qdisk, specification=virtio, backend=dd, script=block-x, direct-io-safe, no-discard, colo, colo-host=h, colo-port=7, colo-export=e, active-disk=a, hidden-disk=h2, untrusted, grant_usage=0, target=/a,b:c.img");
        Assert.Equal("/a,b:c.img", d.Target);
        Assert.Equal(DiskBackendType.Qdisk, d.BackendType);
        Assert.Equal(DiskSpecification.Virtio, d.Specification);
        Assert.Equal("dd", d.BackendDomain);
        Assert.True(d.DirectIoSafe);
        Assert.False(d.Discard);
        Assert.True(d.Colo);
        Assert.Equal(7, d.ColoPort);
        Assert.False(d.Trusted);
        Assert.False(d.GrantUsage);
    }

    [Fact]
    public void Parse_TrailingSpaceOfPositional_IsKept()
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, " /x , , xvda");
        Assert.Equal("/x ", d.Target);
        Assert.Equal("xvda", d.Vdev);
    }

    [Theory]
    [InlineData("/x,vmdk,xvda", "XH6001", 3, 4)]
    [InlineData("/x,raw,xvda,rx", "XH6002", 12, 2)]
    [InlineData("/x,raw,xvda,w!", "XH6014", 12, 2)]
    [InlineData("/x,raw,hda:floppy,r", "XH6003", 11, 6)]
    [InlineData("devtype=floppy,vdev=xvda,target=/x", "XH6003", 8, 6)]
    [InlineData("backendtype=blkback,vdev=xvda,target=/x", "XH6004", 12, 7)]
    [InlineData("specification=scsi,vdev=xvda,target=/x", "XH6005", 14, 4)]
    [InlineData("colo-port=x,vdev=xvda,target=/x", "XH6006", 10, 1)]
    [InlineData("format=raw,format=qcow2,vdev=xvda,target=/x", "XH6007", 18, 5)]
    [InlineData("vdev=xvda,size=10G,target=/x", "XH6008", 10, 6)]
    [InlineData("tap:sync:/img,xvda,w", "XH6009", 4, 5)]
    [InlineData("phy:/dev/x,xvda,w,0,x86_32-abi", "XH6010", 18, 1)]
    [InlineData("/a=b.img,,xvda", "XH6011", 2, 12)]
    [InlineData("/img.raw", "XH6012", 0, 8)]
    [InlineData("vdev=xvda", "XH6013", 0, 9)]
    [InlineData("/images/xp.img,hda,w", "XH6015", 15, 3)]
    [InlineData("VDEV=xvda", "XH6011", 4, 5)]
    public void Parse_InvalidXl_ReportsIdAtSpan(string text, string id, int start, int length)
    {
        SpecAssert.Reports(SpecKind.Disk, text, id, start, length);
        Assert.True(DiskSpec.Parse(text).HasErrors);
        Assert.Null(DiskSpec.Parse(text).PartialValue);
    }

    [Fact]
    public void Parse_PhyPrefixInXl_InformsBothReadings()
    {
        var d = SpecAssert.Reports(SpecKind.Disk, "phy:/dev/vg/guest,xvda,w", DiagnosticIds.DiskPrefixIgnoredByXl, 0, 4);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void Parse_StrayEqualsAtEnd_IsOnlyAWarningLikeLibxlu()
    {
        var r = DiskSpec.Parse(",,xvda,=");
        Assert.False(r.HasErrors);
        Assert.Contains(r.Diagnostics, d => d.Id == DiagnosticIds.DiskBadSyntax && d.Severity == DiagnosticSeverity.Warning);
    }

    [Theory]
    [InlineData("phy:/dev/vg/xp,ioemu:hda,w", "/dev/vg/xp", "hda", DiskAccess.ReadWrite, DiskBackendType.Phy)]
    [InlineData("file:/root/xenimages/winXP128.img,ioemu:hda,w", "/root/xenimages/winXP128.img", "hda", DiskAccess.ReadWrite, DiskBackendType.Unknown)]
    [InlineData("phy:/dev/vg/shared,xvdb,w!", "/dev/vg/shared", "xvdb", DiskAccess.SharedWrite, DiskBackendType.Phy)]
    [InlineData(",hdc:cdrom,r", "", "hdc", DiskAccess.ReadOnly, DiskBackendType.Unknown)]
    [InlineData("tap:qcow2:/x.qcow2,xvda,w,0", "/x.qcow2", "xvda", DiskAccess.ReadWrite, DiskBackendType.Unknown)]
    [InlineData("phy:/dev/x,xvda,w,0,x86_32-abi", "/dev/x", "xvda", DiskAccess.ReadWrite, DiskBackendType.Phy)]
    public void Parse_Xm_ReadsUnameDevMode(string text, string target, string vdev, DiskAccess access, DiskBackendType backend)
    {
        var d = SpecAssert.RoundTrips<DiskSpec>(SpecKind.Disk, text, ConfigDialect.Xm);
        Assert.Equal(target, d.Target);
        Assert.Equal(vdev, d.Vdev);
        Assert.Equal(access, d.Access);
        Assert.Equal(backend, d.BackendType);
    }

    [Fact]
    public void Parse_XmFifthField_IsTheProtocol()
    {
        var d = DiskSpec.Parse("phy:/dev/x,xvda,w,0,x86_32-abi", ConfigDialect.Xm).GetValueOrThrow();
        Assert.Equal("0", d.BackendDomain);
        Assert.Equal("x86_32-abi", d.XmProtocol);
    }

    [Theory]
    [InlineData("phy:/dev/x,xvda", "XH6018", 0, 15)]
    [InlineData("phy:/dev/x,xvda,rw", "XH6017", 16, 2)]
    [InlineData("/img.raw,xvda,w", "XH6019", 0, 8)]
    [InlineData("format=raw,vdev=xvda,access=rw,target=/x", "XH6019", 0, 10)]
    [InlineData("file:/f,hda:floppy,r", "XH6021", 12, 6)]
    [InlineData("phy:/dev/x,d0p1,w", "XH6032", 11, 4)]
    [InlineData("phy:/dev/x,hde,w", "XH6030", 11, 3)]
    [InlineData("tap:foo:/x,xvda,w", "XH6009", 0, 7)]
    public void Parse_InvalidXm_ReportsIdAtSpan(string text, string id, int start, int length)
    {
        SpecAssert.Reports(SpecKind.Disk, text, id, start, length, ConfigDialect.Xm);
    }

    [Fact]
    public void Parse_XmTapSync_WarnsThatXlRejectsIt()
    {
        var r = DiskSpec.Parse("tap:sync:/img,xvda,w", ConfigDialect.Xm);
        Assert.True(r.Success);
        Assert.Contains(r.Diagnostics, d => d.Id == DiagnosticIds.DiskTapDriverNotInXl && d.Span == new Xen.Hvm.Text.TextSpan(4, 4));
        Assert.True(DiskSpec.Parse("tap:sync:/img,xvda,w", ConfigDialect.Xl).HasErrors);
    }

    [Fact]
    public void Print_XmValueInXl_UsesKeywordFormWithBackendTypeAndKeepsTheUname()
    {
        var d = DiskSpec.Parse("phy:/dev/vg/xp,ioemu:hda,w", ConfigDialect.Xm).GetValueOrThrow();
        string xl = d.ToSpecString(ConfigDialect.Xl);
        Assert.Equal("format=raw, vdev=hda, access=rw, backendtype=phy, phy:/dev/vg/xp", xl);
        Assert.True(DiskSpec.Parse(xl).Success);
    }

    [Fact]
    public void Print_XlValueInXm_DerivesTheUname()
    {
        Assert.Equal("phy:/dev/vg/x,xvda,w", DiskSpec.Parse("/dev/vg/x,,xvda").Value.ToSpecString(ConfigDialect.Xm));
        Assert.Equal("file:/img.raw,hdc:cdrom,r", DiskSpec.Parse("/img.raw,,hdc,cdrom").Value.ToSpecString(ConfigDialect.Xm));
        Assert.Equal("tap:qcow2:/x.qcow2,xvda,w", DiskSpec.Parse("/x.qcow2,qcow2,xvda").Value.ToSpecString(ConfigDialect.Xm));
    }

    [Fact]
    public void ToSpecString_ChangedValue_PrintsCanonicalFormOfEachDialect()
    {
        var d = DiskSpec.Parse("phy:/dev/vg/x,xvda,w").Value;
        Assert.Equal("format=raw, vdev=xvda, access=rw, phy:/dev/vg/x", d.ToSpecString());
        Assert.Equal("format=raw, vdev=xvdb, access=rw, phy:/dev/vg/x", (d with { Vdev = "xvdb" }).ToSpecString(ConfigDialect.Xl));
        Assert.Equal("phy:/dev/vg/x,xvdb,w", (d with { Vdev = "xvdb" }).ToSpecString(ConfigDialect.Xm));
        Assert.Equal(d.ToSpecString(), d.ToString());
    }

    [Fact]
    public void CheckHvmEmulation_XvdDisk_ReportsPvOnly()
    {
        var d = Assert.Single(DiskSpec.Parse("/x,,xvda,w").Value.CheckHvmEmulation("/x,,xvda,w"));
        Assert.Equal(DiagnosticIds.VdevNotEmulated, d.Id);
        Assert.Equal(new Xen.Hvm.Text.TextSpan(4, 4), d.Span);
        Assert.Empty(DiskSpec.Parse("/x,,hda,w").Value.CheckHvmEmulation("/x,,hda,w"));
    }

    [Fact]
    public void Value_InvalidSpec_ThrowsSpecParseExceptionWithDiagnostics()
    {
        var ex = Assert.Throws<SpecParseException>(() => DiskSpec.Parse("/x,vmdk,xvda").Value);
        Assert.Equal(DiagnosticIds.DiskUnknownFormat, ex.FirstError!.Id);
    }

    [Fact]
    public void Keywords_ListEveryLexerKeyword()
    {
        Assert.Equal(38, DiskSpec.Keywords.Count);
        Assert.Contains(DiskSpec.Keywords, k => k.Name == "grant_usage" && k.Since == "4.19");
        Assert.Contains(DiskSpec.Keywords, k => k.Name == "backend" && k.Since == "4.3");
    }
}
