namespace Xen.Hvm.Config.Syntax;

/// <summary>The body of a compound statement: an indented block (between zero-width indent and dedent tokens) or simple statements on the header's line.</summary>
public sealed class BlockSyntax : SyntaxNode
{
    internal BlockSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the statements of the block.</summary>
    public IReadOnlyList<StatementSyntax> Statements => ChildNodes().Cast<StatementSyntax>().ToArray();

    /// <summary>Gets a value indicating whether the block is indented on its own lines (not on the header's line).</summary>
    public bool IsIndented => FirstToken.Kind == SyntaxKind.IndentToken;
}
