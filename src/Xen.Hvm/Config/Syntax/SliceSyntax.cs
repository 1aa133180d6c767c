namespace Xen.Hvm.Config.Syntax;

/// <summary>A slice in a subscript: <c>a:b</c>, <c>:b</c>, <c>a::c</c>.</summary>
public sealed class SliceSyntax : SyntaxNode
{
    internal SliceSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the lower bound, or <see langword="null"/>.</summary>
    public ValueSyntax? Lower => Part(0);

    /// <summary>Gets the upper bound, or <see langword="null"/>.</summary>
    public ValueSyntax? Upper => Part(1);

    /// <summary>Gets the step, or <see langword="null"/>.</summary>
    public ValueSyntax? Step => Part(2);

    /// <summary>Gets a value indicating whether the slice has a second colon (<c>a:b:</c>).</summary>
    public bool HasStepColon => OwnTokens().Count(t => t.Kind == SyntaxKind.ColonToken) == 2;

    private ValueSyntax? Part(int index) => ChildOrNull<ValueSyntax>(Data.SlicePart(Row, index));
}
