namespace Xen.Hvm.Config.Syntax;

/// <summary>A dictionary display: <c>{ 'a': 1, 'b': 2 }</c>. xm ignores top-level dictionary variables.</summary>
public sealed class DictionaryExpressionSyntax : ExpressionSyntax
{
    internal DictionaryExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the entries.</summary>
    public IReadOnlyList<DictionaryEntrySyntax> Entries => ChildNodes().Cast<DictionaryEntrySyntax>().ToArray();
}
