namespace Xen.Hvm.Config.Syntax;

/// <summary>A statement of a config file. In xl, a statement ends at a line break or <c>;</c>.</summary>
public abstract class StatementSyntax : SyntaxNode
{
    private protected StatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the line break or <c>;</c> that ends the statement, or <see langword="null"/> for a last statement without one.</summary>
    public SyntaxToken? Terminator
    {
        get
        {
            SyntaxToken last = LastToken;
            return last.Kind is SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken ? last : null;
        }
    }
}
