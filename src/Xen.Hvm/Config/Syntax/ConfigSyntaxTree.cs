using Xen.Hvm.Config.Internal;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// The lossless syntax tree of one config text in one dialect: the text, its tokens and trivia, and its nodes. Node
/// objects are thin views created on demand; concatenating every token and trivia gives back the text.
/// </summary>
/// <remarks>
/// <para>A tree holds no diagnostics and knows nothing of documents: <see cref="ConfigDocument"/> puts a tree together
/// with the diagnostics of its parse and of the edits that made it.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class ConfigSyntaxTree
{
    private LineMap? _lines;
    private SyntaxNode?[]? _nodes;
    private string?[]? _decoded;

    internal ConfigSyntaxTree(SyntaxData data, ConfigDialect dialect, string? path)
    {
        Data = data;
        Dialect = dialect;
        Path = path;
    }

    internal SyntaxData Data { get; }

    /// <summary>Gets the path or name given when parsing, used in locations; <see langword="null"/> when none was given.</summary>
    public string? Path { get; }

    /// <summary>Gets the dialect the text was read as: <see cref="ConfigDialect.Xl"/> or <see cref="ConfigDialect.Xm"/>.</summary>
    public ConfigDialect Dialect { get; }

    /// <summary>Gets the text.</summary>
    public string Text => Data.Text;

    /// <summary>Gets the line map of the text.</summary>
    public LineMap Lines => _lines ??= LineMap.Create(Data.Text);

    /// <summary>Gets the root node.</summary>
    public ConfigFileSyntax Root => (ConfigFileSyntax)GetNode(SyntaxData.Root, null);

    /// <summary>Returns where a span of the text is.</summary>
    /// <param name="span">The span.</param>
    /// <returns>The location, with <see cref="Path"/> and line positions.</returns>
    public SourceLocation GetLocation(TextSpan span) => SourceLocation.Create(Path, span, Lines);

    /// <summary>
    /// Returns the decoded value of a string token. Each token is decoded once: the values, the syntax nodes and the
    /// xm evaluator share the result (a benign race may decode a token twice, never differently).
    /// </summary>
    internal string DecodeString(int token)
    {
        string?[] cache = _decoded ?? Interlocked.CompareExchange(ref _decoded, new string?[Data.TokenCount], null) ?? _decoded!;
        string? value = cache[token];
        if (value is null)
        {
            value = Dialect == ConfigDialect.Xm
                ? PyString.Decode(Data.TokenText(token), (Data.TokenFlags(token) & TokenFlags.Unterminated) != 0)
                : XlString.Decode(Data.TokenText(token), (Data.TokenFlags(token) & TokenFlags.HasEscapes) != 0);
            Volatile.Write(ref cache[token], value);
        }

        return value;
    }

    /// <summary>
    /// Returns the node view of a row. A view asked for without its parent (by the evaluator) is not cached, so the
    /// views the tree hands out always know their parent.
    /// </summary>
    internal SyntaxNode GetNode(int node, SyntaxNode? parent)
    {
        SyntaxNode?[] nodes = _nodes ?? Interlocked.CompareExchange(ref _nodes, new SyntaxNode?[Data.RowCount], null) ?? _nodes!;
        SyntaxNode? view = nodes[node];
        if (view is not null)
        {
            return view;
        }

        if (parent is null && node != SyntaxData.Root)
        {
            return CreateNode(node, null);
        }

        view = CreateNode(node, parent);
        return Interlocked.CompareExchange(ref nodes[node], view, null) ?? view;
    }

    private SyntaxNode CreateNode(int row, SyntaxNode? parent) => Data.Kind(row) switch
    {
        SyntaxKind.ConfigFile => new ConfigFileSyntax(this, row),
        SyntaxKind.Setting => new SettingSyntax(this, row, parent),
        SyntaxKind.EmptyStatement => new EmptyStatementSyntax(this, row, parent),
        SyntaxKind.SkippedStatement => new SkippedStatementSyntax(this, row, parent),
        SyntaxKind.StringLiteral => new StringLiteralSyntax(this, row, parent),
        SyntaxKind.NumberLiteral => new NumberLiteralSyntax(this, row, parent),
        SyntaxKind.List => new ListSyntax(this, row, parent),
        SyntaxKind.NameExpression => new NameExpressionSyntax(this, row, parent),
        SyntaxKind.ConcatenatedString => new ConcatenatedStringSyntax(this, row, parent),
        SyntaxKind.ParenthesizedExpression => new ParenthesizedExpressionSyntax(this, row, parent),
        SyntaxKind.TupleExpression => new TupleExpressionSyntax(this, row, parent),
        SyntaxKind.DictionaryExpression => new DictionaryExpressionSyntax(this, row, parent),
        SyntaxKind.DictionaryEntry => new DictionaryEntrySyntax(this, row, parent),
        SyntaxKind.UnaryExpression => new UnaryExpressionSyntax(this, row, parent),
        SyntaxKind.BinaryExpression => new BinaryExpressionSyntax(this, row, parent),
        SyntaxKind.ComparisonExpression => new ComparisonExpressionSyntax(this, row, parent),
        SyntaxKind.ConditionalExpression => new ConditionalExpressionSyntax(this, row, parent),
        SyntaxKind.MemberAccessExpression => new MemberAccessExpressionSyntax(this, row, parent),
        SyntaxKind.CallExpression => new CallExpressionSyntax(this, row, parent),
        SyntaxKind.KeywordArgument => new KeywordArgumentSyntax(this, row, parent),
        SyntaxKind.SubscriptExpression => new SubscriptExpressionSyntax(this, row, parent),
        SyntaxKind.Slice => new SliceSyntax(this, row, parent),
        SyntaxKind.ExpressionStatement => new ExpressionStatementSyntax(this, row, parent),
        SyntaxKind.AssignmentStatement => new AssignmentStatementSyntax(this, row, parent),
        SyntaxKind.ImportStatement => new ImportStatementSyntax(this, row, parent),
        SyntaxKind.FromImportStatement => new FromImportStatementSyntax(this, row, parent),
        SyntaxKind.KeywordStatement => new KeywordStatementSyntax(this, row, parent),
        SyntaxKind.PrintStatement => new PrintStatementSyntax(this, row, parent),
        SyntaxKind.ReturnStatement => new ReturnStatementSyntax(this, row, parent),
        SyntaxKind.RaiseStatement => new RaiseStatementSyntax(this, row, parent),
        SyntaxKind.GlobalStatement => new GlobalStatementSyntax(this, row, parent),
        SyntaxKind.DelStatement => new DelStatementSyntax(this, row, parent),
        SyntaxKind.AssertStatement => new AssertStatementSyntax(this, row, parent),
        SyntaxKind.IfStatement => new IfStatementSyntax(this, row, parent),
        SyntaxKind.ElifClause => new ElifClauseSyntax(this, row, parent),
        SyntaxKind.ElseClause => new ElseClauseSyntax(this, row, parent),
        SyntaxKind.WhileStatement => new WhileStatementSyntax(this, row, parent),
        SyntaxKind.ForStatement => new ForStatementSyntax(this, row, parent),
        SyntaxKind.FunctionDefinition => new FunctionDefinitionSyntax(this, row, parent),
        SyntaxKind.Parameter => new ParameterSyntax(this, row, parent),
        SyntaxKind.Block => new BlockSyntax(this, row, parent),
        var k => throw new InvalidOperationException($"No node class for {k}."),
    };
}
