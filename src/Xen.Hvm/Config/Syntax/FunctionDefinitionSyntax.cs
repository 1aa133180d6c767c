namespace Xen.Hvm.Config.Syntax;

/// <summary><c>def name(a, b=1): ...</c></summary>
public sealed class FunctionDefinitionSyntax : StatementSyntax
{
    internal FunctionDefinitionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the function name token.</summary>
    public SyntaxToken NameToken => TokenAt(Data.FunctionNameToken(Row));

    /// <summary>Gets the function name.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the parameters.</summary>
    public IReadOnlyList<ParameterSyntax> Parameters => ChildNodes().OfType<ParameterSyntax>().ToArray();

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));
}
