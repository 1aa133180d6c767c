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
}
