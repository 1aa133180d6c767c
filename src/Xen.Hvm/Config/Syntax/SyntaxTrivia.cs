using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>Whitespace, a comment or unreadable text attached to a <see cref="SyntaxToken"/>.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly struct SyntaxTrivia : IEquatable<SyntaxTrivia>
{
    private readonly SyntaxData? _data;
    private readonly int _index;

    internal SyntaxTrivia(SyntaxData data, int index)
    {
        _data = data;
        _index = index;
    }

    /// <summary>Gets the kind: <see cref="SyntaxKind.WhitespaceTrivia"/>, <see cref="SyntaxKind.CommentTrivia"/> or <see cref="SyntaxKind.BadTextTrivia"/>.</summary>
    public SyntaxKind Kind => _data is null ? SyntaxKind.None : _data.TokenKind(_index);

    /// <summary>Gets the span of the trivia in the text.</summary>
    public TextSpan Span => _data is null ? default : new TextSpan(_data.TokenStart(_index), _data.TokenLength(_index));

    /// <summary>Gets the text of the trivia.</summary>
    public string Text => _data is null ? string.Empty : _data.TokenText(_index).ToString();

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <inheritdoc/>
    public bool Equals(SyntaxTrivia other) => ReferenceEquals(_data, other._data) && _index == other._index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SyntaxTrivia other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_data, _index);

    /// <summary>Compares two trivia for identity (same tree, same position).</summary>
    /// <param name="left">The first trivia.</param>
    /// <param name="right">The second trivia.</param>
    /// <returns><see langword="true"/> when both are the same trivia of the same tree.</returns>
    public static bool operator ==(SyntaxTrivia left, SyntaxTrivia right) => left.Equals(right);

    /// <summary>Compares two trivia for identity.</summary>
    /// <param name="left">The first trivia.</param>
    /// <param name="right">The second trivia.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SyntaxTrivia left, SyntaxTrivia right) => !left.Equals(right);
}
