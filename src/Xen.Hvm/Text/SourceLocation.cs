namespace Xen.Hvm.Text;

/// <summary>
/// Where something is in a source: an optional path, a character span and the line positions of its ends.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly struct SourceLocation : IEquatable<SourceLocation>
{
    /// <summary>Constructs a location.</summary>
    /// <param name="path">The file path or source name, or <see langword="null"/> for text with no name.</param>
    /// <param name="span">The character span.</param>
    /// <param name="start">The line position of <see cref="TextSpan.Start"/>.</param>
    /// <param name="end">The line position of <see cref="TextSpan.End"/>.</param>
    public SourceLocation(string? path, TextSpan span, LinePosition start, LinePosition end)
    {
        Path = path;
        Span = span;
        Start = start;
        End = end;
    }

    /// <summary>Gets the file path or source name, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>Gets the character span.</summary>
    public TextSpan Span { get; }

    /// <summary>Gets the zero-based line position of the start.</summary>
    public LinePosition Start { get; }

    /// <summary>Gets the zero-based line position of the end.</summary>
    public LinePosition End { get; }

    /// <summary>Gets the one-based line of the start, as printed.</summary>
    public int Line => Start.Line + 1;

    /// <summary>Gets the one-based column of the start, as printed.</summary>
    public int Column => Start.Character + 1;

    /// <summary>Constructs a location for a span of a text whose lines are described by <paramref name="lines"/>.</summary>
    /// <param name="path">The path, or <see langword="null"/>.</param>
    /// <param name="span">The span.</param>
    /// <param name="lines">The line map of the same text.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is <see langword="null"/>.</exception>
    public static SourceLocation Create(string? path, TextSpan span, LineMap lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new SourceLocation(path, span, lines.GetPosition(span.Start), lines.GetPosition(span.End));
    }

    /// <inheritdoc/>
    public bool Equals(SourceLocation other) =>
        string.Equals(Path, other.Path, StringComparison.Ordinal) && Span == other.Span && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Path, Span, Start, End);

    /// <summary>Returns <c>path(line,col)</c>, one-based, as compilers print it.</summary>
    /// <returns>The printed location.</returns>
    public override string ToString() => $"{Path}{Start}";

    /// <summary>Compares two locations for equality.</summary>
    /// <param name="left">The first location.</param>
    /// <param name="right">The second location.</param>
    /// <returns><see langword="true"/> when path, span and positions are equal.</returns>
    public static bool operator ==(SourceLocation left, SourceLocation right) => left.Equals(right);

    /// <summary>Compares two locations for inequality.</summary>
    /// <param name="left">The first location.</param>
    /// <param name="right">The second location.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SourceLocation left, SourceLocation right) => !left.Equals(right);
}
