using System.Globalization;
using System.Numerics;
using System.Text;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>Python 2's exception classes that configs can meet.</summary>
internal static class PyExceptions
{
    public static readonly PyClass BaseException = new("BaseException", null, true);
    public static readonly PyClass SystemExit = new("SystemExit", BaseException, true);
    public static readonly PyClass Exception = new("Exception", BaseException, true);
    public static readonly PyClass StandardError = new("StandardError", Exception, true);
    public static readonly PyClass ArithmeticError = new("ArithmeticError", StandardError, true);
    public static readonly PyClass LookupError = new("LookupError", StandardError, true);
    public static readonly PyClass EnvironmentError = new("EnvironmentError", StandardError, true);
    public static readonly PyClass ValueError = new("ValueError", StandardError, true);
    public static readonly PyClass TypeError = new("TypeError", StandardError, true);
    public static readonly PyClass NameError = new("NameError", StandardError, true);
    public static readonly PyClass UnboundLocalError = new("UnboundLocalError", NameError, true);
    public static readonly PyClass AttributeError = new("AttributeError", StandardError, true);
    public static readonly PyClass KeyError = new("KeyError", LookupError, true);
    public static readonly PyClass IndexError = new("IndexError", LookupError, true);
    public static readonly PyClass ZeroDivisionError = new("ZeroDivisionError", ArithmeticError, true);
    public static readonly PyClass OverflowError = new("OverflowError", ArithmeticError, true);
    public static readonly PyClass RuntimeError = new("RuntimeError", StandardError, true);
    public static readonly PyClass NotImplementedError = new("NotImplementedError", RuntimeError, true);
    public static readonly PyClass AssertionError = new("AssertionError", StandardError, true);
    public static readonly PyClass ImportError = new("ImportError", StandardError, true);
    public static readonly PyClass IOError = new("IOError", EnvironmentError, true);
    public static readonly PyClass OSError = new("OSError", EnvironmentError, true);
    public static readonly PyClass MemoryError = new("MemoryError", StandardError, true);

    public static readonly PyClass[] All =
    [
        BaseException, SystemExit, Exception, StandardError, ArithmeticError, LookupError, EnvironmentError, ValueError,
        TypeError, NameError, UnboundLocalError, AttributeError, KeyError, IndexError, ZeroDivisionError, OverflowError,
        RuntimeError, NotImplementedError, AssertionError, ImportError, IOError, OSError, MemoryError,
    ];

    public static PyRaise Raise(PyClass cls, string message) => new(new PyExceptionInstance(cls, [new PyStr(message)]), -1);
}

/// <summary>Python 2 semantics of operators, comparisons, truth, <c>str</c>/<c>repr</c> and <c>%</c> formatting.</summary>
internal static class PyOps
{
    /// <summary>Integers past this many bits stop the evaluation (a memory bound).</summary>
    public const int MaxIntegerBits = 1 << 16;

    public static bool IsUnknown(PyObj o) => o is PyUnknown;

    public static bool TryInteger(PyObj o, out BigInteger value)
    {
        switch (o)
        {
            case PyInt i:
                value = i.Value;
                return true;
            case PyBool b:
                value = b.Value ? BigInteger.One : BigInteger.Zero;
                return true;
            default:
                value = default;
                return false;
        }
    }

    public static bool IsLong(PyObj o) => o is PyInt { IsLong: true };

    public static bool TryNumber(PyObj o, out double value)
    {
        switch (o)
        {
            case PyFloat f:
                value = f.Value;
                return true;
            case PyInt or PyBool:
                TryInteger(o, out BigInteger i);
                value = (double)i;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    public static PyInt MakeInt(BigInteger v, bool isLong = false)
    {
        if (v.GetBitLength() > MaxIntegerBits)
        {
            throw TooBig();
        }

        return new PyInt(v, isLong);
    }

    /// <summary>Truth value; <see langword="null"/> for unknown.</summary>
    public static bool? Truth(PyObj o) => o switch
    {
        PyUnknown => null,
        PyNone => false,
        PyBool b => b.Value,
        PyInt i => !i.Value.IsZero,
        PyFloat f => f.Value != 0,
        PyStr s => s.Value.Length > 0,
        PyList l => l.Tainted ? null : l.Items.Count > 0,
        PyTuple t => t.Items.Length > 0,
        PyDict d => d.Tainted ? null : d.Count > 0,
        PyMatch => true,
        _ => true,
    };

    public static EvaluationLimitException TooBig() => new(XmLimit.ValueSize, $"an integer of more than {MaxIntegerBits} bits");

    /// <summary><c>a == b</c> where an unknown value counts as different (see <see cref="PyDeep.Equal"/> for the three-valued answer).</summary>
    public static bool ValueEquals(PyObj a, PyObj b, XmBudget budget) => PyDeep.Equal(a, b, budget) == true;

    /// <summary>Python 2's <c>cmp</c> (see <see cref="PyDeep.Compare"/>).</summary>
    public static int Compare(PyObj a, PyObj b, XmBudget budget) => PyDeep.Compare(a, b, budget);

    // ------------------------------------------------------------------ str and repr

    /// <summary><c>str(o)</c>, charged to the budget; a value nested too deeply raises <c>RuntimeError</c>.</summary>
    public static string Str(PyObj o, XmBudget budget)
    {
        if (o is PyStr s)
        {
            return s.Value;
        }

        var sb = new StringBuilder();
        PyDeep.Write(sb, o, str: true, budget);
        return sb.ToString();
    }

    /// <summary><c>repr(o)</c>, charged to the budget; a value nested too deeply raises <c>RuntimeError</c>.</summary>
    public static string Repr(PyObj o, XmBudget budget)
    {
        var sb = new StringBuilder();
        PyDeep.Write(sb, o, str: false, budget);
        return sb.ToString();
    }

    /// <summary><c>str(o)</c> for a message: at most about 200 characters, never an error.</summary>
    public static string StrForMessage(PyObj o)
    {
        var sb = new StringBuilder();
        PyDeep.Write(sb, o, str: true, null, MessageLength);
        return sb.ToString();
    }

    /// <summary><c>repr(o)</c> for a message: at most about 200 characters, never an error.</summary>
    public static string ReprForMessage(PyObj o)
    {
        var sb = new StringBuilder();
        PyDeep.Write(sb, o, str: false, null, MessageLength);
        return sb.ToString();
    }

    private const int MessageLength = 200;

    /// <summary><c>str</c> of a value that is not a list, tuple or dictionary.</summary>
    public static string ScalarStr(PyObj o) => o switch
    {
        PyStr s => s.Value,
        PyInt i => i.Value.ToString(CultureInfo.InvariantCulture),
        PyFloat f => Internal.PyFloatFormat.Str(f.Value),
        PyExceptionInstance e => e.Args.Length == 0 ? string.Empty : e.Args.Length == 1 ? StrForMessage(e.Args[0]) : ReprForMessage(new PyTuple(e.Args)),
        _ => ScalarRepr(o),
    };

    /// <summary><c>repr</c> of a value that is not a list, tuple or dictionary.</summary>
    public static string ScalarRepr(PyObj o) => o switch
    {
        PyStr s => (s.IsUnicode ? "u" : string.Empty) + ReprString(s.Value),
        PyInt i => i.Value.ToString(CultureInfo.InvariantCulture) + (i.IsLong ? "L" : string.Empty),
        PyBool b => b.Value ? "True" : "False",
        PyFloat f => Internal.PyFloatFormat.Repr(f.Value),
        PyNone => "None",
        PyClass c => c.IsException ? $"<type 'exceptions.{c.Name}'>" : $"<type '{c.Name}'>",
        PyExceptionInstance e => e.Class.Name + ReprForMessage(new PyTuple(e.Args)),
        PyModule m => $"<module '{m.Name}'>",
        PyFunction f => $"<function {f.Name}>",
        PyBuiltin b => $"<built-in function {b.Name}>",
        _ => "<" + o.TypeName + " object>",
    };

    private static string ReprString(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < ' ' || c is >= '\u007F' and <= '\u00FF')
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (c > '\u00FF')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }

    // ------------------------------------------------------------------ arithmetic

    public static PyObj Binary(string op, PyObj a, PyObj b, XmInterpreter interp)
    {
        if (a is PyUnknown || b is PyUnknown)
        {
            return PyUnknown.Instance;
        }

        if (TryInteger(a, out BigInteger ia) && TryInteger(b, out BigInteger ib))
        {
            bool isLong = IsLong(a) || IsLong(b);
            PyObj result = op switch
            {
                "+" => MakeInt(ia + ib, isLong),
                "-" => MakeInt(ia - ib, isLong),
                "*" => CheckedMultiply(ia, ib, isLong),
                "/" or "//" => ib.IsZero ? throw PyExceptions.Raise(PyExceptions.ZeroDivisionError, "integer division or modulo by zero") : MakeInt(FloorDiv(ia, ib), isLong),
                "%" => ib.IsZero ? throw PyExceptions.Raise(PyExceptions.ZeroDivisionError, "integer division or modulo by zero") : MakeInt(ia - (FloorDiv(ia, ib) * ib), isLong),
                "**" => IntPower(ia, ib, isLong),
                "<<" => ib.Sign < 0 ? throw PyExceptions.Raise(PyExceptions.ValueError, "negative shift count")
                    : ia.IsZero ? MakeInt(ia, isLong)
                    : ib > MaxIntegerBits ? throw TooBig() : MakeInt(ia << (int)ib, isLong),
                ">>" => ib.Sign < 0 ? throw PyExceptions.Raise(PyExceptions.ValueError, "negative shift count") : MakeInt(ib > MaxIntegerBits ? (ia.Sign < 0 ? -1 : 0) : ia >> (int)ib, isLong),
                "&" => MakeInt(ia & ib, isLong),
                "|" => MakeInt(ia | ib, isLong),
                "^" => MakeInt(ia ^ ib, isLong),
                _ => throw Unsupported(op, a, b),
            };
            if (result is PyInt { IsLong: true } big)
            {
                interp.Budget.ChargeInteger(big.Value.GetBitLength());
            }

            return result;
        }

        if (TryNumber(a, out double da) && TryNumber(b, out double db))
        {
            return op switch
            {
                "+" => new PyFloat(da + db),
                "-" => new PyFloat(da - db),
                "*" => new PyFloat(da * db),
                "/" => db == 0 ? throw PyExceptions.Raise(PyExceptions.ZeroDivisionError, "float division by zero") : new PyFloat(da / db),
                "//" => db == 0 ? throw PyExceptions.Raise(PyExceptions.ZeroDivisionError, "float divmod()") : new PyFloat(Math.Floor(da / db)),
                "%" => db == 0 ? throw PyExceptions.Raise(PyExceptions.ZeroDivisionError, "float modulo") : new PyFloat(da - (Math.Floor(da / db) * db)),
                "**" => da == 0 && db < 0 ? throw PyExceptions.Raise(PyExceptions.ZeroDivisionError, "0.0 cannot be raised to a negative power")
                    : da < 0 && db != Math.Floor(db) ? throw PyExceptions.Raise(PyExceptions.ValueError, "negative number cannot be raised to a fractional power")
                    : new PyFloat(Math.Pow(da, db)),
                _ => throw Unsupported(op, a, b),
            };
        }

        switch (op, a, b)
        {
            case ("+", PyStr sa, PyStr sb):
                interp.Budget.ChargeString((long)sa.Value.Length + sb.Value.Length);
                return new PyStr(sa.Value + sb.Value, sa.IsUnicode || sb.IsUnicode);
            case ("+", PyList la, PyList lb):
                interp.Budget.ChargeList((long)la.Items.Count + lb.Items.Count);
                return new PyList([.. la.Items, .. lb.Items]) { Tainted = la.Tainted || lb.Tainted };
            case ("+", PyTuple ta, PyTuple tb):
                interp.Budget.ChargeList((long)ta.Items.Length + tb.Items.Length);
                return new PyTuple([.. ta.Items, .. tb.Items]);
            case ("*", PyStr or PyList or PyTuple, PyInt or PyBool):
                return Repeat(a, b, interp);
            case ("*", PyInt or PyBool, PyStr or PyList or PyTuple):
                return Repeat(b, a, interp);
            case ("%", PyStr fmt, _):
                return PyFormat.Format(fmt, b, interp);
        }

        throw Unsupported(op, a, b);
    }

    private static PyRaise Unsupported(string op, PyObj a, PyObj b) =>
        PyExceptions.Raise(PyExceptions.TypeError, $"unsupported operand type(s) for {op}: '{a.TypeName}' and '{b.TypeName}'");

    private static PyObj CheckedMultiply(BigInteger a, BigInteger b, bool isLong)
    {
        if (a.GetBitLength() + b.GetBitLength() > MaxIntegerBits + 1)
        {
            throw TooBig();
        }

        return MakeInt(a * b, isLong);
    }

    /// <summary><c>a ** b</c>; the size of the result is estimated from the bit lengths before anything is computed.</summary>
    private static PyObj IntPower(BigInteger a, BigInteger b, bool isLong)
    {
        if (b.Sign < 0)
        {
            if (a.IsZero)
            {
                throw PyExceptions.Raise(PyExceptions.ZeroDivisionError, "0.0 cannot be raised to a negative power");
            }

            return new PyFloat(Math.Pow((double)a, (double)b));
        }

        BigInteger magnitude = BigInteger.Abs(a);
        if (magnitude <= BigInteger.One)
        {
            // 0, 1 and -1 stay small whatever the exponent: (-1) ** b is -1 for odd b.
            BigInteger r = b.IsZero ? BigInteger.One : a.Sign < 0 && !b.IsEven ? BigInteger.MinusOne : a.Sign < 0 ? BigInteger.One : a;
            return MakeInt(r, isLong);
        }

        // |a| >= 2, so the result has at least b * (bits(|a|) - 1) + 1 bits.
        long bits = magnitude.GetBitLength();
        if (b > MaxIntegerBits || (bits - 1) * (long)b >= MaxIntegerBits)
        {
            throw TooBig();
        }

        return MakeInt(BigInteger.Pow(a, (int)b), isLong);
    }

    /// <summary>The octal digits of a non-negative integer ("0" for zero), three bits at a time: linear in its size.</summary>
    public static string Octal(BigInteger n)
    {
        if (n.IsZero)
        {
            return "0";
        }

        byte[] bytes = n.ToByteArray(isUnsigned: true, isBigEndian: false);
        long bits = n.GetBitLength();
        var digits = new char[(bits + 2) / 3];
        for (int d = 0; d < digits.Length; d++)
        {
            int value = 0;
            for (int k = 2; k >= 0; k--)
            {
                long bit = (3L * d) + k;
                value = (value << 1) | (bit < bits ? (bytes[bit >> 3] >> (int)(bit & 7)) & 1 : 0);
            }

            digits[digits.Length - 1 - d] = (char)('0' + value);
        }

        return new string(digits);
    }

    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0))
        {
            q -= 1;
        }

        return q;
    }

    private static PyObj Repeat(PyObj seq, PyObj count, XmInterpreter interp)
    {
        TryInteger(count, out BigInteger n);
        long times = n.Sign <= 0 ? 0 : n > int.MaxValue ? int.MaxValue : (long)n;
        switch (seq)
        {
            case PyStr s:
                interp.Budget.ChargeString(times * s.Value.Length);
                return new PyStr(times == 0 || s.Value.Length == 0 ? string.Empty : new StringBuilder(s.Value.Length * (int)times).Insert(0, s.Value, (int)times).ToString(), s.IsUnicode);
            case PyList l:
                return new PyList(Repeated(l.Items, times, interp)) { Tainted = l.Tainted };
            default:
                return new PyTuple([.. Repeated(((PyTuple)seq).Items, times, interp)]);
        }
    }

    private static List<PyObj> Repeated(IReadOnlyList<PyObj> items, long times, XmInterpreter interp)
    {
        if (items.Count == 0)
        {
            times = 0;
        }

        interp.Budget.ChargeList(times * items.Count);
        var result = new List<PyObj>((int)(times * items.Count));
        if (items.Count == 1)
        {
            System.Runtime.InteropServices.CollectionsMarshal.SetCount(result, (int)times);
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result).Fill(items[0]);
            return result;
        }

        for (long i = 0; i < times; i++)
        {
            result.AddRange(items);
        }

        return result;
    }

    public static PyObj Unary(string op, PyObj a)
    {
        if (a is PyUnknown)
        {
            return PyUnknown.Instance;
        }

        if (op == "not")
        {
            return Truth(a) is bool t ? PyBool.Of(!t) : PyUnknown.Instance;
        }

        if (TryInteger(a, out BigInteger i))
        {
            return op switch
            {
                "-" => MakeInt(-i, IsLong(a)),
                "+" => MakeInt(i, IsLong(a)),
                _ => MakeInt(-i - 1, IsLong(a)),
            };
        }

        if (a is PyFloat f && op != "~")
        {
            return new PyFloat(op == "-" ? -f.Value : f.Value);
        }

        throw PyExceptions.Raise(PyExceptions.TypeError, $"bad operand type for unary {op}: '{a.TypeName}'");
    }

    /// <summary>One comparison of a chain; <see langword="null"/> when unknown.</summary>
    public static bool? CompareOp(string op, PyObj a, PyObj b, XmBudget budget)
    {
        if (op is "is" or "is not")
        {
            if (a is PyUnknown || b is PyUnknown)
            {
                return null;
            }

            bool same = ReferenceEquals(a, b) || (a is PyNone && b is PyNone)
                || (a is PyInt x && b is PyInt y && !x.IsLong && !y.IsLong && x.Value == y.Value && x.Value >= -5 && x.Value <= 256);
            return op == "is" ? same : !same;
        }

        if (a is PyUnknown || b is PyUnknown || a is PyList { Tainted: true } || b is PyList { Tainted: true })
        {
            return null;
        }

        switch (op)
        {
            case "in" or "not in":
            {
                bool? found = Contains(b, a, budget);
                return found is null ? null : op == "in" ? found : !found;
            }

            case "==":
                return PyDeep.Equal(a, b, budget);
            case "!=" or "<>":
                return !PyDeep.Equal(a, b, budget);
        }

        try
        {
            bool? equal = PyDeep.Equal(a, b, budget);
            if (equal is null)
            {
                return null;
            }

            int c = equal.Value ? 0 : PyDeep.Compare(a, b, budget);
            return op switch
            {
                "<" => c < 0,
                ">" => c > 0,
                "<=" => c <= 0,
                _ => c >= 0,
            };
        }
        catch (UnknownValueException)
        {
            return null;
        }
    }

    public static bool? Contains(PyObj container, PyObj item, XmBudget budget)
    {
        switch (container)
        {
            case PyStr s when item is PyStr sub:
                return PyText.Contains(s.Value, sub.Value, budget);
            case PyStr:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'in <string>' requires string as left operand, not {item.TypeName}");
            case PyList l:
                return Among(l.Items, item, budget);
            case PyTuple t:
                return Among(t.Items, item, budget);
            case PyDict d:
                return d.Tainted ? null : d.TryGet(item, out _);
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"argument of type '{container.TypeName}' is not iterable");
        }
    }

    private static bool? Among(IReadOnlyList<PyObj> items, PyObj item, XmBudget budget)
    {
        bool unknown = false;
        foreach (PyObj x in items)
        {
            budget.Work();
            if (ReferenceEquals(x, item))
            {
                return true; // CPython's identity shortcut: nan in [nan]
            }

            switch (PyDeep.Equal(x, item, budget))
            {
                case true:
                    return true;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : false;
    }
}
