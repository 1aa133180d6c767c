using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Xen.Hvm.Config.Evaluation;

// The re module and match objects: Python patterns translated to .NET, matched within the time budget.
internal static partial class PyBuiltins
{
    private static void Re(Dictionary<string, PyObj> m)
    {
        m["I"] = m["IGNORECASE"] = PyOps.MakeInt(2);
        m["M"] = m["MULTILINE"] = PyOps.MakeInt(8);
        m["S"] = m["DOTALL"] = PyOps.MakeInt(16);
        m["X"] = m["VERBOSE"] = PyOps.MakeInt(64);
        void F(string name, BuiltinImpl impl) => m[name] = new PyBuiltin("re." + name, impl);
        F("compile", call =>
        {
            (string translated, RegexOptions options) = Translate(call, 0, call.Args.Length > 1 ? call.Arg(1) : call.Keyword("flags"));
            _ = Regex(call, translated, options); // a pattern .NET cannot read is reported here
            return new PyPattern(translated, options, S(call, 0, "compile()"));
        });
        F("search", call => SearchCall(call, anchored: false, "search()"));
        F("match", call => SearchCall(call, anchored: true, "match()"));
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

    /// <summary>
    /// <c>re.search(pattern, string, flags)</c> or <c>re.match</c>: the pattern is read first; an unknown subject (a host
    /// name or path xm only knows when it runs) then makes an unknown result, said here instead of by
    /// <see cref="Known"/>'s throw, which costs a .NET exception per call.
    /// </summary>
    private static PyObj SearchCall(CallInfo call, bool anchored, string what)
    {
        Regex regex = Compile(call, 0, call.Args.Length > 2 ? call.Arg(2) : call.Keyword("flags"));
        return IsUnknown(call.Arg(1)) ? PyUnknown.Instance : Search(regex, S(call, 1, what), anchored, call);
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
}
