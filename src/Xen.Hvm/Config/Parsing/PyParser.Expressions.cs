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
    private bool ParseTest() => ParseTest(old: false);

    /// <summary>
    /// <c>test</c>, or with <paramref name="old"/> <c>old_test: or_test | old_lambdef</c> (a comprehension's
    /// conditions and a list comprehension's iterable, where a conditional expression needs parentheses).
    /// </summary>
    private bool ParseTest(bool old)
    {
        _stack++; // test or old_test
        try
        {
            if (!WithinStack(native: true))
            {
                return false;
            }

            if (Keyword == PyKeyword.Lambda)
            {
                return ParseLambda(old);
            }

            RowMark mark = Mark();
            int certain = _certainRaise;
            if (!ParseOrTest())
            {
                return false;
            }

            if (old || Keyword != PyKeyword.If)
            {
                return true;
            }

            _certainRaise = certain; // the value before 'if' may not be computed
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
            _conditional++;
            bool ok = ParseTest();
            _conditional--;
            if (!ok)
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

    /// <summary><c>lambdef: 'lambda' [varargslist] ':' test</c> (or <c>old_test</c> after <paramref name="old"/>), kept as an opaque value.</summary>
    private bool ParseLambda(bool old)
    {
        int row = _rows.Open(_pos);
        Unsupported("lambda");
        Advance();
        _stack++; // lambdef or old_lambdef
        try
        {
            if (Kind != SyntaxKind.ColonToken && !ParseParameters(SyntaxKind.ColonToken, lambda: true))
            {
                return false;
            }

            if (!Expect(SyntaxKind.ColonToken, "':'"))
            {
                return false;
            }

            // The body is a function's: it runs only when called, and a yield in it makes that function a generator.
            int yields = _scopeYield;
            int returns = _scopeReturnValue;
            _functionDepth++;
            _conditional++;
            bool ok = ParseTest(old);
            _conditional--;
            _functionDepth--;
            _scopeYield = yields;
            _scopeReturnValue = returns;
            return ok && Close(row, OpaqueValue);
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
        int conditional = _conditional;
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
                    _conditional = conditional;
                    if (any)
                    {
                        Wrap(mark, SyntaxKind.ComparisonExpression);
                    }

                    return true;
            }

            if (any)
            {
                _conditional = conditional + 1; // a < b < c: c is computed only when a < b
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

            bool shortCircuit = level is Level.Or or Level.And;
            while (IsOperatorOf(level))
            {
                Advance();
                _conditional += shortCircuit ? 1 : 0;
                bool ok = ParseOperand(level);
                _conditional -= shortCircuit ? 1 : 0;
                if (!ok)
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

    /// <summary>
    /// The arguments of a call, after '(' up to and including ')': <c>arglist: (argument ',')* (argument [','] |
    /// '*' test (',' argument)* [',' '**' test] | '**' test)</c>, <c>argument: test [comp_for] | test '=' test</c>,
    /// with the checks of Python 2.7's compiler (no positional argument after a keyword or <c>*args</c>, a generator
    /// expression alone, no keyword twice, at most 255).
    /// </summary>
    private bool ParseArguments()
    {
        if (Kind == SyntaxKind.CloseParenToken)
        {
            Advance();
            return true;
        }

        int open = _lastConsumed;
        int positional = 0;
        int named = 0;
        int generators = 0;
        bool star = false;
        bool doubleStar = false;
        HashSet<string>? keywords = null;
        _stack += 2; // arglist, argument
        try
        {
            while (Kind != SyntaxKind.CloseParenToken)
            {
                if (doubleStar)
                {
                    return Error("')'", _pos); // '**' test ends the arguments
                }

                if (Kind is SyntaxKind.AsteriskToken or SyntaxKind.AsteriskAsteriskToken)
                {
                    bool isDouble = Kind == SyntaxKind.AsteriskAsteriskToken;
                    if (star && !isDouble)
                    {
                        return Error("'**' or an argument", _pos);
                    }

                    Unsupported("*args and **kwargs arguments");
                    Advance();
                    if (!ParseTest())
                    {
                        return false;
                    }

                    star |= !isDouble;
                    doubleStar |= isDouble;
                }
                else if (Kind == SyntaxKind.IdentifierToken && _tokens[PeekNext()].Kind == SyntaxKind.EqualsToken)
                {
                    int first = _pos;
                    if (!CheckBindable(first))
                    {
                        return false;
                    }

                    string name = _text.Substring(_tokens[first].Start, _tokens[first].Length);

                    keywords ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!keywords.Add(name))
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
                    named++;
                }
                else
                {
                    RowMark mark = Mark();
                    int certain = _certainRaise;
                    if (!ParseTest())
                    {
                        return false;
                    }

                    if (Kind == SyntaxKind.EqualsToken)
                    {
                        // f((a)=1) is a keyword argument to Python 2.7; f(a.b=1) and f(1=2) are not.
                        if (!IsParenthesizedName(mark.Row))
                        {
                            return CompileError("keyword can't be an expression", mark.Token);
                        }

                        Unsupported("a parenthesized keyword argument");
                        Advance();
                        if (!ParseTest())
                        {
                            return false;
                        }

                        named++;
                    }
                    else if (Keyword == PyKeyword.For)
                    {
                        _certainRaise = certain; // the element of a generator expression may never be computed
                        Unsupported("a generator expression");
                        if (!ParseComprehension(list: false))
                        {
                            return false;
                        }

                        generators++;
                    }
                    else if (named > 0 || star)
                    {
                        return CompileError(star ? "only named arguments may follow *expression" : "non-keyword arg after keyword arg", mark.Token);
                    }
                    else
                    {
                        positional++;
                    }
                }

                if (positional + named + generators > MaxArguments)
                {
                    return CompileError("more than 255 arguments", open);
                }

                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                Advance();
                if ((star || doubleStar) && Kind == SyntaxKind.CloseParenToken)
                {
                    return Error("an argument", _pos); // no trailing comma after *args or **kwargs in Python 2
                }
            }
        }
        finally
        {
            _stack -= 2;
        }

        if (generators > 1 || (generators == 1 && positional + named > 0))
        {
            return CompileError("Generator expression must be parenthesized if not sole argument", open);
        }

        return Expect(SyntaxKind.CloseParenToken, "')' or ','");
    }

    /// <summary>Whether the node at <paramref name="row"/> is a name in parentheses (<c>(a)</c>, <c>((a))</c>).</summary>
    private bool IsParenthesizedName(int row)
    {
        if (_rows.Kind(row) != SyntaxKind.ParenthesizedExpression)
        {
            return false;
        }

        while (_rows.Kind(row) == SyntaxKind.ParenthesizedExpression)
        {
            row = _rows.Next(row);
        }

        return _rows.Kind(row) == SyntaxKind.NameExpression;
    }

    /// <summary>Whether the node at <paramref name="row"/> is a list, dictionary or set display or a comprehension (in parentheses or not): a value Python cannot hash.</summary>
    private bool IsUnhashableDisplay(int row)
    {
        while (_rows.Kind(row) == SyntaxKind.ParenthesizedExpression)
        {
            row = _rows.Next(row);
        }

        return _rows.Kind(row) is SyntaxKind.List or SyntaxKind.DictionaryExpression;
    }

    /// <summary>Notes a set item or dictionary key at <paramref name="row"/> that raises whenever the statement runs.</summary>
    private void CheckHashable(int row)
    {
        if (_certainRaise < 0 && _conditional == 0 && IsUnhashableDisplay(row))
        {
            _certainRaise = _rows.FirstToken(row);
            _certainRaiseLast = _rows.LastToken(row);
        }
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
            // subscript: '.' '.' '.' (three tokens in Python 2, which may stand apart)
            int row = _rows.Open(_pos);
            Unsupported("an ellipsis");
            return Expect(SyntaxKind.DotToken, "'...'") && Expect(SyntaxKind.DotToken, "'...'") && Expect(SyntaxKind.DotToken, "'...'") && Close(row, OpaqueValue);
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
                return ParseListDisplay();
            case SyntaxKind.OpenBraceToken:
                return ParseDictionaryOrSet();
            case SyntaxKind.BacktickToken:
                return ParseBackquote();
            default:
                return Error("an expression", _pos);
        }
    }

    /// <summary><c>'(' [yield_expr | testlist_comp] ')'</c>: a parenthesized expression, a tuple, a generator expression or a yield.</summary>
    private bool ParseParenthesized()
    {
        int row = _rows.Open(_pos);
        Advance();
        if (Keyword == PyKeyword.Yield)
        {
            return ParseYield() && Expect(SyntaxKind.CloseParenToken, "')'") && Close(row, OpaqueValue);
        }

        if (!ParseDisplay(SyntaxKind.CloseParenToken, "')' or ','", out int items, out bool comma, out bool comprehension))
        {
            return false;
        }

        return Close(row, comprehension ? OpaqueValue : items == 1 && !comma ? SyntaxKind.ParenthesizedExpression : SyntaxKind.TupleExpression);
    }

    /// <summary><c>'[' [listmaker] ']'</c>: a list display or a list comprehension.</summary>
    private bool ParseListDisplay()
    {
        int row = _rows.Open(_pos);
        Advance();
        return ParseDisplay(SyntaxKind.CloseBracketToken, "']' or ','", out _, out _, out bool comprehension)
            && Close(row, comprehension ? OpaqueContainer : SyntaxKind.List);
    }

    /// <summary>
    /// The rest of a tuple or list display after its opening bracket, up to and including <paramref name="close"/>
    /// (<c>testlist_comp</c> or <c>listmaker</c>: <c>test (comp_for | (',' test)* [','])</c>). Its items, when
    /// there are any, are one grammar rule deeper.
    /// </summary>
    private bool ParseDisplay(SyntaxKind close, string expected, out int items, out bool comma, out bool comprehension)
    {
        items = 0;
        comma = false;
        comprehension = false;
        if (Kind == close)
        {
            Advance();
            return true;
        }

        _stack++; // testlist_comp or listmaker
        try
        {
            while (Kind != close)
            {
                int certain = _certainRaise;
                if (!ParseTest())
                {
                    return false;
                }

                items++;
                if (Keyword == PyKeyword.For && items == 1 && !comma)
                {
                    _certainRaise = certain; // the element of a comprehension may never be computed
                    comprehension = true;
                    bool list = close == SyntaxKind.CloseBracketToken;
                    Unsupported(list ? "a list comprehension" : "a generator expression");
                    if (!ParseComprehension(list))
                    {
                        return false;
                    }

                    break;
                }

                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                comma = true;
                Advance();
            }
        }
        finally
        {
            _stack--;
        }

        return Expect(close, expected);
    }

    /// <summary>
    /// <c>'{' [dictorsetmaker] '}'</c>: a dictionary display, or (kept as text) a set display or a dictionary or set
    /// comprehension. <c>dictorsetmaker: (test ':' test (comp_for | (',' test ':' test)* [','])) | (test (comp_for |
    /// (',' test)* [',']))</c>.
    /// </summary>
    private bool ParseDictionaryOrSet()
    {
        int brace = _pos;
        int row = _rows.Open(_pos);
        Advance();
        if (Kind == SyntaxKind.CloseBraceToken)
        {
            Advance();
            return Close(row, SyntaxKind.DictionaryExpression);
        }

        _stack++; // dictorsetmaker
        bool ok;
        bool set = false;
        try
        {
            int entryRow = _rows.Open(_pos);
            int certain = _certainRaise;
            if (!ParseTest())
            {
                return false;
            }

            if (Kind == SyntaxKind.ColonToken)
            {
                ok = ParseDictionaryEntries(entryRow, certain);
            }
            else
            {
                set = true;
                ok = ParseSetItems(entryRow, certain, brace);
            }
        }
        finally
        {
            _stack--;
        }

        return ok && Expect(SyntaxKind.CloseBraceToken, "'}' or ','") && Close(row, set ? OpaqueContainer : SyntaxKind.DictionaryExpression);
    }

    /// <summary>The entries of a dictionary display (or its comprehension), after the first key, up to '}'.</summary>
    private bool ParseDictionaryEntries(int entryRow, int certain)
    {
        bool first = true;
        while (true)
        {
            if (Kind != SyntaxKind.ColonToken)
            {
                return Error("':'", _pos);
            }

            Advance();
            int keyRow = _rows.Next(entryRow);
            if (!ParseTest())
            {
                return false;
            }

            if (first && Keyword == PyKeyword.For)
            {
                _certainRaise = certain; // the key and value of a comprehension may never be computed
                Unsupported("a dictionary comprehension");
                return ParseComprehension(list: false) && Close(entryRow, SyntaxKind.DictionaryEntry);
            }

            CheckHashable(keyRow);
            Close(entryRow, SyntaxKind.DictionaryEntry);
            first = false;
            if (Kind != SyntaxKind.CommaToken)
            {
                return true;
            }

            Advance();
            if (Kind == SyntaxKind.CloseBraceToken)
            {
                return true;
            }

            entryRow = _rows.Open(_pos);
            if (!ParseTest())
            {
                return false;
            }
        }
    }

    /// <summary>The items of a set display (or its comprehension), after the first one, up to '}'.</summary>
    private bool ParseSetItems(int firstRow, int certain, int brace)
    {
        // The set display has no entry rows: the row opened for a first entry holds the first item.
        if (Keyword == PyKeyword.For)
        {
            _certainRaise = certain; // the element of a comprehension may never be computed
            Unsupported("a set comprehension");
            return ParseComprehension(list: false) && Close(firstRow, OpaqueValue);
        }

        Unsupported("a set display", brace);
        Close(firstRow, OpaqueValue);
        CheckHashable(_rows.Next(firstRow));
        while (Kind == SyntaxKind.CommaToken)
        {
            Advance();
            if (Kind == SyntaxKind.CloseBraceToken)
            {
                break;
            }

            int item = _rows.Count;
            if (!ParseTest())
            {
                return false;
            }

            CheckHashable(item);
        }

        return true;
    }

    /// <summary>
    /// A comprehension's clauses, from its first <c>for</c>: <c>list_for: 'for' exprlist 'in' testlist_safe
    /// [list_iter]</c> and <c>list_if: 'if' old_test [list_iter]</c> with <paramref name="list"/>, else
    /// <c>comp_for: 'for' exprlist 'in' or_test [comp_iter]</c> and <c>comp_if: 'if' old_test [comp_iter]</c>.
    /// Only the first iterable is computed for sure; each clause nests one grammar rule deeper, as in Python.
    /// </summary>
    private bool ParseComprehension(bool list)
    {
        int saved = _stack;
        int conditional = _conditional;
        try
        {
            bool first = true;
            while (true)
            {
                if (Keyword == PyKeyword.For)
                {
                    _stack += first ? 1 : 2; // list_for / comp_for (and list_iter / comp_iter after the first clause)
                    if (!WithinStack(native: false))
                    {
                        return false;
                    }

                    if (!ParseForTarget() || !(list ? ParseTestListSafe() : ParseOrTest()))
                    {
                        return false;
                    }

                    if (first)
                    {
                        _conditional++; // the element, the conditions and the later iterables may never be computed
                        first = false;
                    }
                }
                else if (Keyword == PyKeyword.If)
                {
                    _stack += 2; // list_iter / comp_iter, list_if / comp_if
                    if (!WithinStack(native: false))
                    {
                        return false;
                    }

                    Advance();
                    if (!ParseTest(old: true))
                    {
                        return false;
                    }
                }
                else
                {
                    return true;
                }
            }
        }
        finally
        {
            _stack = saved;
            _conditional = conditional;
        }
    }

    /// <summary><c>testlist_safe: old_test [(',' old_test)+ [',']]</c>: the iterable of a list comprehension (a trailing comma needs two items).</summary>
    private bool ParseTestListSafe()
    {
        _stack++; // testlist_safe
        try
        {
            RowMark mark = Mark();
            if (!ParseTest(old: true))
            {
                return false;
            }

            if (Kind != SyntaxKind.CommaToken)
            {
                return true;
            }

            Advance();
            if (!ParseTest(old: true))
            {
                return false;
            }

            while (Kind == SyntaxKind.CommaToken)
            {
                Advance();
                if (!StartsExpression())
                {
                    break;
                }

                if (!ParseTest(old: true))
                {
                    return false;
                }
            }

            Wrap(mark, SyntaxKind.TupleExpression);
            return true;
        }
        finally
        {
            _stack--;
        }
    }

    /// <summary><c>'`' testlist1 '`'</c>: a backquote (repr), kept as an opaque value.</summary>
    private bool ParseBackquote()
    {
        int row = _rows.Open(_pos);
        Unsupported("a backquote (repr)");
        Advance();
        _stack++; // testlist1
        try
        {
            while (true)
            {
                if (!ParseTest())
                {
                    return false;
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
            _stack--;
        }

        return Expect(SyntaxKind.BacktickToken, "'`' or ','") && Close(row, OpaqueValue);
    }

    /// <summary>
    /// <c>yield_expr: 'yield' [testlist]</c>, which only a function may hold (in parentheses, after '=', or as a
    /// statement): it makes the function a generator, which the evaluator does not run.
    /// </summary>
    private bool ParseYield()
    {
        if (_functionDepth == 0)
        {
            return CompileError("'yield' outside function", _pos);
        }

        if (_scopeYield < 0)
        {
            _scopeYield = _pos;
        }

        Unsupported("yield");
        Advance();
        _stack++; // yield_expr
        try
        {
            return !StartsExpression() || ParseTestList();
        }
        finally
        {
            _stack--;
        }
    }
}
