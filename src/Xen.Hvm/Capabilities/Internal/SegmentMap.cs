using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities.Internal;

/// <summary>
/// Maps offsets of a value built from pieces of a source text (joined wrapped lines, markup removed) back to the
/// source. Each segment says: value characters [ValueStart, ValueStart+Length) come from source offset SourceStart.
/// </summary>
internal sealed class SegmentMap
{
    private readonly List<(int ValueStart, int SourceStart, int Length)> _segments = [];
    private readonly int _sourceEnd;

    public SegmentMap(int sourceEnd)
    {
        _sourceEnd = sourceEnd;
    }

    public int ValueLength { get; private set; }

    public void Add(int sourceStart, int length)
    {
        _segments.Add((ValueLength, sourceStart, length));
        ValueLength += length;
    }

    public int MapOffset(int valueOffset, bool isEnd)
    {
        if (_segments.Count == 0)
        {
            return Math.Min(_sourceEnd, Math.Max(0, valueOffset));
        }

        int lo = 0;
        int hi = _segments.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            var (valueStart, _, length) = _segments[mid];
            int segmentEnd = valueStart + length;
            if (valueOffset < segmentEnd || (isEnd && valueOffset == segmentEnd))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var found = _segments[lo];
        return found.SourceStart + Math.Clamp(valueOffset - found.ValueStart, 0, found.Length);
    }

    public TextSpan Map(TextSpan span)
    {
        int start = MapOffset(span.Start, isEnd: false);
        int end = span.IsEmpty ? start : MapOffset(span.End, isEnd: true);
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
