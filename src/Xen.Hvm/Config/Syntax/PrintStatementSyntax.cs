namespace Xen.Hvm.Config.Syntax;

/// <summary><c>print a, b</c> (Python 2's print statement), possibly <c>print &gt;&gt; f, a</c>.</summary>
public sealed class PrintStatementSyntax : StatementSyntax
{
    internal PrintStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets a value indicating whether the output is redirected (<c>print &gt;&gt; f, ...</c>); the first child is then the file.</summary>
    public bool HasRedirect => Data.PrintHasRedirect(Row);

    /// <summary>Gets the printed expressions (after the redirect target, if any).</summary>
    public IReadOnlyList<ValueSyntax> Expressions => ChildNodes().Cast<ValueSyntax>().Skip(HasRedirect ? 1 : 0).ToArray();

    /// <summary>Gets a value indicating whether the statement ends with a comma (no line break printed).</summary>
    public bool HasTrailingComma => DescendantTokens().Where(t => t.Kind is not (SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken)).LastOrDefault().Kind == SyntaxKind.CommaToken;
}
