namespace Xen.Hvm.Config.Syntax;

/// <summary><c>return</c> or <c>return value</c>.</summary>
public sealed class ReturnStatementSyntax : StatementSyntax
{
    internal ReturnStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the returned expression, or <see langword="null"/>.</summary>
    public ValueSyntax? Expression => ChildOrNull<ValueSyntax>(Data.ReturnValue(Row));
}
