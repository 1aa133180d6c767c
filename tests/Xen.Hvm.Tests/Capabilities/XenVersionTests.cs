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
}
