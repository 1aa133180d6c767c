namespace Xen.Hvm.Config.Syntax;

/// <summary><c>import a, b.c as d</c>.</summary>
public sealed class ImportStatementSyntax : StatementSyntax
{
    internal ImportStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets each imported module (dotted) with the name it is bound to.</summary>
    public IReadOnlyList<(string Module, string? Alias)> Modules => ImportNames.Read(DescendantTokens().Skip(1));
}
