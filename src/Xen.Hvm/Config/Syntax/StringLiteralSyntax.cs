namespace Xen.Hvm.Config.Syntax;

/// <summary>A quoted string value.</summary>
public sealed class StringLiteralSyntax : ValueSyntax
{
    internal StringLiteralSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the string token.</summary>
    public SyntaxToken Token => FirstToken;

    /// <summary>Gets the quote character the string is written with.</summary>
    public char QuoteCharacter => Token.Text[0];

    /// <summary>Gets the decoded value.</summary>
    public string Value => Token.ValueText;

    /// <inheritdoc/>
    public override ConfigValue ToValue() => new ConfigString(Value);
}
