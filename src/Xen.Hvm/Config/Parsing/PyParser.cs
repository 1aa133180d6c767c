using System.Runtime.CompilerServices;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Parsing;

/// <summary>
/// The xm grammar: the subset of Python 2.7 that xm config files use, parsed by recursive descent into the same
/// preorder rows as xl. A statement with a syntax error, or with valid Python this parser does not read (class, try,
/// lambda, comprehensions...), becomes a skipped statement: its logical line, any indented block after it and any
/// <c>elif</c>/<c>else</c>/<c>except</c>/<c>finally</c> clauses, kept verbatim.
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
internal sealed class PyParser
{
    /// <summary>The entries of Python 2.7's parser stack (pgen's <c>MAXSTACK</c>): one for each grammar rule being parsed.</summary>
    public const int MaxStack = 1500;

    /// <summary>The most arguments of one call (Python 2.7's compiler: "more than 255 arguments").</summary>
    public const int MaxArguments = 255;

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

    private PyParser(string text, ValueBuilder<Token> tokens, DiagnosticBag diagnostics)
    {
        _text = text;
        _tokens = tokens.RawArray;
        _diagnostics = diagnostics;
        _rows = new SyntaxData.Writer(Math.Max(8, tokens.Count / 3));
        _chain = new ValueBuilder<SyntaxData.ChainEntry>(16);
    }

    public static SyntaxData Parse(string text, DiagnosticBag diagnostics)
    {
        ValueBuilder<Token> tokens = PyLexer.Lex(text, diagnostics);
        var parser = new PyParser(text, tokens, diagnostics);
        parser.ParseFile();
        return parser._rows.ToData(text, parser._tokens, tokens.Count);
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

    // ---------------------------------------------------------------- statements

    private void ParseStatement()
    {
        int saved = _stack;
        try
        {
            _stack++; // stmt
            ParseStatementCore();
        }
        finally
        {
            _stack = saved;
        }
    }

    private void ParseStatementCore()
    {
        int start = _pos;
        int row = _rows.Count;
        _reported = false;
        bool ok;
        switch (Kind)
        {
            case SyntaxKind.NewLineToken:
                _rows.Leaf(SyntaxKind.EmptyStatement, start);
                Advance();
                return;
            case SyntaxKind.SemicolonToken:
                Error("a statement", start);
                _rows.Leaf(SyntaxKind.EmptyStatement, start);
                Advance();
                return;
            case SyntaxKind.IndentToken:
                _diagnostics.Add(DiagnosticDescriptors.XmInvalidIndentation, _tokens[start].Start, 0, "an unexpected indent");
                _reported = true;
                ok = false;
                break;
            case SyntaxKind.DedentToken:
                Error("a statement", start);
                ok = false;
                break;
            case SyntaxKind.AtToken:
                ok = Unsupported("a decorator");
                break;
            case SyntaxKind.KeywordToken:
                if (Keyword is PyKeyword.If or PyKeyword.While or PyKeyword.For or PyKeyword.Def)
                {
                    _stack += 2; // compound_stmt, if_stmt/while_stmt/for_stmt/funcdef
                }

                ok = Keyword switch
                {
                    PyKeyword.If => ParseIf(),
                    PyKeyword.While => ParseWhile(),
                    PyKeyword.For => ParseFor(),
                    PyKeyword.Def => ParseDef(),
                    PyKeyword.Class => Unsupported("class"),
                    PyKeyword.Try => Unsupported("try"),
                    PyKeyword.With => Unsupported("with"),
                    PyKeyword.Exec => Unsupported("exec"),
                    PyKeyword.Yield => Unsupported("yield"),
                    PyKeyword.Elif or PyKeyword.Else or PyKeyword.Except or PyKeyword.Finally => Error("a statement", _pos),
                    _ => ParseSimpleStatement(),
                };
                break;
            default:
                ok = ParseSimpleStatement();
                break;
        }

        if (!ok)
        {
            Recover(row, start);
        }

        _reported = false; // a later error of an enclosing statement is reported on its own
    }

    private bool ParseSimpleStatement()
    {
        // simple_stmt, small_stmt, and the statement's own rule (flow_stmt and return_stmt/raise_stmt for those)
        int rules = Keyword is PyKeyword.Return or PyKeyword.Raise or PyKeyword.Break or PyKeyword.Continue ? 4 : 3;
        _stack += rules;
        try
        {
            return ParseSimpleStatementCore();
        }
        finally
        {
            _stack -= rules;
        }
    }

    private bool ParseSimpleStatementCore()
    {
        int start = _pos;
        int row = _rows.Count;
        switch (Keyword)
        {
            case PyKeyword.Break or PyKeyword.Continue when _loopDepth == 0:
                return CompileError(Keyword == PyKeyword.Break ? "'break' outside loop" : "'continue' not properly in loop", _pos);
            case PyKeyword.Pass or PyKeyword.Break or PyKeyword.Continue:
                _rows.Open(start);
                Advance();
                return EndStatement(row, SyntaxKind.KeywordStatement);
            case PyKeyword.Print:
                _rows.Open(start);
                Advance();
                if (Kind == SyntaxKind.GreaterThanGreaterThanToken)
                {
                    Advance();
                    if (!ParseTest())
                    {
                        return false;
                    }

                    if (Kind == SyntaxKind.CommaToken)
                    {
                        Advance();
                    }
                }

                return ParseOptionalExpressionList(allowTrailingComma: true, max: int.MaxValue, required: false) && EndStatement(row, SyntaxKind.PrintStatement);
            case PyKeyword.Return when _functionDepth == 0:
                return CompileError("'return' outside function", _pos);
            case PyKeyword.Return:
                _rows.Open(start);
                Advance();
                return (IsEndOfStatement || ParseTestList()) && EndStatement(row, SyntaxKind.ReturnStatement);
            case PyKeyword.Raise:
                // raise_stmt: 'raise' [test [',' test [',' test]]]
                _rows.Open(start);
                Advance();
                return ParseOptionalExpressionList(allowTrailingComma: false, max: 3, required: false) && EndStatement(row, SyntaxKind.RaiseStatement);
            case PyKeyword.Assert:
                // assert_stmt: 'assert' test [',' test]
                _rows.Open(start);
                Advance();
                return ParseOptionalExpressionList(allowTrailingComma: false, max: 2, required: true) && EndStatement(row, SyntaxKind.AssertStatement);
            case PyKeyword.Del:
                _rows.Open(start);
                Advance();
                return ParseExpressionList() && CheckTarget(_rows.FirstChild(row)) && EndStatement(row, SyntaxKind.DelStatement);
            case PyKeyword.Global:
                _rows.Open(start);
                Advance();
                return ParseNameList() && EndStatement(row, SyntaxKind.GlobalStatement);
            case PyKeyword.Import:
                _rows.Open(start);
                Advance();
                return ParseImportNames() && EndStatement(row, SyntaxKind.ImportStatement);
            case PyKeyword.From:
                _rows.Open(start);
                Advance();
                return ParseFromImport() && EndStatement(row, SyntaxKind.FromImportStatement);
            case PyKeyword.Class or PyKeyword.Try or PyKeyword.With or PyKeyword.Exec or PyKeyword.Yield or PyKeyword.If
                or PyKeyword.While or PyKeyword.For or PyKeyword.Def:
                return Error("a simple statement (a compound statement must start its own line)", _pos);
            default:
                return ParseExpressionStatement();
        }
    }

    private bool ParseExpressionStatement()
    {
        int start = _pos;
        int row = _rows.Open(start);
        if (!ParseTestList())
        {
            return false;
        }

        SyntaxKind op = Kind;
        if (op == SyntaxKind.EqualsToken)
        {
            bool setting = _rows.HasOnlyChild(row, SyntaxKind.NameExpression);
            if (!CheckTarget(_rows.FirstChild(row)))
            {
                return false;
            }

            if (setting)
            {
                _rows.DropChildren(row); // a setting keeps its name as a token, like xl
            }

            while (Kind == SyntaxKind.EqualsToken)
            {
                Advance();
                if (Keyword == PyKeyword.Yield)
                {
                    return Unsupported("yield");
                }

                if (!ParseTestList())
                {
                    return false;
                }

                if (Kind == SyntaxKind.EqualsToken)
                {
                    if (setting)
                    {
                        // a = b = 1: a general assignment after all; give the first target back its row.
                        _rows.InsertFirstChild(row, SyntaxKind.NameExpression, start);
                        setting = false;
                    }

                    // What was just read is a target too: the last child so far.
                    if (!CheckTarget(_rows.LastChild(row)))
                    {
                        return false;
                    }
                }
            }

            return EndStatement(row, setting ? SyntaxKind.Setting : SyntaxKind.AssignmentStatement);
        }

        if (op is SyntaxKind.PlusEqualsToken or SyntaxKind.CompoundAssignmentToken)
        {
            int target = _rows.FirstChild(row);
            SyntaxKind targetKind = _rows.Kind(target);
            if (targetKind is not (SyntaxKind.NameExpression or SyntaxKind.MemberAccessExpression or SyntaxKind.SubscriptExpression)
                || !_rows.HasOnlyChild(row, targetKind))
            {
                return Error("a name, attribute or subscript before an augmented assignment", _rows.FirstToken(target));
            }

            bool setting = targetKind == SyntaxKind.NameExpression && op == SyntaxKind.PlusEqualsToken;
            if (setting)
            {
                _rows.DropChildren(row);
            }

            Advance();
            if (Keyword == PyKeyword.Yield)
            {
                return Unsupported("yield");
            }

            return ParseTestList() && EndStatement(row, setting ? SyntaxKind.Setting : SyntaxKind.AssignmentStatement);
        }

        return EndStatement(row, SyntaxKind.ExpressionStatement);
    }

    /// <summary>Checks that the expression at <paramref name="node"/> can be assigned to (Python: "can't assign to literal").</summary>
    private bool CheckTarget(int node)
    {
        int end = _rows.End(node);
        for (int r = node; r < end;)
        {
            switch (_rows.Kind(r))
            {
                case SyntaxKind.NameExpression:
                    r = _rows.Next(r);
                    continue;
                case SyntaxKind.TupleExpression or SyntaxKind.List or SyntaxKind.ParenthesizedExpression:
                    r = _rows.Next(r); // check the items
                    continue;
                case SyntaxKind.MemberAccessExpression or SyntaxKind.SubscriptExpression:
                    r = _rows.End(r);
                    continue;
                default:
                    return Error("a name, attribute, subscript, tuple or list to assign to", _rows.FirstToken(r));
            }
        }

        return true;
    }

    private bool IsEndOfStatement => Kind is SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken or SyntaxKind.EndOfFileToken or SyntaxKind.DedentToken;

    /// <summary>Ends a simple statement at a line break, ';', the end of the file or a dedent, and writes its row.</summary>
    private bool EndStatement(int row, SyntaxKind kind)
    {
        int last;
        switch (Kind)
        {
            case SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken:
                last = _pos;
                Advance();
                break;
            case SyntaxKind.EndOfFileToken or SyntaxKind.DedentToken:
                last = _lastConsumed;
                break;
            default:
                return Error("the end of the statement", _pos);
        }

        _rows.Close(row, kind, last);
        return true;
    }

    /// <summary>The expressions of <c>print</c>, <c>raise</c> and <c>assert</c>: at most <paramref name="max"/>, at least one when <paramref name="required"/>.</summary>
    private bool ParseOptionalExpressionList(bool allowTrailingComma, int max, bool required)
    {
        if (IsEndOfStatement)
        {
            return !required || Error("an expression", _pos);
        }

        for (int count = 1; ; count++)
        {
            if (!ParseTest())
            {
                return false;
            }

            if (Kind != SyntaxKind.CommaToken)
            {
                return true;
            }

            if (count == max)
            {
                return Error("the end of the statement", _pos);
            }

            Advance();
            if (IsEndOfStatement)
            {
                return allowTrailingComma || Error("an expression", _pos);
            }
        }
    }

    /// <summary><c>exprlist</c>: targets of <c>for</c> and <c>del</c>; a bare tuple when there are commas.</summary>
    private bool ParseExpressionList()
    {
        _stack++; // exprlist
        try
        {
            return ParseCommaList(ParseBitOr);
        }
        finally
        {
            _stack--;
        }
    }

    private bool ParseNameList()
    {
        while (true)
        {
            if (!Expect(SyntaxKind.IdentifierToken, "a name"))
            {
                return false;
            }

            if (Kind != SyntaxKind.CommaToken)
            {
                return true;
            }

            Advance();
        }
    }

    private bool ParseDottedName()
    {
        if (!Expect(SyntaxKind.IdentifierToken, "a module name"))
        {
            return false;
        }

        while (Kind == SyntaxKind.DotToken)
        {
            Advance();
            if (!Expect(SyntaxKind.IdentifierToken, "a module name"))
            {
                return false;
            }
        }

        return true;
    }

    private bool ParseImportNames()
    {
        while (true)
        {
            if (!ParseDottedName())
            {
                return false;
            }

            if (Keyword == PyKeyword.As)
            {
                Advance();
                if (!Expect(SyntaxKind.IdentifierToken, "a name"))
                {
                    return false;
                }
            }

            if (Kind != SyntaxKind.CommaToken)
            {
                return true;
            }

            Advance();
        }
    }

    private bool ParseFromImport()
    {
        bool dots = false;
        while (Kind == SyntaxKind.DotToken)
        {
            dots = true;
            Advance();
        }

        if (Kind == SyntaxKind.IdentifierToken)
        {
            if (!ParseDottedName())
            {
                return false;
            }
        }
        else if (!dots)
        {
            return Error("a module name", _pos);
        }

        if (Keyword != PyKeyword.Import)
        {
            return Error("'import'", _pos);
        }

        Advance();
        if (Kind == SyntaxKind.AsteriskToken)
        {
            Advance();
            return true;
        }

        bool paren = Kind == SyntaxKind.OpenParenToken;
        if (paren)
        {
            Advance();
        }

        while (true)
        {
            if (!Expect(SyntaxKind.IdentifierToken, "a name"))
            {
                return false;
            }

            if (Keyword == PyKeyword.As)
            {
                Advance();
                if (!Expect(SyntaxKind.IdentifierToken, "a name"))
                {
                    return false;
                }
            }

            if (Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            Advance();
            if (paren && Kind == SyntaxKind.CloseParenToken)
            {
                break;
            }
        }

        return !paren || Expect(SyntaxKind.CloseParenToken, "')'");
    }

    // ---------------------------------------------------------------- compound statements

    private bool ParseIf()
    {
        int row = _rows.Open(_pos);
        Advance();
        if (!ParseTest() || !Expect(SyntaxKind.ColonToken, "':'") || !ParseSuite())
        {
            return false;
        }

        while (Keyword == PyKeyword.Elif)
        {
            int clauseRow = _rows.Open(_pos);
            Advance();
            if (!ParseTest() || !Expect(SyntaxKind.ColonToken, "':'") || !ParseSuite())
            {
                return false;
            }

            Close(clauseRow, SyntaxKind.ElifClause);
        }

        if (!ParseElse())
        {
            return false;
        }

        return Close(row, SyntaxKind.IfStatement);
    }

    private bool ParseElse()
    {
        if (Keyword != PyKeyword.Else)
        {
            return true;
        }

        int clauseRow = _rows.Open(_pos);
        Advance();
        if (!Expect(SyntaxKind.ColonToken, "':'") || !ParseSuite())
        {
            return false;
        }

        return Close(clauseRow, SyntaxKind.ElseClause);
    }

    private bool ParseWhile()
    {
        int row = _rows.Open(_pos);
        Advance();
        if (!ParseTest() || !Expect(SyntaxKind.ColonToken, "':'") || !ParseLoopBody() || !ParseElse())
        {
            return false;
        }

        return Close(row, SyntaxKind.WhileStatement);
    }

    private bool ParseFor()
    {
        int row = _rows.Open(_pos);
        Advance();
        int target = _rows.Count;
        if (!ParseExpressionList() || !CheckTarget(target))
        {
            return false;
        }

        if (Keyword != PyKeyword.In)
        {
            return Error("'in'", _pos);
        }

        Advance();
        if (!ParseTestList() || !Expect(SyntaxKind.ColonToken, "':'") || !ParseLoopBody() || !ParseElse())
        {
            return false;
        }

        return Close(row, SyntaxKind.ForStatement);
    }

    /// <summary>The body of a loop, where <c>break</c> and <c>continue</c> may stand (not its <c>else</c> clause).</summary>
    private bool ParseLoopBody()
    {
        _loopDepth++;
        try
        {
            return ParseSuite();
        }
        finally
        {
            _loopDepth--;
        }
    }

    private bool ParseDef()
    {
        int row = _rows.Open(_pos);
        Advance();
        if (!Expect(SyntaxKind.IdentifierToken, "a function name") || !Expect(SyntaxKind.OpenParenToken, "'('"))
        {
            return false;
        }

        _stack += 2; // parameters, varargslist
        HashSet<string>? names = null;
        bool defaults = false;
        while (Kind != SyntaxKind.CloseParenToken)
        {
            if (Kind is SyntaxKind.AsteriskToken or SyntaxKind.AsteriskAsteriskToken)
            {
                return Unsupported("*args and **kwargs parameters");
            }

            if (Kind == SyntaxKind.OpenParenToken)
            {
                return Unsupported("tuple parameters");
            }

            int paramStart = _pos;
            int paramRow = _rows.Open(paramStart);
            if (!Expect(SyntaxKind.IdentifierToken, "a parameter name"))
            {
                return false;
            }

            names ??= new HashSet<string>(StringComparer.Ordinal);
            string name = _text.Substring(_tokens[paramStart].Start, _tokens[paramStart].Length);
            if (!names.Add(name))
            {
                return CompileError($"duplicate argument '{(name.Length > 40 ? name[..40] + "..." : name)}' in function definition", paramStart);
            }

            if (Kind == SyntaxKind.EqualsToken)
            {
                defaults = true;
                Advance();
                if (!ParseTest())
                {
                    return false;
                }
            }
            else if (defaults)
            {
                return CompileError("non-default argument follows default argument", paramStart);
            }

            Close(paramRow, SyntaxKind.Parameter);
            if (Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            Advance();
        }

        _stack -= 2;
        if (!Expect(SyntaxKind.CloseParenToken, "')'") || !Expect(SyntaxKind.ColonToken, "':'"))
        {
            return false;
        }

        // The body is a new scope: 'return' may stand in it, and the loops around the def do not reach into it.
        int loops = _loopDepth;
        _functionDepth++;
        _loopDepth = 0;
        try
        {
            if (!ParseSuite())
            {
                return false;
            }
        }
        finally
        {
            _functionDepth--;
            _loopDepth = loops;
        }

        return Close(row, SyntaxKind.FunctionDefinition);
    }

    /// <summary>The body after ':': simple statements on the same line, or a line break and an indented block.</summary>
    private bool ParseSuite()
    {
        _stack++; // suite
        try
        {
            return ParseSuiteCore();
        }
        finally
        {
            _stack--;
        }
    }

    private bool ParseSuiteCore()
    {
        if (Kind != SyntaxKind.NewLineToken)
        {
            if (IsEndOfStatement)
            {
                return Error("a statement", _pos);
            }

            int row = _rows.Open(_pos);
            while (true)
            {
                int statementRow = _rows.Count;
                if (!ParseSimpleStatement())
                {
                    return false;
                }

                if (_tokens[_rows.LastToken(statementRow)].Kind != SyntaxKind.SemicolonToken || IsEndOfStatement && Kind != SyntaxKind.NewLineToken)
                {
                    break;
                }

                if (Kind == SyntaxKind.NewLineToken)
                {
                    _rows.Leaf(SyntaxKind.EmptyStatement, _pos);
                    Advance();
                    break;
                }
            }

            return Close(row, SyntaxKind.Block);
        }

        // NEWLINE, then blank and comment lines, then INDENT stmt+ DEDENT.
        while (Kind == SyntaxKind.NewLineToken)
        {
            Advance();
        }

        if (Kind != SyntaxKind.IndentToken)
        {
            _diagnostics.Add(DiagnosticDescriptors.XmInvalidIndentation, _tokens[_pos].Start, 0, "expected an indented block");
            _reported = true;
            return false;
        }

        int blockRow = _rows.Open(_pos);
        Advance();
        while (Kind is not (SyntaxKind.DedentToken or SyntaxKind.EndOfFileToken))
        {
            ParseStatement();
        }

        int last = _lastConsumed;
        if (Kind == SyntaxKind.DedentToken)
        {
            last = _pos;
            Advance();
        }

        _rows.Close(blockRow, SyntaxKind.Block, last);
        return true;
    }

    /// <summary>
    /// Turns a statement that failed into a skipped statement: its logical line, an indented block after it, and any
    /// <c>elif</c>/<c>else</c>/<c>except</c>/<c>finally</c> clauses that follow.
    /// </summary>
    private void Recover(int row, int start)
    {
        _rows.Truncate(row);
        if (!_reported)
        {
            Error("a statement", _pos);
        }

        int last = Math.Max(start, _lastConsumed);
        if (Kind == SyntaxKind.IndentToken && _pos == start)
        {
            last = SkipBlock();
        }
        else if (Kind == SyntaxKind.DedentToken && _pos == start)
        {
            last = _pos; // a stray dedent: consume it so the parse moves on
            Advance();
        }

        while (true)
        {
            while (Kind is not (SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken or SyntaxKind.DedentToken or SyntaxKind.IndentToken))
            {
                Advance();
                last = _lastConsumed;
            }

            if (Kind == SyntaxKind.NewLineToken)
            {
                last = _pos;
                Advance();
                while (Kind == SyntaxKind.NewLineToken && _tokens[NextNonNewLine(_pos)].Kind == SyntaxKind.IndentToken)
                {
                    last = _pos;
                    Advance();
                }
            }

            if (Kind == SyntaxKind.IndentToken)
            {
                last = SkipBlock();
            }

            if (Keyword is PyKeyword.Elif or PyKeyword.Else or PyKeyword.Except or PyKeyword.Finally)
            {
                Advance();
                last = _lastConsumed;
                continue;
            }

            break;
        }

        if (Kind == SyntaxKind.EndOfFileToken)
        {
            // Line breaks inside unclosed brackets are significant tokens: keep them in the statement.
            int k = _pos - 1;
            while (k > last && _tokens[k].IsTrivia)
            {
                k--;
            }

            last = Math.Max(last, k);
        }

        _rows.Leaf(SyntaxKind.SkippedStatement, start, Math.Max(start, last));
    }

    private int NextNonNewLine(int from)
    {
        int i = PeekNext(from);
        while (_tokens[i].Kind == SyntaxKind.NewLineToken)
        {
            i = PeekNext(i);
        }

        return i;
    }

    /// <summary>Skips an INDENT ... DEDENT region (nested ones included) and returns the last token skipped.</summary>
    private int SkipBlock()
    {
        int level = 0;
        int last = _pos;
        do
        {
            if (Kind == SyntaxKind.IndentToken)
            {
                level++;
            }
            else if (Kind == SyntaxKind.DedentToken)
            {
                level--;
            }

            last = _pos;
            Advance();
        }
        while (level > 0 && Kind != SyntaxKind.EndOfFileToken);
        return last;
    }

    // ---------------------------------------------------------------- expressions

    /// <summary><c>testlist</c>: one expression, or a tuple when there is a comma.</summary>
    private bool ParseTestList()
    {
        _stack++; // testlist
        try
        {
            return ParseCommaList(ParseTest);
        }
        finally
        {
            _stack--;
        }
    }

    /// <summary>Items separated by commas (a trailing comma allowed): the item alone, or a bare tuple of them.</summary>
    private bool ParseCommaList(Func<bool> parseItem)
    {
        int mark = _rows.Count;
        int first = _pos;
        if (!parseItem())
        {
            return false;
        }

        if (Kind != SyntaxKind.CommaToken)
        {
            return true;
        }

        while (Kind == SyntaxKind.CommaToken)
        {
            Advance();
            if (!StartsExpression())
            {
                break;
            }

            if (!parseItem())
            {
                return false;
            }
        }

        Wrap(mark, first, SyntaxKind.TupleExpression);
        return true;
    }

    private bool StartsExpression()
    {
        return Kind switch
        {
            SyntaxKind.IdentifierToken or SyntaxKind.NumberToken or SyntaxKind.StringToken or SyntaxKind.OpenParenToken
                or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken or SyntaxKind.MinusToken or SyntaxKind.PlusToken
                or SyntaxKind.TildeToken or SyntaxKind.BacktickToken => true,
            SyntaxKind.KeywordToken => Keyword is PyKeyword.Not or PyKeyword.Lambda,
            _ => false,
        };
    }

    /// <summary><c>test: or_test ['if' or_test 'else' test] | lambdef</c></summary>
    private bool ParseTest()
    {
        _stack++; // test
        try
        {
            if (!WithinStack(native: true))
            {
                return false;
            }

            if (Keyword == PyKeyword.Lambda)
            {
                return Unsupported("lambda");
            }

            int mark = _rows.Count;
            int first = _pos;
            if (!ParseOrTest())
            {
                return false;
            }

            if (Keyword != PyKeyword.If)
            {
                return true;
            }

            Advance();
            if (!ParseOrTest())
            {
                return false;
            }

            if (Keyword != PyKeyword.Else)
            {
                return Error("'else'", _pos);
            }

            Advance();
            if (!ParseTest())
            {
                return false;
            }

            Wrap(mark, first, SyntaxKind.ConditionalExpression);
            return true;
        }
        finally
        {
            _stack--;
        }
    }

    private bool ParseOrTest() => ParseChain(Level.Or);

    /// <summary><c>not_test: 'not' not_test | comparison</c></summary>
    private bool ParseNotTest()
    {
        _stack++; // not_test
        try
        {
            return WithinStack(native: true) && (Keyword == PyKeyword.Not ? ParsePrefix(notTest: true) : ParseComparison());
        }
        finally
        {
            _stack--;
        }
    }

    /// <summary>A prefix operator (<c>not</c>, <c>-</c>, <c>+</c>, <c>~</c>) and its operand, one grammar rule deeper.</summary>
    private bool ParsePrefix(bool notTest)
    {
        int row = _rows.Open(_pos);
        Advance();
        return (notTest ? ParseNotTest() : ParseFactor()) && Close(row, SyntaxKind.UnaryExpression);
    }

    /// <summary><c>comparison: expr (comp_op expr)*</c>, one node for the whole chain.</summary>
    private bool ParseComparison()
    {
        _stack++; // comparison
        try
        {
            return ParseComparisonCore();
        }
        finally
        {
            _stack--;
        }
    }

    private bool ParseComparisonCore()
    {
        int mark = _rows.Count;
        int first = _pos;
        if (!ParseBitOr())
        {
            return false;
        }

        bool any = false;
        while (true)
        {
            switch (Kind)
            {
                case SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken or SyntaxKind.LessThanEqualsToken
                    or SyntaxKind.GreaterThanEqualsToken or SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken:
                    Advance();
                    break;
                case SyntaxKind.KeywordToken when Keyword == PyKeyword.In:
                    Advance();
                    break;
                case SyntaxKind.KeywordToken when Keyword == PyKeyword.Not && IsKeywordAt(PeekNext(), PyKeyword.In):
                    Advance();
                    Advance();
                    break;
                case SyntaxKind.KeywordToken when Keyword == PyKeyword.Is:
                    Advance();
                    if (Keyword == PyKeyword.Not)
                    {
                        Advance();
                    }

                    break;
                default:
                    if (any)
                    {
                        Wrap(mark, first, SyntaxKind.ComparisonExpression);
                    }

                    return true;
            }

            any = true;
            if (!ParseBitOr())
            {
                return false;
            }
        }
    }

    private bool IsKeywordAt(int index, PyKeyword keyword) =>
        _tokens[index].Kind == SyntaxKind.KeywordToken && (PyKeyword)_tokens[index].Flags == keyword;

    private bool ParseBitOr() => ParseChain(Level.BitOr);

    private enum Level
    {
        Or,
        And,
        BitOr,
        Xor,
        BitAnd,
        Shift,
        Arith,
        Term,
    }

    private bool IsOperatorOf(Level level) => level switch
    {
        Level.Or => Keyword == PyKeyword.Or,
        Level.And => Keyword == PyKeyword.And,
        Level.BitOr => Kind == SyntaxKind.BarToken,
        Level.Xor => Kind == SyntaxKind.CaretToken,
        Level.BitAnd => Kind == SyntaxKind.AmpersandToken,
        Level.Shift => Kind is SyntaxKind.LessThanLessThanToken or SyntaxKind.GreaterThanGreaterThanToken,
        Level.Arith => Kind is SyntaxKind.PlusToken or SyntaxKind.MinusToken,
        _ => Kind is SyntaxKind.AsteriskToken or SyntaxKind.SlashToken or SyntaxKind.SlashSlashToken or SyntaxKind.PercentToken,
    };

    private bool ParseOperand(Level level) => level switch
    {
        Level.Or => ParseChain(Level.And),
        Level.And => ParseNotTest(),
        Level.Term => ParseFactor(),
        _ => ParseChain(level + 1),
    };

    /// <summary>A left-associative chain of one precedence level; its binary rows are inserted in one go.</summary>
    private bool ParseChain(Level level)
    {
        int mark = _rows.Count;
        int first = _pos;
        int chainBase = _chain.Count;
        _stack++; // or_test, and_test, expr, xor_expr, and_expr, shift_expr, arith_expr or term
        try
        {
            if (!ParseOperand(level))
            {
                return false;
            }

            if (!IsOperatorOf(level))
            {
                return true;
            }

            while (IsOperatorOf(level))
            {
                Advance();
                if (!ParseOperand(level))
                {
                    return false;
                }

                _chain.Add(new SyntaxData.ChainEntry(_rows.Count, _lastConsumed, SyntaxKind.BinaryExpression));
            }

            WrapChain(mark, first, chainBase);
            return true;
        }
        finally
        {
            _chain.Truncate(chainBase);
            _stack--;
        }
    }

    /// <summary>Wraps the chain entries from <paramref name="chainBase"/> on around the rows from <paramref name="mark"/> on.</summary>
    private void WrapChain(int mark, int firstToken, int chainBase) =>
        _rows.WrapChain(mark, firstToken, _chain.RawArray.AsSpan(chainBase, _chain.Count - chainBase));

    /// <summary><c>factor: ('+'|'-'|'~') factor | power</c></summary>
    private bool ParseFactor()
    {
        _stack++; // factor
        try
        {
            return WithinStack(native: true)
                && (Kind is SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.TildeToken ? ParsePrefix(notTest: false) : ParsePower());
        }
        finally
        {
            _stack--;
        }
    }

    /// <summary><c>power: atom trailer* ['**' factor]</c>; the factor after <c>**</c> nests one rule deeper, as in Python.</summary>
    private bool ParsePower()
    {
        _stack++; // power
        try
        {
            return ParsePowerCore();
        }
        finally
        {
            _stack--;
        }
    }

    private bool ParsePowerCore()
    {
        int mark = _rows.Count;
        int first = _pos;
        if (!ParseAtom())
        {
            return false;
        }

        int chainBase = _chain.Count;
        try
        {
            while (true)
            {
                switch (Kind)
                {
                    case SyntaxKind.DotToken:
                        Advance();
                        if (!Expect(SyntaxKind.IdentifierToken, "an attribute name"))
                        {
                            return false;
                        }

                        _chain.Add(new SyntaxData.ChainEntry(_rows.Count, _lastConsumed, SyntaxKind.MemberAccessExpression));
                        continue;
                    case SyntaxKind.OpenParenToken:
                    {
                        Advance();
                        _stack++; // trailer
                        bool ok = ParseArguments();
                        _stack--;
                        if (!ok)
                        {
                            return false;
                        }

                        _chain.Add(new SyntaxData.ChainEntry(_rows.Count, _lastConsumed, SyntaxKind.CallExpression));
                        continue;
                    }

                    case SyntaxKind.OpenBracketToken:
                    {
                        Advance();
                        _stack++; // trailer
                        bool ok = ParseSubscripts();
                        _stack--;
                        if (!ok)
                        {
                            return false;
                        }

                        _chain.Add(new SyntaxData.ChainEntry(_rows.Count, _lastConsumed, SyntaxKind.SubscriptExpression));
                        continue;
                    }
                }

                break;
            }

            if (_chain.Count > chainBase)
            {
                WrapChain(mark, first, chainBase);
            }
        }
        finally
        {
            _chain.Truncate(chainBase);
        }

        if (Kind != SyntaxKind.AsteriskAsteriskToken)
        {
            return true;
        }

        Advance();
        if (!ParseFactor())
        {
            return false;
        }

        Wrap(mark, first, SyntaxKind.BinaryExpression);
        return true;
    }

    /// <summary>The arguments of a call, after '(' up to and including ')'.</summary>
    private bool ParseArguments()
    {
        if (Kind == SyntaxKind.CloseParenToken)
        {
            Advance();
            return true;
        }

        int open = _lastConsumed;
        int count = 0;
        HashSet<string>? keywords = null;
        _stack += 2; // arglist, argument
        try
        {
            while (Kind != SyntaxKind.CloseParenToken)
            {
                if (Kind is SyntaxKind.AsteriskToken or SyntaxKind.AsteriskAsteriskToken)
                {
                    return Unsupported("*args and **kwargs arguments");
                }

                if (Kind == SyntaxKind.IdentifierToken && _tokens[PeekNext()].Kind == SyntaxKind.EqualsToken)
                {
                    int first = _pos;
                    keywords ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!keywords.Add(_text.Substring(_tokens[first].Start, _tokens[first].Length)))
                    {
                        return CompileError("keyword argument repeated", first);
                    }

                    int row = _rows.Open(first);
                    Advance();
                    Advance();
                    if (!ParseTest())
                    {
                        return false;
                    }

                    Close(row, SyntaxKind.KeywordArgument);
                }
                else if (!ParseTest())
                {
                    return false;
                }

                if (++count > MaxArguments)
                {
                    return CompileError("more than 255 arguments", open);
                }

                if (Keyword == PyKeyword.For)
                {
                    return Unsupported("a generator expression");
                }

                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                Advance();
            }
        }
        finally
        {
            _stack -= 2;
        }

        return Expect(SyntaxKind.CloseParenToken, "')' or ','");
    }

    /// <summary>The subscripts after '[' up to and including ']': an index, a slice, or several (a tuple).</summary>
    private bool ParseSubscripts()
    {
        int mark = _rows.Count;
        int first = _pos;
        int count = 0;
        bool comma = false;
        while (true)
        {
            _stack += 2; // subscriptlist, subscript
            bool ok = WithinStack(native: false) && ParseSubscript();
            _stack -= 2;
            if (!ok)
            {
                return false;
            }

            count++;
            if (Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            comma = true;
            Advance();
            if (Kind == SyntaxKind.CloseBracketToken)
            {
                break;
            }
        }

        if (comma)
        {
            Wrap(mark, first, SyntaxKind.TupleExpression);
        }

        return Expect(SyntaxKind.CloseBracketToken, "']'");
    }

    private bool ParseSubscript()
    {
        int mark = _rows.Count;
        int first = _pos;
        if (Kind == SyntaxKind.DotToken)
        {
            return Unsupported("an ellipsis");
        }

        if (Kind != SyntaxKind.ColonToken && !ParseTest())
        {
            return false;
        }

        if (Kind != SyntaxKind.ColonToken)
        {
            return true;
        }

        Advance();
        if (Kind is not (SyntaxKind.ColonToken or SyntaxKind.CloseBracketToken or SyntaxKind.CommaToken) && !ParseTest())
        {
            return false;
        }

        if (Kind == SyntaxKind.ColonToken)
        {
            Advance();
            _stack++; // sliceop
            bool ok = WithinStack(native: false) && (Kind is SyntaxKind.CloseBracketToken or SyntaxKind.CommaToken || ParseTest());
            _stack--;
            if (!ok)
            {
                return false;
            }
        }

        Wrap(mark, first, SyntaxKind.Slice);
        return true;
    }

    private bool ParseAtom()
    {
        _stack++; // atom
        try
        {
            return WithinStack(native: true) && ParseAtomCore();
        }
        finally
        {
            _stack--;
        }
    }

    private bool ParseAtomCore()
    {
        int first = _pos;
        switch (Kind)
        {
            case SyntaxKind.IdentifierToken:
                _rows.Leaf(SyntaxKind.NameExpression, first);
                Advance();
                return true;
            case SyntaxKind.NumberToken:
                _rows.Leaf(SyntaxKind.NumberLiteral, first);
                Advance();
                return true;
            case SyntaxKind.StringToken:
            {
                int row = _rows.Count;
                _rows.Leaf(SyntaxKind.StringLiteral, first);
                Advance();
                if (Kind != SyntaxKind.StringToken)
                {
                    return true;
                }

                while (Kind == SyntaxKind.StringToken)
                {
                    _rows.Leaf(SyntaxKind.StringLiteral, _pos);
                    Advance();
                }

                Wrap(row, first, SyntaxKind.ConcatenatedString);
                return true;
            }

            case SyntaxKind.OpenParenToken:
                return ParseParenthesized();
            case SyntaxKind.OpenBracketToken:
                return ParseBracketDisplay(SyntaxKind.CloseBracketToken, "']' or ','", SyntaxKind.List);
            case SyntaxKind.OpenBraceToken:
                return ParseBracketDisplay(SyntaxKind.CloseBraceToken, "'}' or ','", SyntaxKind.DictionaryExpression);
            case SyntaxKind.BacktickToken:
                return Unsupported("a backquote (repr)");
            case SyntaxKind.KeywordToken when Keyword is PyKeyword.Lambda or PyKeyword.Yield:
                return Unsupported(Keyword == PyKeyword.Lambda ? "lambda" : "yield");
            default:
                return Error("an expression", _pos);
        }
    }

    private bool ParseParenthesized()
    {
        int row = _rows.Open(_pos);
        Advance();
        if (Keyword == PyKeyword.Yield)
        {
            return Unsupported("yield");
        }

        if (!ParseDisplay(SyntaxKind.CloseParenToken, "')' or ','", out int items, out bool comma))
        {
            return false;
        }

        return Close(row, items == 1 && !comma ? SyntaxKind.ParenthesizedExpression : SyntaxKind.TupleExpression);
    }

    /// <summary>A list (<c>[...]</c>) or dictionary (<c>{...}</c>) display, from its opening bracket.</summary>
    private bool ParseBracketDisplay(SyntaxKind close, string expected, SyntaxKind kind)
    {
        int row = _rows.Open(_pos);
        Advance();
        return ParseDisplay(close, expected, out _, out _) && Close(row, kind);
    }

    /// <summary>
    /// The rest of a display after its opening bracket, up to and including <paramref name="close"/>. Its items, when
    /// there are any, are one grammar rule deeper (<c>testlist_comp</c>, <c>listmaker</c> or <c>dictorsetmaker</c>).
    /// </summary>
    private bool ParseDisplay(SyntaxKind close, string expected, out int items, out bool comma)
    {
        items = 0;
        comma = false;
        int inner = Kind == close ? 0 : 1;
        _stack += inner;
        bool ok = inner == 0 || (close == SyntaxKind.CloseBraceToken ? ParseDictionaryEntries() : ParseSequenceItems(close, out items, out comma));
        _stack -= inner;
        return ok && Expect(close, expected);
    }

    /// <summary>The items of a tuple or list display, separated by commas, up to <paramref name="close"/>.</summary>
    private bool ParseSequenceItems(SyntaxKind close, out int items, out bool comma)
    {
        items = 0;
        comma = false;
        while (Kind != close)
        {
            if (!ParseTest())
            {
                return false;
            }

            items++;
            if (Keyword == PyKeyword.For)
            {
                return Unsupported(close == SyntaxKind.CloseParenToken ? "a generator expression" : "a list comprehension");
            }

            if (Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            comma = true;
            Advance();
        }

        return true;
    }

    private bool ParseDictionaryEntries()
    {
        while (Kind != SyntaxKind.CloseBraceToken)
        {
            int entryRow = _rows.Open(_pos);
            if (!ParseTest())
            {
                return false;
            }

            if (Kind != SyntaxKind.ColonToken)
            {
                return Kind is SyntaxKind.CommaToken or SyntaxKind.CloseBraceToken ? Unsupported("a set display")
                    : Keyword == PyKeyword.For ? Unsupported("a set comprehension") : Error("':'", _pos);
            }

            Advance();
            if (!ParseTest())
            {
                return false;
            }

            if (Keyword == PyKeyword.For)
            {
                return Unsupported("a dictionary comprehension");
            }

            Close(entryRow, SyntaxKind.DictionaryEntry);
            if (Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            Advance();
        }

        return true;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Closes an open node at the last token consumed; returns <see langword="true"/>, so a rule can end with it.</summary>
    private bool Close(int node, SyntaxKind kind)
    {
        _rows.Close(node, kind, _lastConsumed);
        return true;
    }

    /// <summary>Makes the rows from <paramref name="first"/> on the children of a new node, which ends at the last token consumed.</summary>
    private void Wrap(int first, int firstToken, SyntaxKind kind) => _rows.Wrap(first, kind, firstToken, _lastConsumed);

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

    private bool Unsupported(string what)
    {
        if (!_reported)
        {
            _reported = true;
            Token t = _tokens[_pos];
            _diagnostics.Add(DiagnosticDescriptors.XmUnsupportedConstruct, t.Start, t.Length, what);
        }

        return false;
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
}
