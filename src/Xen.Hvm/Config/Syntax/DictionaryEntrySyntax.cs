namespace Xen.Hvm.Config.Syntax;

/// <summary>One <c>key: value</c> entry of a dictionary display.</summary>
public sealed class DictionaryEntrySyntax : SyntaxNode
{
    internal DictionaryEntrySyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the key.</summary>
    public ValueSyntax Key => Child<ValueSyntax>(Data.DictionaryEntryKey(Row));

    /// <summary>Gets the value.</summary>
    public ValueSyntax Value => Child<ValueSyntax>(Data.DictionaryEntryValue(Row));
}
