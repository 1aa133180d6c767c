namespace Xen.Hvm.Config.Syntax;

/// <summary><c>pass</c>, <c>break</c> or <c>continue</c>.</summary>
public sealed class KeywordStatementSyntax : StatementSyntax
{
    internal KeywordStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the keyword token.</summary>
    public SyntaxToken Keyword => FirstToken;
}
