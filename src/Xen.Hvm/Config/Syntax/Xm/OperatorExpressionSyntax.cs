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

/// <summary>A comparison chain: <c>a &lt; b &lt;= c</c>, <c>a in b</c>, <c>a not in b</c>, <c>a is not None</c>.</summary>
public sealed class ComparisonExpressionSyntax : ExpressionSyntax
{
    internal ComparisonExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the operands, in order (one more than <see cref="Operators"/>).</summary>
    public IReadOnlyList<ValueSyntax> Operands => ChildNodes().Cast<ValueSyntax>().ToArray();

    /// <summary>Gets the operators, in order, as written with single spaces: <c>&lt;</c>, <c>in</c>, <c>not in</c>, <c>is not</c>.</summary>
    public IReadOnlyList<string> Operators
    {
        get
        {
            var result = new List<string>();
            string? pending = null;
            foreach (SyntaxToken t in OwnTokens())
            {
                if (pending is not null && t.Text is "in" or "not")
                {
                    result.Add(pending + " " + t.Text);
                    pending = null;
                    continue;
                }

                if (pending is not null)
                {
                    result.Add(pending);
                }

                pending = t.Text is "not" or "is" ? t.Text : null;
                if (pending is null)
                {
                    result.Add(t.Text);
                }
            }

            if (pending is not null)
            {
                result.Add(pending);
            }

            return result;
        }
    }
}

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
