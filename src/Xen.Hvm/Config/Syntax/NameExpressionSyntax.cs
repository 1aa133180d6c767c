namespace Xen.Hvm.Config.Syntax;

/// <summary>A name: <c>arch</c>, <c>os</c>, <c>True</c> (Python 2's <c>True</c>, <c>False</c> and <c>None</c> are names).</summary>
public sealed class NameExpressionSyntax : ExpressionSyntax
{
    internal NameExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the identifier token.</summary>
    public SyntaxToken Identifier => FirstToken;

    /// <summary>Gets the name.</summary>
    public string Name => Identifier.Text;
}
