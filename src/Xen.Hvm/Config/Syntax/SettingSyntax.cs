using CommunityToolkit.HighPerformance.Buffers;

namespace Xen.Hvm.Config.Syntax;

/// <summary>A setting: <c>key = value</c>, or <c>key += value</c> to append to an earlier value.</summary>
public sealed class SettingSyntax : StatementSyntax
{
    internal SettingSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the key token.</summary>
    public SyntaxToken NameToken => FirstToken;

    /// <summary>Gets the key (a pooled string: asking again allocates nothing).</summary>
    public string Name => StringPool.Shared.GetOrAdd(Data.TokenText(Data.NameToken(Row)));

    /// <summary>Gets the <c>=</c> or <c>+=</c> token.</summary>
    public SyntaxToken OperatorToken => TokenAt(Data.SettingOperatorToken(Row));

    /// <summary>Gets a value indicating whether the setting appends (<c>+=</c>) instead of assigning.</summary>
    public bool IsAppend => Data.SettingIsAppend(Row);

    /// <summary>Gets the value.</summary>
    public ValueSyntax Value => Child<ValueSyntax>(Data.SettingValue(Row));
}
