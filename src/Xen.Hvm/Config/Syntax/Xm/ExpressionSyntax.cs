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

/// <summary>A name: <c>arch</c>, <c>os</c>, <c>True</c> (Python 2's <c>True</c>, <c>False</c> and <c>None</c> are names).</summary>
public sealed class NameExpressionSyntax : ExpressionSyntax
{
    internal NameExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the identifier token.</summary>
    public SyntaxToken Identifier => FirstToken;

    /// <summary>Gets the name.</summary>
    public string Name => Identifier.Text;
}

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

/// <summary>An expression in parentheses: <c>( expr )</c>.</summary>
public sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the inner expression.</summary>
    public ValueSyntax Expression => Child<ValueSyntax>(Data.Operand(Row));
}

/// <summary>A tuple: <c>(a, b)</c>, <c>()</c>, or a bare <c>a, b</c>. xm ignores top-level tuple variables.</summary>
public sealed class TupleExpressionSyntax : ExpressionSyntax
{
    internal TupleExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<ValueSyntax> Items => ChildNodes().Cast<ValueSyntax>().ToArray();

    /// <summary>Gets a value indicating whether the tuple is written in parentheses.</summary>
    public bool IsParenthesized => FirstToken.Kind == SyntaxKind.OpenParenToken;
}

/// <summary>A dictionary display: <c>{ 'a': 1, 'b': 2 }</c>. xm ignores top-level dictionary variables.</summary>
public sealed class DictionaryExpressionSyntax : ExpressionSyntax
{
    internal DictionaryExpressionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the entries.</summary>
    public IReadOnlyList<DictionaryEntrySyntax> Entries => ChildNodes().Cast<DictionaryEntrySyntax>().ToArray();
}

/// <summary>One <c>key: value</c> entry of a dictionary display.</summary>
public sealed class DictionaryEntrySyntax : SyntaxNode
{
    internal DictionaryEntrySyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the key.</summary>
    public ValueSyntax Key => Child<ValueSyntax>(Data.DictionaryEntryKey(Row));

    /// <summary>Gets the value.</summary>
    public ValueSyntax Value => Child<ValueSyntax>(Data.DictionaryEntryValue(Row));
}
