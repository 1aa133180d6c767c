using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        var starts = new int[text.Count('\n') + 1];
        int line = 1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Sixteen characters at a time: the bits of the line breaks among them give the next lines' starts.
            ReadOnlySpan<ushort> units = MemoryMarshal.Cast<char, ushort>(text);
            var newLine = Vector256.Create((ushort)'\n');
            for (; i + Vector256<ushort>.Count <= units.Length; i += Vector256<ushort>.Count)
            {
                uint breaks = Vector256.Equals(Vector256.Create(units.Slice(i, Vector256<ushort>.Count)), newLine).ExtractMostSignificantBits();
                while (breaks != 0)
                {
                    starts[line++] = i + BitOperations.TrailingZeroCount(breaks) + 1;
                    breaks &= breaks - 1;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts[line++] = i + 1;
            }
        }

        return new LineMap(starts, text.Length);
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
