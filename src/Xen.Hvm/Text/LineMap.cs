using System.Runtime.InteropServices;

namespace Xen.Hvm.Text;

/// <summary>
/// Maps character offsets of one text to <see cref="LinePosition"/>s. Lines end at <c>'\n'</c>.
/// </summary>
/// <remarks>Immutable once built; safe to share across threads.</remarks>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    private LineMap(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    /// <summary>Gets the number of lines (one more than the number of <c>'\n'</c> characters).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Builds the map of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The line map.</returns>
    public static LineMap Create(ReadOnlySpan<char> text)
    {
        var starts = new List<int>(Math.Max(4, text.Length / 32)) { 0 };
        int offset = 0;
        while (true)
        {
            int nl = text[offset..].IndexOf('\n');
            if (nl < 0)
            {
                break;
            }

            offset += nl + 1;
            starts.Add(offset);
        }

        return new LineMap(CollectionsMarshal.AsSpan(starts).ToArray(), text.Length);
    }

    /// <summary>Gets the position of a character offset.</summary>
    /// <param name="offset">An offset from 0 to the text length inclusive.</param>
    /// <returns>The zero-based line and column.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is outside the text.</exception>
    public LinePosition GetPosition(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>Gets the offset where a zero-based line starts.</summary>
    /// <param name="line">The zero-based line.</param>
    /// <returns>The offset of the line's first character.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not a line of the text.</exception>
    public int GetLineStart(int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, _lineStarts.Length);
        return _lineStarts[line];
    }
}
