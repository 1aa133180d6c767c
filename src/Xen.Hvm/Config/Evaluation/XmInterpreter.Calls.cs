using System.Globalization;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Evaluation;

// Calls: arguments, builtins, bound methods, and the evaluator's own functions (def).
internal sealed partial class XmInterpreter
{
    private PyObj EvalCall(int row, Frame f)
    {
        PyObj callee = Eval(_data.Target(row), f);
        var args = new List<PyObj>();
        List<KeyValuePair<string, PyObj>>? keywords = null;
        HashSet<string>? names = null;
        foreach (int argument in _data.CallArguments(row))
        {
            if (_data.Kind(argument) == SyntaxKind.KeywordArgument)
            {
                keywords ??= [];
                names ??= new HashSet<string>(StringComparer.Ordinal);
                string name = TokenText(_data.NameToken(argument));
                if (!names.Add(name))
                {
                    throw PyExceptions.Raise(PyExceptions.TypeError, $"keyword argument repeated: {name}");
                }

                keywords.Add(new(name, Eval(_data.KeywordArgumentValue(argument), f)));
            }
            else
            {
                args.Add(Eval(argument, f));
            }
        }

        return CallOrRaised(callee, [.. args], keywords, row);
    }

    /// <summary>Calls a Python callable for a builtin (<c>map</c>, <c>sorted</c>'s key...): a Python exception it raises is thrown.</summary>
    internal PyObj Call(PyObj callee, PyObj[] args, List<KeyValuePair<string, PyObj>>? keywords, int row)
    {
        PyObj value = CallOrRaised(callee, args, keywords, row);
        return value is PyRaised raised ? throw raised.Raise : value;
    }

    /// <summary>Calls a Python callable: a Python exception it raises may come back as a <see cref="PyRaised"/> instead of being thrown.</summary>
    internal PyObj CallOrRaised(PyObj callee, PyObj[] args, List<KeyValuePair<string, PyObj>>? keywords, int row)
    {
        switch (callee)
        {
            case PyUnknown or PyOpaque:
                foreach (PyObj a in args.Concat(keywords?.Select(k => k.Value) ?? []))
                {
                    if (a is PyList l)
                    {
                        l.Tainted = true;
                    }
                    else if (a is PyDict d)
                    {
                        d.Tainted = true;
                    }
                }

                return PyUnknown.Instance;
            case PyBuiltin b:
                return InvokeBuiltin(b.Impl, new CallInfo(this, args, keywords, row, null));
            case PyBoundMethod m:
                return InvokeBuiltin(m.Impl, new CallInfo(this, args, keywords, row, m.Self));
            case PyFunction fn:
                return CallFunction(fn, args, keywords, row);
            case PyClass { IsException: true } cls:
                return new PyExceptionInstance(cls, args);
            case PyClass cls when PyBuiltins.Constructors.TryGetValue(cls.Name, out BuiltinImpl? ctor):
                return InvokeBuiltin(ctor, new CallInfo(this, args, keywords, row, null));
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{callee.TypeName}' object is not callable");
        }
    }

    private PyObj InvokeBuiltin(BuiltinImpl impl, CallInfo call)
    {
        try
        {
            return impl(call);
        }
        catch (UnknownValueException)
        {
            return PyUnknown.Instance;
        }
    }

    private PyObj CallFunction(PyFunction fn, PyObj[] args, List<KeyValuePair<string, PyObj>>? keywords, int row)
    {
        if (++_callDepth > _context.MaxCallDepth)
        {
            throw new EvaluationLimitException(XmLimit.Nesting, $"function calls nest deeper than {_context.MaxCallDepth.ToString(CultureInfo.InvariantCulture)} (endless recursion?)");
        }

        try
        {
            if (fn.LocalNames is null)
            {
                int body = _data.Body(fn.Row);
                int end = _data.End(fn.Row);
                var (assigned, _, _) = XmBindings.AssignedNames(_data, body, end);
                var globals = new HashSet<string>(StringComparer.Ordinal);
                for (int r = body; r < end; r = _data.Next(r))
                {
                    if (_data.Kind(r) == SyntaxKind.GlobalStatement)
                    {
                        globals.UnionWith(_data.GlobalNames(r));
                    }
                }

                assigned.UnionWith(fn.Parameters);
                assigned.ExceptWith(globals);
                fn.GlobalNames = globals;
                fn.LocalNames = [.. assigned];
            }

            var locals = new Dictionary<string, PyObj>(StringComparer.Ordinal);
            int n = fn.Parameters.Length;
            if (args.Length > n)
            {
                throw PyExceptions.Raise(PyExceptions.TypeError, $"{fn.Name}() takes at most {n} arguments ({args.Length} given)");
            }

            for (int i = 0; i < args.Length; i++)
            {
                locals[fn.Parameters[i]] = args[i];
            }

            foreach (var (key, value) in keywords ?? [])
            {
                if (!fn.ParameterSet.Contains(key))
                {
                    throw PyExceptions.Raise(PyExceptions.TypeError, $"{fn.Name}() got an unexpected keyword argument '{key}'");
                }

                if (!locals.TryAdd(key, value))
                {
                    throw PyExceptions.Raise(PyExceptions.TypeError, $"{fn.Name}() got multiple values for keyword argument '{key}'");
                }
            }

            int firstDefault = n - fn.Defaults.Length;
            for (int i = 0; i < n; i++)
            {
                if (!locals.ContainsKey(fn.Parameters[i]))
                {
                    if (i < firstDefault)
                    {
                        throw PyExceptions.Raise(PyExceptions.TypeError, $"{fn.Name}() takes exactly {n} arguments ({args.Length} given)");
                    }

                    locals[fn.Parameters[i]] = fn.Defaults[i - firstDefault];
                }
            }

            var frame = new Frame(locals, fn.LocalNames, [.. fn.GlobalNames!]);
            Flow flow = ExecStatements(_data.Body(fn.Row), frame);
            return flow switch
            {
                Flow.Return => frame.ReturnValue,
                Flow.Raise => new PyRaised(TakeRaised()),
                _ => PyNone.Instance,
            };
        }
        finally
        {
            _callDepth--;
        }
    }
}
