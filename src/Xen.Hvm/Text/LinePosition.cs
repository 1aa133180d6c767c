namespace Xen.Hvm.Text;

/// <summary>
/// A zero-based line and character position in a text. It prints one-based, as compilers do: <c>(12,9)</c>.
/// </summary>
/// <remarks>
/// <para>Lines are separated by <c>'\n'</c> only, as in Xen's own parser: a carriage return is an ordinary character
/// there, so a CRLF file counts its lines the same way.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct LinePosition : IEquatable<LinePosition>, IComparable<LinePosition>
{
    /// <summary>Constructs a position.</summary>
    /// <param name="line">The zero-based line.</param>
    /// <param name="character">The zero-based character offset within the line.</param>
    /// <exception cref="ArgumentOutOfRangeException">Either value is negative.</exception>
    public LinePosition(int line, int character)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfNegative(character);
        Line = line;
        Character = character;
    }

    /// <summary>Gets the zero-based line number.</summary>
    public int Line { get; }

    /// <summary>Gets the zero-based character offset within the line.</summary>
    public int Character { get; }

    /// <inheritdoc/>
    public bool Equals(LinePosition other) => Line == other.Line && Character == other.Character;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Line, Character);

    /// <inheritdoc/>
    public int CompareTo(LinePosition other)
    {
        int c = Line.CompareTo(other.Line);
        return c != 0 ? c : Character.CompareTo(other.Character);
    }

    /// <summary>Returns the one-based form <c>(line,column)</c>.</summary>
    /// <returns>The position as a compiler prints it.</returns>
    public override string ToString() => $"({Line + 1},{Character + 1})";

    /// <summary>Compares two positions for equality.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns><see langword="true"/> when line and character are equal.</returns>
    public static bool operator ==(LinePosition left, LinePosition right) => left.Equals(right);

    /// <summary>Compares two positions for inequality.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns><see langword="true"/> when line or character differ.</returns>
    public static bool operator !=(LinePosition left, LinePosition right) => !left.Equals(right);
}
