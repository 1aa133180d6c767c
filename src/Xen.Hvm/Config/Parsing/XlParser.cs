using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Parsing;

/// <summary>
/// The xl grammar of libxlu's <c>libxlu_cfg_y.y</c> as a recursive descent parser with an explicit stack for lists
/// (so 100,000 nested brackets cannot overflow the stack). A statement with a syntax error becomes a skipped statement
/// up to the next line break, as bison's <c>error NEWLINE</c> rule recovers.
/// </summary>
internal sealed class XlParser
{
    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly int _tokenCount;
    private readonly DiagnosticBag _diagnostics;
    private readonly SyntaxData.Writer _rows;
    private int _pos;
    private int _lastConsumed;
    private Stack<(int Row, int Base)>? _open;

    /// <summary>Whether the statement being parsed has exhausted bison's stack (XH1014).</summary>
    private bool _stackExhausted;

    /// <summary>Whether parsing stops after the statement of the first syntax error (see <see cref="TryParse"/>).</summary>
    private readonly bool _stopAtFirstError;

    private bool _failed;

    private XlParser(string text, ValueBuilder<Token> tokens, DiagnosticBag diagnostics, bool stopAtFirstError)
    {
        _text = text;
        _tokens = tokens.RawArray;
        _tokenCount = tokens.Count;
        _diagnostics = diagnostics;
        _stopAtFirstError = stopAtFirstError;
        _rows = new SyntaxData.Writer(SyntaxData.Writer.CapacityFor(_tokenCount));
    }

    public static SyntaxData Parse(string text, DiagnosticBag diagnostics, out bool likelyPython) =>
        TryParse(text, diagnostics, stopAtFirstError: false, out likelyPython, out _)!;

    /// <summary>
    /// Parses xl; with <paramref name="stopAtFirstError"/>, gives up after the statement of the first syntax error
    /// and returns <see langword="null"/>: the lexer too stops after its first error (the parser then meets the end of
    /// the file there), so the diagnostics hold the lexer's first and the parser's first, the earlier of which is the
    /// first syntax error by position, as it is in a full parse (tokens are lexed left to right, statements are parsed
    /// in order, and each reports its errors left to right, at the token it stands on; a parser error at the lexer's
    /// stop ties with the lexer's, and the caller then parses in full). <c>+=</c> type checks
    /// (<paramref name="hasPlusEquals"/>, of the text lexed) need the whole tree, so they are not run then.
    /// </summary>
    public static SyntaxData? TryParse(string text, DiagnosticBag diagnostics, bool stopAtFirstError, out bool likelyPython, out bool hasPlusEquals)
    {
        ValueBuilder<Token> tokens = XlLexer.Lex(text, diagnostics, stopAtFirstError, out likelyPython, out hasPlusEquals, out bool truncated);
        var parser = new XlParser(text, tokens, diagnostics, stopAtFirstError);
        parser.ParseFile();
        if (stopAtFirstError && (parser._failed || truncated))
        {
            parser._rows.Discard();
            tokens.Return();
            return null;
        }

        SyntaxData data = parser._rows.ToData(text, ref tokens);
        if (hasPlusEquals)
        {
            CheckAppendTypes(data, diagnostics);
        }

        return data;
    }

    private SyntaxKind Kind => _tokens[_pos].Kind;

    private void ParseFile()
    {
        int root = _rows.Open(0);
        _pos = -1;
        _lastConsumed = 0;
        Advance();
        while (Kind != SyntaxKind.EndOfFileToken)
        {
            ParseStatement();
            if (_failed && _stopAtFirstError)
            {
                return;
            }
        }

        _rows.Close(root, SyntaxKind.ConfigFile, _pos);
    }

    private void Advance()
    {
        if (_pos >= 0)
        {
            _lastConsumed = _pos;
        }

        do
        {
            _pos++;
        }
        while (_tokens[_pos].IsTrivia);
    }

    private void ParseStatement()
    {
        int start = _pos;
        int row = _rows.Count;
        switch (Kind)
        {
            case SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken:
                _rows.Leaf(SyntaxKind.EmptyStatement, start);
                Advance();
                return;
            case SyntaxKind.IdentifierToken:
                break;
            default:
                Error(DiagnosticDescriptors.ExpectedKey, Describe(_pos));
                Recover(row, start);
                return;
        }

        _rows.Open(start);
        Advance();
        if (Kind is not (SyntaxKind.EqualsToken or SyntaxKind.PlusEqualsToken))
        {
            Error(DiagnosticDescriptors.ExpectedAssignmentOperator, _text.Substring(_tokens[start].Start, _tokens[start].Length), Describe(_pos));
            Recover(row, start);
            return;
        }

        Advance();
        _stackExhausted = false;
        if (!ParseValue())
        {
            Recover(row, start);
            return;
        }

        int last;
        switch (Kind)
        {
            case SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken:
                last = _pos;
                Advance();
                break;
            case SyntaxKind.EndOfFileToken:
                last = _lastConsumed; // "file: stmts assignment": the last statement needs no terminator
                break;
            default:
                Error(DiagnosticDescriptors.ExpectedEndOfStatement, _text.Substring(_tokens[start].Start, _tokens[start].Length), Describe(_pos));
                Recover(row, start);
                return;
        }

        if (_stackExhausted)
        {
            // libxlu gives up on the file there ("memory exhausted"); the statement is kept as text, every byte of it.
            _rows.Truncate(row);
            _rows.Leaf(SyntaxKind.SkippedStatement, start, last);
            return;
        }

        _rows.Close(row, SyntaxKind.Setting, last);
    }

    private bool ParseValue()
    {
        switch (Kind)
        {
            case SyntaxKind.StringToken:
                _rows.Leaf(SyntaxKind.StringLiteral, _pos);
                Advance();
                return true;
            case SyntaxKind.NumberToken:
                _rows.Leaf(SyntaxKind.NumberLiteral, _pos);
                Advance();
                return true;
            case SyntaxKind.OpenBracketToken:
                return ParseList();
            default:
                Error(DiagnosticDescriptors.ExpectedValue, Describe(_pos));
                return false;
        }
    }

    /// <summary>
    /// The most grammar symbols libxlu's bison parser holds at once: its stack has <c>YYMAXDEPTH</c> = 10,000 entries,
    /// one per symbol plus the initial state, and it reports "memory exhausted" when a push would fill the last one.
    /// </summary>
    public const int MaxParserSymbols = 9998;

    /// <summary>The symbols on bison's stack below a setting's value: <c>stmts IDENT '='</c> (<c>+=</c> is one token).</summary>
    private const int ValueBase = 3;

    // '[' nlok valuelist ']' with valuelist: empty | values | values ',' nlok, and values: value nlok | values ','
    // nlok value nlok; iterative to bound the stack. Alongside, the depth of bison's stack is followed exactly (see
    // CheckParserStack), so that what libxlu rejects as "memory exhausted" is rejected here too.
    private bool ParseList()
    {
        Stack<(int Row, int Base)> open = _open ??= new Stack<(int Row, int Base)>();
        open.Clear();
        _stackExhausted = false;
        int listBase = ValueBase;
        bool afterComma = false;
        open.Push((_rows.Open(_pos), listBase));
        CheckParserStack(listBase + 2, open.Count); // '[' nlok
        int nlok = listBase + 2;
        Advance();
        bool expectValue = true;
        while (true)
        {
            while (Kind == SyntaxKind.NewLineToken)
            {
                CheckParserStack(nlok + 1, open.Count); // nlok NEWLINE, reduced to nlok
                Advance();
            }

            SyntaxKind kind = Kind;
            int elementBase = listBase + (afterComma ? 5 : 2); // '[' nlok, or '[' nlok values ',' nlok
            if (kind == SyntaxKind.CloseBracketToken)
            {
                CheckParserStack(listBase + 4, open.Count); // '[' nlok valuelist ']'
                _rows.Close(open.Pop().Row, SyntaxKind.List, _pos);
                Advance();
                if (open.Count == 0)
                {
                    return true;
                }

                // The list is a value of the enclosing list: its first one, or one after a comma.
                afterComma = listBase - open.Peek().Base == 5;
                listBase = open.Peek().Base;
                nlok = listBase + (afterComma ? 5 : 2) + 2; // value nlok
                expectValue = false;
                continue;
            }

            if (expectValue)
            {
                switch (kind)
                {
                    case SyntaxKind.StringToken:
                        _rows.Leaf(SyntaxKind.StringLiteral, _pos);
                        break;
                    case SyntaxKind.NumberToken:
                        _rows.Leaf(SyntaxKind.NumberLiteral, _pos);
                        break;
                    case SyntaxKind.OpenBracketToken:
                        listBase = elementBase;
                        afterComma = false;
                        open.Push((_rows.Open(_pos), listBase));
                        CheckParserStack(listBase + 2, open.Count);
                        nlok = listBase + 2;
                        Advance();
                        continue;
                    default:
                        Error(DiagnosticDescriptors.ExpectedValue, Describe(_pos));
                        return false;
                }

                CheckParserStack(elementBase + 2, open.Count); // value nlok
                nlok = elementBase + 2;
                Advance();
                expectValue = false;
                continue;
            }

            if (kind == SyntaxKind.CommaToken)
            {
                CheckParserStack(listBase + 5, open.Count); // '[' nlok values ',' nlok
                nlok = listBase + 5;
                afterComma = true;
                Advance();
                expectValue = true;
                continue;
            }

            int listStart = _tokens[_rows.FirstToken(open.Peek().Row)].Start;
            Error(DiagnosticDescriptors.ExpectedCommaOrCloseBracket, new OffsetArgument(listStart), Describe(_pos));
            return false;
        }
    }

    /// <summary>
    /// Reports XH1014 at the current token, once per statement, when bison's stack would hold more than
    /// <see cref="MaxParserSymbols"/> symbols there; parsing goes on, so the list is still read to its end.
    /// </summary>
    private void CheckParserStack(int symbols, int depth)
    {
        if (symbols > MaxParserSymbols && !_stackExhausted)
        {
            _stackExhausted = true;
            Error(DiagnosticDescriptors.ListNestingTooDeep, depth);
        }
    }

    /// <summary>bison's <c>error NEWLINE</c>: drop what the statement built and skip to the end of the line.</summary>
    private void Recover(int row, int start)
    {
        _rows.Truncate(row);
        while (Kind is not (SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
        {
            Advance();
        }

        int last;
        if (Kind == SyntaxKind.NewLineToken)
        {
            last = _pos;
            Advance();
        }
        else
        {
            last = Math.Max(start, _lastConsumed);
        }

        _rows.Leaf(SyntaxKind.SkippedStatement, start, last);
    }

    private void Error(DiagnosticDescriptor descriptor, params object?[] args)
    {
        _failed = true;
        Token t = _tokens[_pos];
        _diagnostics.Add(descriptor, t.Start, t.Length, args);
    }

    private string Describe(int index)
    {
        Token t = _tokens[index];
        return t.Kind switch
        {
            SyntaxKind.EndOfFileToken => "the end of the file",
            SyntaxKind.NewLineToken => "the end of the line",
            _ => "'" + (t.Length > 40 ? _text.Substring(t.Start, 40) + "..." : _text.Substring(t.Start, t.Length)) + "'",
        };
    }

    /// <summary>libxlu's <c>xlu__cfg_concat_vals</c>: <c>+=</c> must add a string to a string or a list to a list.</summary>
    /// <remarks>Only the names that some <c>+=</c> sets are followed, by their name tokens (no string per setting: a
    /// generated file of 20 MB has 260,000 settings and a few thousand appends).</remarks>
    private static void CheckAppendTypes(SyntaxData data, DiagnosticBag diagnostics)
    {
        var comparer = new TokenTextComparer(data);
        var appended = new HashSet<int>(comparer);
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            if (data.Kind(statement) == SyntaxKind.Setting && data.SettingIsAppend(statement))
            {
                appended.Add(data.NameToken(statement));
            }
        }

        var kinds = new Dictionary<int, bool>(comparer);
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            int name;
            if (data.Kind(statement) != SyntaxKind.Setting || !appended.Contains(name = data.NameToken(statement)))
            {
                continue;
            }

            bool isList = data.Kind(data.SettingValue(statement)) == SyntaxKind.List;
            if (data.SettingIsAppend(statement) && kinds.TryGetValue(name, out bool previousIsList) && previousIsList != isList)
            {
                int op = data.SettingOperatorToken(statement);
                diagnostics.Add(DiagnosticDescriptors.AppendTypeMismatch, data.TokenStart(op), data.TokenLength(op), data.TokenText(name).ToString(), isList ? "list" : "string", previousIsList ? "list" : "string");
                return; // libxlu stops storing settings after its first error
            }

            kinds[name] = isList;
        }
    }

    /// <summary>Compares tokens by their text.</summary>
    private sealed class TokenTextComparer(SyntaxData data) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => data.TokenText(x).SequenceEqual(data.TokenText(y));

        public int GetHashCode(int token) => string.GetHashCode(data.TokenText(token));
    }
}
