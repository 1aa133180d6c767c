namespace Xen.Hvm.Config.Syntax;

/// <summary>A function parameter: <c>a</c> or <c>b=1</c>.</summary>
public sealed class ParameterSyntax : SyntaxNode
{
    internal ParameterSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the name token.</summary>
    public SyntaxToken NameToken => FirstToken;

    /// <summary>Gets the name.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the default value, or <see langword="null"/>.</summary>
    public ValueSyntax? Default => ChildOrNull<ValueSyntax>(Data.ParameterDefault(Row));
}
