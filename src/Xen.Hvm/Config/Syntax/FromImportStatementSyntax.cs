namespace Xen.Hvm.Config.Syntax;

/// <summary><c>from a import *</c> or <c>from a import b, c as d</c>.</summary>
public sealed class FromImportStatementSyntax : StatementSyntax
{
    internal FromImportStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the module name (dotted, with any leading dots of a relative import).</summary>
    public string Module => string.Concat(DescendantTokens().Skip(1).TakeWhile(t => t.Text != "import").Select(t => t.Text));

    /// <summary>Gets a value indicating whether the statement imports every public name (<c>*</c>).</summary>
    public bool ImportsAll => DescendantTokens().Any(t => t.Kind == SyntaxKind.AsteriskToken);

    /// <summary>Gets the imported names with the name each is bound to; empty for <c>*</c>.</summary>
    public IReadOnlyList<(string Module, string? Alias)> Names =>
        ImportNames.Read(DescendantTokens().SkipWhile(t => t.Text != "import").Skip(1).Where(t => t.Kind is not (SyntaxKind.OpenParenToken or SyntaxKind.CloseParenToken or SyntaxKind.AsteriskToken)));
}
