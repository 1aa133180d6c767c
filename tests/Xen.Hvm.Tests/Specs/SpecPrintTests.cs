using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary><see cref="SpecString.Print"/>: the canonical text, and a diagnostic for each part that text leaves out.</summary>
public sealed class SpecPrintTests
{
    private static string[] LeftOut(SpecPrintResult r) =>
        r.Diagnostics.Where(d => d.Id == DiagnosticIds.SpecPartNotPrinted).Select(d => (string)d.Arguments[2]!).ToArray();

    [Theory]
    [InlineData(SpecKind.Pci, "0000:00:1b.0,permissive=1,seize=1,msitranslate=1", ConfigDialect.Xm, "permissive|seize")]
    [InlineData(SpecKind.Pci, "0000:00:1b.0@3,rdm_policy=relaxed,power_mgmt=1", ConfigDialect.Xm, "rdm_policy")]
    [InlineData(SpecKind.Pci, "0000:00:1b.0,permissive=1,seize=1,msitranslate=1", ConfigDialect.Xl, "")]
    [InlineData(SpecKind.Disk, "/x,raw,xvda,w,discard,specification=virtio", ConfigDialect.Xm, "specification|discard")]
    [InlineData(SpecKind.Disk, "/x,qed,xvda,w", ConfigDialect.Xm, "format")]
    [InlineData(SpecKind.Disk, "phy:hda1,hda1,w", ConfigDialect.Xm, "")]
    [InlineData(SpecKind.Disk, "tap:aio:/img,xvda,w", ConfigDialect.Xm, "")]
    [InlineData(SpecKind.Vif, "bridge=xenbr0,mtu=9000,vlan=10", ConfigDialect.Xm, "mtu|vlan")]
    public void Print_XlValue_NamesEachPartTheFormLeavesOut(SpecKind kind, string text, ConfigDialect dialect, string expected)
    {
        ISpecValue value = SpecString.Parse(kind, text).Value;
        SpecPrintResult r = SpecString.Print(value, dialect);

        Assert.Equal(value.ToSpecString(dialect), r.Text);
        Assert.Equal(expected, string.Join("|", LeftOut(r)));
        Assert.Equal(expected.Length == 0, r.IsComplete);
        Assert.All(r.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Print_XmDiskInXl_NamesSharedWriteAndProtocol()
    {
        var disk = DiskSpec.Parse("phy:/dev/x,hda,w!,2,x86_32-abi", ConfigDialect.Xm).Value;
        SpecPrintResult r = SpecString.Print(disk, ConfigDialect.Xl);

        Assert.Equal(["access", "protocol"], LeftOut(r));
        Assert.Equal("w!", r.Diagnostics[0].Arguments[3]);
        Assert.Equal(0, r.Diagnostics[0].Span.Start);
        Assert.Equal(r.Text.Length, r.Diagnostics[0].Span.Length);
    }

    [Fact]
    public void Print_NamedPciInXm_DoesNotReadBackAndLeavesOutTheName()
    {
        SpecPrintResult r = SpecString.Print(PciSpec.Parse("name=gpu0").Value, ConfigDialect.Xm);

        Assert.Equal([DiagnosticIds.SpecPrintDoesNotReadBack, DiagnosticIds.SpecPartNotPrinted], r.Diagnostics.Select(d => d.Id));
        Assert.Equal(["name"], LeftOut(r));
    }

    [Theory]
    [InlineData(SpecKind.Disk, "phy:/dev/vg/x,xvda,w,backend=1,discard")]
    [InlineData(SpecKind.Pci, "0000:00:1b.0@3,permissive=1")]
    [InlineData(SpecKind.Vif, "bridge=xenbr0,mac=00:16:3e:00:00:01,mtu=1500")]
    [InlineData(SpecKind.Vfb, "vnc=1,vnclisten=0.0.0.0")]
    [InlineData(SpecKind.Vtpm, "backend=0,uuid=b4a9b1a6-8f25-4a2e-8e9c-2a9c4e2a0f11")]
    [InlineData(SpecKind.Cpus, "0-3,^1")]
    public void Print_ValueInItsOwnDialect_IsComplete(SpecKind kind, string text)
    {
        Assert.True(SpecString.Print(SpecString.Parse(kind, text).Value).IsComplete);
    }

    [Fact]
    public void Print_NullOrForeignValue_ThrowsProgrammerErrors()
    {
        Assert.Throws<ArgumentNullException>(() => SpecString.Print(null!));
        Assert.Throws<ArgumentException>(() => SpecString.Print(new ForeignValue()));
    }

    private sealed class ForeignValue : ISpecValue
    {
        public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => "x";
    }
}
