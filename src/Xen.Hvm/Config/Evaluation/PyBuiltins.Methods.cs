using System.Text.RegularExpressions;

namespace Xen.Hvm.Config.Evaluation;

// Attributes and methods of values; xm_vars; methods shared by sequences.
internal static partial class PyBuiltins
{
    public static PyObj GetAttribute(PyObj obj, string name, XmInterpreter interp, int row)
    {
        switch (obj)
        {
            case PyUnknown or PyOpaque:
                return PyUnknown.Instance;
            case PyModule m:
                if (m.TryGetAttribute(name, out PyObj? attr))
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
            PyObj checkedValue;
            try
            {
                checkedValue = call.Interpreter.CallOrRaised(check, [new PyStr(name), current], null, call.Row);
            }
            catch (PyRaise raise) when (RaiseAsVariableError(raise, name, call.Row))
            {
                throw; // never reached: the filter declines every exception
            }

            if (checkedValue is PyRaised raised)
            {
                RaiseAsVariableError(raised.Raise, name, call.Row);
                return raised; // on up as a value, as the check function handed it over
            }

            env[name] = checkedValue;
        }

        return PyNone.Instance;
    }

    /// <summary>
    /// An exception filter for <see cref="XmVarsCheck"/>: xend's <c>raise sys.exc_type, self.name + " - " + str(ex)</c>
    /// for a <c>StandardError</c>, made on the exception in flight (same class, the variable's name before its message,
    /// raised at the <c>check()</c> call), then declined: the exception goes on to its handler in one dispatch instead of
    /// being caught and a second one thrown (each dispatch through the interpreter's frames costs 5-10 µs). An exception
    /// that came back as a value (<see cref="PyRaised"/>) is renamed by a direct call.
    /// </summary>
    private static bool RaiseAsVariableError(PyRaise raise, string name, int row)
    {
        if (raise.Exception.Class.IsSubclassOf(PyExceptions.StandardError))
        {
            raise.Replace(new PyExceptionInstance(raise.Exception.Class, [new PyStr(name + " - " + PyOps.StrForMessage(raise.Exception))]), row);
        }

        return false;
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
}
