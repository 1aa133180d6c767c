namespace Xen.Hvm.Config.Evaluation;

// Names: the seeded namespace, frames (execfile's separate locals and globals), lookup, store and delete.
internal sealed partial class XmInterpreter
{
    private void Seed()
    {
        foreach (var (name, value) in _context.Variables)
        {
            _top.Locals[name] = new PyStr(value);
        }

        PyModule os = PyBuiltins.Os(this);
        var ip = PyBuiltins.XenUtilIp(this);
        _top.Locals["sys"] = PyBuiltins.Module("sys", this);
        _top.Locals["os"] = os;
        foreach (var (name, value) in ip.Attributes)
        {
            _top.Locals[name] = value;
        }

        _top.Locals["Vars"] = new PyBuiltin("Vars", call => throw Refuse(call.Row, "Vars(...)", "create a new xm variable set"));
        _top.Locals["xm_file"] = new PyStr(_context.FilePath ?? _tree.Path ?? "<config>");
        _top.Locals["xm_help"] = PyOps.MakeInt(0);
        _top.Locals["xm_vars"] = new PyXmVars();
        foreach (var (name, value) in _top.Locals)
        {
            _seeded[name] = value;
        }
    }

    private sealed class Frame(Dictionary<string, PyObj> locals, HashSet<string>? localNames, HashSet<string> globalNames)
    {
        public Dictionary<string, PyObj> Locals { get; } = locals;

        /// <summary>The names local to a function (null for the top level).</summary>
        public HashSet<string>? LocalNames { get; } = localNames;

        public HashSet<string> GlobalNames { get; } = globalNames;

        public PyObj ReturnValue { get; set; } = PyNone.Instance;
    }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
    }

    private PyObj Lookup(string name, Frame f)
    {
        if (f.LocalNames is not null && f.LocalNames.Contains(name) && !f.GlobalNames.Contains(name))
        {
            return f.Locals.TryGetValue(name, out PyObj? local)
                ? local
                : throw PyExceptions.Raise(PyExceptions.UnboundLocalError, $"local variable '{name}' referenced before assignment");
        }

        if (f.LocalNames is null && !f.GlobalNames.Contains(name) && f.Locals.TryGetValue(name, out PyObj? top))
        {
            return top;
        }

        if (_globals.TryGetValue(name, out PyObj? global))
        {
            return global;
        }

        if (PyBuiltins.Builtins.TryGetValue(name, out PyObj? builtin))
        {
            return builtin;
        }

        if (name == "__builtins__")
        {
            throw Refuse(_currentRow, name, "reach the evaluator's internals (reflection)");
        }

        if (_opaqueStarImport)
        {
            return PyUnknown.Instance;
        }

        throw PyExceptions.Raise(PyExceptions.NameError, $"name '{name}' is not defined");
    }

    private void Store(string name, PyObj value, Frame f, int row)
    {
        if (f.GlobalNames.Contains(name))
        {
            _globals[name] = value;
            return;
        }

        f.Locals[name] = value;
        if (ReferenceEquals(f, _top))
        {
            _assignedAt[name] = row;
        }
    }

    private void Delete(string name, Frame f)
    {
        bool removed = f.GlobalNames.Contains(name) ? _globals.Remove(name) : f.Locals.Remove(name);
        if (!removed)
        {
            throw PyExceptions.Raise(PyExceptions.NameError, $"name '{name}' is not defined");
        }
    }
}
