namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// An xm (Python) expression that is not a plain literal: a name, an operator, a call... It is a
/// <see cref="ValueSyntax"/>, so <c>name = expression</c> is a <see cref="SettingSyntax"/> in both dialects.
/// </summary>
public abstract class ExpressionSyntax : ValueSyntax
{
    private protected ExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Returns the value when the expression is constant (<c>-1</c>, <c>'a' 'b'</c>, <c>('x')</c>).</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The value is computed (see <see cref="ValueSyntax.IsConstant"/>); use <see cref="ConfigDocument.Evaluate"/>.</exception>
    public override ConfigValue ToValue() => ReadLiteral();
}
