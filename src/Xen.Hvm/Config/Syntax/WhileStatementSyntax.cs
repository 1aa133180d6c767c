namespace Xen.Hvm.Config.Syntax;

/// <summary><c>while condition: ... else: ...</c></summary>
public sealed class WhileStatementSyntax : StatementSyntax
{
    internal WhileStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));

    /// <summary>Gets the <c>else</c> clause, or <see langword="null"/>.</summary>
    public ElseClauseSyntax? Else => ChildOrNull<ElseClauseSyntax>(Data.ElseClause(Row));
}
