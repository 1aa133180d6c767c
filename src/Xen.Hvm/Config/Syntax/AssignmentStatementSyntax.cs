namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// An assignment that is not a simple setting: several targets (<c>a = b = 1</c>), a tuple target (<c>a, b = t</c>),
/// an attribute or subscript target (<c>x[0] = 1</c>), or an augmented assignment other than <c>name += value</c>.
/// </summary>
public sealed class AssignmentStatementSyntax : StatementSyntax
{
    internal AssignmentStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the targets, left to right.</summary>
    public IReadOnlyList<ValueSyntax> Targets => Children<ValueSyntax>(Data.AssignmentTargets(Row));

    /// <summary>Gets the assigned value.</summary>
    public ValueSyntax Value => Child<ValueSyntax>(Data.AssignmentValue(Row));

    /// <summary>Gets the first operator token (<c>=</c>, <c>+=</c>, <c>-=</c>...).</summary>
    public SyntaxToken OperatorToken => TokenAt(Data.AssignmentOperatorToken(Row));

    /// <summary>Gets a value indicating whether this is an augmented assignment (<c>x -= 1</c>).</summary>
    public bool IsAugmented => OperatorToken.Kind != SyntaxKind.EqualsToken;
}
