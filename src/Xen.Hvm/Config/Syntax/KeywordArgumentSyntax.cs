namespace Xen.Hvm.Config.Syntax;

/// <summary>A keyword argument of a call: <c>use="..."</c>.</summary>
public sealed class KeywordArgumentSyntax : SyntaxNode
{
    internal KeywordArgumentSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the name token.</summary>
    public SyntaxToken NameToken => FirstToken;

    /// <summary>Gets the name.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the value.</summary>
    public ValueSyntax Value => Child<ValueSyntax>(Data.KeywordArgumentValue(Row));
}
