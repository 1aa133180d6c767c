namespace Xen.Hvm.Config.Syntax;

/// <summary><c>elif condition: ...</c></summary>
public sealed class ElifClauseSyntax : SyntaxNode
{
    internal ElifClauseSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));
}
