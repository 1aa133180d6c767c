namespace Xen.Hvm.Config.Syntax;

/// <summary>The body of a compound statement: an indented block (between zero-width indent and dedent tokens) or simple statements on the header's line.</summary>
public sealed class BlockSyntax : SyntaxNode
{
    internal BlockSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the statements of the block.</summary>
    public IReadOnlyList<StatementSyntax> Statements => ChildNodes().Cast<StatementSyntax>().ToArray();

    /// <summary>Gets a value indicating whether the block is indented on its own lines (not on the header's line).</summary>
    public bool IsIndented => FirstToken.Kind == SyntaxKind.IndentToken;
}

/// <summary><c>if condition: ... elif condition: ... else: ...</c></summary>
public sealed class IfStatementSyntax : StatementSyntax
{
    internal IfStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the body run when the condition is true.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));

    /// <summary>Gets the <c>elif</c> clauses, in order.</summary>
    public IReadOnlyList<ElifClauseSyntax> ElifClauses => Children<SyntaxNode>(Data.IfClauses(Row)).OfType<ElifClauseSyntax>().ToArray();

    /// <summary>Gets the <c>else</c> clause, or <see langword="null"/>.</summary>
    public ElseClauseSyntax? Else => ChildOrNull<ElseClauseSyntax>(Data.ElseClause(Row));
}

/// <summary><c>elif condition: ...</c></summary>
public sealed class ElifClauseSyntax : SyntaxNode
{
    internal ElifClauseSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));
}

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

/// <summary><c>while condition: ... else: ...</c></summary>
public sealed class WhileStatementSyntax : StatementSyntax
{
    internal WhileStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));

    /// <summary>Gets the <c>else</c> clause, or <see langword="null"/>.</summary>
    public ElseClauseSyntax? Else => ChildOrNull<ElseClauseSyntax>(Data.ElseClause(Row));
}

/// <summary><c>for target in iterable: ... else: ...</c></summary>
public sealed class ForStatementSyntax : StatementSyntax
{
    internal ForStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the loop target (a tuple for <c>for a, b in ...</c>).</summary>
    public ValueSyntax Target => Child<ValueSyntax>(Data.ForTarget(Row));

    /// <summary>Gets the iterated expression.</summary>
    public ValueSyntax Iterable => Child<ValueSyntax>(Data.ForIterable(Row));

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));

    /// <summary>Gets the <c>else</c> clause, or <see langword="null"/>.</summary>
    public ElseClauseSyntax? Else => ChildOrNull<ElseClauseSyntax>(Data.ElseClause(Row));
}

/// <summary><c>def name(a, b=1): ...</c></summary>
public sealed class FunctionDefinitionSyntax : StatementSyntax
{
    internal FunctionDefinitionSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the function name token.</summary>
    public SyntaxToken NameToken => TokenAt(Data.FunctionNameToken(Row));

    /// <summary>Gets the function name.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the parameters.</summary>
    public IReadOnlyList<ParameterSyntax> Parameters => ChildNodes().OfType<ParameterSyntax>().ToArray();

    /// <summary>Gets the body.</summary>
    public BlockSyntax Body => Child<BlockSyntax>(Data.Body(Row));
}

/// <summary>A function parameter: <c>a</c> or <c>b=1</c>.</summary>
public sealed class ParameterSyntax : SyntaxNode
{
    internal ParameterSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the name token.</summary>
    public SyntaxToken NameToken => FirstToken;

    /// <summary>Gets the name.</summary>
    public string Name => NameToken.Text;

    /// <summary>Gets the default value, or <see langword="null"/>.</summary>
    public ValueSyntax? Default => ChildOrNull<ValueSyntax>(Data.ParameterDefault(Row));
}
