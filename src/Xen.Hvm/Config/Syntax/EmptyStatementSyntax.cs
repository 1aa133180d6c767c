namespace Xen.Hvm.Config.Syntax;

/// <summary>A statement with nothing but its terminator: a blank line, a comment line or a lone <c>;</c>.</summary>
public sealed class EmptyStatementSyntax : StatementSyntax
{
    internal EmptyStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }
}
