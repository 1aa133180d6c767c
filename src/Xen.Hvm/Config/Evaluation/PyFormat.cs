using System.Globalization;
using System.Numerics;
using System.Text;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>Python 2's <c>str % args</c>: <c>%[(name)][flags][width][.precision]type</c>.</summary>
internal static class PyFormat
{
    public static PyObj Format(PyStr format, PyObj args, XmInterpreter interp)
    {
        string f = format.Value;
        PyObj[] positional = args is PyTuple t ? t.Items : [args];
        PyDict? mapping = args as PyDict;
        if (positional.Any(a => a is PyUnknown) || args is PyList { Tainted: true })
        {
            return PyUnknown.Instance;
        }

        bool unicode = format.IsUnicode;
        int next = 0;
        bool usedMapping = false;
        var sb = new StringBuilder(f.Length + 16);
        int i = 0;
        while (i < f.Length)
        {
            char c = f[i++];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }

            if (i >= f.Length)
            {
                throw PyExceptions.Raise(PyExceptions.ValueError, "incomplete format");
            }

            PyObj? keyed = null;
            if (f[i] == '(')
            {
                int close = f.IndexOf(')', i);
                if (close < 0)
                {
                    throw PyExceptions.Raise(PyExceptions.ValueError, "incomplete format key");
                }

                if (mapping is null)
                {
                    throw PyExceptions.Raise(PyExceptions.TypeError, "format requires a mapping");
                }

                var key = new PyStr(f[(i + 1)..close]);
                if (!mapping.TryGet(key, out keyed))
                {
                    throw mapping.Tainted ? new UnknownValueException() : PyExceptions.Raise(PyExceptions.KeyError, f[(i + 1)..close]);
                }

                usedMapping = true;
                i = close + 1;
            }

            bool left = false, zero = false, plus = false, space = false, alternate = false;
            for (; i < f.Length && f[i] is '-' or '0' or '+' or ' ' or '#'; i++)
            {
                switch (f[i])
                {
                    case '-': left = true; break;
                    case '0': zero = true; break;
                    case '+': plus = true; break;
                    case ' ': space = true; break;
                    default: alternate = true; break;
                }
            }

            int width = ReadNumber(f, ref i, positional, ref next, keyed is not null);
            int precision = -1;
            if (i < f.Length && f[i] == '.')
            {
                i++;
                precision = Math.Max(0, ReadNumber(f, ref i, positional, ref next, keyed is not null));
            }

            while (i < f.Length && f[i] is 'h' or 'l' or 'L')
            {
                i++;
            }

            if (i >= f.Length)
            {
                throw PyExceptions.Raise(PyExceptions.ValueError, "incomplete format");
            }

            char type = f[i++];
            if (type == '%')
            {
                sb.Append('%');
                continue;
            }

            PyObj value;
            if (keyed is not null)
            {
                value = keyed;
            }
            else if (mapping is not null && positional.Length == 1 && next == 0 && type is 's' or 'r')
            {
                value = mapping; // "%s" % {} formats the dict itself
                next++;
            }
            else
            {
                if (next >= positional.Length)
                {
                    throw PyExceptions.Raise(PyExceptions.TypeError, "not enough arguments for format string");
                }

                value = positional[next++];
            }

            if (value is PyUnknown)
            {
                return PyUnknown.Instance;
            }

            if (width < 0)
            {
                // '%*d' % (-5, x): a negative width from '*' means left-justified
                left = true;
                width = width == int.MinValue ? int.MaxValue : -width;
            }

            if (width > interp.Context.MaxValueSize || precision > interp.Context.MaxValueSize)
            {
                throw new EvaluationLimitException(XmLimit.ValueSize, $"a format width or precision of more than {interp.Context.MaxValueSize}");
            }

            string body;
            string sign = string.Empty;
            bool numeric = true;
            switch (type)
            {
                case 's':
                    body = PyOps.Str(value, interp.Budget);
                    unicode |= value is PyStr { IsUnicode: true };
                    numeric = false;
                    break;
                case 'r':
                    body = PyOps.Repr(value, interp.Budget);
                    numeric = false;
                    break;
                case 'c':
                    body = value switch
                    {
                        PyStr { Value.Length: 1 } s => s.Value,
                        _ when PyOps.TryInteger(value, out BigInteger cp) && cp >= 0 && cp < 256 => ((char)(int)cp).ToString(),
                        _ => throw PyExceptions.Raise(PyExceptions.TypeError, "%c requires int or char"),
                    };
                    numeric = false;
                    break;
                case 'd' or 'i' or 'u' or 'x' or 'X' or 'o':
                {
                    BigInteger n = ToInteger(value, type);
                    sign = n.Sign < 0 ? "-" : plus ? "+" : space ? " " : string.Empty;
                    BigInteger abs = BigInteger.Abs(n);
                    body = type switch
                    {
                        'x' => abs.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'),
                        'X' => abs.ToString("X", CultureInfo.InvariantCulture).TrimStart('0'),
                        'o' => PyOps.Octal(abs),
                        _ => abs.ToString(CultureInfo.InvariantCulture),
                    };
                    if (body.Length == 0)
                    {
                        body = "0";
                    }

                    if (precision > body.Length)
                    {
                        body = body.PadLeft(precision, '0');
                    }

                    if (alternate)
                    {
                        body = type switch { 'x' => "0x" + body, 'X' => "0X" + body, 'o' when body[0] != '0' => "0" + body, _ => body };
                    }

                    break;
                }

                case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                {
                    if (!PyOps.TryNumber(value, out double d))
                    {
                        throw PyExceptions.Raise(PyExceptions.TypeError, "float argument required, not " + value.TypeName);
                    }

                    sign = d < 0 || (d == 0 && double.IsNegative(d)) ? "-" : plus ? "+" : space ? " " : string.Empty;
                    body = FormatFloat(Math.Abs(d), type, precision < 0 ? 6 : precision, alternate);
                    break;
                }

                default:
                    throw PyExceptions.Raise(PyExceptions.ValueError, $"unsupported format character '{type}' (0x{(int)type:x})");
            }

            string text = sign + body;
            interp.Budget.ChargeString(Math.Max(width, text.Length));
            if (text.Length < width)
            {
                text = left ? text.PadRight(width)
                    : zero && numeric ? sign + body.PadLeft(width - sign.Length, '0')
                    : text.PadLeft(width);
            }

            sb.Append(text);
            interp.Budget.CheckSize(sb.Length);
        }

        // CPython skips this check when the argument is a mapping-like object (a dict, and also a list).
        if (!usedMapping && mapping is null && args is not PyList && next < positional.Length)
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, "not all arguments converted during string formatting");
        }

        interp.Budget.ChargeString(sb.Length);
        return new PyStr(sb.ToString(), unicode);
    }

    private static int ReadNumber(string f, ref int i, PyObj[] positional, ref int next, bool keyed)
    {
        if (i < f.Length && f[i] == '*')
        {
            i++;
            if (keyed || next >= positional.Length || !PyOps.TryInteger(positional[next], out BigInteger star))
            {
                throw PyExceptions.Raise(PyExceptions.TypeError, "* wants int");
            }

            next++;
            return (int)BigInteger.Clamp(star, int.MinValue, int.MaxValue);
        }

        long n = 0;
        bool any = false;
        while (i < f.Length && char.IsAsciiDigit(f[i]))
        {
            n = Math.Min((n * 10) + (f[i] - '0'), int.MaxValue);
            i++;
            any = true;
        }

        return any ? (int)n : 0;
    }

    private static BigInteger ToInteger(PyObj value, char type)
    {
        if (PyOps.TryInteger(value, out BigInteger n))
        {
            return n;
        }

        if (value is PyFloat f)
        {
            if (double.IsNaN(f.Value) || double.IsInfinity(f.Value))
            {
                throw PyExceptions.Raise(PyExceptions.OverflowError, "cannot convert float to integer");
            }

            return new BigInteger(Math.Truncate(f.Value));
        }

        throw PyExceptions.Raise(PyExceptions.TypeError, type is 'x' or 'X' or 'o'
            ? $"%{type} format: a number is required, not {value.TypeName}"
            : $"%{type} format: a number is required, not {value.TypeName}");
    }

    /// <summary>C's printf for a non-negative double.</summary>
    public static string FormatFloat(double d, char type, int precision, bool alternate)
    {
        if (double.IsNaN(d))
        {
            return char.IsUpper(type) ? "NAN" : "nan";
        }

        if (double.IsInfinity(d))
        {
            return char.IsUpper(type) ? "INF" : "inf";
        }

        precision = Math.Min(precision, 300);
        switch (type)
        {
            case 'f' or 'F':
                return d.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            case 'e' or 'E':
                return Exponential(d, precision, type);
            default:
            {
                int p = precision == 0 ? 1 : precision;
                int exp = d == 0 ? 0 : int.Parse(d.ToString("E" + (p - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Split('E')[1], CultureInfo.InvariantCulture);
                string s = exp < -4 || exp >= p
                    ? Exponential(d, p - 1, type == 'g' ? 'e' : 'E')
                    : d.ToString("F" + (p - 1 - exp).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (!alternate)
                {
                    int e = s.IndexOfAny(['e', 'E']);
                    string mant = e < 0 ? s : s[..e];
                    string rest = e < 0 ? string.Empty : s[e..];
                    if (mant.Contains('.'))
                    {
                        mant = mant.TrimEnd('0').TrimEnd('.');
                    }

                    s = mant + rest;
                }

                return s;
            }
        }
    }

    private static string Exponential(double d, int precision, char type)
    {
        string s = d.ToString((type == 'E' ? "E" : "e") + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int e = s.IndexOfAny(['e', 'E']);
        string mant = s[..e];
        int exp = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture);
        return mant + s[e] + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
    }
}

/// <summary>Thrown inside a builtin when its result cannot be known; the evaluator turns it into an unknown value.</summary>
internal sealed class UnknownValueException : Exception
{
}
