using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;

namespace Xen.Hvm.Tests.DiskImages;

public sealed class ByteSizeTests
{
    /// <summary>A culture-like provider that would change decimals and digit grouping if it were used.</summary>
    private static readonly System.Globalization.NumberFormatInfo s_commaDecimals = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "~",
    };

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
        Assert.False(ByteSize.TryParse(text, out _, out var diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(new Xen.Hvm.Text.TextSpan(start, length), diagnostic.Span);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Parse_Negative_ThrowsFormatExceptionCarryingXH7003()
    {
        var ex = Assert.Throws<FormatException>(() => ByteSize.Parse("-10G"));
        var inner = Assert.IsType<DiskImageException>(ex.InnerException);
        Assert.Equal(DiagnosticIds.NegativeSize, Assert.Single(inner.Diagnostics).Id);
        Assert.Throws<FormatException>(() => ByteSize.Parse("-10G".AsSpan()));
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
            bool ok = ByteSize.TryParse(text, out var size, out var diagnostics);
            return ok ? size.Bytes > 0 && diagnostics.Count == 0 : diagnostics.Count == 1 && diagnostics[0].Span.End <= text.Length && ok == ByteSize.TryParse(text.AsSpan(), out _);
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
        bool ok = ByteSize.TryParse(text, out var size, out var diagnostics);
        Assert.True(ok ? size.Bytes > 0 : Assert.Single(diagnostics).Id is DiagnosticIds.InvalidSize);
    }

    [Fact]
    public void TryParse_MegabyteLongInput_FailsInLinearTime()
    {
        string digits = new('9', 1 << 20);
        Assert.False(ByteSize.TryParse(digits, out _, out var d1));
        Assert.Equal(DiagnosticIds.SizeOverflow, Assert.Single(d1).Id);
        string words = string.Concat(Enumerable.Repeat("bs=1 ", 200_000));
        Assert.False(ByteSize.TryParse(words, out _, out var d2));
        Assert.Equal(DiagnosticIds.InvalidSize, Assert.Single(d2).Id);
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

    [Theory]
    [InlineData("10G", 10L << 30)]
    [InlineData("bs=1M count=4096", 4L << 30)]
    [InlineData(" 1.5G ", 3L << 29)]
    public void ParsableInterfaces_ReadAsParseDoes(string text, long expected)
    {
        Assert.Equal(expected, ParseAs<ByteSize>(text).Bytes);
        Assert.Equal(expected, SpanParseAs<ByteSize>(("[" + text + "]").AsSpan(1, text.Length)).Bytes);
        Assert.True(ByteSize.TryParse(text, s_commaDecimals, out var withProvider));
        Assert.Equal(expected, withProvider.Bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10X")]
    [InlineData("0")]
    public void ParsableInterfaces_InvalidText_ThrowFormatExceptionOrReturnFalse(string text)
    {
        Assert.Throws<FormatException>(() => ParseAs<ByteSize>(text));
        Assert.Throws<FormatException>(() => SpanParseAs<ByteSize>(text.AsSpan()));
        Assert.False(TryParseAs<ByteSize>(text, out _));
        Assert.False(TryParseAs<ByteSize>(null, out _));
        Assert.False(ByteSize.TryParse(text.AsSpan(), null, out _));
    }

    [Theory]
    [InlineData(10L << 30, null, "10G")]
    [InlineData(10L << 30, "G", "10G")]
    [InlineData(10L << 30, "g", "10G")]
    [InlineData(10L << 30, "B", "10737418240")]
    [InlineData((1L << 30) + 512, "G", "1073742336")]
    [InlineData(1536L, "b", "1536")]
    [InlineData(long.MaxValue, "B", "9223372036854775807")]
    public void Formattable_Formats_GiveQemuFormOrBytesInEveryCulture(long bytes, string? format, string expected)
    {
        var size = new ByteSize(bytes);
        var withProvider = s_commaDecimals;

        Assert.Equal(expected, size.ToString(format, withProvider));
        Assert.Equal(expected, string.Format(withProvider, "{0:" + (format ?? "G") + "}", size));
        Assert.Equal(expected, format is null ? $"{size}" : size.ToString(format, null));
        Span<char> exact = stackalloc char[expected.Length];
        Assert.True(size.TryFormat(exact, out int written, format, withProvider));
        Assert.Equal(expected, exact[..written].ToString());
        Assert.False(size.TryFormat(new char[expected.Length - 1], out _, format, null));
        Assert.Equal(ByteSize.Parse(expected), size);
    }

    [Fact]
    public void Formattable_UnknownFormat_ThrowsFormatException()
    {
        var size = new ByteSize(4096);

        Assert.Throws<FormatException>(() => size.ToString("N", null));
        Assert.False(size.TryFormat(new char[32], out _, "X", null));
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);

    private static bool TryParseAs<T>(string? text, out T? value)
        where T : IParsable<T> => T.TryParse(text, null, out value);

    private static T SpanParseAs<T>(ReadOnlySpan<char> text)
        where T : ISpanParsable<T> => T.Parse(text, null);
}
