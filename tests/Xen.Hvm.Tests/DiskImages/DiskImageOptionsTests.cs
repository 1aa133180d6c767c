using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.Tests.DiskImages;

public sealed class DiskImageOptionsTests
{
    [Fact]
    public void Parse_Qcow2Options_SetsEveryProperty()
    {
        var options = Assert.IsType<Qcow2Options>(DiskImageOptions.Parse(
            DiskImageFormat.Qcow2, "compat=0.10,cluster_size=512,backing_file=a,,b.raw,backing_fmt=raw,lazy_refcounts=off"));
        Assert.Equal(Qcow2Version.V2, options.Version);
        Assert.Equal(512, options.ClusterSize);
        Assert.Equal("a,b.raw", options.BackingFile);
        Assert.Equal(DiskImageFormat.Raw, options.BackingFormat);

        var v3 = Assert.IsType<Qcow2Options>(DiskImageOptions.Parse(DiskImageFormat.Qcow2, "compat=v3,refcount_bits=64,preallocation=metadata,cluster_size=2M"));
        Assert.Equal((Qcow2Version.V3, 64, Qcow2Preallocation.Metadata, 2 << 20), (v3.Version, v3.RefcountBits, v3.Preallocation, v3.ClusterSize));
    }

    [Fact]
    public void Parse_VhdAndRawOptions_SetProperties()
    {
        var vhd = Assert.IsType<VhdOptions>(DiskImageOptions.Parse(DiskImageFormat.Vhd, "subformat=fixed,force_size=on"));
        Assert.Equal((VhdSubformat.Fixed, true), (vhd.Subformat, vhd.ForceSize));
        var raw = Assert.IsType<RawOptions>(DiskImageOptions.Parse(DiskImageFormat.Raw, "preallocation=full"));
        Assert.Equal(RawPreallocation.Full, raw.Preallocation);
        Assert.IsType<RawOptions>(DiskImageOptions.Parse(DiskImageFormat.Raw, string.Empty));
    }

    [Theory]
    [InlineData(DiskImageFormat.Qcow2, "cluster_sise=64k", DiagnosticIds.UnknownImageOption, 0, 12)]
    [InlineData(DiskImageFormat.Raw, "compat=1.1", DiagnosticIds.UnknownImageOption, 0, 6)]
    [InlineData(DiskImageFormat.Qcow2, "cluster_size=3000", DiagnosticIds.InvalidImageOptionValue, 13, 4)]
    [InlineData(DiskImageFormat.Qcow2, "cluster_size=4M", DiagnosticIds.InvalidImageOptionValue, 13, 2)]
    [InlineData(DiskImageFormat.Qcow2, "cluster_size=256", DiagnosticIds.InvalidImageOptionValue, 13, 3)]
    [InlineData(DiskImageFormat.Qcow2, "refcount_bits=3", DiagnosticIds.InvalidImageOptionValue, 14, 1)]
    [InlineData(DiskImageFormat.Qcow2, "compat=0.10,refcount_bits=8", DiagnosticIds.InvalidImageOptionValue, 26, 1)]
    [InlineData(DiskImageFormat.Qcow2, "compat=2", DiagnosticIds.InvalidImageOptionValue, 7, 1)]
    [InlineData(DiskImageFormat.Qcow2, "extended_l2=on", DiagnosticIds.InvalidImageOptionValue, 12, 2)]
    [InlineData(DiskImageFormat.Qcow2, "backing_fmt=vmdk", DiagnosticIds.InvalidImageOptionValue, 12, 4)]
    [InlineData(DiskImageFormat.Vhd, "subformat=sparse", DiagnosticIds.InvalidImageOptionValue, 10, 6)]
    [InlineData(DiskImageFormat.Raw, "preallocation=metadata", DiagnosticIds.InvalidImageOptionValue, 14, 8)]
    public void TryParse_BadOption_ReportsIdAndSpan(DiskImageFormat format, string text, string id, int start, int length)
    {
        Assert.False(DiskImageOptions.TryParse(format, text, out var result, out var diagnostics));
        Assert.Null(result);
        var d = Assert.Single(diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(new Xen.Hvm.Text.TextSpan(start, length), d.Span);
    }

    [Fact]
    public void Parse_BadOption_ThrowsDiskImageException()
    {
        var ex = Assert.Throws<DiskImageException>(() => DiskImageOptions.Parse(DiskImageFormat.Vhd, "block_size=1M"));
        Assert.Equal(DiagnosticIds.UnknownImageOption, ex.FirstError!.Id);
    }

    [Fact]
    public void TryParse_ArbitraryText_NeverThrows()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<bool>(), (text, vhd) =>
        {
            text ??= string.Empty;
            bool ok = DiskImageOptions.TryParse(vhd ? DiskImageFormat.Vhd : DiskImageFormat.Qcow2, text, out var result, out var diagnostics);
            return ok == (result is not null) && ok == (diagnostics.Count == 0) && diagnostics.All(d => d.Span.End <= text.Length);
        }).QuickCheckThrowOnFailure();
    }
}
