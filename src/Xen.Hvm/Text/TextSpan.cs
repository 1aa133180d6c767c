namespace Xen.Hvm.Text;

/// <summary>
/// An immutable range of characters in a text: a zero-based start offset and a length.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly struct TextSpan : IEquatable<TextSpan>, IComparable<TextSpan>
{
    /// <summary>Constructs a span from a start offset and a length.</summary>
    /// <param name="start">The zero-based offset of the first character.</param>
    /// <param name="length">The number of characters.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> or <paramref name="length"/> is negative, or their sum overflows.</exception>
    public TextSpan(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (start + length < start)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The span end overflows.");
        }

        Start = start;
        Length = length;
    }

    /// <summary>Gets the zero-based offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Gets the number of characters in the span.</summary>
    public int Length { get; }

    /// <summary>Gets the offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Gets a value indicating whether the span covers no characters.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Constructs a span from a start and an end offset.</summary>
    /// <param name="start">The zero-based start offset.</param>
    /// <param name="end">The offset just past the last character.</param>
    /// <returns>The span.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is less than <paramref name="start"/>, or either is negative.</exception>
    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    /// <summary>Returns whether <paramref name="offset"/> lies inside the span.</summary>
    /// <param name="offset">An offset in the same text.</param>
    /// <returns><see langword="true"/> when <c>Start &lt;= offset &lt; End</c>.</returns>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>Returns whether <paramref name="other"/> lies completely inside the span.</summary>
    /// <param name="other">Another span in the same text.</param>
    /// <returns><see langword="true"/> when the other span starts and ends within this one.</returns>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <inheritdoc/>
    public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start, Length);

    /// <inheritdoc/>
    public int CompareTo(TextSpan other)
    {
        int c = Start.CompareTo(other.Start);
        return c != 0 ? c : Length.CompareTo(other.Length);
    }

    /// <summary>Returns the span as <c>[start..end)</c>.</summary>
    /// <returns>A short description of the span.</returns>
    public override string ToString() => $"[{Start}..{End})";

    /// <summary>Compares two spans for equality.</summary>
    /// <param name="left">The first span.</param>
    /// <param name="right">The second span.</param>
    /// <returns><see langword="true"/> when both have the same start and length.</returns>
    public static bool operator ==(TextSpan left, TextSpan right) => left.Equals(right);

    /// <summary>Compares two spans for inequality.</summary>
    /// <param name="left">The first span.</param>
    /// <param name="right">The second span.</param>
    /// <returns><see langword="true"/> when they differ in start or length.</returns>
    public static bool operator !=(TextSpan left, TextSpan right) => !left.Equals(right);
}
