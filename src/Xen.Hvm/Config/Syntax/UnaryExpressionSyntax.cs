namespace Xen.Hvm.Config.Syntax;

/// <summary>A prefix operator: <c>-x</c>, <c>+x</c>, <c>~x</c>, <c>not x</c>.</summary>
public sealed class UnaryExpressionSyntax : ExpressionSyntax
{
    internal UnaryExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the operator token (<c>not</c> is a <see cref="SyntaxKind.KeywordToken"/>).</summary>
    public SyntaxToken OperatorToken => FirstToken;

    /// <summary>Gets the operand.</summary>
    public ValueSyntax Operand => Child<ValueSyntax>(Data.Operand(Row));
}
