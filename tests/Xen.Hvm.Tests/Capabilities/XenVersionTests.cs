using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class XenVersionTests
{
    [Theory]
    [InlineData("4.19.1", 4, 19, ".1", 1)]
    [InlineData("4.13-unstable", 4, 13, "-unstable", null)]
    [InlineData("4.20.1_02-1", 4, 20, ".1_02-1", 1)]
    [InlineData("4.13Hello World", 4, 13, "Hello World", null)]
    [InlineData("3.0.2-2", 3, 0, ".2-2", 2)]
    public void TryParse_PrintedVersion_SplitsMajorMinorExtra(string text, int major, int minor, string extra, int? patch)
    {
        Assert.True(XenVersion.TryParse(text, out XenVersion v));
        Assert.Equal(major, v.Major);
        Assert.Equal(minor, v.Minor);
        Assert.Equal(extra, v.Extra);
        Assert.Equal(patch, v.Patch);
        Assert.Equal(text, v.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("four")]
    [InlineData("4")]
    [InlineData("4.")]
    [InlineData("99999999999.1")]
    public void TryParse_NotAVersion_ReturnsFalse(string text)
    {
        Assert.False(XenVersion.TryParse(text, out _));
        Assert.Throws<FormatException>(() => XenVersion.Parse(text));
    }

    [Fact]
    public void CompareTo_OrdersByMajorMinorPatch()
    {
        Assert.True(XenVersion.Parse("4.6.3") < XenVersion.Parse("4.7.0"));
        Assert.True(XenVersion.Parse("4.10") > XenVersion.Parse("4.9.4"));
        Assert.True(XenVersion.Parse("4.13.1") > XenVersion.Parse("4.13-unstable"));
        Assert.True(new XenVersion(4, 7).IsAtLeast(4, 7));
        Assert.False(new XenVersion(4, 6, ".9").IsAtLeast(4, 7));
        Assert.NotEqual(XenVersion.Parse("4.13.0"), XenVersion.Parse("4.13.0-rc"));
    }

    // Generic code written against the BCL interfaces works with XenVersion as with int.
    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static bool TryParseSpan<T>(ReadOnlySpan<char> text, out T value)
        where T : ISpanParsable<T> => T.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out value!);

    [Fact]
    public void Parse_ThroughIParsableAndISpanParsable_GivesTheSameVersion()
    {
        Assert.Equal(new XenVersion(4, 19, ".1"), ParseAs<XenVersion>("4.19.1"));
        Assert.True(TryParseSpan("  4.17.3-pre ".AsSpan(), out XenVersion v));
        Assert.Equal(new XenVersion(4, 17, ".3-pre"), v);
        Assert.False(TryParseSpan("xen".AsSpan(), out XenVersion _));
        Assert.Throws<FormatException>(() => ParseAs<XenVersion>("four"));
        Assert.Throws<ArgumentNullException>(() => XenVersion.Parse(null!));
        Assert.False(XenVersion.TryParse((string?)null, out _));
    }

    [Theory]
    [InlineData(null, "4.19.1-rc6")]
    [InlineData("", "4.19.1-rc6")]
    [InlineData("G", "4.19.1-rc6")]
    [InlineData("M", "4.19")]
    public void ToString_Format_GivesPrintedOrMajorMinor(string? format, string expected)
    {
        var version = new XenVersion(4, 19, ".1-rc6");

        Assert.Equal(expected, version.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:" + format + "}", version));
        Span<char> buffer = stackalloc char[32];
        Assert.True(version.TryFormat(buffer, out int written, format, null));
        Assert.Equal(expected, buffer[..written].ToString());
    }

    [Fact]
    public void TryFormat_TooSmallOrUnknownFormat_FailsAsTheBclDoes()
    {
        var version = new XenVersion(4, 19, ".1-rc6");
        Span<char> small = stackalloc char[5];

        Assert.False(version.TryFormat(small, out int written, "G", null));
        Assert.Equal(0, written);
        Assert.Equal("4.19 ok", $"{version:M} ok");
        Assert.Throws<FormatException>(() => version.ToString("X", null));
    }
}
