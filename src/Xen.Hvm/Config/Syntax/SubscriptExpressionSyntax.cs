namespace Xen.Hvm.Config.Syntax;

/// <summary>A subscript: <c>x[0]</c>, <c>x['key']</c>, <c>x[1:-1]</c>.</summary>
public sealed class SubscriptExpressionSyntax : ExpressionSyntax
{
    internal SubscriptExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the subscripted expression.</summary>
    public ValueSyntax Expression => Child<ValueSyntax>(Data.Target(Row));

    /// <summary>Gets the index: a <see cref="ValueSyntax"/> or a <see cref="SliceSyntax"/>.</summary>
    public SyntaxNode Index => Child<SyntaxNode>(Data.SubscriptIndex(Row));
}
