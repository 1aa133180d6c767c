using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Parsing;

// Expressions, by precedence level as Python 2.7's grammar has them; operators found after an operand wrap its rows.
internal sealed partial class PyParser
{
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
        RowMark mark = Mark();
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

        Wrap(mark, SyntaxKind.TupleExpression);
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

            RowMark mark = Mark();
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

            Wrap(mark, SyntaxKind.ConditionalExpression);
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
        RowMark mark = Mark();
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
                        Wrap(mark, SyntaxKind.ComparisonExpression);
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
        RowMark mark = Mark();
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

            WrapChain(mark, chainBase);
            return true;
        }
        finally
        {
            _chain.Truncate(chainBase);
            _stack--;
        }
    }

    /// <summary>Wraps the chain entries from <paramref name="chainBase"/> on around the rows from <paramref name="mark"/> on.</summary>
    private void WrapChain(RowMark mark, int chainBase) =>
        _rows.WrapChain(mark.Row, mark.Token, _chain.RawArray.AsSpan(chainBase, _chain.Count - chainBase));

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
        RowMark mark = Mark();
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
                WrapChain(mark, chainBase);
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

        Wrap(mark, SyntaxKind.BinaryExpression);
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
        RowMark mark = Mark();
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
            Wrap(mark, SyntaxKind.TupleExpression);
        }

        return Expect(SyntaxKind.CloseBracketToken, "']'");
    }

    private bool ParseSubscript()
    {
        RowMark mark = Mark();
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

        Wrap(mark, SyntaxKind.Slice);
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
                RowMark mark = Mark();
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

                Wrap(mark, SyntaxKind.ConcatenatedString);
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
}
