using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Evaluation;

// Collecting what xm keeps: the top-level variables of the kept types, converted to config values.
internal sealed partial class XmInterpreter
{
    private XmEvaluationResult Collect(XmEvaluationOutcome outcome, string? exceptionType)
    {
        // Converting shares nothing, so a list that holds one list many times unfolds: bound the total, in items,
        // by what is left of the allocation budget.
        long quota = Math.Max(0, Math.Min(_context.MaxValueSize, (_context.MaxAllocatedBytes - _budget.AllocatedBytes) / XmBudget.DictionaryEntryBytes));
        var items = new List<KeyValuePair<string, ConfigValue>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (name, value) in _top.Locals)
        {
            if (_options.TryGetValue(name, out ConfigValue? option))
            {
                // opts.py load(): "if self.specified(k): continue" - the command line wins over the file.
                index[name] = items.Count;
                items.Add(new(name, option));
                continue;
            }

            if (_seeded.TryGetValue(name, out PyObj? seeded) && ReferenceEquals(seeded, value) && !_context.Variables.ContainsKey(name))
            {
                continue; // xm's own names (modules, xm_file, xm_help...) unless the file replaced them
            }

            if (value is PyUnknown || value is PyList { Tainted: true })
            {
                unknown.Add(name);
                continue;
            }

            if (value is not (PyStr { IsUnicode: false } or PyInt { IsLong: false } or PyFloat or PyList))
            {
                if (value is PyBool or PyNone or PyTuple or PyDict or PyInt or PyStr && _assignedAt.TryGetValue(name, out int row))
                {
                    (int start, int length) = RowSpan(row);
                    Add(DiagnosticDescriptors.XmDroppedVariable, start, length, name, DescribeType(value));
                }

                continue;
            }

            switch (ToConfigValue(value, ref quota, out string? bad))
            {
                case null when bad == "unknown":
                    unknown.Add(name);
                    break;
                case null:
                {
                    int at = _assignedAt.TryGetValue(name, out int row) ? row : 0;
                    (int start, int length) = RowSpan(at);
                    Add(DiagnosticDescriptors.XmUnrepresentableValue, start, length, name, bad);
                    break;
                }

                case ConfigValue v:
                    index[name] = items.Count;
                    items.Add(new(name, v));
                    break;
            }
        }

        foreach (var (name, option) in _options)
        {
            if (!index.ContainsKey(name))
            {
                index[name] = items.Count;
                items.Add(new(name, option));
            }
        }

        Diagnostic[] diagnostics = _bag.Resolve(_tree.Path, _tree.Lines);
        return new XmEvaluationResult(new ConfigValueCollection(items, index), unknown, diagnostics, outcome, exceptionType, _output.ToString(), new XmEvaluationResult.Assignments(_assignedAt, AssignmentSpan(_data), _tree.GetLocation));
    }

    /// <summary>How a row that assigned a variable is spanned: a setting by its value, any other statement whole.</summary>
    private static Func<int, Text.TextSpan> AssignmentSpan(Syntax.SyntaxData data) => row =>
    {
        int node = data.Kind(row) == Syntax.SyntaxKind.Setting ? data.SettingValue(row) : row;
        (int start, int length) = data.CoreSpan(node);
        return new Text.TextSpan(start, length);
    };

    private static string DescribeType(PyObj value) => value switch
    {
        PyBool => "bool (True/False)",
        PyNone => "None",
        PyInt => "long",
        PyStr => "unicode string",
        _ => value.TypeName,
    };

    /// <summary>Converts a kept value; <see langword="null"/> with <paramref name="bad"/> naming what could not be converted.</summary>
    private static ConfigValue? ToConfigValue(PyObj value, ref long quota, out string? bad)
    {
        bad = null;
        static ConfigValue? Scalar(PyObj o, out string? why)
        {
            why = null;
            switch (o)
            {
                case PyStr s:
                    return new ConfigString(s.Value);
                case PyInt i when i.Value >= long.MinValue && i.Value <= long.MaxValue:
                    return new ConfigInteger((long)i.Value);
                case PyFloat f:
                    return new ConfigFloat(f.Value);
                case PyUnknown or PyList { Tainted: true }:
                    why = "unknown";
                    return null;
                default:
                    why = o is PyBool ? "bool" : o.TypeName;
                    return null;
            }
        }

        if (value is not (PyList or PyTuple))
        {
            return Scalar(value, out bad);
        }

        var stack = new Stack<(IReadOnlyList<PyObj> Items, List<ConfigValue> Built, int Next)>();
        stack.Push((Items(value), [], 0));
        while (true)
        {
            var (items, built, next) = stack.Pop();
            if (next == items.Count)
            {
                var list = new ConfigList(built);
                if (stack.Count == 0)
                {
                    return list;
                }

                stack.Peek().Built.Add(list);
                continue;
            }

            stack.Push((items, built, next + 1));
            if (--quota < 0)
            {
                bad = "list too large to convert";
                return null;
            }

            PyObj item = items[next];
            if (item is PyList { Tainted: true })
            {
                bad = "unknown";
                return null;
            }

            if (item is PyList or PyTuple)
            {
                if (stack.Count > 1000)
                {
                    bad = "list nested too deeply";
                    return null;
                }

                stack.Push((Items(item), [], 0));
                continue;
            }

            ConfigValue? v = Scalar(item, out bad);
            if (v is null)
            {
                return null;
            }

            built.Add(v);
        }

        static IReadOnlyList<PyObj> Items(PyObj o) => o is PyList l ? l.Items : ((PyTuple)o).Items;
    }
}
