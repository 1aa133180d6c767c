using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Parsing;

// Compound statements: if, while, for, def, and their suites (blocks).
internal sealed partial class PyParser
{
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
            _conditional++; // tested only when the conditions before it are false
            bool ok = ParseTest();
            _conditional--;
            if (!ok || !Expect(SyntaxKind.ColonToken, "':'") || !ParseSuite())
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
        if (!ParseForTarget())
        {
            return false;
        }

        if (!ParseTestList() || !Expect(SyntaxKind.ColonToken, "':'") || !ParseLoopBody() || !ParseElse())
        {
            return false;
        }

        return Close(row, SyntaxKind.ForStatement);
    }

    /// <summary><c>'for' exprlist 'in'</c>, from <c>for</c> up to and including <c>in</c>: a for statement's and a comprehension's.</summary>
    private bool ParseForTarget()
    {
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
        return true;
    }

    /// <summary>The body of a loop, where <c>break</c> and <c>continue</c> may stand (not its <c>else</c> clause).</summary>
    private bool ParseLoopBody()
    {
        bool inFinally = _inFinally;
        _loopDepth++;
        _inFinally = false;
        try
        {
            return ParseSuite();
        }
        finally
        {
            _loopDepth--;
            _inFinally = inFinally;
        }
    }

    private bool ParseDef()
    {
        int row = _rows.Open(_pos);
        Advance();
        if (!ExpectBoundName("a function name") || !Expect(SyntaxKind.OpenParenToken, "'('"))
        {
            return false;
        }

        _stack += 2; // parameters, varargslist
        if (!ParseParameters(SyntaxKind.CloseParenToken, lambda: false))
        {
            return false;
        }

        _stack -= 2;
        if (!Expect(SyntaxKind.CloseParenToken, "')'") || !Expect(SyntaxKind.ColonToken, "':'"))
        {
            return false;
        }

        // The body is a new scope: 'return' may stand in it, and the loops around the def do not reach into it.
        int yields = _scopeYield;
        int returns = _scopeReturnValue;
        _functionDepth++;
        _scopeYield = -1;
        _scopeReturnValue = -1;
        try
        {
            if (!ParseScopeBody())
            {
                return false;
            }

            if (_scopeYield >= 0 && _scopeReturnValue >= 0)
            {
                return CompileError("'return' with argument inside generator", Math.Max(_scopeYield, _scopeReturnValue));
            }
        }
        finally
        {
            _functionDepth--;
            _scopeYield = yields;
            _scopeReturnValue = returns;
        }

        return Close(row, SyntaxKind.FunctionDefinition);
    }

    /// <summary>The body of a def or class: a scope of its own, which the loops and the <c>finally</c> clause around it do not reach into.</summary>
    private bool ParseScopeBody()
    {
        int loops = _loopDepth;
        bool inFinally = _inFinally;
        _loopDepth = 0;
        _inFinally = false;
        try
        {
            return ParseSuite();
        }
        finally
        {
            _loopDepth = loops;
            _inFinally = inFinally;
        }
    }

    /// <summary>
    /// A def's parameters up to ')' or a lambda's up to ':' (not included): <c>varargslist: ((fpdef ['=' test]
    /// ',')* ('*' NAME [',' '**' NAME] | '**' NAME) | fpdef ['=' test] (',' fpdef ['=' test])* [','])</c>, with
    /// the checks of Python 2.7's compiler (no name twice, none without a default after one with a default, no
    /// <c>None</c>). A def's plain parameters get <see cref="SyntaxKind.Parameter"/> rows.
    /// </summary>
    private bool ParseParameters(SyntaxKind close, bool lambda)
    {
        HashSet<string> names = new(StringComparer.Ordinal);
        bool defaults = false;
        while (Kind != close)
        {
            if (Kind is SyntaxKind.AsteriskToken or SyntaxKind.AsteriskAsteriskToken)
            {
                if (!lambda)
                {
                    Unsupported("*args and **kwargs parameters");
                }

                // '*' NAME [',' '**' NAME] | '**' NAME, and nothing after them
                bool single = Kind == SyntaxKind.AsteriskToken;
                Advance();
                if (!ParseParameterName(names))
                {
                    return false;
                }

                if (single && Kind == SyntaxKind.CommaToken)
                {
                    Advance();
                    if (!Expect(SyntaxKind.AsteriskAsteriskToken, "'**'") || !ParseParameterName(names))
                    {
                        return false;
                    }
                }

                return true;
            }

            int paramStart = _pos;
            int paramRow = _rows.Open(paramStart);
            if (Kind == SyntaxKind.OpenParenToken)
            {
                if (!lambda)
                {
                    Unsupported("tuple parameters");
                }

                if (!ParseParameterTuple(names))
                {
                    return false;
                }
            }
            else if (!ParseParameterName(names))
            {
                return false;
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

        return true;
    }

    /// <summary>A parameter's name: not <c>None</c>, and not the name of another parameter of the same function.</summary>
    private bool ParseParameterName(HashSet<string> names)
    {
        int token = _pos;
        if (!ExpectBoundName("a parameter name"))
        {
            return false;
        }

        string name = _text.Substring(_tokens[token].Start, _tokens[token].Length);
        return names.Add(name) || CompileError($"duplicate argument '{(name.Length > 40 ? name[..40] + "..." : name)}' in function definition", token);
    }

    /// <summary><c>fpdef: NAME | '(' fplist ')'</c>, <c>fplist: fpdef (',' fpdef)* [',']</c>, from '('.</summary>
    private bool ParseParameterTuple(HashSet<string> names)
    {
        _stack += 2; // fpdef, fplist
        try
        {
            if (!WithinStack(native: true))
            {
                return false;
            }

            Advance();
            while (true)
            {
                if (!(Kind == SyntaxKind.OpenParenToken ? ParseParameterTuple(names) : ParseParameterName(names)))
                {
                    return false;
                }

                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                Advance();
                if (Kind == SyntaxKind.CloseParenToken)
                {
                    break;
                }
            }

            return Expect(SyntaxKind.CloseParenToken, "')' or ','");
        }
        finally
        {
            _stack -= 2;
        }
    }

    /// <summary><c>classdef: 'class' NAME ['(' [testlist] ')'] ':' suite</c>, kept as text.</summary>
    private bool ParseClass()
    {
        int row = _rows.Open(_pos);
        Unsupported("class");
        Advance();
        if (!ExpectBoundName("a class name"))
        {
            return false;
        }

        if (Kind == SyntaxKind.OpenParenToken)
        {
            Advance();
            if (Kind != SyntaxKind.CloseParenToken && !ParseTestList())
            {
                return false;
            }

            if (!Expect(SyntaxKind.CloseParenToken, "')' or ','"))
            {
                return false;
            }
        }

        if (!Expect(SyntaxKind.ColonToken, "':'"))
        {
            return false;
        }

        // A class body is a scope but not a function: neither 'return' nor 'yield' may stand in it.
        int functions = _functionDepth;
        _functionDepth = 0;
        try
        {
            return ParseScopeBody() && Close(row, OpaqueValue);
        }
        finally
        {
            _functionDepth = functions;
        }
    }

    /// <summary>
    /// <c>try_stmt: 'try' ':' suite ((except_clause ':' suite)+ ['else' ':' suite] ['finally' ':' suite] |
    /// 'finally' ':' suite)</c>, <c>except_clause: 'except' [test [('as' | ',') test]]</c>, kept as text.
    /// </summary>
    private bool ParseTry()
    {
        int row = _rows.Open(_pos);
        Unsupported("try");
        Advance();
        if (!Expect(SyntaxKind.ColonToken, "':'") || !ParseSuite())
        {
            return false;
        }

        bool handlers = false;
        int bare = -1;
        _conditional++; // what the handlers test runs only when the body raises
        try
        {
            while (Keyword == PyKeyword.Except)
            {
                if (bare >= 0)
                {
                    return CompileError("default 'except:' must be last", bare);
                }

                int clause = _pos;
                Advance();
                _stack++; // except_clause
                if (Kind == SyntaxKind.ColonToken)
                {
                    bare = clause;
                }
                else
                {
                    if (!ParseTest())
                    {
                        return false;
                    }

                    if (Keyword == PyKeyword.As || Kind == SyntaxKind.CommaToken)
                    {
                        Advance();
                        int target = _rows.Count;
                        if (!ParseTest() || !CheckTarget(target))
                        {
                            return false;
                        }
                    }
                }

                _stack--;
                if (!Expect(SyntaxKind.ColonToken, "':'") || !ParseSuite())
                {
                    return false;
                }

                handlers = true;
            }
        }
        finally
        {
            _conditional--;
        }

        if (Keyword == PyKeyword.Else)
        {
            if (!handlers)
            {
                return Error("'except' or 'finally'", _pos);
            }

            Advance();
            if (!Expect(SyntaxKind.ColonToken, "':'") || !ParseSuite())
            {
                return false;
            }
        }

        if (Keyword == PyKeyword.Finally)
        {
            Advance();
            bool inFinally = _inFinally;
            _inFinally = true;
            bool ok = Expect(SyntaxKind.ColonToken, "':'") && ParseSuite();
            _inFinally = inFinally;
            if (!ok)
            {
                return false;
            }
        }
        else if (!handlers)
        {
            return Error("'except' or 'finally'", _pos);
        }

        return Close(row, OpaqueValue);
    }

    /// <summary><c>with_stmt: 'with' with_item (',' with_item)* ':' suite</c>, <c>with_item: test ['as' expr]</c>, kept as text.</summary>
    private bool ParseWith()
    {
        int row = _rows.Open(_pos);
        Unsupported("with");
        Advance();
        while (true)
        {
            _stack++; // with_item
            bool ok = ParseTest();
            if (ok && Keyword == PyKeyword.As)
            {
                Advance();
                int target = _rows.Count;
                ok = ParseBitOr() && CheckTarget(target);
            }

            _stack--;
            if (!ok)
            {
                return false;
            }

            if (Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            Advance();
        }

        return Expect(SyntaxKind.ColonToken, "':'") && ParseSuite() && Close(row, OpaqueValue);
    }

    /// <summary>
    /// <c>decorated: decorators (classdef | funcdef)</c>, <c>decorator: '@' dotted_name ['(' [arglist] ')']
    /// NEWLINE</c>, kept as text: the decorators, then the def or class they apply to.
    /// </summary>
    private bool ParseDecorated()
    {
        int row = _rows.Open(_pos);
        Unsupported("a decorator");
        _stack++; // decorators
        try
        {
            while (Kind == SyntaxKind.AtToken)
            {
                Advance();
                if (!ParseDottedName())
                {
                    return false;
                }

                if (Kind == SyntaxKind.OpenParenToken)
                {
                    Advance();
                    _stack++; // decorator
                    bool ok = ParseArguments();
                    _stack--;
                    if (!ok)
                    {
                        return false;
                    }
                }

                if (!Expect(SyntaxKind.NewLineToken, "the end of the line"))
                {
                    return false;
                }

                while (Kind == SyntaxKind.NewLineToken)
                {
                    Advance(); // blank and comment lines
                }
            }
        }
        finally
        {
            _stack--;
        }

        bool parsed = Keyword switch
        {
            PyKeyword.Def => ParseDef(),
            PyKeyword.Class => ParseClass(),
            _ => Error("'def' or 'class' after a decorator", _pos),
        };
        return parsed && Close(row, OpaqueValue);
    }

    /// <summary>The body after ':': simple statements on the same line, or a line break and an indented block.</summary>
    private bool ParseSuite()
    {
        _stack++; // suite
        _conditional++; // a block may not run (each statement of an indented block is a statement of its own)
        try
        {
            return ParseSuiteCore();
        }
        finally
        {
            _stack--;
            _conditional--;
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
}
