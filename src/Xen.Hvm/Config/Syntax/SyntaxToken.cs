using Xen.Hvm.Config.Internal;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// A token of a config file: its kind, raw text, decoded value and attached trivia.
/// </summary>
/// <remarks>
/// <para>Trivia after a token on the same line trail it; trivia at the start of a line lead the next token
/// (Roslyn's rule). A line break is itself a token, because it ends statements.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    private readonly ConfigSyntaxTree? _tree;
    private readonly int _index;

    internal SyntaxToken(ConfigSyntaxTree tree, int index)
    {
        _tree = tree;
        _index = index;
    }

    internal int Index => _index;

    private SyntaxData Data => _tree?.Data ?? throw new InvalidOperationException("The token is default.");

    /// <summary>Gets a value indicating whether this is the default (empty) token.</summary>
    public bool IsDefault => _tree is null;

    /// <summary>Gets the kind of the token.</summary>
    public SyntaxKind Kind => _tree is null ? SyntaxKind.None : Data.TokenKind(_index);

    /// <summary>Gets the span of the token, without trivia.</summary>
    public TextSpan Span => _tree is null ? default : new TextSpan(Data.TokenStart(_index), Data.TokenLength(_index));

    /// <summary>Gets the span of the token with its leading and trailing trivia.</summary>
    public TextSpan FullSpan => _tree is null ? default : TextSpan.FromBounds(Data.FullStart(_index), Data.FullEnd(_index));

    /// <summary>Gets the raw text of the token as written: quotes and escapes included for strings.</summary>
    public string Text => _tree is null ? string.Empty : Data.TokenText(_index).ToString();

    /// <summary>
    /// Gets the value the token stands for: a string token's decoded content (escapes applied as libxlu does),
    /// otherwise the raw text.
    /// </summary>
    public string ValueText
    {
        get
        {
            if (_tree is null)
            {
                return string.Empty;
            }

            return Data.TokenKind(_index) == SyntaxKind.StringToken
                ? _tree.DecodeString(_index)
                : Data.TokenText(_index).ToString();
        }
    }

    /// <summary>Gets the trivia before the token (only at the start of a line).</summary>
    public SyntaxTriviaList LeadingTrivia => _tree is null ? default : new SyntaxTriviaList(Data, Data.LeadingTriviaStart(_index), _index);

    /// <summary>Gets the trivia after the token on the same line.</summary>
    public SyntaxTriviaList TrailingTrivia => _tree is null ? default : new SyntaxTriviaList(Data, _index + 1, Data.TrailingTriviaEnd(_index));

    /// <summary>Gets the syntax tree the token belongs to.</summary>
    /// <exception cref="InvalidOperationException">The token is default.</exception>
    public ConfigSyntaxTree SyntaxTree => _tree ?? throw new InvalidOperationException("The token is default.");

    /// <summary>Gets where the token is in its file.</summary>
    /// <returns>The location of <see cref="Span"/>.</returns>
    public SourceLocation GetLocation() => _tree is null ? default : _tree.GetLocation(Span);

    /// <summary>
    /// Maps each character of a string token's value to its offset in the file (escapes accounted for), for reporting
    /// problems inside spec strings at the right line and column. The last element is the offset of the closing quote.
    /// </summary>
    /// <returns>The offsets; for tokens that are not strings, the offsets of the raw text.</returns>
    public IReadOnlyList<int> GetValueOffsets()
    {
        if (_tree is null)
        {
            return [];
        }

        SyntaxKind kind = Data.TokenKind(_index);
        int start = Data.TokenStart(_index);
        if (kind == SyntaxKind.StringToken && _tree.Dialect == ConfigDialect.Xm)
        {
            var pyMap = new List<int>();
            PyString.Decode(Data.TokenText(_index), (Data.TokenFlags(_index) & TokenFlags.Unterminated) != 0, start, pyMap);
            return pyMap;
        }

        if (kind == SyntaxKind.StringToken)
        {
            XlString.Decode(Data.TokenText(_index), start, out int[] map);
            return map;
        }

        var offsets = new int[Data.TokenLength(_index) + 1];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = start + i;
        }

        return offsets;
    }

    /// <summary>Returns the token text with its trivia.</summary>
    /// <returns>The full text.</returns>
    public string ToFullString()
    {
        if (_tree is null)
        {
            return string.Empty;
        }

        TextSpan s = FullSpan;
        return Data.Text.Substring(s.Start, s.Length);
    }

    /// <summary>Returns the raw token text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    /// <inheritdoc/>
    public bool Equals(SyntaxToken other) => ReferenceEquals(_tree, other._tree) && _index == other._index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_tree, _index);

    /// <summary>Compares two tokens for identity (same tree, same position).</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when both are the same token.</returns>
    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    /// <summary>Compares two tokens for identity.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);
}
