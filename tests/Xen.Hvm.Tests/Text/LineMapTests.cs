using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Text;

namespace Xen.Hvm.Tests.Text;

/// <summary><see cref="LineMap"/> (built sixteen characters at a time where the CPU allows) against a plain
/// character-by-character reading of the same text.</summary>
public sealed class LineMapTests
{
    /// <summary>Texts dense in line breaks, of lengths around and across the 16-character blocks, with CR and
    /// non-ASCII characters among them.</summary>
    private static Gen<string> Texts() =>
        Gen.Frequency(
            (4, Gen.Elements('\n', 'a', ' ', '\r', 'é', '\n').ArrayOf().Select(cs => new string(cs))),
            (1, Gen.Choose(0, 80).Select(n => new string('\n', n))),
            (1, Gen.Choose(0, 80).Select(n => new string('x', n) + "\n")));

    [Fact]
    public void Positions_RandomText_AgreeWithCharacterWalk()
    {
        Prop.ForAll(Arb.From(Texts()), text =>
        {
            LineMap map = LineMap.Create(text);
            int line = 0;
            int column = 0;
            for (int offset = 0; offset <= text.Length; offset++)
            {
                Assert.Equal(new LinePosition(line, column), map.GetPosition(offset));
                if (offset < text.Length && text[offset] == '\n')
                {
                    line++;
                    column = 0;
                }
                else
                {
                    column++;
                }
            }

            Assert.Equal(line + 1, map.LineCount);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("0123456789abcde\n")]
    [InlineData("0123456789abcdef\n")]
    [InlineData("0123456789abcdef0123456789abcde\n\n")]
    public void LineStarts_BlockEdges_FollowEachBreak(string text)
    {
        LineMap map = LineMap.Create(text);
        int expectedLine = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                expectedLine++;
                Assert.Equal(i + 1, map.GetLineStart(expectedLine));
            }
        }

        Assert.Equal(expectedLine + 1, map.LineCount);
    }
}
