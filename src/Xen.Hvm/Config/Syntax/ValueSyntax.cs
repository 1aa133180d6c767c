namespace Xen.Hvm.Config.Syntax;

/// <summary>A value: a string, a number or a list.</summary>
public abstract class ValueSyntax : SyntaxNode
{
    private protected ValueSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>
    /// Gets a value indicating whether the value is written as a constant (always for xl; for xm, literals, lists of
    /// constants, negative numbers and joined strings) rather than computed.
    /// </summary>
    public bool IsConstant => LiteralReader.Read(SyntaxTree, Row) is not null;

    /// <summary>
    /// Returns the value as written: for xl strings decoded, numbers as their text, lists recursively; for xm the
    /// Python value of a constant (numbers are <see cref="ConfigInteger"/> or <see cref="ConfigFloat"/>).
    /// </summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">An xm value is computed (<see cref="IsConstant"/> is false); evaluate the document instead.</exception>
    public abstract ConfigValue ToValue();

    /// <summary>Reads the value as written; throws when it is computed.</summary>
    private protected ConfigValue ReadLiteral() => LiteralReader.Read(SyntaxTree, Row)
        ?? throw new InvalidOperationException(Kind == SyntaxKind.NumberLiteral
            ? $"'{ToString()}' is not an int or float that fits a config value."
            : $"'{ToString()}' is computed; evaluate the document (ConfigDocument.Evaluate) to get its value.");
}
