namespace Xen.Hvm.Config.Syntax;

/// <summary>A bare number value. xl stores it as its text, exactly like a string; the key's reader decides its meaning. In xm it is a Python int, long or float.</summary>
public sealed class NumberLiteralSyntax : ValueSyntax
{
    internal NumberLiteralSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the number token.</summary>
    public SyntaxToken Token => FirstToken;

    /// <summary>Gets the number as written (<c>512</c>, <c>0x1f</c>, <c>010</c>).</summary>
    public string Text => Token.Text;

    /// <inheritdoc/>
    public override ConfigValue ToValue() => ReadLiteral();
}
