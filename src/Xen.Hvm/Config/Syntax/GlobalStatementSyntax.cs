namespace Xen.Hvm.Config.Syntax;

/// <summary><c>global a, b</c>.</summary>
public sealed class GlobalStatementSyntax : StatementSyntax
{
    internal GlobalStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the declared names.</summary>
    public IReadOnlyList<string> Names => DescendantTokens().Where(t => t.Kind == SyntaxKind.IdentifierToken).Select(t => t.Text).ToArray();
}
