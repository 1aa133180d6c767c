using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>qemu-img's <c>-o</c> strings: each format's <c>Parse</c>, and the facade's for a format known at run time.</summary>
public sealed class DiskImageOptionsTests
{
    [Fact]
    public void Parse_Qcow2Options_SetsEveryProperty()
    {
        var options = Qcow2Options.Parse("compat=0.10,cluster_size=512,backing_file=a,,b.raw,backing_fmt=raw,lazy_refcounts=off").Value;
        Assert.Equal(Qcow2Version.V2, options.Version);
        Assert.Equal(512, options.ClusterSize);
        Assert.Equal("a,b.raw", options.BackingFile);
        Assert.Equal(DiskImageFormat.Raw, options.BackingFormat);

        var v3 = Qcow2Options.Parse("compat=v3,refcount_bits=64,preallocation=metadata,cluster_size=2M").Value;
        Assert.Equal((Qcow2Version.V3, 64, Qcow2Preallocation.Metadata, 2 << 20), (v3.Version, v3.RefcountBits, v3.Preallocation, v3.ClusterSize));
    }

    [Fact]
    public void Parse_VhdAndRawOptions_SetProperties()
    {
        var vhd = VhdOptions.Parse("subformat=fixed,force_size=on").Value;
        Assert.Equal((VhdSubformat.Fixed, true), (vhd.Subformat, vhd.ForceSize));
        Assert.Equal(RawPreallocation.Full, RawOptions.Parse("preallocation=full").Value.Preallocation);
        Assert.Equal(new RawOptions(), RawOptions.Parse(string.Empty).Value);
    }

    [Theory]
    [InlineData(DiskImageFormat.Raw, "", typeof(RawOptions))]
    [InlineData(DiskImageFormat.Qcow2, "compat=0.10", typeof(Qcow2Options))]
    [InlineData(DiskImageFormat.Vhd, "subformat=fixed", typeof(VhdOptions))]
    public void ParseOptions_FormatAtRunTime_GivesThatFormatsRecord(DiskImageFormat format, string text, Type type)
    {
        var result = DiskImage.ParseOptions(format, text);

        Assert.True(result.Success);
        Assert.IsType(type, result.Value);
        Assert.Equal(format, result.Value.Format);
        Assert.Equal(format, DiskImage.DefaultOptions(format).Format);
        Assert.Throws<ArgumentOutOfRangeException>(() => DiskImage.ParseOptions((DiskImageFormat)9, text));
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
    public void ParseOptions_BadOption_ReportsIdAndSpan(DiskImageFormat format, string text, string id, int start, int length)
    {
        var result = DiskImage.ParseOptions(format, text);

        Assert.False(result.Success);
        Assert.False(result.TryGetValue(out var value));
        Assert.Null(value);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((id, new Xen.Hvm.Text.TextSpan(start, length)), (d.Id, d.Span));
        Assert.Same(d, result.FirstError);
    }

    [Fact]
    public void Parse_KeyWithoutValue_MeansOnAsInQemuImg()
    {
        Assert.True(VhdOptions.Parse("force_size").Value.ForceSize);
        var bad = Qcow2Options.Parse("compat");
        Assert.Equal((DiagnosticIds.InvalidImageOptionValue, new Xen.Hvm.Text.TextSpan(6, 0)), (bad.FirstError?.Id, bad.FirstError?.Span));
    }

    [Fact]
    public void Value_BadOption_ThrowsDiskImageExceptionWithTheDiagnostics()
    {
        var result = VhdOptions.Parse("block_size=1M,subformat=sparse");

        var ex = Assert.Throws<DiskImageException>(() => result.Value);

        Assert.Equal([DiagnosticIds.UnknownImageOption, DiagnosticIds.InvalidImageOptionValue], ex.Diagnostics.Select(d => d.Id));
        Assert.Equal(DiagnosticIds.UnknownImageOption, ex.FirstError!.Id);
    }

    [Fact]
    public void ParseOptions_ArbitraryText_NeverThrows()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<byte>(), (text, which) =>
        {
            text ??= string.Empty;
            var result = DiskImage.ParseOptions((DiskImageFormat)(which % 3), text);
            return result.Success == result.TryGetValue(out _) && result.Success == (result.Diagnostics.Count == 0) && result.Diagnostics.All(d => d.Span.End <= text.Length);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Options_WithAndEquality_AreThoseOfRecords()
    {
        var a = new Qcow2Options { ClusterSize = 4096 };
        var b = Qcow2Options.Parse("cluster_size=4k").Value;

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual<DiskImageOptions>(a, a with { Overwrite = true });
        Assert.NotEqual<DiskImageOptions>(new RawOptions(), new VhdOptions());
    }
}
