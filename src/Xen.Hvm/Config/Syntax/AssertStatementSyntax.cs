namespace Xen.Hvm.Config.Syntax;

/// <summary><c>assert condition</c> or <c>assert condition, message</c>.</summary>
public sealed class AssertStatementSyntax : StatementSyntax
{
    internal AssertStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the message, or <see langword="null"/>.</summary>
    public ValueSyntax? Message => ChildOrNull<ValueSyntax>(Data.AssertMessage(Row));
}
