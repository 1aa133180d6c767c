namespace Xen.Hvm.Config.Syntax;

/// <summary>A binary operator: <c>a + b</c>, <c>a % b</c>, <c>a ** b</c>, <c>a and b</c>, <c>a or b</c>...</summary>
public sealed class BinaryExpressionSyntax : ExpressionSyntax
{
    internal BinaryExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the left operand.</summary>
    public ValueSyntax Left => Child<ValueSyntax>(Data.BinaryLeft(Row));

    /// <summary>Gets the operator token (<c>and</c>/<c>or</c> are <see cref="SyntaxKind.KeywordToken"/>s).</summary>
    public SyntaxToken OperatorToken => TokenAt(Data.BinaryOperatorToken(Row));

    /// <summary>Gets the right operand.</summary>
    public ValueSyntax Right => Child<ValueSyntax>(Data.BinaryRight(Row));
}
