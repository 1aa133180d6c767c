namespace Xen.Hvm.Config.Syntax;

/// <summary>Adjacent string literals, which Python joins: <c>'a' "b"</c>.</summary>
public sealed class ConcatenatedStringSyntax : ExpressionSyntax
{
    internal ConcatenatedStringSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the literals, in order.</summary>
    public IReadOnlyList<StringLiteralSyntax> Parts => ChildNodes().Cast<StringLiteralSyntax>().ToArray();

    /// <summary>Gets the joined value.</summary>
    public string Value => string.Concat(Parts.Select(p => p.Value));
}
