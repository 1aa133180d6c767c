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
internal static class PyBuiltins
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
        ["long"] = call => call.Args.Length == 0 ? new PyInt(0, true) : Int(call, isLong: true) is PyInt i ? new PyInt(i.Value, true) : PyUnknown.Instance,
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

    private static PyObj Known(PyObj o) => o is PyUnknown or PyList { Tainted: true } or PyDict { Tainted: true } ? throw new UnknownValueException() : o;

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
                throw PyExceptions.Raise(PyExceptions.TypeError, $"int() argument must be a string or a number, not '{v.TypeName}'");
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

    // ------------------------------------------------------------------ modules

    /// <summary>The environment when the context does not give one: every question about it is unknown.</summary>
    internal sealed class UnknownEnvironment : PyObj
    {
        public override string TypeName => "instance";
    }

    public static PyObj Import(string dotted, XmInterpreter interp, int row)
    {
        string head = dotted.Split('.')[0];
        if (s_refusedModules.Contains(head))
        {
            return new PyModule(dotted, true, RunProcess);
        }

        return Module(dotted, interp);
    }

    public static PyModule Module(string name, XmInterpreter interp)
    {
        var modules = ModuleCache(interp);
        if (modules.TryGetValue(name, out PyModule? cached))
        {
            return cached;
        }

        PyModule m = name switch
        {
            "os" => Os(interp),
            "os.path" or "posixpath" => OsPath(interp),
            "re" => Re(),
            "sys" => Sys(interp),
            "string" => StringModule(),
            "platform" => Platform(interp),
            "xen.util.ip" => XenUtilIp(interp),
            _ => new PyModule(name, true),
        };
        modules[name] = m;
        return m;
    }

    private static Dictionary<string, PyModule> ModuleCache(XmInterpreter interp) => interp.Modules;

    public static PyModule Os(XmInterpreter interp)
    {
        var cache = ModuleCache(interp);
        if (cache.TryGetValue("os", out PyModule? existing))
        {
            return existing;
        }

        XmEvaluationContext ctx = interp.Context;
        var os = new PyModule("os", false);
        cache["os"] = os;
        void F(string name, BuiltinImpl impl) => os.Attributes[name] = new PyBuiltin("os." + name, impl);
        F("uname", call => ctx.Host is { } h
            ? new PyTuple([new PyStr(h.SystemName), new PyStr(h.NodeName), new PyStr(h.Release), new PyStr(h.Version), new PyStr(h.Machine)])
            : throw call.Interpreter.NeedsContext(call.Row, "os.uname()", "a host profile (XmEvaluationContext.Host)"));
        F("getcwd", call => ctx.WorkingDirectory is { } cwd ? new PyStr(cwd) : throw call.Interpreter.NeedsContext(call.Row, "os.getcwd()", "a working directory (XmEvaluationContext.WorkingDirectory)"));
        F("getenv", call =>
        {
            string key = S(call, 0, "getenv()");
            if (ctx.Environment is null)
            {
                throw call.Interpreter.NeedsContext(call.Row, $"os.getenv('{key}')", "the environment (XmEvaluationContext.Environment)");
            }

            return ctx.Environment.TryGetValue(key, out string? v) ? new PyStr(v) : call.Arg(1);
        });
        os.Attributes["environ"] = ctx.Environment is null ? new UnknownEnvironment() : EnvironmentDict(ctx.Environment, interp.Budget);
        os.Attributes["path"] = OsPath(interp);
        os.Attributes["sep"] = new PyStr("/");
        os.Attributes["curdir"] = new PyStr(".");
        os.Attributes["pardir"] = new PyStr("..");
        os.Attributes["linesep"] = new PyStr("\n");
        os.Attributes["pathsep"] = new PyStr(":");
        os.Attributes["name"] = new PyStr("posix");
        foreach (string name in new[] { "system", "popen", "popen2", "popen3", "spawnl", "spawnv", "spawnvp", "execv", "execve", "execl", "execlp", "execvp", "fork", "kill", "killpg", "startfile", "wait", "waitpid" })
        {
            F(name, call => throw call.Interpreter.Refuse(call.Row, "os." + name + "(...)", RunProcess));
        }

        foreach (string name in new[] { "remove", "unlink", "rmdir", "removedirs", "mkdir", "makedirs", "rename", "renames", "chdir", "chmod", "chown", "symlink", "link", "open", "fdopen", "write", "read", "close", "truncate", "utime", "mkfifo", "mknod", "putenv", "unsetenv", "setuid", "setgid", "umask", "chroot", "listdir", "walk", "stat", "lstat", "access", "readlink", "getpid", "getppid", "getuid", "getgid", "geteuid", "getlogin", "urandom", "tmpnam", "tempnam", "tmpfile" })
        {
            F(name, call => throw call.Interpreter.Refuse(call.Row, "os." + name + "(...)", "touch the host (its files, processes or identity)"));
        }

        return os;
    }

    private static PyDict EnvironmentDict(IReadOnlyDictionary<string, string> environment, XmBudget budget)
    {
        var d = new PyDict(budget);
        foreach (var (k, v) in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            d.Set(new PyStr(k), new PyStr(v));
        }

        return d;
    }

    private static PyModule OsPath(XmInterpreter interp)
    {
        var cache = ModuleCache(interp);
        if (cache.TryGetValue("os.path", out PyModule? existing))
        {
            return existing;
        }

        XmEvaluationContext ctx = interp.Context;
        var m = new PyModule("os.path", false);
        cache["os.path"] = m;
        cache["posixpath"] = m;
        void F(string name, BuiltinImpl impl) => m.Attributes[name] = new PyBuiltin("os.path." + name, impl);
        F("join", call =>
        {
            string result = S(call, 0, "join()");
            for (int i = 1; i < call.Args.Length; i++)
            {
                string part = S(call, i, "join()");
                call.Interpreter.Budget.ChargeString((long)result.Length + part.Length + 1);
                result = part.StartsWith('/') ? part : result.Length == 0 || result.EndsWith('/') ? result + part : result + "/" + part;
            }

            return new PyStr(result);
        });
        F("basename", call => new PyStr(SplitPath(S(call, 0, "basename()")).Tail));
        F("dirname", call => new PyStr(SplitPath(S(call, 0, "dirname()")).Head));
        F("split", call => SplitPath(S(call, 0, "split()")) is var (h, t) ? new PyTuple([new PyStr(h), new PyStr(t)]) : PyUnknown.Instance);
        F("splitext", call =>
        {
            string p = S(call, 0, "splitext()");
            int slash = p.LastIndexOf('/');
            int dot = p.LastIndexOf('.');
            int nameStart = slash + 1;
            while (nameStart < p.Length && p[nameStart] == '.')
            {
                nameStart++;
            }

            return dot >= nameStart ? new PyTuple([new PyStr(p[..dot]), new PyStr(p[dot..])]) : new PyTuple([new PyStr(p), PyStr.Empty]);
        });
        F("isabs", call => PyBool.Of(S(call, 0, "isabs()").StartsWith('/')));
        F("normpath", call => new PyStr(NormPath(S(call, 0, "normpath()"))));
        F("abspath", call =>
        {
            string p = S(call, 0, "abspath()");
            if (!p.StartsWith('/'))
            {
                string cwd = ctx.WorkingDirectory ?? throw call.Interpreter.NeedsContext(call.Row, "os.path.abspath()", "a working directory (XmEvaluationContext.WorkingDirectory)");
                p = cwd.TrimEnd('/') + "/" + p;
            }

            return new PyStr(NormPath(p));
        });
        F("expanduser", call =>
        {
            string p = S(call, 0, "expanduser()");
            if (!p.StartsWith('~'))
            {
                return new PyStr(p);
            }

            if (ctx.Environment is not null && ctx.Environment.TryGetValue("HOME", out string? home) && (p.Length == 1 || p[1] == '/'))
            {
                return new PyStr(home.TrimEnd('/') + p[1..]);
            }

            throw call.Interpreter.NeedsContext(call.Row, "os.path.expanduser()", "HOME in the environment (XmEvaluationContext.Environment)");
        });
        foreach (string kind in new[] { "exists", "isfile", "isdir", "islink", "lexists" })
        {
            F(kind, call =>
            {
                string p = S(call, 0, kind + "()");
                if (ctx.PathAnswers.TryGetValue(kind + ":" + p, out bool specific))
                {
                    return PyBool.Of(specific);
                }

                if (ctx.PathAnswers.TryGetValue(p, out bool answer))
                {
                    return PyBool.Of(answer);
                }

                if (ctx.AllowFileSystemQueries)
                {
                    return PyBool.Of(kind switch
                    {
                        "isfile" => File.Exists(p),
                        "isdir" => Directory.Exists(p),
                        "islink" => new FileInfo(p).LinkTarget is not null,
                        _ => File.Exists(p) || Directory.Exists(p),
                    });
                }

                throw call.Interpreter.NeedsContext(call.Row, $"os.path.{kind}('{p}')", "an answer about the host's files (XmEvaluationContext.PathAnswers)");
            });
        }

        foreach (string name in new[] { "getsize", "getmtime", "getatime", "getctime", "realpath", "samefile", "walk", "ismount", "expandvars" })
        {
            F(name, call => throw call.Interpreter.NeedsContext(call.Row, "os.path." + name + "()", "the host's files"));
        }

        m.Attributes["sep"] = new PyStr("/");
        return m;
    }

    private static (string Head, string Tail) SplitPath(string p)
    {
        int i = p.LastIndexOf('/') + 1;
        string head = p[..i];
        if (head.Length > 0 && head.Trim('/').Length > 0)
        {
            head = head.TrimEnd('/');
        }

        return (head, p[i..]);
    }

    private static string NormPath(string p)
    {
        if (p.Length == 0)
        {
            return ".";
        }

        int initial = p.StartsWith("//", StringComparison.Ordinal) && !p.StartsWith("///", StringComparison.Ordinal) ? 2 : p.StartsWith('/') ? 1 : 0;
        var parts = new List<string>();
        foreach (string part in p.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part != ".." || (initial == 0 && parts.Count == 0) || (parts.Count > 0 && parts[^1] == ".."))
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        string result = new string('/', initial) + string.Join('/', parts);
        return result.Length == 0 ? "." : result;
    }

    private static PyModule Sys(XmInterpreter interp)
    {
        var m = new PyModule("sys", false);
        void F(string name, BuiltinImpl impl) => m.Attributes[name] = new PyBuiltin("sys." + name, impl);
        m.Attributes["maxint"] = PyOps.MakeInt(long.MaxValue);
        m.Attributes["byteorder"] = new PyStr("little");
        F("exit", call => throw PyExceptions.Raise(PyExceptions.SystemExit, call.Args.Length > 0 ? PyOps.StrForMessage(call.Arg(0)) : string.Empty));
        foreach (string name in new[] { "argv", "version", "version_info", "platform", "path", "modules", "stdout", "stderr", "stdin", "executable", "prefix", "hexversion", "getrecursionlimit", "setrecursionlimit", "exc_info", "settrace", "setprofile", "getrefcount", "_getframe" })
        {
            m.Attributes[name] = new PyRefusedAttribute("sys." + name, "read the state of the xm process");
        }

        _ = interp;
        return m;
    }

    private static PyModule Platform(XmInterpreter interp)
    {
        XmEvaluationContext ctx = interp.Context;
        var m = new PyModule("platform", false);
        void F(string name, Func<XmHostProfile, PyObj> get) => m.Attributes[name] = new PyBuiltin("platform." + name, call =>
            ctx.Host is { } h ? get(h) : throw call.Interpreter.NeedsContext(call.Row, "platform." + name + "()", "a host profile (XmEvaluationContext.Host)"));
        F("machine", h => new PyStr(h.Machine));
        F("system", h => new PyStr(h.SystemName));
        F("node", h => new PyStr(h.NodeName));
        F("release", h => new PyStr(h.Release));
        F("version", h => new PyStr(h.Version));
        return m;
    }

    public static PyModule XenUtilIp(XmInterpreter interp)
    {
        var cache = ModuleCache(interp);
        if (cache.TryGetValue("xen.util.ip", out PyModule? existing))
        {
            return existing;
        }

        var m = new PyModule("xen.util.ip", false);
        cache["xen.util.ip"] = m;
        m.Attributes["os"] = Os(interp);
        m.Attributes["re"] = Module("re", interp);
        m.Attributes["socket"] = new PyModule("socket", true, "use the network");
        m.Attributes["struct"] = new PyModule("struct", true);
        m.Attributes["errno"] = new PyModule("errno", true);
        foreach (string name in new[] { "get_defaultroute", "get_current_ipaddr", "get_current_ipmask", "get_current_ipgw" })
        {
            m.Attributes[name] = new PyBuiltin(name, call => throw call.Interpreter.Refuse(call.Row, name + "()", "run 'ip route' on the host"));
        }

        foreach (string name in new[] { "inet_aton", "inet_ntoa", "add_offset_to_ip", "check_subnet" })
        {
            m.Attributes[name] = new PyBuiltin(name, call => throw call.Interpreter.NotSupported(call.Row, name + "()"));
        }

        return m;
    }

    private static PyModule StringModule()
    {
        var m = new PyModule("string", false);
        m.Attributes["digits"] = new PyStr("0123456789");
        m.Attributes["hexdigits"] = new PyStr("0123456789abcdefABCDEF");
        m.Attributes["octdigits"] = new PyStr("01234567");
        m.Attributes["ascii_lowercase"] = m.Attributes["lowercase"] = new PyStr("abcdefghijklmnopqrstuvwxyz");
        m.Attributes["ascii_uppercase"] = m.Attributes["uppercase"] = new PyStr("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m.Attributes["ascii_letters"] = m.Attributes["letters"] = new PyStr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m.Attributes["whitespace"] = new PyStr(" \t\n\r\v\f");
        foreach (string name in new[] { "upper", "lower", "strip", "lstrip", "rstrip", "split", "replace", "find", "rfind", "count", "zfill", "capitalize", "ljust", "rjust", "center", "swapcase" })
        {
            // string.f(s, args...) is s.f(args...)
            m.Attributes[name] = new PyBuiltin("string." + name, call => call.Interpreter.Call(
                GetAttribute(Known(call.Arg(0)), name, call.Interpreter, call.Row), call.Args.Skip(1).ToArray(), call.Keywords, call.Row));
        }

        m.Attributes["join"] = new PyBuiltin("string.join", call => call.Interpreter.Call(
            GetAttribute(call.Args.Length > 1 ? call.Arg(1) : new PyStr(" "), "join", call.Interpreter, call.Row), [call.Arg(0)], null, call.Row));
        m.Attributes["atoi"] = new PyBuiltin("string.atoi", call => ParseInt(S(call, 0, "atoi()"), call.Args.Length > 1 ? Radix(Known(call.Arg(1)), "atoi") : 10, isLong: false, call.Interpreter));
        return m;
    }

    // ------------------------------------------------------------------ re

    private static PyModule Re()
    {
        var m = new PyModule("re", false);
        m.Attributes["I"] = m.Attributes["IGNORECASE"] = PyOps.MakeInt(2);
        m.Attributes["M"] = m.Attributes["MULTILINE"] = PyOps.MakeInt(8);
        m.Attributes["S"] = m.Attributes["DOTALL"] = PyOps.MakeInt(16);
        m.Attributes["X"] = m.Attributes["VERBOSE"] = PyOps.MakeInt(64);
        void F(string name, BuiltinImpl impl) => m.Attributes[name] = new PyBuiltin("re." + name, impl);
        F("compile", call =>
        {
            (string translated, RegexOptions options) = Translate(call, 0, call.Args.Length > 1 ? call.Arg(1) : call.Keyword("flags"));
            _ = Regex(call, translated, options); // a pattern .NET cannot read is reported here
            return new PyPattern(translated, options, S(call, 0, "compile()"));
        });
        F("search", call => Search(Compile(call, 0, call.Args.Length > 2 ? call.Arg(2) : call.Keyword("flags")), S(call, 1, "search()"), anchored: false, call));
        F("match", call => Search(Compile(call, 0, call.Args.Length > 2 ? call.Arg(2) : call.Keyword("flags")), S(call, 1, "match()"), anchored: true, call));
        F("sub", call => Sub(Compile(call, 0, call.Keyword("flags")), call.Arg(1), S(call, 2, "sub()"), call.Args.Length > 3 ? call.Arg(3) : call.Keyword("count"), call));
        F("split", call => Split(Compile(call, 0, call.Keyword("flags")), S(call, 1, "split()"), call));
        F("findall", call => FindAll(Compile(call, 0, call.Args.Length > 2 ? call.Arg(2) : call.Keyword("flags")), S(call, 1, "findall()"), call));
        F("escape", call =>
        {
            string text = S(call, 0, "escape()");
            call.Interpreter.Budget.ChargeString(2L * text.Length);
            var sb = new StringBuilder(text.Length * 2);
            foreach (char c in text)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }

            return new PyStr(sb.ToString());
        });
        return m;
    }

    private static readonly Regex s_namedBackreference = new(@"\(\?P=(\w+)\)", RegexOptions.CultureInvariant);

    /// <summary>A pattern and flags in .NET's terms: named groups, backreferences to them and <c>\Z</c> are written as .NET writes them.</summary>
    private static (string Pattern, RegexOptions Options) Translate(CallInfo call, int index, PyObj? flags)
    {
        PyObj p = Known(call.Arg(index));
        if (p is PyPattern compiled)
        {
            return (compiled.Translated, compiled.Options);
        }

        string pattern = p is PyStr s ? s.Value : throw PyExceptions.Raise(PyExceptions.TypeError, "first argument must be string or compiled pattern");
        var options = RegexOptions.CultureInvariant;
        if (flags is not null && PyOps.TryInteger(Known(flags), out BigInteger f))
        {
            options |= (f & 2) != 0 ? RegexOptions.IgnoreCase : 0;
            options |= (f & 8) != 0 ? RegexOptions.Multiline : 0;
            options |= (f & 16) != 0 ? RegexOptions.Singleline : 0;
            options |= (f & 64) != 0 ? RegexOptions.IgnorePatternWhitespace : 0;
        }

        call.Interpreter.Budget.ChargeString(2L * pattern.Length);
        string translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal).Replace("\\Z", "\\z", StringComparison.Ordinal);
        translated = s_namedBackreference.Replace(translated, "\\k<$1>");
        return (translated, options);
    }

    private static Regex Compile(CallInfo call, int index, PyObj? flags)
    {
        (string translated, RegexOptions options) = Translate(call, index, flags);
        return Regex(call, translated, options);
    }

    /// <summary>The compiled pattern, timed out at what is left of the evaluation's time budget; XH4115 when .NET cannot read it.</summary>
    private static Regex Regex(CallInfo call, string translated, RegexOptions options)
    {
        try
        {
            return call.Interpreter.GetRegex(translated, options);
        }
        catch (ArgumentException)
        {
            throw call.Interpreter.RegexNotCompiled(call.Row, translated);
        }
    }

    private static T Timed<T>(CallInfo call, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (RegexMatchTimeoutException)
        {
            // Each match may use what is left of the evaluation's time, so a timeout means the time budget is spent.
            throw new EvaluationLimitException(XmLimit.Duration, $"the evaluation ran longer than {call.Interpreter.Context.MaxDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms (in a regular expression)");
        }
    }

    private static PyObj Search(Regex regex, string input, bool anchored, CallInfo call) => Timed<PyObj>(call, () =>
    {
        // The leftmost match starts at 0 exactly when a match anchored at 0 exists (and is that match).
        Match m = regex.Match(input);
        return m.Success && (!anchored || m.Index == 0) ? new PyMatch(m) : PyNone.Instance;
    });

    private static PyObj Sub(Regex regex, PyObj replacement, string input, PyObj? count, CallInfo call)
    {
        int max = count is not null && PyOps.TryInteger(Known(count), out BigInteger c) && c > 0 ? (int)BigInteger.Min(c, int.MaxValue) : -1;
        replacement = Known(replacement);
        XmBudget budget = call.Interpreter.Budget;
        long total = input.Length;
        string Charge(string piece, Match m)
        {
            // Charged as the result grows: never build more than the budgets allow.
            total += piece.Length - m.Length;
            budget.CheckSize(total);
            budget.ChargeString(piece.Length);
            return piece;
        }

        string result = Timed(call, () =>
        {
            if (replacement is PyStr template)
            {
                string t = TranslateTemplate(template.Value);
                return regex.Replace(input, m => Charge(m.Result(t), m), max);
            }

            return regex.Replace(input, m =>
            {
                PyObj r = call.Interpreter.Call(replacement, [new PyMatch(m)], null, call.Row);
                return Charge(r is PyStr s ? s.Value : throw new UnknownValueException(), m);
            }, max);
        });
        budget.ChargeString(result.Length);
        return new PyStr(result);
    }

    /// <summary>Python's replacement template (<c>\1</c>, <c>\g&lt;name&gt;</c>, escapes) as .NET's (<c>$1</c>, <c>${name}</c>).</summary>
    private static string TranslateTemplate(string t)
    {
        // The next '>' at or after a position, found once for every position before it (so a template of many
        // unclosed "\g<" is still read in linear time).
        int close = -2;
        int NextClose(int from)
        {
            if (close != -1 && close < from)
            {
                close = t.IndexOf('>', from);
            }

            return close;
        }

        var sb = new StringBuilder();
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '$')
            {
                sb.Append("$$");
            }
            else if (c == '\\' && i + 1 < t.Length)
            {
                char n = t[++i];
                if (char.IsAsciiDigit(n))
                {
                    int j = i;
                    while (j < t.Length && j < i + 2 && char.IsAsciiDigit(t[j]))
                    {
                        j++;
                    }

                    sb.Append("${").Append(t, i, j - i).Append('}');
                    i = j - 1;
                }
                else if (n == 'g' && i + 1 < t.Length && t[i + 1] == '<' && NextClose(i) is int end and > 0)
                {
                    sb.Append("${").Append(t, i + 2, end - i - 2).Append('}');
                    i = end;
                }
                else
                {
                    sb.Append(n switch { 'n' => "\n", 't' => "\t", 'r' => "\r", '\\' => "\\", _ => "\\" + n });
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static PyObj Split(Regex regex, string input, CallInfo call) => Timed<PyObj>(call, () =>
    {
        call.Interpreter.Budget.ChargeString(input.Length);
        return Charged(call, [.. regex.Split(input).Select(s => (PyObj)new PyStr(s))], 1);
    });

    private static PyObj FindAll(Regex regex, string input, CallInfo call) => Timed<PyObj>(call, () =>
    {
        int groups = regex.GetGroupNumbers().Length - 1;
        var result = new List<PyObj>();
        XmBudget budget = call.Interpreter.Budget;
        foreach (Match m in regex.Matches(input))
        {
            budget.ChargeObjects(groups + 1);
            budget.ChargeString(m.Length);
            result.Add(groups switch
            {
                0 => new PyStr(m.Value),
                1 => new PyStr(m.Groups[1].Value),
                _ => new PyTuple(Enumerable.Range(1, groups).Select(g => (PyObj)new PyStr(m.Groups[g].Value)).ToArray()),
            });
        }

        budget.ChargeList(result.Count);
        return new PyList(result);
    });

    public static PyObj MatchGroup(PyMatch m, PyObj key)
    {
        Group g = key switch
        {
            PyStr s => m.Match.Groups[s.Value],
            _ when PyOps.TryInteger(key, out BigInteger i) && i >= 0 && i < m.Match.Groups.Count => m.Match.Groups[(int)i],
            _ => throw PyExceptions.Raise(PyExceptions.IndexError, "no such group"),
        };
        return g.Success ? new PyStr(g.Value) : PyNone.Instance;
    }

    // ------------------------------------------------------------------ attributes and methods

    public static PyObj GetAttribute(PyObj obj, string name, XmInterpreter interp, int row)
    {
        switch (obj)
        {
            case PyUnknown or PyOpaque:
                return PyUnknown.Instance;
            case PyModule m:
                if (m.Attributes.TryGetValue(name, out PyObj? attr))
                {
                    return attr is PyRefusedAttribute refused ? throw interp.Refuse(row, refused.What, refused.Would) : attr;
                }

                if (m.Refusal is not null)
                {
                    throw interp.Refuse(row, m.Name + "." + name, m.Refusal);
                }

                if (m.Opaque)
                {
                    throw interp.NotSupported(row, m.Name + "." + name);
                }

                throw PyExceptions.Raise(PyExceptions.AttributeError, $"'module' object has no attribute '{name}'");
            case UnknownEnvironment:
                throw interp.NeedsContext(row, "os.environ", "the environment (XmEvaluationContext.Environment)");
            case PyExceptionInstance e when name is "args" or "message":
                return name == "args" ? new PyTuple(e.Args) : e.Args.Length == 1 ? e.Args[0] : PyStr.Empty;
        }

        BuiltinImpl? method = obj switch
        {
            PyStr => StrMethod(name),
            PyList => ListMethod(name),
            PyDict => DictMethod(name),
            PyTuple => name switch { "index" => SeqIndex, "count" => SeqCount, _ => null },
            PyMatch => MatchMethod(name),
            PyPattern p => name switch
            {
                "search" => call => Search(Regex(call, p.Translated, p.Options), S(call, 0, "search()"), false, call),
                "match" => call => Search(Regex(call, p.Translated, p.Options), S(call, 0, "match()"), true, call),
                "sub" => call => Sub(Regex(call, p.Translated, p.Options), call.Arg(0), S(call, 1, "sub()"), call.Args.Length > 2 ? call.Arg(2) : call.Keyword("count"), call),
                "split" => call => Split(Regex(call, p.Translated, p.Options), S(call, 0, "split()"), call),
                "findall" => call => FindAll(Regex(call, p.Translated, p.Options), S(call, 0, "findall()"), call),
                _ => null,
            },
            PyXmVars => name switch
            {
                "var" => XmVarsVar,
                "check" => XmVarsCheck,
                _ => null,
            },
            _ => null,
        };
        if (method is null)
        {
            if (obj is PyStr or PyList or PyDict or PyTuple && KnownPythonMethod(name))
            {
                throw interp.NotSupported(row, obj.TypeName + "." + name + "()");
            }

            throw PyExceptions.Raise(PyExceptions.AttributeError, $"'{obj.TypeName}' object has no attribute '{name}'");
        }

        return new PyBoundMethod(obj, name, method);
    }

    private static bool KnownPythonMethod(string name) => name is "format" or "translate" or "expandtabs" or "istitle"
        or "iteritems" or "iterkeys" or "itervalues" or "viewkeys" or "popitem" or "fromkeys" or "encode" or "decode";

    private static PyObj XmVarsVar(CallInfo call)
    {
        var vars = (PyXmVars)call.Self!;
        string name = S(call, 0, "var()");
        PyObj? check = call.Args.Length > 2 ? call.Arg(2) : call.Keyword("check");
        vars.Vars.Add((name, check is PyNone ? null : check));
        return PyNone.Instance;
    }

    /// <summary>xen.xm.help.Vars.check: <c>env[name] = check(name, env.get(name))</c> for each variable, in order.</summary>
    private static PyObj XmVarsCheck(CallInfo call)
    {
        var vars = (PyXmVars)call.Self!;
        Dictionary<string, PyObj> env = call.Interpreter.TopLocals;
        foreach (var (name, check) in vars.Vars)
        {
            if (check is null)
            {
                continue;
            }

            PyObj current = env.TryGetValue(name, out PyObj? v) ? v : PyNone.Instance;
            try
            {
                env[name] = call.Interpreter.Call(check, [new PyStr(name), current], null, call.Row);
            }
            catch (PyRaise raise) when (raise.Exception.Class.IsSubclassOf(PyExceptions.StandardError))
            {
                // raise sys.exc_type, self.name + " - " + str(ex)
                throw new PyRaise(new PyExceptionInstance(raise.Exception.Class, [new PyStr(name + " - " + PyOps.StrForMessage(raise.Exception))]), call.Row);
            }
        }

        return PyNone.Instance;
    }

    private static PyObj SeqIndex(CallInfo call)
    {
        IReadOnlyList<PyObj> items = call.Self is PyList l ? l.Items : ((PyTuple)call.Self!).Items;
        PyObj x = Known(call.Arg(0));
        int at = IndexOf(items, x, call.Interpreter.Budget);
        return at >= 0 ? PyOps.MakeInt(at) : throw PyExceptions.Raise(PyExceptions.ValueError, $"{PyOps.ReprForMessage(x)} is not in list");
    }

    /// <summary>The first index of an item equal to <paramref name="x"/>, -1 when none; unknown when an unknown item comes first.</summary>
    private static int IndexOf(IReadOnlyList<PyObj> items, PyObj x, XmBudget budget)
    {
        for (int i = 0; i < items.Count; i++)
        {
            budget.Work();
            if (ReferenceEquals(items[i], x) || (PyDeep.Equal(items[i], x, budget) ?? throw new UnknownValueException()))
            {
                return i;
            }
        }

        return -1;
    }

    private static PyObj SeqCount(CallInfo call)
    {
        IReadOnlyList<PyObj> items = call.Self is PyList l ? l.Items : ((PyTuple)call.Self!).Items;
        PyObj x = Known(call.Arg(0));
        XmBudget budget = call.Interpreter.Budget;
        int n = 0;
        foreach (PyObj item in items)
        {
            budget.Work();
            if (ReferenceEquals(item, x) || (PyDeep.Equal(item, x, budget) ?? throw new UnknownValueException()))
            {
                n++;
            }
        }

        return PyOps.MakeInt(n);
    }

    private static BuiltinImpl? ListMethod(string name) => name switch
    {
        "append" => call =>
        {
            var l = (PyList)call.Self!;
            call.Interpreter.Budget.CheckSize(l.Items.Count + 1L);
            call.Interpreter.Budget.Allocate(8);
            l.Items.Add(call.Arg(0));
            return PyNone.Instance;
        },
        "extend" => call =>
        {
            var l = (PyList)call.Self!;
            List<PyObj>? items = call.Interpreter.Iterate(call.Arg(0), call.Row);
            if (items is null)
            {
                l.Tainted = true;
                return PyNone.Instance;
            }

            call.Interpreter.Budget.CheckSize(l.Items.Count + (long)items.Count);
            call.Interpreter.Budget.Allocate(8L * items.Count);
            l.Items.AddRange(items);
            return PyNone.Instance;
        },
        "insert" => call =>
        {
            var l = (PyList)call.Self!;
            if (!PyOps.TryInteger(Known(call.Arg(0)), out BigInteger i))
            {
                throw PyExceptions.Raise(PyExceptions.TypeError, "an integer is required");
            }

            if (i < 0)
            {
                i += l.Items.Count;
            }

            call.Interpreter.Budget.CheckSize(l.Items.Count + 1L);
            call.Interpreter.Budget.Allocate(8);
            call.Interpreter.Budget.Work(l.Items.Count >> 6);
            l.Items.Insert((int)BigInteger.Clamp(i, 0, l.Items.Count), call.Arg(1));
            return PyNone.Instance;
        },
        "pop" => call =>
        {
            var l = (PyList)call.Self!;
            if (l.Tainted)
            {
                throw new UnknownValueException();
            }

            if (l.Items.Count == 0)
            {
                throw PyExceptions.Raise(PyExceptions.IndexError, "pop from empty list");
            }

            int at = call.Args.Length == 0 ? l.Items.Count - 1 : XmInterpreter.Index(Known(call.Arg(0)), l.Items.Count, "pop");
            PyObj v = l.Items[at];
            l.Items.RemoveAt(at);
            return v;
        },
        "remove" => call =>
        {
            var l = (PyList)call.Self!;
            PyObj x = Known(call.Arg(0));
            int at = IndexOf(l.Items, x, call.Interpreter.Budget);
            if (at < 0)
            {
                if (l.Tainted)
                {
                    throw new UnknownValueException();
                }

                throw PyExceptions.Raise(PyExceptions.ValueError, "list.remove(x): x not in list");
            }

            l.Items.RemoveAt(at);
            return PyNone.Instance;
        },
        "index" => SeqIndex,
        "count" => SeqCount,
        "reverse" => call =>
        {
            ((PyList)call.Self!).Items.Reverse();
            return PyNone.Instance;
        },
        "sort" => ListSort,
        _ => null,
    };

    private static PyObj ListSort(CallInfo call)
    {
        var l = (PyList)call.Self!;
        if (call.Keyword("cmp") is not null and not PyNone || call.Args.Length > 0)
        {
            throw call.Interpreter.NotSupported(call.Row, "sort with a cmp function");
        }

        PyObj? key = call.Keyword("key");
        bool reverse = call.Keyword("reverse") is { } r && (PyOps.Truth(r) ?? throw new UnknownValueException());
        XmBudget budget = call.Interpreter.Budget;
        budget.ChargeList(2L * l.Items.Count);
        var keyed = l.Items.Select(i => (Key: Known(key is null or PyNone ? i : call.Interpreter.Call(key, [i], null, call.Row)), Item: i)).ToArray();
        if (reverse)
        {
            // Python's reverse sort keeps equal keys in their order: reverse, sort, reverse.
            Array.Reverse(keyed);
        }

        StableSort(keyed, (a, b) => PyOps.Compare(a.Key, b.Key, budget), budget);
        if (reverse)
        {
            Array.Reverse(keyed);
        }

        l.Items.Clear();
        l.Items.AddRange(keyed.Select(p => p.Item));
        return PyNone.Instance;
    }

    /// <summary>
    /// A stable bottom-up merge sort. Unlike <see cref="Array.Sort{T}(T[], Comparison{T})"/>, it lets the comparison's
    /// exceptions (a Python exception, an unknown value, a budget) through as they are, and reports each comparison to the budget.
    /// </summary>
    private static void StableSort<T>(T[] items, Comparison<T> compare, XmBudget budget)
    {
        int n = items.Length;
        var buffer = new T[n];
        T[] from = items, to = buffer;
        for (int width = 1; width < n; width *= 2)
        {
            for (int lo = 0; lo < n; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, n), hi = Math.Min(lo + (2 * width), n);
                int a = lo, b = mid, k = lo;
                while (a < mid && b < hi)
                {
                    budget.Work();
                    to[k++] = compare(from[b], from[a]) < 0 ? from[b++] : from[a++];
                }

                while (a < mid)
                {
                    to[k++] = from[a++];
                }

                while (b < hi)
                {
                    to[k++] = from[b++];
                }
            }

            (from, to) = (to, from);
        }

        if (!ReferenceEquals(from, items))
        {
            Array.Copy(from, items, n);
        }
    }

    private static BuiltinImpl? DictMethod(string name) => name switch
    {
        "get" => call => ((PyDict)call.Self!) is var d && d.TryGet(Known(call.Arg(0)), out PyObj v) ? v : d.Tainted ? throw new UnknownValueException() : call.Arg(1),
        "has_key" => call => ((PyDict)call.Self!) is var d && d.TryGet(Known(call.Arg(0)), out _) ? PyBool.True : d.Tainted ? throw new UnknownValueException() : PyBool.False,
        "keys" => call => Charged(call, Known(call.Self!) is PyDict d ? [.. d.Keys] : [], 0),
        "values" => call => Charged(call, Known(call.Self!) is PyDict d ? [.. d.Entries.Select(e => e.Value)] : [], 0),
        "items" => call => Charged(call, Known(call.Self!) is PyDict d ? [.. d.Entries.Select(e => (PyObj)new PyTuple([e.Key, e.Value]))] : [], 2),
        "setdefault" => call =>
        {
            var d = (PyDict)call.Self!;
            PyObj k = Known(call.Arg(0));
            if (d.TryGet(k, out PyObj v))
            {
                return v;
            }

            call.Interpreter.Budget.Allocate(XmBudget.DictionaryEntryBytes);
            d.Set(k, call.Arg(1));
            return call.Arg(1);
        },
        "update" => call =>
        {
            var d = (PyDict)call.Self!;
            var src = (PyDict)DictCtor(call);
            foreach (var (k, v) in src.Entries)
            {
                d.Set(k, v);
            }

            call.Interpreter.Budget.CheckSize(d.Count);
            return PyNone.Instance;
        },
        "pop" => call =>
        {
            var d = (PyDict)call.Self!;
            PyObj k = Known(call.Arg(0));
            if (d.TryGet(k, out PyObj v))
            {
                d.Remove(k);
                return v;
            }

            return call.Args.Length > 1 ? call.Arg(1) : throw new PyRaise(new PyExceptionInstance(PyExceptions.KeyError, [k]), -1);
        },
        "copy" => call => DictCtor(new CallInfo(call.Interpreter, [call.Self!], null, call.Row, null)),
        "clear" => call =>
        {
            var d = (PyDict)call.Self!;
            foreach (PyObj k in d.Keys.ToList())
            {
                d.Remove(k);
            }

            return PyNone.Instance;
        },
        _ => null,
    };

    private static BuiltinImpl? MatchMethod(string name) => name switch
    {
        "group" => call =>
        {
            var m = (PyMatch)call.Self!;
            if (call.Args.Length <= 1)
            {
                return MatchGroup(m, call.Args.Length == 0 ? PyOps.MakeInt(0) : call.Arg(0));
            }

            return new PyTuple(call.Args.Select(a => MatchGroup(m, a)).ToArray());
        },
        "groups" => call =>
        {
            var m = (PyMatch)call.Self!;
            return new PyTuple(Enumerable.Range(1, m.Match.Groups.Count - 1).Select(i => m.Match.Groups[i].Success ? (PyObj)new PyStr(m.Match.Groups[i].Value) : call.Arg(0)).ToArray());
        },
        "start" => call => PyOps.MakeInt(((PyMatch)call.Self!).Match.Index),
        "end" => call => PyOps.MakeInt(((PyMatch)call.Self!).Match.Index + ((PyMatch)call.Self!).Match.Length),
        "span" => call => new PyTuple([PyOps.MakeInt(((PyMatch)call.Self!).Match.Index), PyOps.MakeInt(((PyMatch)call.Self!).Match.Index + ((PyMatch)call.Self!).Match.Length)]),
        _ => null,
    };

    private static BuiltinImpl? StrMethod(string name) => name switch
    {
        "upper" => call => Str(call, s => s.ToUpperInvariant()),
        "lower" => call => Str(call, s => s.ToLowerInvariant()),
        "strip" => call => Str(call, s => call.Arg(0) is PyStr c ? PyText.Strip(s, c.Value, left: true, right: true) : s.Trim(PyWhitespace)),
        "lstrip" => call => Str(call, s => call.Arg(0) is PyStr c ? PyText.Strip(s, c.Value, left: true, right: false) : s.TrimStart(PyWhitespace)),
        "rstrip" => call => Str(call, s => call.Arg(0) is PyStr c ? PyText.Strip(s, c.Value, left: false, right: true) : s.TrimEnd(PyWhitespace)),
        "capitalize" => call => Str(call, s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant()),
        "swapcase" => call => Str(call, s => string.Concat(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)))),
        "title" => call => Str(call, Title),
        "replace" => call =>
        {
            string s = Self(call), old = S(call, 0, "replace()"), rep = S(call, 1, "replace()");
            int max = call.Args.Length > 2 && PyOps.TryInteger(Known(call.Arg(2)), out BigInteger c) && c >= 0 ? (int)BigInteger.Min(c, int.MaxValue) : int.MaxValue;
            long growth = old.Length == 0 ? (long)(s.Length + 1) * rep.Length : (long)(s.Length / old.Length) * Math.Max(0, rep.Length - old.Length);
            call.Interpreter.Budget.ChargeString(s.Length + growth);
            return new PyStr(PyText.Replace(s, old, rep, max, call.Interpreter.Budget), IsUnicode(call));
        },
        "split" => call => Split(call, fromRight: false),
        "rsplit" => call => Split(call, fromRight: true),
        "splitlines" => call =>
        {
            call.Interpreter.Budget.ChargeString(Self(call).Length);
            List<PyObj> lines = [.. Self(call).Split('\n').Select(x => x.TrimEnd('\r')).SkipLast(Self(call).EndsWith('\n') ? 1 : 0).Select(x => (PyObj)new PyStr(x, IsUnicode(call)))];
            return Charged(call, lines, 1);
        },
        "join" => call =>
        {
            List<PyObj> items = Items(call, 0);
            var parts = new List<string>(items.Count);
            bool unicode = IsUnicode(call);
            foreach (PyObj item in items)
            {
                if (Known(item) is not PyStr s)
                {
                    throw PyExceptions.Raise(PyExceptions.TypeError, $"sequence item {parts.Count}: expected string, {item.TypeName} found");
                }

                unicode |= s.IsUnicode;
                parts.Add(s.Value);
            }

            call.Interpreter.Budget.ChargeString(parts.Sum(p => (long)p.Length) + ((long)Self(call).Length * Math.Max(0, parts.Count - 1)));
            return new PyStr(string.Join(Self(call), parts), unicode);
        },
        "startswith" => call => PyBool.Of(Affix(call).Any(p => Self(call).StartsWith(p, StringComparison.Ordinal))),
        "endswith" => call => PyBool.Of(Affix(call).Any(p => Self(call).EndsWith(p, StringComparison.Ordinal))),
        "find" => call => PyOps.MakeInt(PyText.IndexOf(Self(call), S(call, 0, "find()"), 0, call.Interpreter.Budget)),
        "rfind" => call => PyOps.MakeInt(PyText.LastIndexOf(Self(call), S(call, 0, "rfind()"), call.Interpreter.Budget)),
        "index" => call => PyText.IndexOf(Self(call), S(call, 0, "index()"), 0, call.Interpreter.Budget) is int i and >= 0 ? PyOps.MakeInt(i) : throw PyExceptions.Raise(PyExceptions.ValueError, "substring not found"),
        "rindex" => call => PyText.LastIndexOf(Self(call), S(call, 0, "rindex()"), call.Interpreter.Budget) is int i and >= 0 ? PyOps.MakeInt(i) : throw PyExceptions.Raise(PyExceptions.ValueError, "substring not found"),
        "count" => call => PyOps.MakeInt(PyText.Count(Self(call), S(call, 0, "count()"), call.Interpreter.Budget)),
        "isdigit" => call => PyBool.Of(Self(call).Length > 0 && Self(call).All(char.IsAsciiDigit)),
        "isalpha" => call => PyBool.Of(Self(call).Length > 0 && Self(call).All(char.IsAsciiLetter)),
        "isalnum" => call => PyBool.Of(Self(call).Length > 0 && Self(call).All(char.IsAsciiLetterOrDigit)),
        "isspace" => call => PyBool.Of(Self(call).Length > 0 && Self(call).All(c => PyWhitespace.Contains(c))),
        "isupper" => call => PyBool.Of(Self(call).Any(char.IsAsciiLetter) && !Self(call).Any(char.IsAsciiLetterLower)),
        "islower" => call => PyBool.Of(Self(call).Any(char.IsAsciiLetter) && !Self(call).Any(char.IsAsciiLetterUpper)),
        "zfill" => call => Pad(call, (s, w) => s.Length >= w ? s : s.Length > 0 && s[0] is '-' or '+' ? s[0] + s[1..].PadLeft(w - 1, '0') : s.PadLeft(w, '0')),
        "ljust" => call => Pad(call, (s, w) => s.PadRight(w, FillChar(call))),
        "rjust" => call => Pad(call, (s, w) => s.PadLeft(w, FillChar(call))),
        "center" => call => Pad(call, (s, w) =>
        {
            int total = Math.Max(0, w - s.Length);
            int left = (total / 2) + (total & w & 1);
            return new string(FillChar(call), left) + s + new string(FillChar(call), total - left);
        }),
        "partition" or "rpartition" => call =>
        {
            string s = Self(call), sep = S(call, 0, name + "()");
            int i = name == "partition" ? PyText.IndexOf(s, sep, 0, call.Interpreter.Budget) : PyText.LastIndexOf(s, sep, call.Interpreter.Budget);
            PyObj[] parts = i < 0
                ? name == "partition" ? [new PyStr(s), PyStr.Empty, PyStr.Empty] : [PyStr.Empty, PyStr.Empty, new PyStr(s)]
                : [new PyStr(s[..i]), new PyStr(sep), new PyStr(s[(i + sep.Length)..])];
            return new PyTuple(parts);
        },
        _ => null,
    };

    private static readonly char[] PyWhitespace = [' ', '\t', '\n', '\r', '\v', '\f'];

    private static string Self(CallInfo call) => ((PyStr)call.Self!).Value;

    private static bool IsUnicode(CallInfo call) => ((PyStr)call.Self!).IsUnicode;

    private static PyObj Str(CallInfo call, Func<string, string> f)
    {
        call.Interpreter.Budget.ChargeString(Self(call).Length);
        return new PyStr(f(Self(call)), IsUnicode(call));
    }

    /// <summary>A new list of <paramref name="items"/>, each holding <paramref name="objectsPerItem"/> new objects, charged to the budget.</summary>
    private static PyList Charged(CallInfo call, List<PyObj> items, int objectsPerItem)
    {
        call.Interpreter.Budget.ChargeList(items.Count);
        call.Interpreter.Budget.ChargeObjects((long)objectsPerItem * items.Count);
        return new PyList(items);
    }

    private static char FillChar(CallInfo call) => call.Args.Length > 1 && Known(call.Arg(1)) is PyStr { Value.Length: 1 } c ? c.Value[0] : ' ';

    private static PyObj Pad(CallInfo call, Func<string, int, string> pad)
    {
        if (!PyOps.TryInteger(Known(call.Arg(0)), out BigInteger w))
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, "an integer is required");
        }

        int width = (int)BigInteger.Clamp(w, 0, int.MaxValue);
        call.Interpreter.Budget.ChargeString(Math.Max(width, Self(call).Length));
        return new PyStr(pad(Self(call), width), IsUnicode(call));
    }

    private static IEnumerable<string> Affix(CallInfo call) => Known(call.Arg(0)) switch
    {
        PyStr s => [s.Value],
        PyTuple t => t.Items.Select(i => Known(i) is PyStr s ? s.Value : throw PyExceptions.Raise(PyExceptions.TypeError, "expected a string")),
        var v => throw PyExceptions.Raise(PyExceptions.TypeError, $"expected a character buffer object, not {v.TypeName}"),
    };

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        foreach (char c in s)
        {
            sb.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousCased = char.IsLetter(c);
        }

        return sb.ToString();
    }

    private static PyObj Split(CallInfo call, bool fromRight)
    {
        string s = Self(call);
        PyObj sepArg = call.Args.Length > 0 ? Known(call.Arg(0)) : call.Keyword("sep") ?? PyNone.Instance;
        int max = call.Args.Length > 1 && PyOps.TryInteger(Known(call.Arg(1)), out BigInteger m) && m >= 0 ? (int)BigInteger.Min(m, int.MaxValue) : int.MaxValue;
        bool unicode = IsUnicode(call);
        var parts = new List<string>();
        if (sepArg is PyStr sep)
        {
            if (sep.Value.Length == 0)
            {
                throw PyExceptions.Raise(PyExceptions.ValueError, "empty separator");
            }

            List<string> all = PyText.Split(s, sep.Value, call.Interpreter.Budget);
            if (all.Count - 1 <= max)
            {
                parts.AddRange(all);
            }
            else if (!fromRight)
            {
                parts.AddRange(all.Take(max));
                parts.Add(string.Join(sep.Value, all.Skip(max)));
            }
            else
            {
                parts.Add(string.Join(sep.Value, all.Take(all.Count - max)));
                parts.AddRange(all.Skip(all.Count - max));
            }
        }
        else
        {
            string[] words = s.Split(PyWhitespace, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length - 1 <= max)
            {
                parts.AddRange(words);
            }
            else if (!fromRight)
            {
                // the rest keeps its inner whitespace, leading whitespace removed
                int pos = 0;
                for (int k = 0; k < max; k++)
                {
                    while (PyWhitespace.Contains(s[pos]))
                    {
                        pos++;
                    }

                    int end = s.IndexOfAny(PyWhitespace, pos);
                    parts.Add(s[pos..end]);
                    pos = end;
                }

                parts.Add(s[pos..].TrimStart(PyWhitespace));
            }
            else
            {
                int pos = s.Length;
                var tail = new List<string>();
                for (int k = 0; k < max; k++)
                {
                    while (PyWhitespace.Contains(s[pos - 1]))
                    {
                        pos--;
                    }

                    int start = s.LastIndexOfAny(PyWhitespace, pos - 1) + 1;
                    tail.Insert(0, s[start..pos]);
                    pos = start;
                }

                parts.Add(s[..pos].TrimEnd(PyWhitespace));
                parts.AddRange(tail);
            }
        }

        call.Interpreter.Budget.ChargeString(s.Length);
        return Charged(call, [.. parts.Select(p => (PyObj)new PyStr(p, unicode))], 1);
    }
}
