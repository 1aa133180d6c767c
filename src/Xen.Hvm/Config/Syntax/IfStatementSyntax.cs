namespace Xen.Hvm.Config.Syntax;

/// <summary><c>if condition: ... elif condition: ... else: ...</c></summary>
public sealed class IfStatementSyntax : StatementSyntax
{
    internal IfStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the body run when the condition is true.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));

    /// <summary>Gets the <c>elif</c> clauses, in order.</summary>
    public IReadOnlyList<ElifClauseSyntax> ElifClauses => Children<SyntaxNode>(Data.IfClauses(Row)).OfType<ElifClauseSyntax>().ToArray();

    /// <summary>Gets the <c>else</c> clause, or <see langword="null"/>.</summary>
    public ElseClauseSyntax? Else => ChildOrNull<ElseClauseSyntax>(Data.ElseClause(Row));
}
