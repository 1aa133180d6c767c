namespace Xen.Hvm.Config.Syntax;

/// <summary>A conditional expression: <c>a if condition else b</c>.</summary>
public sealed class ConditionalExpressionSyntax : ExpressionSyntax
{
    internal ConditionalExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the value when the condition is true.</summary>
    public ValueSyntax WhenTrue => Child<ValueSyntax>(Data.ConditionalWhenTrue(Row));

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.ConditionalCondition(Row));

    /// <summary>Gets the value when the condition is false.</summary>
    public ValueSyntax WhenFalse => Child<ValueSyntax>(Data.ConditionalWhenFalse(Row));
}
