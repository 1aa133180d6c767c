using System.Collections;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>The leading or trailing trivia of a token, in text order.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>, IEquatable<SyntaxTriviaList>
{
    private readonly SyntaxData? _data;
    private readonly int _start;
    private readonly int _end;

    internal SyntaxTriviaList(SyntaxData data, int start, int end)
    {
        _data = data;
        _start = start;
        _end = end;
    }

    /// <summary>Gets the number of trivia.</summary>
    public int Count => _end - _start;

    /// <summary>Gets the trivia at an index.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public SyntaxTrivia this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new SyntaxTrivia(_data!, _start + index);
        }
    }

    /// <summary>Gets the span the trivia cover together (empty when there are none).</summary>
    public TextSpan Span => Count == 0 || _data is null
        ? default
        : TextSpan.FromBounds(_data.TokenStart(_start), _data.TokenEnd(_end - 1));

    /// <summary>Returns the trivia text, concatenated.</summary>
    /// <returns>The text of all trivia.</returns>
    public string ToFullString() => _data is null || Count == 0 ? string.Empty : _data.Text.Substring(Span.Start, Span.Length);

    /// <inheritdoc/>
    public override string ToString() => ToFullString();

    /// <summary>Returns an enumerator over the trivia.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<SyntaxTrivia> GetEnumerator()
    {
        for (int i = _start; i < _end; i++)
        {
            yield return new SyntaxTrivia(_data!, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(SyntaxTriviaList other) => ReferenceEquals(_data, other._data) && _start == other._start && _end == other._end;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SyntaxTriviaList other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_data, _start, _end);

    /// <summary>Compares two lists for identity.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when both cover the same trivia of the same tree.</returns>
    public static bool operator ==(SyntaxTriviaList left, SyntaxTriviaList right) => left.Equals(right);

    /// <summary>Compares two lists for identity.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SyntaxTriviaList left, SyntaxTriviaList right) => !left.Equals(right);
}
