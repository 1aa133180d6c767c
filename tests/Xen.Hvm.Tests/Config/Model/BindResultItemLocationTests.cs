using Xen.Hvm.Config.Model;
using Xen.Hvm.Text;
using static Xen.Hvm.Tests.Config.Model.BindTestSupport;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>What validation needs from binding: the guest type read, and where each item of a list value is.</summary>
public sealed class BindResultItemLocationTests
{
    [Theory]
    [InlineData("name = \"h\"\ntype = \"hvm\"\n", GuestType.Hvm)]
    [InlineData("name = \"h\"\ntype = \"p\"\n", GuestType.Pv)]
    [InlineData("name = \"h\"\nbuilder = \"hvm\"\n", GuestType.Hvm)]
    [InlineData("name = \"h\"\n", GuestType.Pv)]
    public void GuestType_IsTheTypeXlReads(string text, GuestType expected) => Assert.Equal(expected, BindXl(text).GuestType);

    [Fact]
    public void TryGetItemLocation_ListItem_IsTheItemsLiteral()
    {
        const string text = "name = \"h\"\ndisk = [ \"/a.img,raw,xvda,rw\", \"/b.img,raw,xvdb,rw\" ]\n";
        BindResult r = BindXl(text);
        Assert.True(r.TryGetItemLocation("disk", 1, out SourceLocation location));
        Assert.Equal(SpanOf(text, "\"/b.img,raw,xvdb,rw\""), location.Span);
    }

    [Fact]
    public void TryGetItemLocation_AppendedList_FindsItemsOfEverySetting()
    {
        const string text = "name = \"h\"\nvif = [ \"bridge=a\" ]\nvif += [ \"bridge=b\" ]\n";
        Assert.True(BindXl(text).TryGetItemLocation("vif", 1, out SourceLocation location));
        Assert.Equal(SpanOf(text, "\"bridge=b\""), location.Span);
    }

    [Fact]
    public void TryGetItemLocation_UnsetKeyOrNegativeIndex_IsFalse()
    {
        BindResult r = BindXl("name = \"h\"\n");
        Assert.False(r.TryGetItemLocation("disk", 0, out _));
        Assert.False(r.TryGetItemLocation("name", -1, out _));
    }
}
