using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config;

/// <summary>The typed getters read values as xl's getters do, in both dialects.</summary>
public sealed class ConfigValueCollectionTests
{
    private static readonly XenConfigParseOptions s_xl = new() { Dialect = ConfigDialect.Xl };
    private static readonly XenConfigParseOptions s_xm = new() { Dialect = ConfigDialect.Xm };

    private static ConfigValueCollection Values(string text, XenConfigParseOptions options) => XenConfig.Parse(text, options: options).Values;

    [Fact]
    public void GetInt64_SameNumberInXlAndXm_ReadsAlike()
    {
        // The trap: GetString("memory") was "512" for xl and null for an xm file with the same line.
        foreach (XenConfigParseOptions options in new[] { s_xl, s_xm })
        {
            ConfigValueCollection values = Values("memory = 512\nvcpus = \"2\"\n", options);
            Assert.Equal(512, values.GetInt64("memory"));
            Assert.Equal("512", values.GetString("memory"));
            Assert.Equal(2, values.GetInt64("vcpus"));
            Assert.True(values.GetBoolean("memory"));
        }
    }

    [Theory]
    [InlineData("\"512\"", 512)]
    [InlineData("0x200", 512)]
    [InlineData("\"0x1F\"", 31)]
    [InlineData("\"01000\"", 512)]
    [InlineData("\" -7\"", -7)]
    [InlineData("\"+7\"", 7)]
    [InlineData("0", 0)]
    [InlineData("\"9223372036854775807\"", long.MaxValue)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    public void TryGetInt64_XlNumberTexts_ReadAsStrtolWithBaseZero(string value, long expected)
    {
        ConfigValueCollection values = Values("x = " + value + "\n", s_xl);

        Assert.True(values.TryGetInt64("x", out long n));
        Assert.Equal(expected, n);
    }

    [Theory]
    [InlineData("\"lots\"")]
    [InlineData("\"08\"")]
    [InlineData("\"0x\"")]
    [InlineData("\"1 \"")]
    [InlineData("\"\"")]
    [InlineData("\"9223372036854775808\"")]
    [InlineData("[ 1 ]")]
    public void GetInt64_NotANumber_ThrowsXH2021AndTryGetIsFalse(string value)
    {
        ConfigValueCollection values = Values("x = " + value + "\n", s_xl);

        Assert.False(values.TryGetInt64("x", out _));
        var ex = Assert.Throws<XenConfigException>(() => values.GetInt64("x"));
        Assert.Equal(DiagnosticIds.ValueNotOfRequestedType, Assert.Single(ex.Diagnostics).Id);
    }

    [Fact]
    public void Getters_UnsetKey_ThrowKeyNotFoundAndTryGetIsFalse()
    {
        ConfigValueCollection values = Values("x = 1\n", s_xl);

        Assert.Throws<KeyNotFoundException>(() => values.GetInt64("y"));
        Assert.Throws<KeyNotFoundException>(() => values.GetString("y"));
        Assert.Throws<KeyNotFoundException>(() => values.GetStrings("y"));
        Assert.False(values.TryGetString("y", out _));
        Assert.False(values.TryGetStrings("y", out _));
        Assert.False(values.TryGetBoolean("y", out _));
    }

    [Fact]
    public void GetStrings_ListOfStringsAndNumbers_ReadsEachAsText()
    {
        Assert.Equal(["a", "1", "b"], Values("x = [ 'a', 1, \"b\" ]\n", s_xl).GetStrings("x"));
        Assert.Equal(["a", "1", "2.5"], Values("x = [ 'a', 1, 2.5 ]\n", s_xm).GetStrings("x"));
    }

    [Theory]
    [InlineData("x = [ 'a', [ 'b' ] ]\n")]
    [InlineData("x = 'a'\n")]
    public void GetStrings_NestedListOrNotAList_ThrowsXH2021(string text)
    {
        ConfigValueCollection values = Values(text, s_xl);

        Assert.False(values.TryGetStrings("x", out _));
        Assert.Equal(DiagnosticIds.ValueNotOfRequestedType, Assert.Single(Assert.Throws<XenConfigException>(() => values.GetStrings("x")).Diagnostics).Id);
    }

    [Fact]
    public void GetString_List_ThrowsXH2021()
    {
        ConfigValueCollection values = Values("x = [ 'a' ]\n", s_xl);

        Assert.False(values.TryGetString("x", out _));
        Assert.Equal(DiagnosticIds.ValueNotOfRequestedType, Assert.Single(Assert.Throws<XenConfigException>(() => values.GetString("x")).Diagnostics).Id);
    }

    [Fact]
    public void Getters_XmComputedValue_ThrowXH2022AndTryGetIsFalse()
    {
        ConfigValueCollection values = Values("memory = 256 * 2\ndisk = [ 'a' + 'b' ]\n", s_xm);

        Assert.False(values.TryGetInt64("memory", out _));
        Assert.False(values.TryGetString("memory", out _));
        Assert.Equal(DiagnosticIds.ValueUnknown, Assert.Single(Assert.Throws<XenConfigException>(() => values.GetInt64("memory")).Diagnostics).Id);
        Assert.Equal(DiagnosticIds.ValueUnknown, Assert.Single(Assert.Throws<XenConfigException>(() => values.GetStrings("disk")).Diagnostics).Id);
    }

    [Fact]
    public void GetBoolean_ZeroAndOne_ReadAsXlBooleans()
    {
        ConfigValueCollection values = Values("a = 0\nb = 1\nc = \"2\"\n", s_xl);

        Assert.False(values.GetBoolean("a"));
        Assert.True(values.GetBoolean("b"));
        Assert.True(values.GetBoolean("c"));
    }
}
