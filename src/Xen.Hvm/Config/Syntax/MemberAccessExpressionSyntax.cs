namespace Xen.Hvm.Config.Syntax;

/// <summary>An attribute: <c>os.path</c>, <c>name.upper</c>.</summary>
public sealed class MemberAccessExpressionSyntax : ExpressionSyntax
{
    internal MemberAccessExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the expression before the dot.</summary>
    public ValueSyntax Expression => Child<ValueSyntax>(Data.Target(Row));

    /// <summary>Gets the attribute name token.</summary>
    public SyntaxToken NameToken => LastToken;

    /// <summary>Gets the attribute name.</summary>
    public string Name => NameToken.Text;
}
