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

        /// <summary>A Python exception ends the block: it is in <c>_raised</c>.</summary>
        Raise,
    }

    /// <summary>What looking a name up finds.</summary>
    private enum NameLookup
    {
        Found,
        UnboundLocal,
        Internals,
        Undefined,
    }

    private PyObj Lookup(string name, Frame f) => Find(name, f, out PyObj? value) switch
    {
        NameLookup.Found => value!,
        NameLookup.UnboundLocal => throw PyExceptions.Raise(PyExceptions.UnboundLocalError, $"local variable '{name}' referenced before assignment"),
        NameLookup.Internals => throw Refuse(_currentRow, name, "reach the evaluator's internals (reflection)"),
        _ => throw PyExceptions.Raise(PyExceptions.NameError, $"name '{name}' is not defined"),
    };

    /// <summary>Looks <paramref name="name"/> up as Python does (function locals, then the file's names, globals and builtins), without raising.</summary>
    private NameLookup Find(string name, Frame f, out PyObj? value)
    {
        if (f.LocalNames is not null && f.LocalNames.Contains(name) && !f.GlobalNames.Contains(name))
        {
            return f.Locals.TryGetValue(name, out value) ? NameLookup.Found : NameLookup.UnboundLocal;
        }

        if ((f.LocalNames is null && !f.GlobalNames.Contains(name) && f.Locals.TryGetValue(name, out value))
            || _globals.TryGetValue(name, out value)
            || PyBuiltins.Builtins.TryGetValue(name, out value))
        {
            return NameLookup.Found;
        }

        if (name == "__builtins__")
        {
            return NameLookup.Internals;
        }

        value = PyUnknown.Instance;
        return _opaqueStarImport ? NameLookup.Found : NameLookup.Undefined;
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
