using System.Numerics;
using System.Text;

namespace Xen.Hvm.Config.Evaluation;

// String methods.
internal static partial class PyBuiltins
{
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
