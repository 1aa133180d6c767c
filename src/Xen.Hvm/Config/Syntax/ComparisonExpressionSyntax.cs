namespace Xen.Hvm.Config.Syntax;

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
