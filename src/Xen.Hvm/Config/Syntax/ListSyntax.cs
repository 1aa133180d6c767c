namespace Xen.Hvm.Config.Syntax;

/// <summary>A bracketed list: <c>[ 'a', 'b', ]</c>. Lists nest and may span lines; a trailing comma is allowed.</summary>
public sealed class ListSyntax : ValueSyntax
{
    private IReadOnlyList<ValueSyntax>? _items;

    internal ListSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the <c>[</c> token.</summary>
    public SyntaxToken OpenBracketToken => FirstToken;

    /// <summary>Gets the <c>]</c> token.</summary>
    public SyntaxToken CloseBracketToken => LastToken;

    /// <summary>Gets the items, in order.</summary>
    public IReadOnlyList<ValueSyntax> Items => _items ??= ChildNodes().Cast<ValueSyntax>().ToArray();

    /// <summary>Gets a value indicating whether the list ends with a comma after its last item.</summary>
    public bool HasTrailingComma => Items.Count > 0 && Parsing.SyntaxNavigation.NextNonNewLine(Data, Items[^1].LastToken.Index) is var next && Data.Tokens[next].Kind == SyntaxKind.CommaToken;

    /// <summary>Gets a value indicating whether the list spans more than one line.</summary>
    public bool IsMultiLine => Document.Lines.GetPosition(Span.Start).Line != Document.Lines.GetPosition(Span.End).Line;

    /// <inheritdoc/>
    public override ConfigValue ToValue()
    {
        if (Document.Dialect == ConfigDialect.Xm)
        {
            return Evaluation.XmConstant.TryFold(this, out ConfigValue? value)
                ? value
                : throw new InvalidOperationException($"'{ToString()}' is computed; evaluate the document (ConfigDocument.Evaluate) to get its value.");
        }

        var items = new ConfigValue[Items.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = Items[i].ToValue();
        }

        return new ConfigList(items);
    }
}
