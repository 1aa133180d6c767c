namespace Xen.Hvm.Config.Syntax;

/// <summary>A setting: <c>key = value</c>, or <c>key += value</c> to append to an earlier value.</summary>
public sealed class SettingSyntax : StatementSyntax
{
    internal SettingSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Gets the key token.</summary>
    public SyntaxToken NameToken => FirstToken;

    /// <summary>Gets the key.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the <c>=</c> or <c>+=</c> token.</summary>
    public SyntaxToken OperatorToken => new(Document, Parsing.SyntaxNavigation.NextSignificant(Data, NodeRow.FirstToken));

    /// <summary>Gets a value indicating whether the setting appends (<c>+=</c>) instead of assigning.</summary>
    public bool IsAppend => OperatorToken.Kind == SyntaxKind.PlusEqualsToken;

    /// <summary>Gets the value.</summary>
    public ValueSyntax Value => (ValueSyntax)Document.GetNode(Row + 1, this);
}
