using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;

namespace Xen.Hvm.Tests.DiskImages;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512", 512L)]
    [InlineData("64k", 64L << 10)]
    [InlineData("64K", 64L << 10)]
    [InlineData("4096M", 4L << 30)]
    [InlineData("10G", 10L << 30)]
    [InlineData("10g", 10L << 30)]
    [InlineData("2T", 2L << 40)]
    [InlineData("1P", 1L << 50)]
    [InlineData("7E", 7L << 60)]
    [InlineData("1MiB", 1L << 20)]
    [InlineData("10GiB", 10L << 30)]
    [InlineData("10 GiB", 10L << 30)]
    [InlineData("100B", 100L)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("0.5k", 512L)]
    [InlineData("  1G  ", 1L << 30)]
    [InlineData("1073742336", (1L << 30) + 512)]
    public void Parse_QemuSuffixes_ReturnsBytes(string text, long expected)
    {
        Assert.Equal(expected, ByteSize.Parse(text).Bytes);
    }

    [Theory]
    [InlineData("bs=1M count=4096", 4L << 30)]
    [InlineData("dd if=/dev/zero of=WS128.img bs=1M count=4096", 4L << 30)]
    [InlineData("count=8", 4096L)]
    [InlineData("bs=1M count=1 seek=1023", 1L << 30)]
    [InlineData("bs=1kB count=3", 3000L)]
    [InlineData("bs=4K count=2", 8192L)]
    [InlineData("bs=1MB count=2", 2_000_000L)]
    [InlineData("bs=2b count=3", 3072L)]
    [InlineData("bs=1M count=0 seek=1024", 1L << 30)]
    public void Parse_DdOperands_ReturnsBytesDdLeavesBehind(string text, long expected)
    {
        Assert.Equal(expected, ByteSize.Parse(text).Bytes);
    }

    [Theory]
    [InlineData("", DiagnosticIds.InvalidSize, 0, 0)]
    [InlineData("abc", DiagnosticIds.InvalidSize, 0, 3)]
    [InlineData("10X", DiagnosticIds.InvalidSize, 0, 3)]
    [InlineData("10KB", DiagnosticIds.InvalidSize, 0, 4)]
    [InlineData("1.5", DiagnosticIds.InvalidSize, 0, 3)]
    [InlineData("1.", DiagnosticIds.InvalidSize, 0, 2)]
    [InlineData(" -1G", DiagnosticIds.NegativeSize, 1, 3)]
    [InlineData("0", DiagnosticIds.ZeroSize, 0, 1)]
    [InlineData("0G", DiagnosticIds.ZeroSize, 0, 2)]
    [InlineData("8E", DiagnosticIds.SizeOverflow, 0, 2)]
    [InlineData("99999999999999999999999999999", DiagnosticIds.SizeOverflow, 0, 29)]
    [InlineData("bs=1M count=0", DiagnosticIds.ZeroSize, 0, 13)]
    [InlineData("bs=1M", DiagnosticIds.InvalidSize, 0, 5)]
    [InlineData("bs=1M count=x", DiagnosticIds.InvalidSize, 12, 1)]
    [InlineData("bs=1M count=-5", DiagnosticIds.NegativeSize, 12, 2)]
    [InlineData("bs=1M count=4 count=4", DiagnosticIds.InvalidSize, 14, 7)]
    [InlineData("bs=1M skip=4 count=4", DiagnosticIds.InvalidSize, 6, 6)]
    [InlineData("bs=1E count=9", DiagnosticIds.SizeOverflow, 0, 13)]
    public void TryParse_InvalidText_ReportsIdAndSpan(string text, string id, int start, int length)
    {
        Assert.False(ByteSize.TryParse(text, out _, out var diagnostic));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(new Xen.Hvm.Text.TextSpan(start, length), diagnostic.Span);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Parse_Negative_ThrowsDiskImageExceptionCarryingXH7003()
    {
        var ex = Assert.Throws<DiskImageException>(() => ByteSize.Parse("-10G"));
        Assert.Equal(DiagnosticIds.NegativeSize, Assert.Single(ex.Diagnostics).Id);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ByteSize.Parse(null!));
        Assert.False(ByteSize.TryParse(null, out _));
    }

    [Theory]
    [InlineData(1L, "1")]
    [InlineData(1024L, "1K")]
    [InlineData(10L << 30, "10G")]
    [InlineData((1L << 30) + 512, "1073742336")]
    [InlineData(3L << 60, "3E")]
    public void ToString_ExactUnits_PrintsShortestQemuForm(long bytes, string expected)
    {
        Assert.Equal(expected, new ByteSize(bytes).ToString());
    }

    [Fact]
    public void ToString_AnyPositiveSize_ParsesBackToTheSameSize()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<long>().Filter(x => x > 0), bytes =>
        {
            var size = new ByteSize(bytes);
            return ByteSize.Parse(size.ToString()) == size;
        }).QuickCheckThrowOnFailure();
        Prop.ForAll(ArbMap.Default.ArbFor<int>().Filter(x => x > 0), units =>
        {
            var size = new ByteSize((long)units << 20);
            return ByteSize.Parse(size.ToString()) == size;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryParse_ArbitraryText_NeverThrowsAndReportsOneDiagnosticOnFailure()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= string.Empty;
            bool ok = ByteSize.TryParse(text, out var size, out var diagnostic);
            return ok ? size.Bytes > 0 && diagnostic is null : diagnostic is not null && diagnostic.Span.End <= text.Length;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("1G\r\n")]
    [InlineData("\uFEFF1G")]
    [InlineData("bs=\0 count=1")]
    [InlineData("=")]
    [InlineData("bs= count=")]
    public void TryParse_OddCharacters_FailsWithADiagnosticOrParses(string text)
    {
        bool ok = ByteSize.TryParse(text, out var size, out var diagnostic);
        Assert.True(ok ? size.Bytes > 0 : diagnostic!.Id is DiagnosticIds.InvalidSize);
    }

    [Fact]
    public void TryParse_MegabyteLongInput_FailsInLinearTime()
    {
        string digits = new('9', 1 << 20);
        Assert.False(ByteSize.TryParse(digits, out _, out var d1));
        Assert.Equal(DiagnosticIds.SizeOverflow, d1.Id);
        string words = string.Concat(Enumerable.Repeat("bs=1 ", 200_000));
        Assert.False(ByteSize.TryParse(words, out _, out var d2));
        Assert.Equal(DiagnosticIds.InvalidSize, d2.Id);
    }

    [Fact]
    public void Operators_CompareByBytes()
    {
        var small = new ByteSize(512);
        var large = ByteSize.Parse("1k");
        Assert.True(small < large && large > small && small <= large && large >= small && small != large);
        Assert.Equal(ByteSize.Parse("1024"), large);
        Assert.Equal(1024L, (long)large);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteSize(-1));
    }
}
