namespace Xen.Hvm.Config.Syntax;

/// <summary><c>del a, b[0]</c>.</summary>
public sealed class DelStatementSyntax : StatementSyntax
{
    internal DelStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the deleted target (a tuple when several are listed).</summary>
    public ValueSyntax Target => Child<ValueSyntax>(Data.Operand(Row));
}
