using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Parsing;

// Statements: simple statements, assignments and settings, and recovery (a failed statement becomes skipped text).
internal sealed partial class PyParser
{
    /// <summary>
    /// Parses one statement; returns the first and last tokens of a part of it that raises whenever it runs (see
    /// <see cref="_certainRaise"/>) when the statement parsed, else (-1, -1).
    /// </summary>
    private (int First, int Last) ParseStatement()
    {
        int saved = _stack;
        (int Token, string? What, int Certain, int CertainLast, int Conditional) outer = (_noteToken, _noteWhat, _certainRaise, _certainRaiseLast, _conditional);
        _noteToken = -1;
        _noteWhat = null;
        _certainRaise = -1;
        _certainRaiseLast = -1;
        _conditional = 0;
        try
        {
            _stack++; // stmt
            return ParseStatementCore(enclosingNoted: outer.Token >= 0) && _certainRaise >= 0 ? (_certainRaise, _certainRaiseLast) : (-1, -1);
        }
        finally
        {
            _stack = saved;
            (_noteToken, _noteWhat, _certainRaise, _certainRaiseLast, _conditional) = outer;
        }
    }

    private bool ParseStatementCore(bool enclosingNoted)
    {
        int start = _pos;
        int row = _rows.Count;
        int errors = _diagnostics.ErrorCount;
        _reported = false;
        bool ok;
        switch (Kind)
        {
            case SyntaxKind.NewLineToken:
                _rows.Leaf(SyntaxKind.EmptyStatement, start);
                Advance();
                return true;
            case SyntaxKind.SemicolonToken:
                Error("a statement", start);
                _rows.Leaf(SyntaxKind.EmptyStatement, start);
                Advance();
                return false;
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
                _stack += 2; // compound_stmt, decorated
                ok = ParseDecorated();
                break;
            case SyntaxKind.KeywordToken:
                if (Keyword is PyKeyword.If or PyKeyword.While or PyKeyword.For or PyKeyword.Def or PyKeyword.Class or PyKeyword.Try or PyKeyword.With)
                {
                    _stack += 2; // compound_stmt, if_stmt/while_stmt/for_stmt/funcdef/classdef/try_stmt/with_stmt
                }

                ok = Keyword switch
                {
                    PyKeyword.If => ParseIf(),
                    PyKeyword.While => ParseWhile(),
                    PyKeyword.For => ParseFor(),
                    PyKeyword.Def => ParseDef(),
                    PyKeyword.Class => ParseClass(),
                    PyKeyword.Try => ParseTry(),
                    PyKeyword.With => ParseWith(),
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
        else if (_noteToken >= 0)
        {
            KeepAsText(row, start, reported: _diagnostics.ErrorCount > errors || enclosingNoted);
        }

        _reported = false; // a later error of an enclosing statement is reported on its own
        return ok;
    }

    /// <summary>
    /// Keeps a statement that parsed but holds a construct the evaluator does not read (<see cref="_noteToken"/>) as a
    /// skipped statement, and reports the construct (XH4008) unless an error inside it or an enclosing skipped
    /// statement says enough; a part of it that raises whenever it runs is reported too (XH4050).
    /// </summary>
    private void KeepAsText(int row, int start, bool reported)
    {
        _rows.Truncate(row);
        _rows.Leaf(SyntaxKind.SkippedStatement, start, Math.Max(start, _lastConsumed));
        if (!reported)
        {
            Token t = _tokens[_noteToken];
            _diagnostics.Add(DiagnosticDescriptors.XmUnsupportedConstruct, t.Start, t.Length, _noteWhat);
        }

        if (_certainRaise >= 0)
        {
            int from = _tokens[_certainRaise].Start;
            _diagnostics.Add(DiagnosticDescriptors.XmAlwaysRaises, from, _tokens[_certainRaiseLast].Start + _tokens[_certainRaiseLast].Length - from);
        }
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
            case PyKeyword.Continue when _inFinally:
                return CompileError("'continue' not supported inside 'finally' clause", _pos);
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
                if (!IsEndOfStatement && _scopeReturnValue < 0)
                {
                    _scopeReturnValue = start;
                }

                return (IsEndOfStatement || ParseTestList()) && EndStatement(row, SyntaxKind.ReturnStatement);
            case PyKeyword.Yield:
                // yield_stmt: yield_expr
                _rows.Open(start);
                return ParseYield() && EndStatement(row, SyntaxKind.ExpressionStatement);
            case PyKeyword.Exec:
                // exec_stmt: 'exec' expr ['in' test [',' test]]
                _rows.Open(start);
                Unsupported("exec");
                Advance();
                return ParseBitOr() && (Keyword != PyKeyword.In || ParseExecNamespaces()) && EndStatement(row, SyntaxKind.ExpressionStatement);
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
                return ParseExpressionList() && CheckTarget(_rows.FirstChild(row), store: false) && EndStatement(row, SyntaxKind.DelStatement);
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
            case PyKeyword.Class or PyKeyword.Try or PyKeyword.With or PyKeyword.If
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
                if (!(Keyword == PyKeyword.Yield ? ParseYield() : ParseTestList()))
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

            if (!CheckTarget(target))
            {
                return false;
            }

            bool setting = targetKind == SyntaxKind.NameExpression && op == SyntaxKind.PlusEqualsToken;
            if (setting)
            {
                _rows.DropChildren(row);
            }

            Advance();
            return (Keyword == PyKeyword.Yield ? ParseYield() : ParseTestList()) && EndStatement(row, setting ? SyntaxKind.Setting : SyntaxKind.AssignmentStatement);
        }

        return EndStatement(row, SyntaxKind.ExpressionStatement);
    }

    /// <summary>
    /// Checks that the expression at <paramref name="node"/> can be assigned to (Python: "can't assign to literal"),
    /// and, when <paramref name="store"/>, that it binds no name or attribute <c>None</c> or <c>__debug__</c> ("cannot
    /// assign to None").
    /// </summary>
    private bool CheckTarget(int node, bool store = true)
    {
        int end = _rows.End(node);
        for (int r = node; r < end;)
        {
            switch (_rows.Kind(r))
            {
                case SyntaxKind.NameExpression:
                    if (store && !CheckBindable(_rows.FirstToken(r)))
                    {
                        return false;
                    }

                    r = _rows.Next(r);
                    continue;
                case SyntaxKind.TupleExpression or SyntaxKind.List or SyntaxKind.ParenthesizedExpression:
                    r = _rows.Next(r); // check the items
                    continue;
                case SyntaxKind.MemberAccessExpression:
                    if (store && !CheckBindable(_rows.LastToken(r)))
                    {
                        return false;
                    }

                    r = _rows.End(r);
                    continue;
                case SyntaxKind.SubscriptExpression:
                    r = _rows.End(r);
                    continue;
                default:
                    return Error("a name, attribute, subscript, tuple or list to assign to", _rows.FirstToken(r));
            }
        }

        return true;
    }

    /// <summary>Checks that the name at <paramref name="token"/> may be bound: Python 2.7's compiler rejects binding <c>None</c> and <c>__debug__</c>.</summary>
    private bool CheckBindable(int token)
    {
        ReadOnlySpan<char> name = _text.AsSpan(_tokens[token].Start, _tokens[token].Length);
        return !(name.SequenceEqual("None") || name.SequenceEqual("__debug__")) || CompileError("cannot assign to " + name.ToString(), token);
    }

    /// <summary>Expects a name that the statement binds (a function, class, parameter or import alias): not <c>None</c> or <c>__debug__</c>.</summary>
    private bool ExpectBoundName(string what) => (Kind != SyntaxKind.IdentifierToken || CheckBindable(_pos)) && Expect(SyntaxKind.IdentifierToken, what);

    /// <summary>The namespaces of <c>exec</c>, from <c>in</c>: <c>'in' test [',' test]</c>.</summary>
    private bool ParseExecNamespaces()
    {
        Advance();
        if (!ParseTest())
        {
            return false;
        }

        if (Kind != SyntaxKind.CommaToken)
        {
            return true;
        }

        Advance();
        return ParseTest();
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
            int first = _pos;
            if (!ParseDottedName())
            {
                return false;
            }

            if (_lastConsumed == first && Keyword != PyKeyword.As && !CheckBindable(first))
            {
                return false; // 'import a' binds a; 'import a.b' binds a too, but Python 2.7 checks only a lone name
            }

            if (Keyword == PyKeyword.As)
            {
                Advance();
                if (!ExpectBoundName("a name"))
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
            int name = _pos;
            if (!Expect(SyntaxKind.IdentifierToken, "a name"))
            {
                return false;
            }

            if (Keyword != PyKeyword.As && !CheckBindable(name))
            {
                return false;
            }

            if (Keyword == PyKeyword.As)
            {
                Advance();
                if (!ExpectBoundName("a name"))
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
}
