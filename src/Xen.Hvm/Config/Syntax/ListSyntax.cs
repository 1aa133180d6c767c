namespace Xen.Hvm.Config.Syntax;

/// <summary>A bracketed list: <c>[ 'a', 'b', ]</c>. Lists nest and may span lines; a trailing comma is allowed.</summary>
public sealed class ListSyntax : ValueSyntax
{
    private IReadOnlyList<ValueSyntax>? _items;

    internal ListSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the <c>[</c> token.</summary>
    public SyntaxToken OpenBracketToken => FirstToken;

    /// <summary>Gets the <c>]</c> token.</summary>
    public SyntaxToken CloseBracketToken => LastToken;

    /// <summary>Gets the items, in order.</summary>
    public IReadOnlyList<ValueSyntax> Items => _items ??= ChildNodes().Cast<ValueSyntax>().ToArray();

    /// <summary>Gets a value indicating whether the list ends with a comma after its last item.</summary>
    public bool HasTrailingComma => Data.LastChild(Row) is int last and >= 0 && Data.TokenKind(Data.NextNonNewLine(Data.LastToken(last))) == SyntaxKind.CommaToken;

    /// <summary>Gets a value indicating whether the list spans more than one line.</summary>
    public bool IsMultiLine => SyntaxTree.Lines.GetPosition(Span.Start).Line != SyntaxTree.Lines.GetPosition(Span.End).Line;

    /// <inheritdoc/>
    public override ConfigValue ToValue() => ReadLiteral();
}
