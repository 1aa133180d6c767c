namespace Xen.Hvm.Config.Syntax;

/// <summary><c>for target in iterable: ... else: ...</c></summary>
public sealed class ForStatementSyntax : StatementSyntax
{
    internal ForStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the loop target (a tuple for <c>for a, b in ...</c>).</summary>
    public ValueSyntax Target => Child<ValueSyntax>(Data.ForTarget(Row));

    /// <summary>Gets the iterated expression.</summary>
    public ValueSyntax Iterable => Child<ValueSyntax>(Data.ForIterable(Row));

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));

    /// <summary>Gets the <c>else</c> clause, or <see langword="null"/>.</summary>
    public ElseClauseSyntax? Else => ChildOrNull<ElseClauseSyntax>(Data.ElseClause(Row));
}
