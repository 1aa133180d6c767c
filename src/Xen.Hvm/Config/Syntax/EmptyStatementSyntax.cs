namespace Xen.Hvm.Config.Syntax;

/// <summary>A statement with nothing but its terminator: a blank line, a comment line or a lone <c>;</c>.</summary>
public sealed class EmptyStatementSyntax : StatementSyntax
{
    internal EmptyStatementSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }
}
