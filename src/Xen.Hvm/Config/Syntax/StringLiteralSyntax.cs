namespace Xen.Hvm.Config.Syntax;

/// <summary>A quoted string value.</summary>
public sealed class StringLiteralSyntax : ValueSyntax
{
    internal StringLiteralSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the string token.</summary>
    public SyntaxToken Token => FirstToken;

    /// <summary>Gets the quote character the string is written with.</summary>
    public char QuoteCharacter => Token.Text.TrimStart("rRuUbB".ToCharArray()) is { Length: > 0 } t ? t[0] : '"';

    /// <summary>Gets the prefix of an xm string (<c>r</c>, <c>u</c>, <c>b</c>, <c>ur</c>...), or an empty string.</summary>
    public string Prefix => Token.Text[..(Token.Text.Length - Token.Text.TrimStart("rRuUbB".ToCharArray()).Length)];

    /// <summary>Gets the decoded value.</summary>
    public string Value => Token.ValueText;

    /// <inheritdoc/>
    public override ConfigValue ToValue() => new ConfigString(Value);
}
