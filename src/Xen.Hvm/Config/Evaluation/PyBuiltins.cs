using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Xen.Hvm.Config.Internal;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>
/// The builtins, modules and methods an xm config can use. Everything is computed from the config's own values or
/// answered by the <see cref="XmEvaluationContext"/>; whatever would touch the host is refused.
/// </summary>
internal static partial class PyBuiltins
{
    private const string RunProcess = "run a process on the host";
    private const string Reflect = "reach the evaluator's internals (reflection)";

    private static readonly HashSet<string> s_refusedModules = new(StringComparer.Ordinal)
    {
        "commands", "subprocess", "popen2", "pty", "shutil", "tempfile", "urllib", "urllib2", "httplib", "ftplib",
        "smtplib", "telnetlib", "pickle", "cPickle", "marshal", "ctypes", "imp", "importlib", "posix", "pwd", "grp",
        "glob", "fcntl", "signal", "threading", "thread", "multiprocessing", "socket", "select", "io", "codecs",
        "fileinput", "linecache", "zipfile", "tarfile", "gzip", "bz2", "sqlite3", "anydbm", "shelve", "webbrowser",
        "builtins", "__builtin__", "inspect", "gc", "code", "runpy", "sysconfig",
    };

    public static Dictionary<string, PyObj> Builtins { get; } = CreateBuiltins();

    public static Dictionary<string, BuiltinImpl> Constructors { get; } = new(StringComparer.Ordinal)
    {
        ["int"] = call => Int(call, isLong: false),
        ["long"] = call => call.Args.Length == 0 ? new PyInt(0, true) : Int(call, isLong: true) switch
        {
            PyInt i => new PyInt(i.Value, true),
            PyRaised raised => raised,
            _ => PyUnknown.Instance,
        },
        ["float"] = Float,
        ["str"] = call => call.Args.Length == 0 ? PyStr.Empty : Known(call.Arg(0)) is PyStr { IsUnicode: false } same ? same : new PyStr(PyOps.Str(Known(call.Arg(0)), call.Interpreter.Budget)),
        ["unicode"] = call => call.Args.Length == 0 ? new PyStr(string.Empty, true) : new PyStr(PyOps.Str(Known(call.Arg(0)), call.Interpreter.Budget), true),
        ["bool"] = call => PyBool.Of(PyOps.Truth(call.Arg(0) is PyNone && call.Args.Length == 0 ? PyBool.False : call.Arg(0)) ?? throw new UnknownValueException()),
        ["list"] = call => call.Args.Length == 0 ? new PyList([]) : new PyList(call.Interpreter.Iterate(call.Arg(0), call.Row) ?? throw new UnknownValueException()),
        ["tuple"] = call => call.Args.Length == 0 ? PyTuple.Empty : new PyTuple([.. call.Interpreter.Iterate(call.Arg(0), call.Row) ?? throw new UnknownValueException()]),
        ["dict"] = DictCtor,
    };

    private static Dictionary<string, PyObj> CreateBuiltins()
    {
        var b = new Dictionary<string, PyObj>(StringComparer.Ordinal)
        {
            ["True"] = PyBool.True,
            ["False"] = PyBool.False,
            ["None"] = PyNone.Instance,
        };
        foreach (string type in new[] { "int", "long", "float", "str", "unicode", "bool", "list", "tuple", "dict", "basestring", "object" })
        {
            b[type] = new PyClass(type, null, false);
        }

        foreach (PyClass e in PyExceptions.All)
        {
            b[e.Name] = e;
        }

        void F(string name, BuiltinImpl impl) => b[name] = new PyBuiltin(name, impl);
        F("len", Len);
        F("range", Range);
        F("xrange", Range);
        F("abs", call => Known(call.Arg(0)) switch
        {
            PyFloat f => new PyFloat(Math.Abs(f.Value)),
            var v when PyOps.TryInteger(v, out BigInteger i) => PyOps.MakeInt(BigInteger.Abs(i), PyOps.IsLong(v)),
            var v => throw PyExceptions.Raise(PyExceptions.TypeError, $"bad operand type for abs(): '{v.TypeName}'"),
        });
        F("min", call => MinMax(call, -1));
        F("max", call => MinMax(call, 1));
        F("sum", call =>
        {
            PyObj total = call.Args.Length > 1 ? call.Arg(1) : PyOps.MakeInt(0);
            foreach (PyObj item in Items(call, 0))
            {
                total = PyOps.Binary("+", total, item, call.Interpreter);
            }

            return total;
        });
        F("sorted", call =>
        {
            var list = new PyList(Items(call, 0));
            ListSort(new CallInfo(call.Interpreter, [], call.Keywords, call.Row, list));
            return list;
        });
        F("reversed", call =>
        {
            List<PyObj> items = Items(call, 0);
            items.Reverse();
            return new PyList(items);
        });
        F("enumerate", call =>
        {
            List<PyObj> items = Items(call, 0);
            XmBudget budget = call.Interpreter.Budget;
            budget.ChargeList(items.Count);
            budget.ChargeObjects(2L * items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                budget.ChargeList(2);
                items[i] = new PyTuple([PyOps.MakeInt(i), items[i]]);
            }

            return new PyList(items);
        });
        F("zip", call =>
        {
            var lists = call.Args.Select((_, i) => Items(call, i)).ToArray();
            int n = lists.Length == 0 ? 0 : lists.Min(l => l.Count);
            XmBudget budget = call.Interpreter.Budget;
            budget.ChargeList(n);
            var result = new List<PyObj>(n);
            for (int i = 0; i < n; i++)
            {
                budget.ChargeList(lists.Length);
                result.Add(new PyTuple(lists.Select(l => l[i]).ToArray()));
            }

            return new PyList(result);
        });
        F("map", call =>
        {
            PyObj fn = call.Arg(0);
            List<PyObj> items = Items(call, 1);
            if (fn is not PyNone)
            {
                for (int i = 0; i < items.Count; i++)
                {
                    items[i] = call.Interpreter.Call(fn, [items[i]], null, call.Row);
                }
            }

            return new PyList(items);
        });
        F("filter", call =>
        {
            PyObj fn = call.Arg(0);
            var kept = new List<PyObj>();
            foreach (PyObj x in Items(call, 1))
            {
                bool? t = PyOps.Truth(fn is PyNone ? x : call.Interpreter.Call(fn, [x], null, call.Row));
                if (t is null)
                {
                    throw new UnknownValueException();
                }

                if (t.Value)
                {
                    kept.Add(x);
                }
            }

            call.Interpreter.Budget.ChargeList(kept.Count);
            return call.Arg(1) is PyStr s ? new PyStr(string.Concat(kept.Select(k => ((PyStr)k).Value)), s.IsUnicode) : new PyList(kept);
        });
        F("hex", call => IntegerOf(call.Arg(0), "hex") is var (i, isLong)
            ? NewStr(call, (i.Sign < 0 ? "-0x" : "0x") + BigInteger.Abs(i).ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0') + (isLong ? "L" : string.Empty))
            : PyUnknown.Instance);
        F("oct", call => IntegerOf(call.Arg(0), "oct") is var (i, isLong)
            ? NewStr(call, i.IsZero ? "0" : (i.Sign < 0 ? "-0" : "0") + PyOps.Octal(BigInteger.Abs(i)) + (isLong ? "L" : string.Empty))
            : PyUnknown.Instance);
        F("chr", call => IntegerOf(call.Arg(0), "chr") is var (i, _) && i >= 0 && i < 256 ? new PyStr(((char)(int)i).ToString()) : throw PyExceptions.Raise(PyExceptions.ValueError, "chr() arg not in range(256)"));
        F("unichr", call => IntegerOf(call.Arg(0), "unichr") is var (i, _) && i >= 0 && i < 0x110000 && !(i >= 0xD800 && i < 0xE000) ? new PyStr(char.ConvertFromUtf32((int)i), true) : throw PyExceptions.Raise(PyExceptions.ValueError, "unichr() arg not in range"));
        F("ord", call => Known(call.Arg(0)) is PyStr { Value.Length: 1 } s ? PyOps.MakeInt(s.Value[0]) : throw PyExceptions.Raise(PyExceptions.TypeError, "ord() expected a character"));
        F("repr", call => new PyStr(PyOps.Repr(Known(call.Arg(0)), call.Interpreter.Budget)));
        F("isinstance", IsInstance);
        F("any", call => Items(call, 0).Select(PyOps.Truth).Aggregate((bool?)false, (a, t) => a == true || t == true ? true : a is null || t is null ? null : false) is bool r ? PyBool.Of(r) : PyUnknown.Instance);
        F("all", call => Items(call, 0).Select(PyOps.Truth).Aggregate((bool?)true, (a, t) => a == false || t == false ? false : a is null || t is null ? null : true) is bool r ? PyBool.Of(r) : PyUnknown.Instance);
        F("round", call =>
        {
            if (!PyOps.TryNumber(Known(call.Arg(0)), out double d))
            {
                throw PyExceptions.Raise(PyExceptions.TypeError, "a float is required");
            }

            int digits = call.Args.Length > 1 && PyOps.TryInteger(call.Arg(1), out BigInteger n) ? (int)BigInteger.Clamp(n, -300, 300) : 0;
            double scale = Math.Pow(10, digits);
            return new PyFloat(Math.Round(d * scale, MidpointRounding.AwayFromZero) / scale);
        });
        F("cmp", call =>
        {
            XmBudget budget = call.Interpreter.Budget;
            bool equal = PyDeep.Equal(Known(call.Arg(0)), Known(call.Arg(1)), budget) ?? throw new UnknownValueException();
            return PyOps.MakeInt(equal ? 0 : PyOps.Compare(call.Arg(0), call.Arg(1), budget));
        });
        F("pow", call => PyOps.Binary("**", call.Arg(0), call.Arg(1), call.Interpreter));
        F("divmod", call => new PyTuple([PyOps.Binary("//", call.Arg(0), call.Arg(1), call.Interpreter), PyOps.Binary("%", call.Arg(0), call.Arg(1), call.Interpreter)]));
        foreach (string name in new[] { "open", "file" })
        {
            F(name, call => throw call.Interpreter.Refuse(call.Row, name + "(...)", "open a file on the host"));
        }

        foreach (string name in new[] { "execfile", "eval", "compile", "input", "exec" })
        {
            F(name, call => throw call.Interpreter.Refuse(call.Row, name + "(...)", "run code that is not in this file"));
        }

        F("raw_input", call => throw call.Interpreter.Refuse(call.Row, "raw_input(...)", "read from the terminal"));
        F("__import__", call => throw call.Interpreter.Refuse(call.Row, "__import__(...)", "import a module by a computed name"));
        F("reload", call => throw call.Interpreter.Refuse(call.Row, "reload(...)", "load a module again from disk"));
        foreach (string name in new[] { "globals", "locals", "vars", "dir", "getattr", "setattr", "delattr", "hasattr", "type", "id", "super", "callable", "issubclass", "intern", "apply", "memoryview", "buffer", "property", "classmethod", "staticmethod", "iter", "next", "hash", "format", "help" })
        {
            F(name, call => throw call.Interpreter.Refuse(call.Row, name + "(...)", Reflect));
        }

        foreach (string name in new[] { "exit", "quit" })
        {
            F(name, call => throw PyExceptions.Raise(PyExceptions.SystemExit, call.Args.Length > 0 ? PyOps.StrForMessage(call.Arg(0)) : string.Empty));
        }

        return b;
    }

    // ------------------------------------------------------------------ helpers

    private static PyObj Known(PyObj o) => IsUnknown(o) ? throw new UnknownValueException() : o;

    /// <summary>Whether <see cref="Known"/> would refuse a value: unknown, or a list or dictionary an unknown call may have changed.</summary>
    private static bool IsUnknown(PyObj o) => o is PyUnknown or PyList { Tainted: true } or PyDict { Tainted: true };

    private static List<PyObj> Items(CallInfo call, int index) =>
        call.Interpreter.Iterate(call.Arg(index), call.Row) ?? throw new UnknownValueException();

    private static (BigInteger, bool)? IntegerOf(PyObj o, string what)
    {
        o = Known(o);
        return PyOps.TryInteger(o, out BigInteger i)
            ? (i, PyOps.IsLong(o))
            : throw PyExceptions.Raise(PyExceptions.TypeError, $"{what}() argument can't be converted to an integer");
    }

    private static PyStr NewStr(CallInfo call, string value)
    {
        call.Interpreter.Budget.ChargeString(value.Length);
        return new PyStr(value);
    }

    private static string S(CallInfo call, int index, string what)
    {
        PyObj o = Known(call.Arg(index));
        return o is PyStr s ? s.Value : throw PyExceptions.Raise(PyExceptions.TypeError, $"{what} expected a string, not {o.TypeName}");
    }

    private static PyObj Int(CallInfo call, bool isLong)
    {
        if (call.Args.Length == 0)
        {
            return PyOps.MakeInt(0);
        }

        PyObj v = Known(call.Arg(0));
        PyObj? b = call.Args.Length > 1 ? call.Arg(1) : call.Keyword("base");
        if (b is not null)
        {
            int radix = Radix(Known(b), isLong ? "long" : "int");
            return v is PyStr sv ? ParseInt(sv.Value, radix, isLong, call.Interpreter) : throw PyExceptions.Raise(PyExceptions.TypeError, $"{(isLong ? "long" : "int")}() can't convert non-string with explicit base");
        }

        switch (v)
        {
            case PyInt i:
                return PyOps.MakeInt(i.Value); // int(7L) is the int 7

            case PyBool bo:
                return PyOps.MakeInt(bo.Value ? 1 : 0);
            case PyFloat f:
                if (double.IsNaN(f.Value) || double.IsInfinity(f.Value))
                {
                    throw PyExceptions.Raise(f.Value is double.NaN ? PyExceptions.ValueError : PyExceptions.OverflowError, "cannot convert float to integer");
                }

                return PyOps.MakeInt(new BigInteger(Math.Truncate(f.Value)));
            case PyStr s:
                return ParseInt(s.Value, 10, isLong, call.Interpreter);
            default:
                // int(None) is how xend's example check functions fail for a variable the command line did not set:
                // returned as a value, not thrown (see PyRaised).
                return new PyRaised(PyExceptions.Raise(PyExceptions.TypeError, $"int() argument must be a string or a number, not '{v.TypeName}'"));
        }
    }

    /// <summary>The base argument of <c>int()</c>/<c>long()</c>/<c>string.atoi</c>, checked as CPython 2 checks it.</summary>
    private static int Radix(PyObj b, string function)
    {
        if (b is PyFloat)
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, "integer argument expected, got float");
        }

        if (!PyOps.TryInteger(b, out BigInteger r))
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, "an integer is required");
        }

        if (r < long.MinValue || r > long.MaxValue)
        {
            throw PyExceptions.Raise(PyExceptions.OverflowError, "Python int too large to convert to C long");
        }

        if (!r.IsZero && (r < 2 || r > 36))
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, $"{function}() base must be >= 2 and <= 36");
        }

        return (int)r;
    }

    /// <summary>
    /// <c>int(text, radix)</c>: whitespace, a sign, a base prefix (<c>0x</c>, <c>0o</c>, <c>0b</c>, a leading 0 with
    /// base 0), and for <c>long()</c> a trailing <c>L</c>. More than <see cref="XmEvaluationContext.MaxIntegerDigits"/>
    /// digits stop the evaluation before any is converted; the conversion itself works in machine-word chunks.
    /// </summary>
    private static PyObj ParseInt(string text, int radix, bool isLong, XmInterpreter interp)
    {
        string function = isLong ? "long" : "int";
        ReadOnlySpan<char> t = text.AsSpan().Trim(" \t\n\r\f\v");
        bool negative = false;
        if (!t.IsEmpty && t[0] is '-' or '+')
        {
            negative = t[0] == '-';
            t = t[1..].TrimStart(" \t\n\r\f\v");
        }

        int shown = radix;
        if (radix is 0 or 16 && t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
            radix = 16;
        }
        else if (radix is 0 or 8 && t.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
            radix = 8;
        }
        else if (radix is 0 or 2 && t.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
            radix = 2;
        }
        else if (radix == 0)
        {
            radix = t.Length > 1 && t[0] == '0' ? 8 : 10;
        }

        if (isLong && !t.IsEmpty && t[^1] is 'l' or 'L')
        {
            t = t[..^1];
        }

        if (t.Length > interp.Context.MaxIntegerDigits)
        {
            throw new EvaluationLimitException(XmLimit.IntegerDigits, $"{function}() of a string of {t.Length.ToString(CultureInfo.InvariantCulture)} digits, more than the bound of {interp.Context.MaxIntegerDigits.ToString(CultureInfo.InvariantCulture)}");
        }

        if (PyNumber.Bits(t, radix) > PyOps.MaxIntegerBits)
        {
            throw t.IndexOfAnyExcept("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0
                ? PyOps.TooBig()
                : PyExceptions.Raise(PyExceptions.ValueError, $"invalid literal for {function}() with base {shown}: {PyOps.ReprForMessage(new PyStr(text))}");
        }

        if (t.IsEmpty || !PyNumber.TryBuild(t, radix, out BigInteger value))
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, $"invalid literal for {function}() with base {shown}: {PyOps.ReprForMessage(new PyStr(text))}");
        }

        interp.Budget.ChargeInteger(value.GetBitLength());
        return PyOps.MakeInt(negative ? -value : value);
    }

    private static PyObj Float(CallInfo call)
    {
        PyObj v = call.Args.Length == 0 ? new PyFloat(0) : Known(call.Arg(0));
        if (PyOps.TryNumber(v, out double d))
        {
            return new PyFloat(d);
        }

        if (v is PyStr s)
        {
            string t = s.Value.Trim().ToLowerInvariant();
            double parsed;
            bool ok = t switch
            {
                "inf" or "+inf" or "infinity" or "+infinity" => (parsed = double.PositiveInfinity) > 0,
                "-inf" or "-infinity" => (parsed = double.NegativeInfinity) < 0,
                "nan" or "+nan" or "-nan" => double.IsNaN(parsed = double.NaN),
                _ => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed) && !t.Contains(',') && t.Length > 0,
            };
            return ok ? new PyFloat(parsed) : throw PyExceptions.Raise(PyExceptions.ValueError, $"invalid literal for float(): {s.Value}");
        }

        throw PyExceptions.Raise(PyExceptions.TypeError, "float() argument must be a string or a number");
    }

    private static PyObj DictCtor(CallInfo call)
    {
        XmBudget budget = call.Interpreter.Budget;
        var d = new PyDict(budget);
        if (call.Args.Length > 0)
        {
            PyObj src = Known(call.Arg(0));
            if (src is PyDict other)
            {
                budget.Allocate((long)other.Count * XmBudget.DictionaryEntryBytes);
                foreach (var (k, v) in other.Entries)
                {
                    d.Set(k, v);
                }
            }
            else
            {
                foreach (PyObj pair in call.Interpreter.Iterate(src, call.Row) ?? throw new UnknownValueException())
                {
                    List<PyObj> kv = call.Interpreter.Iterate(pair, call.Row) ?? throw new UnknownValueException();
                    if (kv.Count != 2)
                    {
                        throw PyExceptions.Raise(PyExceptions.ValueError, "dictionary update sequence element has the wrong length");
                    }

                    budget.Allocate(XmBudget.DictionaryEntryBytes);
                    d.Set(kv[0], kv[1]);
                }
            }
        }

        foreach (var (k, v) in call.Keywords ?? [])
        {
            budget.Allocate(XmBudget.DictionaryEntryBytes);
            d.Set(new PyStr(k), v);
        }

        budget.CheckSize(d.Count);
        return d;
    }

    private static PyObj Len(CallInfo call) => Known(call.Arg(0)) switch
    {
        PyStr s => PyOps.MakeInt(s.Value.Length),
        PyList l => PyOps.MakeInt(l.Items.Count),
        PyTuple t => PyOps.MakeInt(t.Items.Length),
        PyDict d => PyOps.MakeInt(d.Count),
        var v => throw PyExceptions.Raise(PyExceptions.TypeError, $"object of type '{v.TypeName}' has no len()"),
    };

    private static PyObj Range(CallInfo call)
    {
        var n = call.Args.Select(a => PyOps.TryInteger(Known(a), out BigInteger i) ? i : throw PyExceptions.Raise(PyExceptions.TypeError, "range() integer end argument expected, got " + a.TypeName)).ToArray();
        BigInteger start = 0, stop, step = 1;
        switch (n.Length)
        {
            case 1: stop = n[0]; break;
            case 2: start = n[0]; stop = n[1]; break;
            case 3: start = n[0]; stop = n[1]; step = n[2]; break;
            default: throw PyExceptions.Raise(PyExceptions.TypeError, $"range expected 1 arguments, got {n.Length}");
        }

        if (step.IsZero)
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, "range() step argument must not be zero");
        }

        BigInteger count = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        if (count < 0)
        {
            count = 0;
        }

        long size = count > long.MaxValue ? long.MaxValue : (long)count;
        call.Interpreter.Budget.ChargeList(size);
        call.Interpreter.Budget.ChargeObjects(size);
        var items = new List<PyObj>((int)size);
        for (BigInteger i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            items.Add(PyOps.MakeInt(i));
        }

        return new PyList(items);
    }

    private static PyObj MinMax(CallInfo call, int sign)
    {
        List<PyObj> items = call.Args.Length == 1 ? Items(call, 0) : [.. call.Args];
        if (items.Count == 0)
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, (sign < 0 ? "min" : "max") + "() arg is an empty sequence");
        }

        XmBudget budget = call.Interpreter.Budget;
        PyObj best = Known(items[0]);
        foreach (PyObj item in items.Skip(1))
        {
            if (PyOps.Compare(Known(item), best, budget) * sign > 0 && !PyOps.ValueEquals(item, best, budget))
            {
                best = item;
            }
        }

        return best;
    }

    private static PyObj IsInstance(CallInfo call)
    {
        PyObj v = Known(call.Arg(0));
        PyObj[] types = call.Arg(1) is PyTuple t ? t.Items : [call.Arg(1)];
        foreach (PyObj type in types)
        {
            bool match = type switch
            {
                PyClass { IsException: true } c => v is PyExceptionInstance e && e.Class.IsSubclassOf(c),
                PyClass c => c.Name switch
                {
                    "int" => v is PyInt { IsLong: false } or PyBool,
                    "long" => v is PyInt { IsLong: true },
                    "float" => v is PyFloat,
                    "str" => v is PyStr { IsUnicode: false },
                    "unicode" => v is PyStr { IsUnicode: true },
                    "basestring" => v is PyStr,
                    "bool" => v is PyBool,
                    "list" => v is PyList,
                    "tuple" => v is PyTuple,
                    "dict" => v is PyDict,
                    "object" => true,
                    _ => false,
                },
                _ => throw PyExceptions.Raise(PyExceptions.TypeError, "isinstance() arg 2 must be a class, type, or tuple of classes and types"),
            };
            if (match)
            {
                return PyBool.True;
            }
        }

        return PyBool.False;
    }
}
