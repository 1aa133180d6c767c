namespace Xen.Hvm.Config.Syntax;

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
