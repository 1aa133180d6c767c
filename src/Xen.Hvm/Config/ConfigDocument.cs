using System.Text;
using CommunityToolkit.HighPerformance.Buffers;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config;

/// <summary>
/// A parsed config file: a lossless syntax tree (tokens and trivia), its settings in order, its effective values and
/// its diagnostics. <see cref="ToFullString"/> always returns exactly the parsed text, valid or not.
/// </summary>
/// <remarks>
/// <para>Edits (<see cref="SetValue(string, ConfigValue)"/>, <see cref="RemoveSetting"/>, ...) return new documents;
/// every byte they do not touch stays as it was.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed partial class ConfigDocument
{
    private readonly DiagnosticBag _bag;
    private readonly List<EditNote> _editNotes = [];
    private LineMap? _lines;
    private Diagnostic[]? _diagnostics;
    private SyntaxNode?[]? _nodes;
    private SettingSyntax[]? _settings;
    private ConfigValueCollection? _values;
    private string?[]? _decoded;

    internal ConfigDocument(string? path, XenConfigParseOptions options, SyntaxData data, DiagnosticBag bag, ConfigDialect dialect, string dialectReason)
    {
        Path = path;
        Options = options;
        Data = data;
        _bag = bag;
        Dialect = dialect;
        DialectReason = dialectReason;
    }

    internal SyntaxData Data { get; }

    /// <summary>Gets the path or name given when parsing, used in diagnostics; <see langword="null"/> when none was given.</summary>
    public string? Path { get; }

    /// <summary>Gets the options the document was parsed with.</summary>
    public XenConfigParseOptions Options { get; }

    /// <summary>Gets the dialect the text was read as (never <see cref="ConfigDialect.Auto"/>).</summary>
    public ConfigDialect Dialect { get; }

    /// <summary>Gets why the document was read in its <see cref="Dialect"/>, in a short sentence.</summary>
    public string DialectReason { get; }

    /// <summary>Gets the parsed text.</summary>
    public string Text => Data.Text;

    /// <summary>Gets the line map of the text.</summary>
    public LineMap Lines => _lines ??= LineMap.Create(Data.Text);

    /// <summary>Gets the root of the syntax tree.</summary>
    public ConfigFileSyntax Root => (ConfigFileSyntax)GetNode(0, null);

    /// <summary>Gets every setting statement, in text order (skipped statements excluded).</summary>
    public IReadOnlyList<SettingSyntax> Settings => _settings ??= Root.Statements.OfType<SettingSyntax>().ToArray();

    /// <summary>Gets the diagnostics, in text order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ??= _bag.Resolve(Path, Lines);

    /// <summary>Gets a value indicating whether any diagnostic is an error (for xl: whether xl would reject the file).</summary>
    public bool HasErrors => _bag.ErrorCount > 0;

    /// <summary>
    /// Gets the effective value of every key, in order of first appearance: for xl after <c>+=</c> and "last one wins";
    /// for xm, the variables xm hands to xend, evaluated with <see cref="XmEvaluationContext.Default"/> (values that
    /// need the host are left out: use <see cref="Evaluate"/> with a context to get them).
    /// </summary>
    /// <remarks>For a document with errors the values are read from the statements that parsed; xl or xm itself would read none.</remarks>
    public ConfigValueCollection Values => _values ??= Dialect == ConfigDialect.Xm ? Evaluate(XmEvaluationContext.Default).Variables : ComputeValues();

    /// <summary>
    /// Evaluates the document the way xm did (Python 2 <c>execfile</c> with xm's pre-seeded namespace), without running
    /// anything: no I/O, processes, reflection, network or environment access; host questions are answered by
    /// <paramref name="context"/>, and evaluation is bounded in steps and memory.
    /// </summary>
    /// <param name="context">The host profile, answers and command-line variables.</param>
    /// <returns>The variables xm would hand to xend, the unknown ones, and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <remarks>An xl document is read again as xm to be evaluated.</remarks>
    public XmEvaluationResult Evaluate(XmEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ConfigDocument doc = Dialect == ConfigDialect.Xm ? this : XenConfig.Parse(Data.Text, Path, Options with { Dialect = ConfigDialect.Xm });
        return Evaluation.XmInterpreter.Run(doc, context);
    }

    /// <summary>Returns every setting of a key, in text order.</summary>
    /// <param name="name">The key.</param>
    /// <returns>The settings; empty when the key is not set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public IEnumerable<SettingSyntax> GetSettings(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Settings.Where(s => string.Equals(s.Name, name, StringComparison.Ordinal));
    }

    /// <summary>Returns the text, exactly as parsed (or as edited).</summary>
    /// <returns>The text.</returns>
    public string ToFullString() => Data.Text;

    /// <summary>Returns the text, exactly as parsed.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Data.Text;

    /// <summary>Writes the text to a writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Data.Text);
    }

    /// <summary>
    /// Returns the bytes of the document: UTF-8, with every byte that was not valid UTF-8 when loaded restored as it was,
    /// so an unedited loaded document gives back exactly the bytes of its file.
    /// </summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes() => Internal.ByteText.Encode(Data.Text);

    /// <summary>Writes the bytes of <see cref="ToBytes"/> to a stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes());
    }

    internal SourceLocation GetLocation(TextSpan span) => SourceLocation.Create(Path, span, Lines);

    /// <summary>
    /// Returns the decoded value of a string token. Each token is decoded once: <see cref="Values"/>, the syntax nodes
    /// and the xm evaluator share the result (a benign race may decode a token twice, never differently).
    /// </summary>
    internal string DecodeString(int tokenIndex)
    {
        string?[] cache = _decoded ?? Interlocked.CompareExchange(ref _decoded, new string?[Data.TokenCount], null) ?? _decoded!;
        string? value = cache[tokenIndex];
        if (value is null)
        {
            Token t = Data.Tokens[tokenIndex];
            value = Dialect == ConfigDialect.Xm
                ? PyString.Decode(Data.TokenText(tokenIndex), (t.Flags & TokenFlags.Unterminated) != 0)
                : XlString.Decode(Data.TokenText(tokenIndex), (t.Flags & TokenFlags.HasEscapes) != 0);
            Volatile.Write(ref cache[tokenIndex], value);
        }

        return value;
    }

    /// <summary>
    /// Returns the node view of a row. A view asked for without its parent (by the evaluator) is not cached, so the
    /// views the tree hands out always know their parent.
    /// </summary>
    internal SyntaxNode GetNode(int row, SyntaxNode? parent)
    {
        SyntaxNode?[] nodes = _nodes ?? Interlocked.CompareExchange(ref _nodes, new SyntaxNode?[Data.RowCount], null) ?? _nodes!;
        SyntaxNode? node = nodes[row];
        if (node is not null)
        {
            return node;
        }

        if (parent is null && row != 0)
        {
            return CreateNode(row, null);
        }

        node = CreateNode(row, parent);
        return Interlocked.CompareExchange(ref nodes[row], node, null) ?? node;
    }

    private SyntaxNode CreateNode(int row, SyntaxNode? parent)
    {
        SyntaxNode node;

        node = Data.Rows[row].Kind switch
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
        return node;
    }

    /// <summary>Reads the value at a row without recursion (lists may nest 100,000 deep).</summary>
    internal ConfigValue ReadValue(int row)
    {
        NodeRow r = Data.Rows[row];
        if (r.Kind != SyntaxKind.List)
        {
            return ReadAtom(row);
        }

        // Fast path: a list of strings and numbers only (most disk/vif/pci lists).
        if (HasOnlyAtoms(row))
        {
            var items = new ConfigValue[r.RowCount - 1];
            for (int k = 0; k < items.Length; k++)
            {
                items[k] = ReadAtom(row + 1 + k);
            }

            return new ConfigList(items, owned: true);
        }

        var stack = new Stack<(List<ConfigValue> Items, int End)>();
        stack.Push(([], row + r.RowCount));
        int i = row + 1;
        while (true)
        {
            while (i >= stack.Peek().End)
            {
                var frame = stack.Pop();
                var list = new ConfigList(frame.Items);
                if (stack.Count == 0)
                {
                    return list;
                }

                stack.Peek().Items.Add(list);
            }

            NodeRow child = Data.Rows[i];
            if (child.Kind == SyntaxKind.List)
            {
                stack.Push(([], i + child.RowCount));
            }
            else
            {
                stack.Peek().Items.Add(ReadAtom(i));
            }

            i++;
        }
    }

    private bool HasOnlyAtoms(int row)
    {
        int end = row + Data.Rows[row].RowCount;
        for (int child = row + 1; child < end; child++)
        {
            if (Data.Rows[child].Kind == SyntaxKind.List)
            {
                return false;
            }
        }

        return true;
    }

    private ConfigString ReadAtom(int row)
    {
        int token = Data.Rows[row].FirstToken;
        return Data.Rows[row].Kind == SyntaxKind.StringLiteral
            ? new ConfigString(DecodeString(token))
            : new ConfigString(Data.TokenText(token).ToString());
    }

    /// <summary>
    /// xl's effective values: "last one wins", and <c>+=</c> appends to the value before it. A chain of appends is
    /// gathered in a builder and materialized once, so a million <c>x += "a"</c> lines cost linear time, not the
    /// quadratic time of concatenating the whole value again at each line.
    /// </summary>
    private ConfigValueCollection ComputeValues()
    {
        var pending = new List<(string Name, ValueAccumulator Value)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        NodeRow[] rows = Data.Rows;
        int end = rows[0].RowCount;
        for (int row = 1; row < end; row += rows[row].RowCount)
        {
            NodeRow r = rows[row];
            if (r.Kind != SyntaxKind.Setting)
            {
                continue;
            }

            string name = StringPool.Shared.GetOrAdd(Data.TokenText(r.FirstToken));
            bool append = Data.Tokens[SyntaxNavigation.NextSignificant(Data, r.FirstToken)].Kind == SyntaxKind.PlusEqualsToken;
            ConfigValue value = ReadValue(row + 1);
            if (index.TryGetValue(name, out int at))
            {
                if (append)
                {
                    _ = pending[at].Value.TryAppend(value); // false: XH2006 was reported; libxlu keeps nothing of it
                }
                else
                {
                    pending[at].Value.Reset(value);
                }
            }
            else
            {
                index[name] = pending.Count;
                pending.Add((name, new ValueAccumulator(value)));
            }
        }

        var items = new List<KeyValuePair<string, ConfigValue>>(pending.Count);
        foreach (var (name, value) in pending)
        {
            items.Add(new(name, value.ToValue()));
        }

        return new ConfigValueCollection(items, index);
    }

    /// <summary>The value of one key while the settings are read: a value, or the parts a <c>+=</c> chain adds to it.</summary>
    private sealed class ValueAccumulator(ConfigValue value)
    {
        private ConfigValue _value = value;
        private StringBuilder? _text;
        private List<ConfigValue>? _items;

        public void Reset(ConfigValue value)
        {
            _value = value;
            _text = null;
            _items = null;
        }

        /// <summary>Appends a string to a string or a list to a list; returns false for a mix, which libxlu rejects.</summary>
        public bool TryAppend(ConfigValue value)
        {
            switch (_value, value)
            {
                case (ConfigString first, ConfigString next):
                    (_text ??= new StringBuilder(first.Value)).Append(next.Value);
                    return true;
                case (ConfigList first, ConfigList next):
                    (_items ??= [.. first.Items]).AddRange(next.Items);
                    return true;
                default:
                    return false;
            }
        }

        public ConfigValue ToValue() =>
            _text is not null ? new ConfigString(_text.ToString())
            : _items is not null ? new ConfigList(_items.ToArray(), owned: true)
            : _value;
    }
}
