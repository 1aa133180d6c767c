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
    private Stack<int>? _open;

    private XlParser(string text, ValueBuilder<Token> tokens, DiagnosticBag diagnostics)
    {
        _text = text;
        _tokens = tokens.RawArray;
        _tokenCount = tokens.Count;
        _diagnostics = diagnostics;
        _rows = new SyntaxData.Writer(Math.Max(8, _tokenCount / 4));
    }

    public static SyntaxData Parse(string text, DiagnosticBag diagnostics, out bool likelyPython)
    {
        ValueBuilder<Token> tokens = XlLexer.Lex(text, diagnostics, out likelyPython, out bool hasPlusEquals);
        var parser = new XlParser(text, tokens, diagnostics);
        parser.ParseFile();
        SyntaxData data = parser._rows.ToData(text, parser._tokens, parser._tokenCount);
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

    // '[' nlok valuelist ']' with valuelist: empty | values | values ',' nlok; iterative to bound the stack.
    private bool ParseList()
    {
        Stack<int> open = _open ??= new Stack<int>();
        open.Clear();
        open.Push(_rows.Open(_pos));
        Advance();
        bool expectValue = true;
        while (true)
        {
            while (Kind == SyntaxKind.NewLineToken)
            {
                Advance();
            }

            SyntaxKind kind = Kind;
            if (kind == SyntaxKind.CloseBracketToken)
            {
                _rows.Close(open.Pop(), SyntaxKind.List, _pos);
                Advance();
                if (open.Count == 0)
                {
                    return true;
                }

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
                        open.Push(_rows.Open(_pos));
                        Advance();
                        continue;
                    default:
                        Error(DiagnosticDescriptors.ExpectedValue, Describe(_pos));
                        return false;
                }

                Advance();
                expectValue = false;
                continue;
            }

            if (kind == SyntaxKind.CommaToken)
            {
                Advance();
                expectValue = true;
                continue;
            }

            int listStart = _tokens[_rows.FirstToken(open.Peek())].Start;
            Error(DiagnosticDescriptors.ExpectedCommaOrCloseBracket, new OffsetArgument(listStart), Describe(_pos));
            return false;
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
    private static void CheckAppendTypes(SyntaxData data, DiagnosticBag diagnostics)
    {
        var kinds = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            if (data.Kind(statement) != SyntaxKind.Setting)
            {
                continue;
            }

            string name = data.TokenText(data.NameToken(statement)).ToString();
            bool isList = data.Kind(data.SettingValue(statement)) == SyntaxKind.List;
            if (data.SettingIsAppend(statement) && kinds.TryGetValue(name, out bool previousIsList) && previousIsList != isList)
            {
                int op = data.SettingOperatorToken(statement);
                diagnostics.Add(DiagnosticDescriptors.AppendTypeMismatch, data.TokenStart(op), data.TokenLength(op), name, isList ? "list" : "string", previousIsList ? "list" : "string");
                return; // libxlu stops storing settings after its first error
            }

            kinds[name] = isList;
        }
    }
}
