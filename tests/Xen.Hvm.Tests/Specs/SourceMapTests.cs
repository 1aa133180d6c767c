using Xen.Hvm.Config;
using Xen.Hvm.Specs;
using Xen.Hvm.Text;

namespace Xen.Hvm.Tests.Specs;

public sealed class SpecSourceMapTests
{
    [Fact]
    public void FromOffsets_EscapedToken_MapsDecodedCharactersToFileSpans()
    {
        // A string token 'a\tb' at offset 10: quote at 10, 'a' at 11, '\' at 12, 't' at 13, 'b' at 14, quote at 15.
        string file = "0123456789'a\\tb'";
        var map = SpecSourceMap.FromOffsets("guest.cfg", LineMap.Create(file), [11, 12, 14, 15]);
        Assert.Equal(new TextSpan(14, 1), map.Map(2, 1).Span);
        Assert.Equal(new TextSpan(12, 2), map.Map(1, 1).Span);
        Assert.Equal(new TextSpan(11, 4), map.Map(0, 3).Span);
        Assert.Equal(new TextSpan(15, 0), map.Map(3, 0).Span);
        Assert.Equal("guest.cfg", map.Map(0, 1).Path);
    }

    [Fact]
    public void Parse_ErrorInsideStringOnLineTwo_IsReportedAtFileLineAndColumn()
    {
        // The value has an escape before the error, so file columns run one ahead of value offsets after it.
        string file = "name = \"g\"\ndisk = [ '/x\\t,raw,xvda,zz' ]\n";
        int quote = file.IndexOf('\'');
        string value = "/x\t,raw,xvda,zz";
        var offsets = new int[value.Length + 1];
        int f = quote + 1;
        for (int i = 0; i < value.Length; i++)
        {
            offsets[i] = f;
            f += value[i] == '\t' ? 2 : 1;
        }

        offsets[^1] = f;
        var map = SpecSourceMap.FromOffsets("guest.cfg", LineMap.Create(file), offsets);
        var r = DiskSpec.Parse(value, ConfigDialect.Xl, map);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("XH6002", d.Id);
        Assert.Equal("guest.cfg", d.Location.Path);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal(file.IndexOf("zz", StringComparison.Ordinal) - file.IndexOf('\n') - 1 + 1, d.Location.Column);
        Assert.StartsWith("guest.cfg(2,", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void None_ReportsOffsetsOfTheValue()
    {
        var d = Assert.Single(VifSpec.Parse("bridge=xenbr0,rate=10MB").Diagnostics);
        Assert.Null(d.Location.Path);
        Assert.Equal(new TextSpan(19, 4), d.Span);
        Assert.Equal(20, d.Location.Column);
    }

    [Fact]
    public void Identity_MultiLineValue_CountsLines()
    {
        var map = SpecSourceMap.Identity("a\nbc", "x");
        Assert.Equal(2, map.Map(3, 1).Line);
        Assert.Equal(2, map.Map(3, 1).Column);
    }

    [Fact]
    public void FromOffsets_BadTables_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SpecSourceMap.FromOffsets(null, null!, [0]));
        Assert.Throws<ArgumentException>(() => SpecSourceMap.FromOffsets(null, LineMap.Create("ab"), []));
        Assert.Throws<ArgumentException>(() => SpecSourceMap.FromOffsets(null, LineMap.Create("ab"), [2, 1]));
    }
}
