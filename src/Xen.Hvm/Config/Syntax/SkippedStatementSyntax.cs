namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// A statement the parser could not read, kept verbatim up to the end of its line (where xl's parser resumes too).
/// A diagnostic says why.
/// </summary>
public sealed class SkippedStatementSyntax : StatementSyntax
{
    internal SkippedStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the tokens of the statement.</summary>
    public IReadOnlyList<SyntaxToken> Tokens => DescendantTokens().ToArray();
}
