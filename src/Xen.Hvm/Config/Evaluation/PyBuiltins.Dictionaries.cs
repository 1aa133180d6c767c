namespace Xen.Hvm.Config.Evaluation;

// Dictionary methods.
internal static partial class PyBuiltins
{
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
}
