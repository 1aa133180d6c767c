namespace Xen.Hvm.Config.Syntax;

/// <summary>An attribute: <c>os.path</c>, <c>name.upper</c>.</summary>
public sealed class MemberAccessExpressionSyntax : ExpressionSyntax
{
    internal MemberAccessExpressionSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the expression before the dot.</summary>
    public ValueSyntax Expression => (ValueSyntax)ChildAt(0)!;

    /// <summary>Gets the attribute name token.</summary>
    public SyntaxToken NameToken => LastToken;

    /// <summary>Gets the attribute name.</summary>
    public string Name => NameToken.Text;
}

/// <summary>A call: <c>f(a, key=value)</c>.</summary>
public sealed class CallExpressionSyntax : ExpressionSyntax
{
    internal CallExpressionSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the called expression.</summary>
    public ValueSyntax Expression => (ValueSyntax)ChildAt(0)!;

    /// <summary>Gets the arguments: positional ones are <see cref="ValueSyntax"/>, keyword ones <see cref="KeywordArgumentSyntax"/>.</summary>
    public IReadOnlyList<SyntaxNode> Arguments => ChildNodes().Skip(1).ToArray();
}

/// <summary>A keyword argument of a call: <c>use="..."</c>.</summary>
public sealed class KeywordArgumentSyntax : SyntaxNode
{
    internal KeywordArgumentSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the name token.</summary>
    public SyntaxToken NameToken => FirstToken;

    /// <summary>Gets the name.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the value.</summary>
    public ValueSyntax Value => (ValueSyntax)ChildAt(0)!;
}

/// <summary>A subscript: <c>x[0]</c>, <c>x['key']</c>, <c>x[1:-1]</c>.</summary>
public sealed class SubscriptExpressionSyntax : ExpressionSyntax
{
    internal SubscriptExpressionSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the subscripted expression.</summary>
    public ValueSyntax Expression => (ValueSyntax)ChildAt(0)!;

    /// <summary>Gets the index: a <see cref="ValueSyntax"/> or a <see cref="SliceSyntax"/>.</summary>
    public SyntaxNode Index => ChildAt(1)!;
}

/// <summary>A slice in a subscript: <c>a:b</c>, <c>:b</c>, <c>a::c</c>.</summary>
public sealed class SliceSyntax : SyntaxNode
{
    internal SliceSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the lower bound, or <see langword="null"/>.</summary>
    public ValueSyntax? Lower => Part(0);

    /// <summary>Gets the upper bound, or <see langword="null"/>.</summary>
    public ValueSyntax? Upper => Part(1);

    /// <summary>Gets the step, or <see langword="null"/>.</summary>
    public ValueSyntax? Step => Part(2);

    /// <summary>Gets a value indicating whether the slice has a second colon (<c>a:b:</c>).</summary>
    public bool HasStepColon => OwnTokens().Count(t => t.Kind == SyntaxKind.ColonToken) == 2;

    private ValueSyntax? Part(int index)
    {
        // Which part a child is follows from how many colons come before it.
        int colons = 0;
        int token = NodeRow.FirstToken;
        foreach (SyntaxNode child in ChildNodes())
        {
            for (; token < child.FirstToken.Index; token++)
            {
                if (Data.Tokens[token].Kind == SyntaxKind.ColonToken)
                {
                    colons++;
                }
            }

            if (colons == index)
            {
                return (ValueSyntax)child;
            }

            token = child.LastToken.Index + 1;
        }

        return null;
    }
}
