namespace Xen.Hvm.Config.Syntax;

/// <summary><c>else: ...</c> of an <c>if</c>, <c>for</c> or <c>while</c>.</summary>
public sealed class ElseClauseSyntax : SyntaxNode
{
    internal ElseClauseSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));
}
