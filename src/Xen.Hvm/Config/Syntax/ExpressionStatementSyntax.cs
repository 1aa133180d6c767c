namespace Xen.Hvm.Config.Syntax;

/// <summary>An expression used as a statement: <c>xm_vars.check()</c>, <c>disk.append('...')</c>.</summary>
public sealed class ExpressionStatementSyntax : StatementSyntax
{
    internal ExpressionStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the expression.</summary>
    public ValueSyntax Expression => Child<ValueSyntax>(Data.Operand(Row));
}
