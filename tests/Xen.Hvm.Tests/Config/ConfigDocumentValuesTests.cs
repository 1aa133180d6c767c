using System.Text;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Tests.Config;

public sealed class ConfigDocumentValuesTests
{
    [Theory]
    [InlineData("x = \"\"\n", "x += \"a\"\n")]
    [InlineData("x = []\n", "x += [\"a\"]\n")]
    public void Values_LongAppendChain_AllocatesLinearlyInItsLength(string head, string line)
    {
        // Concatenating the whole value again at each line (the old way) allocates ~16x per 4x lines; a builder ~4x.
        long[] allocated = [.. new[] { 4_000, 16_000, 64_000 }.Select(n => AllocatedByValues(head, line, n))];

        Assert.InRange(allocated[1] / (double)allocated[0], 2.0, 6.0);
        Assert.InRange(allocated[2] / (double)allocated[1], 2.0, 6.0);
    }

    [Fact]
    public void Values_AppendChainResetByAssignment_StartsAgain()
    {
        ConfigDocument doc = XenConfig.Parse("x = 'a'\nx += 'b'\nx = 'c'\nx += 'd'\nl = ['1']\nl += ['2']\nl += 'bad'\nl += ['3']\n");

        Assert.Equal("cd", doc.Values.GetString("x"));
        Assert.Equal(ConfigValue.List("1", "2", "3"), doc.Values["l"]);
    }

    [Fact]
    public void Values_StringWithEscapes_IsDecodedOnceAndShared()
    {
        ConfigDocument doc = XenConfig.Parse("extra = \"console=hvc0\\tquiet\"\n");

        string fromValues = doc.Values.GetString("extra")!;
        string fromSyntax = ((StringLiteralSyntax)doc.Settings[0].Value).Value;

        Assert.Equal("console=hvc0\tquiet", fromValues);
        Assert.Same(fromValues, fromSyntax);
    }

    private static long AllocatedByValues(string head, string line, int lines)
    {
        var sb = new StringBuilder(head, head.Length + (line.Length * lines));
        for (int i = 0; i < lines; i++)
        {
            sb.Append(line);
        }

        ConfigDocument doc = XenConfig.Parse(sb.ToString(), options: new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        long before = GC.GetAllocatedBytesForCurrentThread();
        ConfigValue value = doc.Values["x"];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(lines, value is ConfigString s ? s.Value.Length : ((ConfigList)value).Items.Count);
        return allocated;
    }
}
