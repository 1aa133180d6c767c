using System.Runtime.CompilerServices;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Parsing;

/// <summary>
/// The xm grammar: Python 2.7, parsed by recursive descent into the same preorder rows as xl. A statement with a
/// syntax error becomes a skipped statement: its logical line, any indented block after it and any
/// <c>elif</c>/<c>else</c>/<c>except</c>/<c>finally</c> clauses, kept verbatim. A statement with valid Python that
/// the evaluator does not read (class, try, with, exec, decorators, lambda, comprehensions, set displays,
/// backquotes, yield, <c>*args</c>...) is parsed to its end all the same, so a syntax error after such a construct is
/// still found, and is then kept verbatim as a skipped statement (XH4008).
/// </summary>
/// <remarks>
/// Rows are written in preorder. An operator discovered after its left operand (<c>a + b</c>, <c>f(x)</c>,
/// <c>a if c else b</c>) gets its row inserted before the operand's rows; a whole chain of one precedence level is
/// inserted at once, so the cost stays linear in practice. Nesting is bounded as Python 2.7's own parser bounds it:
/// each grammar rule being parsed (<c>test</c>, <c>or_test</c> ... <c>power</c>, <c>atom</c>, <c>trailer</c>,
/// <c>arglist</c>...) takes one entry of a stack of <see cref="MaxStack"/> (pgen's <c>MAXSTACK</c>), so this parser
/// rejects (XH4007) exactly what CPython rejects with "s_push: parser stack overflow": 99 nested empty brackets,
/// 1,480 prefix operators, a 741-operand <c>**</c> chain, 93 nested calls. Every recursive and right-recursive
/// production (<c>**</c>, unary <c>-</c>/<c>+</c>/<c>~</c>/<c>not</c>, brackets, calls, subscripts, conditional
/// expressions, blocks) counts, so recursion never goes deeper than that bound.
/// </remarks>
internal sealed partial class PyParser
{
    /// <summary>The entries of Python 2.7's parser stack (pgen's <c>MAXSTACK</c>): one for each grammar rule being parsed.</summary>
    public const int MaxStack = 1500;

    /// <summary>The most arguments of one call (Python 2.7's compiler: "more than 255 arguments").</summary>
    public const int MaxArguments = 255;

    /// <summary>
    /// The kind of the row of a value the evaluator does not read and that can be hashed (a lambda, a generator
    /// expression, a backquote, a yield). Its statement is always kept as text, so the row never outlives the parse.
    /// </summary>
    private const SyntaxKind OpaqueValue = SyntaxKind.SkippedStatement;

    /// <summary>
    /// The kind of the row of a container display the evaluator does not read (a set display, a comprehension): like a
    /// dictionary display, it cannot be assigned to and cannot be hashed. It never outlives the parse either.
    /// </summary>
    private const SyntaxKind OpaqueContainer = SyntaxKind.DictionaryExpression;

    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly DiagnosticBag _diagnostics;
    private readonly SyntaxData.Writer _rows;
    private ValueBuilder<SyntaxData.ChainEntry> _chain;
    private int _pos;
    private int _lastConsumed;
    /// <summary>
    /// The grammar rules being parsed, as CPython's parser stack holds them. A rule that fails fails its statement,
    /// and <see cref="ParseStatement"/> sets the count back, so only success paths need to give entries back.
    /// </summary>
    private int _stack;
    private int _functionDepth;
    private int _loopDepth;
    private bool _reported;

    /// <summary>Whether the statements being parsed are in a <c>finally</c> clause (and not in a loop inside it): <c>continue</c> may not stand there.</summary>
    private bool _inFinally;

    /// <summary>The first <c>yield</c> of the function being parsed, or -1: a generator, where <c>return</c> may not give a value.</summary>
    private int _scopeYield = -1;

    /// <summary>The first <c>return</c> with a value of the function being parsed, or -1.</summary>
    private int _scopeReturnValue = -1;

    /// <summary>
    /// The first construct of the statement being parsed that the evaluator does not read (its token), or -1: when the
    /// statement parses, it is kept as text and this is reported (XH4008).
    /// </summary>
    private int _noteToken = -1;
    private string? _noteWhat;

    /// <summary>
    /// How many of the enclosing grammar contexts may not run when the statement runs: the right operand of
    /// <c>and</c>/<c>or</c>, the branches of a conditional expression, a lambda's body, the parts of a comprehension
    /// after its first iterable, the operands of a comparison chain after its second, a block.
    /// </summary>
    private int _conditional;

    /// <summary>
    /// The first token of a part of the statement being parsed that raises whenever the statement runs (a set item or
    /// dictionary key that is a set, list or dictionary display: unhashable), or -1.
    /// </summary>
    private int _certainRaise = -1;

    /// <summary>The last token of the part at <see cref="_certainRaise"/> (set with it).</summary>
    private int _certainRaiseLast = -1;

    private PyParser(string text, ValueBuilder<Token> tokens, DiagnosticBag diagnostics)
    {
        _text = text;
        _tokens = tokens.RawArray;
        _diagnostics = diagnostics;
        _rows = new SyntaxData.Writer(SyntaxData.Writer.CapacityFor(tokens.Count));
        _chain = new ValueBuilder<SyntaxData.ChainEntry>(16);
    }

    public static SyntaxData Parse(string text, DiagnosticBag diagnostics)
    {
        ValueBuilder<Token> tokens = PyLexer.Lex(text, diagnostics);
        var parser = new PyParser(text, tokens, diagnostics);
        parser.ParseFile();
        return parser._rows.ToData(text, ref tokens);
    }

    /// <summary>
    /// Reads a statement kept as text (a <see cref="SyntaxKind.SkippedStatement"/> of <paramref name="data"/>) again
    /// and finds the part of it that raises whenever it runs (a set item or dictionary key that is a set, list or
    /// dictionary display, so unhashable: <c>maxmem = {{ MEMORY }}</c>).
    /// </summary>
    /// <param name="data">The rows of an xm document.</param>
    /// <param name="statement">The skipped statement's row.</param>
    /// <param name="inFunction">Whether the statement stands in a function's body (where <c>return</c> and <c>yield</c> may stand).</param>
    /// <returns>The first and last tokens of that part, or (-1, -1) when the statement may run (or does not parse).</returns>
    public static (int First, int Last) FindCertainRaise(SyntaxData data, int statement, bool inFunction)
    {
        int first = data.FirstToken(statement);
        int last = data.LastToken(statement);
        var tokens = new ValueBuilder<Token>(last - first + 2);
        for (int t = first; t <= last; t++)
        {
            tokens.Add(new Token(data.TokenKind(t), data.TokenStart(t), data.TokenLength(t), data.TokenFlags(t)));
        }

        tokens.Add(new Token(SyntaxKind.EndOfFileToken, data.TokenEnd(last), 0));
        var bag = new DiagnosticBag();
        var parser = new PyParser(data.Text, tokens, bag)
        {
            _functionDepth = inFunction ? 1 : 0,
            _loopDepth = 1, // break and continue: checked when the file was parsed
            _pos = -1,
            _stack = 1,
        };
        parser.Advance();
        (int from, int to) = parser.ParseStatement();
        bool parsed = from >= 0 && bag.ErrorCount == 0 && parser.Kind == SyntaxKind.EndOfFileToken;
        parser._rows.Discard();
        return parsed ? (from + first, to + first) : (-1, -1);
    }

    private SyntaxKind Kind => _tokens[_pos].Kind;

    private PyKeyword Keyword => _tokens[_pos].Kind == SyntaxKind.KeywordToken ? (PyKeyword)_tokens[_pos].Flags : PyKeyword.None;

    private void ParseFile()
    {
        int root = _rows.Open(0);
        _pos = -1;
        Advance();
        _lastConsumed = 0;
        _stack = 1; // file_input
        while (Kind != SyntaxKind.EndOfFileToken)
        {
            ParseStatement();
        }

        _rows.Close(root, SyntaxKind.ConfigFile, _pos);
    }

    /// <summary>Moves to the next significant token; trivia and line breaks inside brackets are skipped.</summary>
    private void Advance()
    {
        if (_pos >= 0)
        {
            _lastConsumed = _pos;
        }

        while (true)
        {
            _pos++;
            Token t = _tokens[_pos];
            if (!t.IsTrivia && !(t.Kind == SyntaxKind.NewLineToken && (t.Flags & TokenFlags.Joined) != 0))
            {
                return;
            }
        }
    }

    private int PeekNext() => PeekNext(_pos);

    private int PeekNext(int from)
    {
        int i = from;
        while (true)
        {
            i++;
            Token t = _tokens[i];
            if (t.Kind == SyntaxKind.EndOfFileToken || (!t.IsTrivia && !(t.Kind == SyntaxKind.NewLineToken && (t.Flags & TokenFlags.Joined) != 0)))
            {
                return i;
            }
        }
    }

    // ---- helpers (statements, compound statements and expressions are in PyParser.*.cs)

    /// <summary>Closes an open node at the last token consumed; returns <see langword="true"/>, so a rule can end with it.</summary>
    private bool Close(int node, SyntaxKind kind)
    {
        _rows.Close(node, kind, _lastConsumed);
        return true;
    }

    /// <summary>Remembers where a node that may be wrapped later starts (its first row and token): an operand, before the parser knows whether an operator follows it.</summary>
    private RowMark Mark() => new(_rows.Count, _pos);

    /// <summary>Makes the rows written since <paramref name="mark"/> the children of a new node, which ends at the last token consumed.</summary>
    private void Wrap(RowMark mark, SyntaxKind kind) => _rows.Wrap(mark.Row, kind, mark.Token, _lastConsumed);

    private bool Expect(SyntaxKind kind, string what)
    {
        if (Kind != kind)
        {
            return Error(what, _pos);
        }

        Advance();
        return true;
    }

    private bool Error(string expected, int tokenIndex)
    {
        if (!_reported)
        {
            _reported = true;
            Token t = _tokens[tokenIndex];
            _diagnostics.Add(DiagnosticDescriptors.XmSyntaxError, t.Start, t.Length, expected, Describe(tokenIndex));
        }

        return false;
    }

    /// <summary>
    /// Notes valid Python the evaluator does not read, at the current token; parsing goes on, and when the statement
    /// parses it is kept as text with XH4008.
    /// </summary>
    private void Unsupported(string what) => Unsupported(what, _pos);

    /// <summary>Notes valid Python the evaluator does not read, at <paramref name="token"/>.</summary>
    private void Unsupported(string what, int token)
    {
        if (_noteToken < 0)
        {
            _noteToken = token;
            _noteWhat = what;
        }
    }

    /// <summary>
    /// Whether the rules being parsed still fit Python's parser stack (and, when <paramref name="native"/>, this
    /// thread's stack has room for the recursion); reports XH4007 when they do not.
    /// </summary>
    private bool WithinStack(bool native) =>
        (_stack <= MaxStack && (!native || RuntimeHelpers.TryEnsureSufficientExecutionStack())) || TooDeep();

    private bool TooDeep()
    {
        if (!_reported)
        {
            _reported = true;
            Token t = _tokens[_pos];
            _diagnostics.Add(DiagnosticDescriptors.XmNestingTooDeep, t.Start, t.Length, MaxStack);
        }

        return false;
    }

    /// <summary>Reports what Python 2's compiler rejects with a SyntaxError (XH4010); the statement is kept as text.</summary>
    private bool CompileError(string what, int tokenIndex)
    {
        if (!_reported)
        {
            _reported = true;
            Token t = _tokens[tokenIndex];
            _diagnostics.Add(DiagnosticDescriptors.XmCompileError, t.Start, t.Length, what);
        }

        return false;
    }

    private string Describe(int index)
    {
        Token t = _tokens[index];
        return t.Kind switch
        {
            SyntaxKind.EndOfFileToken => "the end of the file",
            SyntaxKind.NewLineToken => "the end of the line",
            SyntaxKind.IndentToken => "an indent",
            SyntaxKind.DedentToken => "the end of the block",
            _ => "'" + (t.Length > 40 ? _text.Substring(t.Start, 40) + "..." : _text.Substring(t.Start, t.Length)) + "'",
        };
    }

    /// <summary>Where a node starts: the row its subtree will begin at, and its first token.</summary>
    private readonly record struct RowMark(int Row, int Token);
}
