namespace Xen.Hvm.Config.Syntax;

/// <summary>A value: a string, a number or a list.</summary>
public abstract class ValueSyntax : SyntaxNode
{
    private protected ValueSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>
    /// Gets a value indicating whether the value is written as a constant (always for xl; for xm, literals, lists of
    /// constants, negative numbers and joined strings) rather than computed.
    /// </summary>
    public bool IsConstant => Evaluation.XmConstant.TryFold(this, out _);

    /// <summary>
    /// Returns the value as written: for xl strings decoded, numbers as their text, lists recursively; for xm the
    /// Python value of a constant (numbers are <see cref="ConfigInteger"/> or <see cref="ConfigFloat"/>).
    /// </summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">An xm value is computed (<see cref="IsConstant"/> is false); evaluate the document instead.</exception>
    public abstract ConfigValue ToValue();
}
