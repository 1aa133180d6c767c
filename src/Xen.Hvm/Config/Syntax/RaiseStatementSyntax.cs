namespace Xen.Hvm.Config.Syntax;

/// <summary><c>raise</c>, <c>raise E</c> or Python 2's <c>raise E, message</c>.</summary>
public sealed class RaiseStatementSyntax : StatementSyntax
{
    internal RaiseStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the expressions after <c>raise</c> (none, the exception, then optionally its argument and traceback).</summary>
    public IReadOnlyList<ValueSyntax> Expressions => ChildNodes().Cast<ValueSyntax>().ToArray();
}
