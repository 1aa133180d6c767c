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

/// <summary>A call: <c>f(a, key=value)</c>.</summary>
public sealed class CallExpressionSyntax : ExpressionSyntax
{
    internal CallExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the called expression.</summary>
    public ValueSyntax Expression => Child<ValueSyntax>(Data.Target(Row));

    /// <summary>Gets the arguments: positional ones are <see cref="ValueSyntax"/>, keyword ones <see cref="KeywordArgumentSyntax"/>.</summary>
    public IReadOnlyList<SyntaxNode> Arguments => Children<SyntaxNode>(Data.CallArguments(Row));
}

/// <summary>A keyword argument of a call: <c>use="..."</c>.</summary>
public sealed class KeywordArgumentSyntax : SyntaxNode
{
    internal KeywordArgumentSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the name token.</summary>
    public SyntaxToken NameToken => FirstToken;

    /// <summary>Gets the name.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the value.</summary>
    public ValueSyntax Value => Child<ValueSyntax>(Data.KeywordArgumentValue(Row));
}

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

/// <summary>A slice in a subscript: <c>a:b</c>, <c>:b</c>, <c>a::c</c>.</summary>
public sealed class SliceSyntax : SyntaxNode
{
    internal SliceSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
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

    private ValueSyntax? Part(int index) => ChildOrNull<ValueSyntax>(Data.SlicePart(Row, index));
}
