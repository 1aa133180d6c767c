namespace Xen.Hvm.Config.Syntax;

/// <summary>The root of a config file: its statements in order, then the end-of-file token.</summary>
public sealed class ConfigFileSyntax : SyntaxNode
{
    private IReadOnlyList<StatementSyntax>? _statements;

    internal ConfigFileSyntax(ConfigSyntaxTree tree, int row)
        : base(tree, row, null)
    {
    }

    /// <summary>Gets every statement: settings, empty statements (blank and comment lines) and skipped statements.</summary>
    public IReadOnlyList<StatementSyntax> Statements => _statements ??= ChildNodes().Cast<StatementSyntax>().ToArray();

    /// <summary>Gets the zero-width end-of-file token; its leading trivia hold what follows the last statement.</summary>
    public SyntaxToken EndOfFileToken => LastToken;
}
