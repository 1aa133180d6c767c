namespace Xen.Hvm.Config.Syntax;

/// <summary>A value: a string, a number or a list.</summary>
public abstract class ValueSyntax : SyntaxNode
{
    private protected ValueSyntax(ConfigDocument document, int row, SyntaxNode? parent)
        : base(document, row, parent)
    {
    }

    /// <summary>Returns the value as xl reads it: strings decoded, numbers as their text, lists recursively.</summary>
    /// <returns>The value.</returns>
    public abstract ConfigValue ToValue();
}
