namespace Xen.Hvm.Config.Syntax;

/// <summary>A tuple: <c>(a, b)</c>, <c>()</c>, or a bare <c>a, b</c>. xm ignores top-level tuple variables.</summary>
public sealed class TupleExpressionSyntax : ExpressionSyntax
{
    internal TupleExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<ValueSyntax> Items => ChildNodes().Cast<ValueSyntax>().ToArray();

    /// <summary>Gets a value indicating whether the tuple is written in parentheses.</summary>
    public bool IsParenthesized => FirstToken.Kind == SyntaxKind.OpenParenToken;
}
