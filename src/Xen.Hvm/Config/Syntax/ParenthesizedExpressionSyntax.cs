namespace Xen.Hvm.Config.Syntax;

/// <summary>An expression in parentheses: <c>( expr )</c>.</summary>
public sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the inner expression.</summary>
    public ValueSyntax Expression => Child<ValueSyntax>(Data.Operand(Row));
}
