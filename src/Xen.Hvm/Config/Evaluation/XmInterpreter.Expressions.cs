using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Evaluation;

// Expressions: literals, displays, operators, comparisons.
internal sealed partial class XmInterpreter
{
    private PyObj Eval(int row, Frame f)
    {
        PyObj value = EvalOrRaised(row, f);
        return value is PyRaised raised ? throw raised.Raise : value; // a caller that takes only values: on as .NET's
    }

    /// <summary>
    /// <see cref="Eval"/> for a statement that hands a raised exception on as <see cref="Flow.Raise"/>: a call that
    /// raised comes back as a <see cref="PyRaised"/> (the only kind of expression that makes one), placed at this
    /// expression, instead of being thrown.
    /// </summary>
    private PyObj EvalOrRaised(int row, Frame f)
    {
        Step(row);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new EvaluationLimitException(XmLimit.Nesting, "the expressions or calls nest too deeply");
        }

        PyObj value;
        try
        {
            value = EvalCore(row, f);
        }
        catch (UnknownValueException)
        {
            return PyUnknown.Instance;
        }
        catch (PyRaise raise) when (PlaceRaise(raise, row))
        {
            throw; // never reached: PlaceRaise declines every exception
        }

        if (value is PyRaised raised)
        {
            PlaceRaise(raised.Raise, row);
        }

        return value;
    }

    /// <summary>
    /// An exception filter that gives a Python exception raised without a place (by a builtin, an operator) the row
    /// of the innermost expression it passes through, and declines it: the filter runs while .NET looks for a
    /// handler, so the exception goes on to its handler in one dispatch instead of being caught and thrown again.
    /// </summary>
    private static bool PlaceRaise(PyRaise raise, int row)
    {
        if (raise.Row < 0)
        {
            raise.Row = row;
        }

        return false;
    }

    private PyObj EvalCore(int row, Frame f)
    {
        switch (_data.Kind(row))
        {
            case SyntaxKind.NameExpression:
                return Lookup(TokenText(_data.LeafToken(row)), f);
            case SyntaxKind.NumberLiteral:
            {
                if (_literals.TryGetValue(row, out PyObj? known))
                {
                    return known;
                }

                ReadOnlySpan<char> text = _data.TokenText(_data.LeafToken(row));
                PyNumberValue n = PyNumber.Parse(text, _context.MaxIntegerDigits, PyOps.MaxIntegerBits);
                if (n.TooLong)
                {
                    throw new EvaluationLimitException(XmLimit.IntegerDigits, $"an integer literal of {text.Length.ToString(CultureInfo.InvariantCulture)} characters, more than the bound of {_context.MaxIntegerDigits.ToString(CultureInfo.InvariantCulture)} digits");
                }

                if (n.TooBig)
                {
                    throw PyOps.TooBig();
                }

                if (n.IsComplex)
                {
                    throw NotSupported(row, "complex numbers");
                }

                PyObj number = n.IsFloat ? new PyFloat(n.Float) : PyOps.MakeInt(n.Integer, n.IsLong);
                _budget.ChargeObjects(1);
                _literals[row] = number; // numbers are immutable: a literal in a loop is read once
                return number;
            }

            case SyntaxKind.StringLiteral:
                return StringAt(_data.LeafToken(row));
            case SyntaxKind.ConcatenatedString:
            {
                if (_literals.TryGetValue(row, out PyObj? joined))
                {
                    return joined;
                }

                var sb = new StringBuilder();
                bool unicode = false;
                foreach (int child in _data.Children(row))
                {
                    PyStr s = StringAt(_data.LeafToken(child));
                    sb.Append(s.Value);
                    unicode |= s.IsUnicode;
                }

                _budget.ChargeString(sb.Length);
                var concatenated = new PyStr(sb.ToString(), unicode);
                _literals[row] = concatenated;
                return concatenated;
            }

            case SyntaxKind.List:
            {
                var items = new List<PyObj>();
                foreach (int child in _data.Children(row))
                {
                    items.Add(Eval(child, f));
                }

                _budget.ChargeList(items.Count);
                return new PyList(items);
            }

            case SyntaxKind.TupleExpression:
            {
                var items = new List<PyObj>();
                foreach (int child in _data.Children(row))
                {
                    items.Add(Eval(child, f));
                }

                _budget.ChargeList(items.Count);
                return items.Count == 0 ? PyTuple.Empty : new PyTuple([.. items]);
            }

            case SyntaxKind.ParenthesizedExpression:
                return Eval(_data.Operand(row), f);
            case SyntaxKind.DictionaryExpression:
            {
                var dict = new PyDict(_budget);
                foreach (int entry in _data.Children(row))
                {
                    PyObj key = Eval(_data.DictionaryEntryKey(entry), f);
                    PyObj value = Eval(_data.DictionaryEntryValue(entry), f);
                    _budget.Allocate(XmBudget.DictionaryEntryBytes);
                    if (key is PyUnknown)
                    {
                        dict.Tainted = true;
                        continue;
                    }

                    CheckHashable(key);
                    dict.Set(key, value);
                }

                _budget.CheckSize(dict.Count);
                return dict;
            }

            case SyntaxKind.UnaryExpression:
                return PyOps.Unary(TokenText(_data.FirstToken(row)), Eval(_data.Operand(row), f));
            case SyntaxKind.BinaryExpression:
                return EvalBinary(row, f);
            case SyntaxKind.ComparisonExpression:
                return EvalComparison(row, f);
            case SyntaxKind.ConditionalExpression:
            {
                bool? truth = PyOps.Truth(Eval(_data.ConditionalCondition(row), f));
                return truth is null ? PyUnknown.Instance : Eval(truth.Value ? _data.ConditionalWhenTrue(row) : _data.ConditionalWhenFalse(row), f);
            }

            case SyntaxKind.MemberAccessExpression:
                return GetAttribute(Eval(_data.Target(row), f), TokenText(_data.MemberAccessNameToken(row)), row);
            case SyntaxKind.CallExpression:
                return EvalCall(row, f);
            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(row), f);
                int index = _data.SubscriptIndex(row);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    return GetSlice(container, ReadSlice(index, f));
                }

                return GetItem(container, Eval(index, f), row);
            }

            default:
                throw NotSupported(row, _data.Kind(row).ToString());
        }
    }

    /// <summary>A string literal, decoded (and charged) once: strings are immutable, so a literal in a loop costs nothing more.</summary>
    private PyStr StringAt(int token)
    {
        if (_strings.TryGetValue(token, out PyStr? known))
        {
            return known;
        }

        string value = _tree.DecodeString(token);
        _budget.ChargeString(value.Length);
        ReadOnlySpan<char> raw = _data.TokenText(token);
        bool unicode = raw.Length > 0 && raw[0] is 'u' or 'U';
        var s = new PyStr(value, unicode);
        _strings[token] = s;
        return s;
    }

    /// <summary>Raises Python's <c>TypeError</c> for a key that holds a list or dictionary.</summary>
    private void CheckHashable(PyObj key) => PyDeep.Hash(key, _budget);

    /// <summary>Evaluates a left-deep chain (<c>a + b + c ...</c>) iteratively, so a long chain cannot exhaust the stack.</summary>
    private PyObj EvalBinary(int row, Frame f)
    {
        var spine = new List<int>();
        int current = row;
        while (_data.Kind(current) == SyntaxKind.BinaryExpression)
        {
            spine.Add(current);
            current = _data.BinaryLeft(current);
        }

        PyObj acc = Eval(current, f);
        for (int i = spine.Count - 1; i >= 0; i--)
        {
            int binary = spine[i];
            Step(binary);
            int right = _data.BinaryRight(binary);
            string op = TokenText(_data.BinaryOperatorToken(binary));
            if (op is "and" or "or")
            {
                bool? truth = PyOps.Truth(acc);
                if (truth is null)
                {
                    acc = PyUnknown.Instance;
                }
                else if ((op == "and") == truth.Value)
                {
                    acc = Eval(right, f);
                }

                continue;
            }

            try
            {
                acc = PyOps.Binary(op, acc, Eval(right, f), this);
            }
            catch (PyRaise raise) when (PlaceRaise(raise, binary))
            {
                throw; // never reached: PlaceRaise declines every exception
            }
            catch (UnknownValueException)
            {
                acc = PyUnknown.Instance;
            }
        }

        return acc;
    }

    private PyObj EvalComparison(int row, Frame f)
    {
        var node = (ComparisonExpressionSyntax)_tree.GetNode(row, null);
        IReadOnlyList<string> ops = node.Operators;
        var operands = new List<int>();
        foreach (int operand in _data.Children(row))
        {
            operands.Add(operand);
        }

        PyObj left = Eval(operands[0], f);
        for (int i = 0; i < ops.Count; i++)
        {
            PyObj right = Eval(operands[i + 1], f);
            bool? result = PyOps.CompareOp(ops[i], left, right, _budget);
            if (result is null)
            {
                return PyUnknown.Instance;
            }

            if (!result.Value)
            {
                return PyBool.False;
            }

            left = right;
        }

        return PyBool.True;
    }
}
