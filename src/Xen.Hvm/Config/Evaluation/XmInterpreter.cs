using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>
/// Evaluates an xm document the way xm's <c>opts.py</c> ran it (<c>execfile(path, globs, locs)</c> after seeding
/// <c>locs</c> with the command-line variables, <c>sys</c>, <c>os</c>, <c>os.path</c>, <c>xen.util.ip</c>'s names,
/// <c>xm_file</c>, <c>xm_help</c> and <c>xm_vars</c>), over the syntax rows, without running anything on the host.
/// </summary>
/// <remarks>
/// Like <c>execfile</c> with separate dictionaries, top-level names live in the locals and a function sees only its own
/// locals, the (nearly empty) globals and the builtins. A value the evaluator cannot know is <see cref="PyUnknown"/>;
/// a branch or loop that depends on one makes every variable it assigns unknown.
/// </remarks>
internal sealed partial class XmInterpreter
{
    /// <summary>The longest text from the config (a name, a path, a value) a diagnostic message quotes.</summary>
    private const int MaxArgumentLength = 300;

    private readonly ConfigSyntaxTree _tree;
    private readonly Diagnostic? _syntaxError;
    private readonly SyntaxData _data;
    private readonly XmEvaluationContext _context;
    private readonly DiagnosticBag _bag = new();
    private readonly HashSet<(int, string)> _reportedAt = [];
    private readonly Frame _top;
    private readonly Dictionary<string, PyObj> _globals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _assignedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PyObj> _seeded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigValue> _options = new(StringComparer.Ordinal);
    private readonly StringBuilder _output = new();
    private readonly XmBudget _budget;
    private readonly Dictionary<int, PyObj> _literals = [];
    private readonly Dictionary<int, PyStr> _strings = [];
    private readonly Dictionary<(string Pattern, System.Text.RegularExpressions.RegexOptions Options), System.Text.RegularExpressions.Regex> _regexes = [];
    private bool _softSpace;
    private bool _opaqueStarImport;
    private int _callDepth;
    private int _currentRow;

    private XmInterpreter(ConfigSyntaxTree tree, Diagnostic? syntaxError, XmEvaluationContext context)
    {
        _tree = tree;
        _syntaxError = syntaxError;
        _data = tree.Data;
        _context = context;
        _budget = new XmBudget(context);
        _top = new Frame(new Dictionary<string, PyObj>(StringComparer.Ordinal), null, []);
    }

    public XmEvaluationContext Context => _context;

    /// <summary>Gets the budgets of this evaluation, which every builtin that builds data charges.</summary>
    public XmBudget Budget => _budget;

    internal Dictionary<string, PyModule> Modules { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, PyObj> TopLocals => _top.Locals;

    /// <summary>Evaluates an xm tree.</summary>
    /// <param name="tree">The tree, read as xm.</param>
    /// <param name="syntaxError">The first error of the tree's parse, when it has one: Python then runs none of the file.</param>
    /// <param name="context">The host profile, answers and command line.</param>
    public static XmEvaluationResult Run(ConfigSyntaxTree tree, Diagnostic? syntaxError, XmEvaluationContext context)
    {
        var interp = new XmInterpreter(tree, syntaxError, context);
        return interp.RunCore();
    }

    private XmEvaluationResult RunCore()
    {
        XmEvaluationOutcome outcome = XmEvaluationOutcome.Completed;
        string? exceptionType = null;
        if (!ConvertOptions())
        {
            // opts.py parses the command line before it loads the file: xm exits with "Invalid value".
            return new XmEvaluationResult(new ConfigValueCollection([], new Dictionary<string, int>()), [], _bag.Resolve(_tree.Path, _tree.Lines),
                XmEvaluationOutcome.InvalidOption, null, _output.ToString());
        }

        Seed();
        if (_syntaxError is { } first)
        {
            outcome = XmEvaluationOutcome.Rejected;
            Add(DiagnosticDescriptors.XmFileRejected, first.Span.Start, first.Span.Length);
        }

        try
        {
            ExecStatements(SyntaxData.Root, _top);
        }
        catch (PyRaise raise)
        {
            if (outcome == XmEvaluationOutcome.Completed)
            {
                outcome = XmEvaluationOutcome.Raised;
            }

            exceptionType = raise.Exception.Class.Name;
            int row = raise.Row >= 0 ? raise.Row : _currentRow;
            (int start, int length) = RowSpan(row);
            Add(DiagnosticDescriptors.XmRaisedException, start, length, raise.Exception.Class.Name, PyOps.StrForMessage(raise.Exception));
        }
        catch (Exception ex) when (ex is EvaluationLimitException or InsufficientExecutionStackException or OutOfMemoryException)
        {
            if (outcome == XmEvaluationOutcome.Completed)
            {
                outcome = XmEvaluationOutcome.LimitExceeded;
            }

            (int start, int length) = RowSpan(_currentRow);
            switch (ex)
            {
                case EvaluationLimitException { Limit: XmLimit.Duration } limit:
                    Add(DiagnosticDescriptors.XmTimeBudgetExceeded, start, length, limit.Message);
                    break;
                case EvaluationLimitException { Limit: XmLimit.AllocatedBytes } limit:
                    Add(DiagnosticDescriptors.XmMemoryBudgetExceeded, start, length, limit.Message);
                    break;
                case EvaluationLimitException { Limit: XmLimit.IntegerDigits } limit:
                    Add(DiagnosticDescriptors.XmIntegerTooLong, start, length, limit.Message);
                    break;
                case EvaluationLimitException limit:
                    Add(DiagnosticDescriptors.XmLimitExceeded, start, length, limit.Message);
                    break;
                case OutOfMemoryException:
                    Add(DiagnosticDescriptors.XmMemoryBudgetExceeded, start, length, "the process ran out of memory");
                    break;
                default:
                    Add(DiagnosticDescriptors.XmLimitExceeded, start, length, "the expressions or calls nest too deeply");
                    break;
            }
        }
        catch (Exception ex)
        {
            // A fault of the evaluator itself (a bug): report it, never let it end the caller's process.
            if (outcome == XmEvaluationOutcome.Completed)
            {
                outcome = XmEvaluationOutcome.Failed;
            }

            (int start, int length) = RowSpan(_currentRow);
            Add(DiagnosticDescriptors.XmEvaluatorFault, start, length, ex.GetType().Name);
        }

        return Collect(outcome, exceptionType);
    }

    // ------------------------------------------------------------------ seeding and collecting

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

    /// <summary>xm create's option converters (opts.py set_value, set_bool, set_int, set_long, append_value).</summary>
    private bool ConvertOptions()
    {
        foreach (var (name, text) in _context.Options)
        {
            ConfigValue? value = XmOptions.KindOf(name) switch
            {
                XmOptionKind.Value => new ConfigString(text),
                XmOptionKind.Bool => text is "yes" or "y" ? new ConfigInteger(1) : text is "no" or "n" ? new ConfigInteger(0) : null,
                XmOptionKind.Int or XmOptionKind.Long => long.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
                    ? new ConfigInteger(n)
                    : null,
                _ => new ConfigList([.. (_options.GetValueOrDefault(name) as ConfigList)?.Items ?? [], new ConfigString(text)]),
            };
            if (value is null)
            {
                string kind = XmOptions.KindOf(name) == XmOptionKind.Bool ? "yes/no value" : "integer";
                Add(DiagnosticDescriptors.XmInvalidOption, 0, 0, name, text, kind);
                return false;
            }

            _options[name] = value;
        }

        return true;
    }

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
        return new XmEvaluationResult(new ConfigValueCollection(items, index), unknown, diagnostics, outcome, exceptionType, _output.ToString());
    }

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
        var stack = new Stack<(IReadOnlyList<PyObj> Items, List<ConfigValue> Built, int Next)>();
        ConfigValue? Scalar(PyObj o, out string? why)
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

    // ------------------------------------------------------------------ bounds and diagnostics

    private void Step(int row)
    {
        _currentRow = row;
        _budget.Step();
    }

    /// <summary>The span of a row without a trailing line break, ';' or dedent.</summary>
    internal (int Start, int Length) RowSpan(int row) => _data.CoreSpan(row);

    /// <summary>Adds a diagnostic; text that comes from the config (names, paths, values) is clipped so no message grows with the input.</summary>
    private void Add(DiagnosticDescriptor descriptor, int start, int length, params object?[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is string { Length: > MaxArgumentLength } text)
            {
                args[i] = text[..(MaxArgumentLength - 3)] + "...";
            }
        }

        _bag.Add(descriptor, start, length, args);
    }

    private void Report(int row, DiagnosticDescriptor descriptor, params object?[] args)
    {
        if (_reportedAt.Add((row, descriptor.Id)))
        {
            (int start, int length) = RowSpan(row);
            Add(descriptor, start, length, args);
        }
    }

    /// <summary>Reports that a value needs the host and returns the exception that makes it unknown.</summary>
    internal UnknownValueException NeedsContext(int row, string what, string needs)
    {
        Report(row, DiagnosticDescriptors.XmNeedsContext, what, needs);
        return new UnknownValueException();
    }

    internal UnknownValueException Refuse(int row, string what, string would)
    {
        Report(row, DiagnosticDescriptors.XmRefusedOperation, what, would);
        return new UnknownValueException();
    }

    internal UnknownValueException NotSupported(int row, string what)
    {
        Report(row, DiagnosticDescriptors.XmUnsupportedOperation, what);
        return new UnknownValueException();
    }

    internal UnknownValueException RegexNotCompiled(int row, string pattern)
    {
        Report(row, DiagnosticDescriptors.XmRegexNotCompiled, PyOps.ReprForMessage(new PyStr(pattern)));
        return new UnknownValueException();
    }

    /// <summary>
    /// A compiled pattern whose match timeout is what is left of the evaluation's time budget, so the matches of all
    /// calls together stay within it. A cached pattern is reused while its timeout exceeds what is left by little.
    /// </summary>
    /// <exception cref="ArgumentException">.NET cannot read the pattern.</exception>
    internal System.Text.RegularExpressions.Regex GetRegex(string pattern, System.Text.RegularExpressions.RegexOptions options)
    {
        TimeSpan remaining = _budget.Remaining;
        if (_regexes.TryGetValue((pattern, options), out var cached)
            && (remaining == Timeout.InfiniteTimeSpan || cached.MatchTimeout - remaining < TimeSpan.FromMilliseconds(50)))
        {
            return cached;
        }

        _budget.Allocate(1024 + (16L * pattern.Length));
        var regex = new System.Text.RegularExpressions.Regex(pattern, options, remaining);
        _regexes[(pattern, options)] = regex;
        return regex;
    }

    internal void Print(string text) => _output.Append(text);

    private string TokenText(int token) => _data.TokenText(token).ToString();

    // ------------------------------------------------------------------ names

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

    // ------------------------------------------------------------------ statements

    private Flow ExecStatements(int parentRow, Frame f)
    {
        foreach (int row in _data.Children(parentRow))
        {
            Flow flow = ExecStatement(row, f);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow ExecStatement(int row, Frame f)
    {
        Step(row);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new EvaluationLimitException(XmLimit.Nesting, "the statements or calls nest too deeply");
        }

        try
        {
            return ExecStatementCore(row, f);
        }
        catch (UnknownValueException)
        {
            // Something the statement needed is unknown (reported where it arose): so is everything it assigns.
            var (assigned, receivers, _) = XmBindings.AssignedNames(_data, row, _data.End(row));
            foreach (string name in assigned)
            {
                Store(name, PyUnknown.Instance, f, row);
            }

            Taint(receivers, f);
            return Flow.Normal;
        }
    }

    private Flow ExecStatementCore(int row, Frame f)
    {
        switch (_data.Kind(row))
        {
            case SyntaxKind.EmptyStatement:
                return Flow.Normal;
            case SyntaxKind.SkippedStatement:
                NotEvaluated(row, f);
                return Flow.Normal;
            case SyntaxKind.Setting:
            {
                string name = TokenText(_data.NameToken(row));
                PyObj value = Eval(_data.SettingValue(row), f);
                if (_data.SettingIsAppend(row))
                {
                    value = InPlace("+", Lookup(name, f), value);
                }

                Store(name, value, f, row);
                return Flow.Normal;
            }

            case SyntaxKind.AssignmentStatement:
                ExecAssignment(row, f);
                return Flow.Normal;
            case SyntaxKind.ExpressionStatement:
                Eval(_data.Operand(row), f);
                return Flow.Normal;
            case SyntaxKind.ImportStatement:
                ExecImport(row, f);
                return Flow.Normal;
            case SyntaxKind.FromImportStatement:
                ExecFromImport(row, f);
                return Flow.Normal;
            case SyntaxKind.KeywordStatement:
                return TokenText(_data.LeafToken(row)) switch
                {
                    "break" => Flow.Break,
                    "continue" => Flow.Continue,
                    _ => Flow.Normal,
                };
            case SyntaxKind.PrintStatement:
                ExecPrint(row, f);
                return Flow.Normal;
            case SyntaxKind.ReturnStatement:
                f.ReturnValue = _data.ReturnValue(row) is int returned and >= 0 ? Eval(returned, f) : PyNone.Instance;
                return Flow.Return;
            case SyntaxKind.RaiseStatement:
                throw MakeRaise(row, f);
            case SyntaxKind.GlobalStatement:
                f.GlobalNames.UnionWith(_data.GlobalNames(row));
                return Flow.Normal;
            case SyntaxKind.DelStatement:
                DeleteTarget(_data.Operand(row), f);
                return Flow.Normal;
            case SyntaxKind.AssertStatement:
            {
                if (!_data.HasChildren(row))
                {
                    return Flow.Normal; // not Python (the parser reports it): nothing to check
                }

                int condition = _data.Condition(row);
                bool? ok = PyOps.Truth(Eval(condition, f));
                if (ok is null)
                {
                    Report(condition, DiagnosticDescriptors.XmUnknownBranch, "assert", "(xm may stop here)");
                }
                else if (!ok.Value)
                {
                    PyObj[] args = _data.AssertMessage(row) is int message and >= 0 ? [Eval(message, f)] : [];
                    throw new PyRaise(new PyExceptionInstance(PyExceptions.AssertionError, args), row);
                }

                return Flow.Normal;
            }

            case SyntaxKind.IfStatement:
                return ExecIf(row, f);
            case SyntaxKind.WhileStatement:
                return ExecWhile(row, f);
            case SyntaxKind.ForStatement:
                return ExecFor(row, f);
            case SyntaxKind.FunctionDefinition:
                ExecDef(row, f);
                return Flow.Normal;
            default:
                return Flow.Normal;
        }
    }

    private void ExecAssignment(int row, Frame f)
    {
        int valueRow = _data.AssignmentValue(row);
        int op = _data.AssignmentOperatorToken(row);
        if (_data.TokenKind(op) == SyntaxKind.EqualsToken)
        {
            PyObj value = Eval(valueRow, f);
            foreach (int each in _data.AssignmentTargets(row))
            {
                Assign(each, value, f);
            }

            return;
        }

        // Augmented assignment: x -= 1, a[0] += 'b', a.b *= 2
        string symbol = TokenText(op)[..^1];
        int target = _data.AssignmentFirstTarget(row);
        switch (_data.Kind(target))
        {
            case SyntaxKind.NameExpression:
            {
                string name = TokenText(_data.LeafToken(target));
                PyObj current = Lookup(name, f);
                Store(name, InPlace(symbol, current, Eval(valueRow, f)), f, row);
                return;
            }

            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(target), f);
                int index = _data.SubscriptIndex(target);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    // a[i:j] += x: the slice is read once, extended or combined, and stored back over the same bounds.
                    SliceParts slice = ReadSlice(index, f);
                    PyObj part = GetSlice(container, slice);
                    SetSlice(container, slice, InPlace(symbol, part, Eval(valueRow, f)), target);
                    return;
                }

                PyObj key = Eval(index, f);
                PyObj current = GetItem(container, key, target);
                SetItem(container, key, InPlace(symbol, current, Eval(valueRow, f)), target);
                return;
            }

            default:
                Report(target, DiagnosticDescriptors.XmUnsupportedOperation, "assignment to an attribute");
                return;
        }
    }

    /// <summary><c>a op= b</c>: lists extend in place; everything else is the binary operator.</summary>
    private PyObj InPlace(string op, PyObj current, PyObj value)
    {
        if (op == "+" && current is PyList list)
        {
            if (value is PyUnknown)
            {
                list.Tainted = true;
                return list;
            }

            List<PyObj> items = Iterate(value, _currentRow) ?? throw new UnknownValueException();
            _budget.ChargeList(list.Items.Count + (long)items.Count);
            list.Items.AddRange(items);
            return list;
        }

        return PyOps.Binary(op, current, value, this);
    }

    private void Assign(int target, PyObj value, Frame f)
    {
        switch (_data.Kind(target))
        {
            case SyntaxKind.NameExpression:
                Store(TokenText(_data.LeafToken(target)), value, f, target);
                return;
            case SyntaxKind.ParenthesizedExpression:
                Assign(_data.Operand(target), value, f);
                return;
            case SyntaxKind.TupleExpression or SyntaxKind.List:
            {
                var targets = new List<int>();
                foreach (int each in _data.Children(target))
                {
                    targets.Add(each);
                }

                List<PyObj>? items = Iterate(value, target);
                if (items is null)
                {
                    foreach (int each in targets)
                    {
                        Assign(each, PyUnknown.Instance, f);
                    }

                    return;
                }

                if (items.Count != targets.Count)
                {
                    throw PyExceptions.Raise(PyExceptions.ValueError, items.Count > targets.Count
                        ? "too many values to unpack"
                        : $"need more than {items.Count} value{(items.Count == 1 ? string.Empty : "s")} to unpack");
                }

                for (int i = 0; i < targets.Count; i++)
                {
                    Assign(targets[i], items[i], f);
                }

                return;
            }

            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(target), f);
                int index = _data.SubscriptIndex(target);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    SetSlice(container, ReadSlice(index, f), value, target);
                    return;
                }

                SetItem(container, Eval(index, f), value, target);
                return;
            }

            default:
                Report(target, DiagnosticDescriptors.XmUnsupportedOperation, "assignment to an attribute");
                return;
        }
    }

    private void DeleteTarget(int target, Frame f)
    {
        switch (_data.Kind(target))
        {
            case SyntaxKind.NameExpression:
                Delete(TokenText(_data.LeafToken(target)), f);
                return;
            case SyntaxKind.TupleExpression or SyntaxKind.List or SyntaxKind.ParenthesizedExpression:
                foreach (int each in _data.Children(target))
                {
                    DeleteTarget(each, f);
                }

                return;
            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(target), f);
                int index = _data.SubscriptIndex(target);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    DeleteSlice(container, ReadSlice(index, f));
                    return;
                }

                PyObj key = Eval(index, f);
                switch (container)
                {
                    case PyUnknown:
                        return;
                    case PyList list:
                        list.Items.RemoveAt(Index(key, list.Items.Count, "list"));
                        return;
                    case PyDict dict:
                        if (!dict.Remove(key))
                        {
                            throw new PyRaise(new PyExceptionInstance(PyExceptions.KeyError, [key]), target);
                        }

                        return;
                    default:
                        throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object doesn't support item deletion");
                }
            }

            default:
                Report(target, DiagnosticDescriptors.XmUnsupportedOperation, "deleting an attribute");
                return;
        }
    }

    private void ExecImport(int row, Frame f)
    {
        var node = (ImportStatementSyntax)_tree.GetNode(row, null);
        foreach (var (module, alias) in node.Modules)
        {
            if (alias is not null)
            {
                Store(alias, ImportModule(module, row), f, row);
            }
            else
            {
                string head = module.Split('.')[0];
                ImportModule(module, row);
                Store(head, ImportModule(head, row), f, row);
            }
        }
    }

    private void ExecFromImport(int row, Frame f)
    {
        var node = (FromImportStatementSyntax)_tree.GetNode(row, null);
        PyObj module = ImportModule(node.Module, row);
        if (node.ImportsAll)
        {
            if (module is PyModule { Opaque: true })
            {
                _opaqueStarImport = true;
                Report(row, DiagnosticDescriptors.XmUnsupportedOperation, $"from {node.Module} import *");
                return;
            }

            foreach (var (name, value) in ((PyModule)module).Attributes)
            {
                if (!name.StartsWith('_'))
                {
                    Store(name, value, f, row);
                }
            }

            return;
        }

        foreach (var (name, alias) in node.Names)
        {
            PyObj value;
            try
            {
                value = GetAttribute(module, name, row);
            }
            catch (UnknownValueException)
            {
                value = PyUnknown.Instance;
            }
            catch (PyRaise)
            {
                throw PyExceptions.Raise(PyExceptions.ImportError, "cannot import name " + name);
            }

            Store(alias ?? name, value, f, row);
        }
    }

    private PyObj ImportModule(string dotted, int row) => PyBuiltins.Import(dotted, this, row);

    private void ExecPrint(int row, Frame f)
    {
        var node = (PrintStatementSyntax)_tree.GetNode(row, null);
        bool redirect = _data.PrintHasRedirect(row);
        var sb = new StringBuilder();
        bool file = redirect;
        bool first = true;
        foreach (int part in _data.Children(row))
        {
            if (file)
            {
                file = false;
                Eval(part, f);
                Report(row, DiagnosticDescriptors.XmRefusedOperation, "print >>", "write to a file");
                continue;
            }

            PyObj value = Eval(part, f);
            if (_softSpace || !first)
            {
                sb.Append(' ');
            }

            first = false;
            _softSpace = false;
            if (value is PyUnknown)
            {
                sb.Append("<unknown>");
            }
            else
            {
                PyDeep.Write(sb, value, str: true, _budget);
            }
        }

        bool trailing = node.HasTrailingComma;
        if (!trailing)
        {
            sb.Append('\n');
        }

        _softSpace = trailing;
        if (!redirect)
        {
            _budget.CheckSize(_output.Length + (long)sb.Length);
            _output.Append(sb);
        }
    }

    private PyRaise MakeRaise(int row, Frame f)
    {
        int exception = _data.ChildAt(row, 0);
        if (exception < 0)
        {
            return new PyRaise(new PyExceptionInstance(PyExceptions.TypeError, [new PyStr("exceptions must be old-style classes or derived from BaseException, not NoneType")]), row);
        }

        PyObj what = Eval(exception, f);
        PyObj? second = _data.ChildAt(row, 1) is int argument and >= 0 ? Eval(argument, f) : null;
        PyObj[] args = second switch
        {
            null => [],
            PyTuple t => t.Items,
            _ => [second],
        };
        return what switch
        {
            PyClass { IsException: true } cls => new PyRaise(new PyExceptionInstance(cls, args), row),
            PyExceptionInstance e => new PyRaise(e, row),
            PyUnknown => new PyRaise(new PyExceptionInstance(new PyClass("unknown", PyExceptions.Exception, true), args), row),
            _ => new PyRaise(new PyExceptionInstance(PyExceptions.TypeError, [new PyStr($"exceptions must be old-style classes or derived from BaseException, not {what.TypeName}")]), row),
        };
    }

    private void ExecDef(int row, Frame f)
    {
        var defaults = new List<PyObj>();
        var parameters = new List<string>();
        foreach (int child in _data.Children(row))
        {
            if (_data.Kind(child) != SyntaxKind.Parameter)
            {
                continue;
            }

            parameters.Add(TokenText(_data.NameToken(child)));
            if (_data.ParameterDefault(child) is int value and >= 0)
            {
                defaults.Add(Eval(value, f));
            }
            else if (defaults.Count > 0)
            {
                throw PyExceptions.Raise(PyExceptions.TypeError, "non-default argument follows default argument");
            }
        }

        string name = TokenText(_data.FunctionNameToken(row));
        Store(name, new PyFunction(name, row, [.. defaults], [.. parameters]), f, row);
    }

    private Flow ExecIf(int row, Frame f)
    {
        int end = _data.End(row);
        bool? truth = PyOps.Truth(Eval(_data.Condition(row), f));
        if (truth is null)
        {
            return Widen(_data.Condition(row), _data.Body(row), end, "if", f);
        }

        if (truth.Value)
        {
            return ExecStatements(_data.Body(row), f);
        }

        foreach (int clause in _data.IfClauses(row))
        {
            if (_data.Kind(clause) == SyntaxKind.ElseClause)
            {
                return ExecStatements(_data.Body(clause), f);
            }

            int condition = _data.Condition(clause);
            truth = PyOps.Truth(Eval(condition, f));
            if (truth is null)
            {
                return Widen(condition, clause, end, "if", f);
            }

            if (truth.Value)
            {
                return ExecStatements(_data.Body(clause), f);
            }
        }

        return Flow.Normal;
    }

    private Flow ExecWhile(int row, Frame f)
    {
        int condition = _data.Condition(row);
        int body = _data.Body(row);
        int end = _data.End(row);
        while (true)
        {
            bool? truth = PyOps.Truth(Eval(condition, f));
            if (truth is null)
            {
                return Widen(condition, body, end, "while loop", f);
            }

            if (!truth.Value)
            {
                return _data.ElseClause(row) is int otherwise and >= 0 ? ExecStatements(_data.Body(otherwise), f) : Flow.Normal;
            }

            Flow flow = ExecStatements(body, f);
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }

            if (flow == Flow.Return)
            {
                return flow;
            }
        }
    }

    private Flow ExecFor(int row, Frame f)
    {
        int target = _data.ForTarget(row);
        int iterableRow = _data.ForIterable(row);
        int body = _data.Body(row);
        int end = _data.End(row);
        PyObj iterable = Eval(iterableRow, f);
        List<PyObj>? items = Iterate(iterable, iterableRow);
        if (items is null)
        {
            Assign(target, PyUnknown.Instance, f);
            return Widen(iterableRow, body, end, "for loop", f);
        }

        foreach (PyObj item in items)
        {
            Assign(target, item, f);
            Flow flow = ExecStatements(body, f);
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }

            if (flow == Flow.Return)
            {
                return flow;
            }
        }

        return _data.ElseClause(row) is int otherwise and >= 0 ? ExecStatements(_data.Body(otherwise), f) : Flow.Normal;
    }

    /// <summary>
    /// A condition or iterable is unknown: every name assigned in rows [<paramref name="from"/>, <paramref name="end"/>)
    /// becomes unknown, every list or dictionary changed there is tainted, and a function whose body may return here
    /// returns an unknown value.
    /// </summary>
    private Flow Widen(int conditionRow, int from, int end, string construct, Frame f)
    {
        var (assigned, receivers, returns) = XmBindings.AssignedNames(_data, from, end);
        foreach (string name in assigned)
        {
            Store(name, PyUnknown.Instance, f, from);
        }

        Taint(receivers, f);
        Report(conditionRow, DiagnosticDescriptors.XmUnknownBranch, construct, NameList(assigned));
        if (returns && f.LocalNames is not null)
        {
            f.ReturnValue = PyUnknown.Instance;
            return Flow.Return;
        }

        return Flow.Normal;
    }

    private void Taint(IEnumerable<string> receivers, Frame f)
    {
        foreach (string name in receivers)
        {
            PyObj? value = null;
            try
            {
                value = Lookup(name, f);
            }
            catch (PyRaise)
            {
            }

            switch (value)
            {
                case PyList l:
                    l.Tainted = true;
                    break;
                case PyDict d:
                    d.Tainted = true;
                    break;
            }
        }
    }

    private void NotEvaluated(int row, Frame f)
    {
        var assigned = new SortedSet<string>(StringComparer.Ordinal);
        var receivers = new HashSet<string>(StringComparer.Ordinal);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        XmBindings.ScanSkippedTokens(_data, row, assigned, receivers, bound);
        foreach (string name in assigned)
        {
            Store(name, bound.Contains(name) ? new PyOpaque(name) : PyUnknown.Instance, f, row);
        }

        assigned.ExceptWith(bound);

        Taint(receivers, f);
        Report(row, DiagnosticDescriptors.XmNotEvaluated, NameList(assigned));
    }

    /// <summary>Names for a message, sorted: at most 20 of them, then how many more.</summary>
    private static string NameList(IReadOnlyCollection<string> names)
    {
        const int Shown = 20;
        if (names.Count == 0)
        {
            return "(none)";
        }

        string list = string.Join(", ", names.Order(StringComparer.Ordinal).Take(Shown).Select(n => n.Length > 40 ? n[..37] + "..." : n));
        return names.Count <= Shown ? list : $"{list} and {(names.Count - Shown).ToString(CultureInfo.InvariantCulture)} more";
    }

    // ------------------------------------------------------------------ expressions

    private PyObj Eval(int row, Frame f)
    {
        Step(row);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new EvaluationLimitException(XmLimit.Nesting, "the expressions or calls nest too deeply");
        }

        try
        {
            return EvalCore(row, f);
        }
        catch (UnknownValueException)
        {
            return PyUnknown.Instance;
        }
        catch (PyRaise raise) when (raise.Row < 0)
        {
            raise.Row = row;
            throw;
        }
    }

    private PyObj EvalCore(int row, Frame f)
    {
        switch (_data.Kind(row))
        {
            case SyntaxKind.NameExpression:
                return Lookup(TokenText(_data.LeafToken(row)), f);
            case SyntaxKind.NumberLiteral:
            {
                if (_literals.TryGetValue(row, out PyObj? known))
                {
                    return known;
                }

                ReadOnlySpan<char> text = _data.TokenText(_data.LeafToken(row));
                PyNumberValue n = PyNumber.Parse(text, _context.MaxIntegerDigits, PyOps.MaxIntegerBits);
                if (n.TooLong)
                {
                    throw new EvaluationLimitException(XmLimit.IntegerDigits, $"an integer literal of {text.Length.ToString(CultureInfo.InvariantCulture)} characters, more than the bound of {_context.MaxIntegerDigits.ToString(CultureInfo.InvariantCulture)} digits");
                }

                if (n.TooBig)
                {
                    throw PyOps.TooBig();
                }

                if (n.IsComplex)
                {
                    throw NotSupported(row, "complex numbers");
                }

                PyObj number = n.IsFloat ? new PyFloat(n.Float) : PyOps.MakeInt(n.Integer, n.IsLong);
                _budget.ChargeObjects(1);
                _literals[row] = number; // numbers are immutable: a literal in a loop is read once
                return number;
            }

            case SyntaxKind.StringLiteral:
                return StringAt(_data.LeafToken(row));
            case SyntaxKind.ConcatenatedString:
            {
                if (_literals.TryGetValue(row, out PyObj? joined))
                {
                    return joined;
                }

                var sb = new StringBuilder();
                bool unicode = false;
                foreach (int child in _data.Children(row))
                {
                    PyStr s = StringAt(_data.LeafToken(child));
                    sb.Append(s.Value);
                    unicode |= s.IsUnicode;
                }

                _budget.ChargeString(sb.Length);
                var concatenated = new PyStr(sb.ToString(), unicode);
                _literals[row] = concatenated;
                return concatenated;
            }

            case SyntaxKind.List:
            {
                var items = new List<PyObj>();
                foreach (int child in _data.Children(row))
                {
                    items.Add(Eval(child, f));
                }

                _budget.ChargeList(items.Count);
                return new PyList(items);
            }

            case SyntaxKind.TupleExpression:
            {
                var items = new List<PyObj>();
                foreach (int child in _data.Children(row))
                {
                    items.Add(Eval(child, f));
                }

                _budget.ChargeList(items.Count);
                return items.Count == 0 ? PyTuple.Empty : new PyTuple([.. items]);
            }

            case SyntaxKind.ParenthesizedExpression:
                return Eval(_data.Operand(row), f);
            case SyntaxKind.DictionaryExpression:
            {
                var dict = new PyDict(_budget);
                foreach (int entry in _data.Children(row))
                {
                    PyObj key = Eval(_data.DictionaryEntryKey(entry), f);
                    PyObj value = Eval(_data.DictionaryEntryValue(entry), f);
                    _budget.Allocate(XmBudget.DictionaryEntryBytes);
                    if (key is PyUnknown)
                    {
                        dict.Tainted = true;
                        continue;
                    }

                    CheckHashable(key);
                    dict.Set(key, value);
                }

                _budget.CheckSize(dict.Count);
                return dict;
            }

            case SyntaxKind.UnaryExpression:
                return PyOps.Unary(TokenText(_data.FirstToken(row)), Eval(_data.Operand(row), f));
            case SyntaxKind.BinaryExpression:
                return EvalBinary(row, f);
            case SyntaxKind.ComparisonExpression:
                return EvalComparison(row, f);
            case SyntaxKind.ConditionalExpression:
            {
                bool? truth = PyOps.Truth(Eval(_data.ConditionalCondition(row), f));
                return truth is null ? PyUnknown.Instance : Eval(truth.Value ? _data.ConditionalWhenTrue(row) : _data.ConditionalWhenFalse(row), f);
            }

            case SyntaxKind.MemberAccessExpression:
                return GetAttribute(Eval(_data.Target(row), f), TokenText(_data.MemberAccessNameToken(row)), row);
            case SyntaxKind.CallExpression:
                return EvalCall(row, f);
            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(row), f);
                int index = _data.SubscriptIndex(row);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    return GetSlice(container, ReadSlice(index, f));
                }

                return GetItem(container, Eval(index, f), row);
            }

            default:
                throw NotSupported(row, _data.Kind(row).ToString());
        }
    }

    /// <summary>A string literal, decoded (and charged) once: strings are immutable, so a literal in a loop costs nothing more.</summary>
    private PyStr StringAt(int token)
    {
        if (_strings.TryGetValue(token, out PyStr? known))
        {
            return known;
        }

        string value = _tree.DecodeString(token);
        _budget.ChargeString(value.Length);
        ReadOnlySpan<char> raw = _data.TokenText(token);
        bool unicode = raw.Length > 0 && raw[0] is 'u' or 'U';
        var s = new PyStr(value, unicode);
        _strings[token] = s;
        return s;
    }

    /// <summary>Raises Python's <c>TypeError</c> for a key that holds a list or dictionary.</summary>
    private void CheckHashable(PyObj key) => PyDeep.Hash(key, _budget);

    /// <summary>Evaluates a left-deep chain (<c>a + b + c ...</c>) iteratively, so a long chain cannot exhaust the stack.</summary>
    private PyObj EvalBinary(int row, Frame f)
    {
        var spine = new List<int>();
        int current = row;
        while (_data.Kind(current) == SyntaxKind.BinaryExpression)
        {
            spine.Add(current);
            current = _data.BinaryLeft(current);
        }

        PyObj acc = Eval(current, f);
        for (int i = spine.Count - 1; i >= 0; i--)
        {
            int binary = spine[i];
            Step(binary);
            int right = _data.BinaryRight(binary);
            string op = TokenText(_data.BinaryOperatorToken(binary));
            if (op is "and" or "or")
            {
                bool? truth = PyOps.Truth(acc);
                if (truth is null)
                {
                    acc = PyUnknown.Instance;
                }
                else if ((op == "and") == truth.Value)
                {
                    acc = Eval(right, f);
                }

                continue;
            }

            try
            {
                acc = PyOps.Binary(op, acc, Eval(right, f), this);
            }
            catch (PyRaise raise) when (raise.Row < 0)
            {
                raise.Row = binary;
                throw;
            }
            catch (UnknownValueException)
            {
                acc = PyUnknown.Instance;
            }
        }

        return acc;
    }

    private PyObj EvalComparison(int row, Frame f)
    {
        var node = (ComparisonExpressionSyntax)_tree.GetNode(row, null);
        IReadOnlyList<string> ops = node.Operators;
        var operands = new List<int>();
        foreach (int operand in _data.Children(row))
        {
            operands.Add(operand);
        }

        PyObj left = Eval(operands[0], f);
        for (int i = 0; i < ops.Count; i++)
        {
            PyObj right = Eval(operands[i + 1], f);
            bool? result = PyOps.CompareOp(ops[i], left, right, _budget);
            if (result is null)
            {
                return PyUnknown.Instance;
            }

            if (!result.Value)
            {
                return PyBool.False;
            }

            left = right;
        }

        return PyBool.True;
    }

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

        return Call(callee, [.. args], keywords, row);
    }

    internal PyObj Call(PyObj callee, PyObj[] args, List<KeyValuePair<string, PyObj>>? keywords, int row)
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
            return flow == Flow.Return ? frame.ReturnValue : PyNone.Instance;
        }
        finally
        {
            _callDepth--;
        }
    }

    // ------------------------------------------------------------------ items, slices, iteration

    internal List<PyObj>? Iterate(PyObj value, int row)
    {
        switch (value)
        {
            case PyUnknown or PyList { Tainted: true } or PyDict { Tainted: true }:
                return null;
            case PyList l:
                _budget.ChargeList(l.Items.Count);
                return [.. l.Items];
            case PyTuple t:
                _budget.ChargeList(t.Items.Length);
                return [.. t.Items];
            case PyStr s:
                _budget.ChargeList(s.Value.Length);
                _budget.ChargeObjects(s.Value.Length);
                return s.Value.Select(c => (PyObj)new PyStr(c.ToString(), s.IsUnicode)).ToList();
            case PyDict d:
                _budget.ChargeList(d.Count);
                return [.. d.Keys];
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{value.TypeName}' object is not iterable");
        }
    }

    internal static int Index(PyObj key, int count, string what)
    {
        if (!PyOps.TryInteger(key, out BigInteger i))
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, $"{what} indices must be integers, not {key.TypeName}");
        }

        if (i < 0)
        {
            i += count;
        }

        if (i < 0 || i >= count)
        {
            throw PyExceptions.Raise(PyExceptions.IndexError, $"{what} index out of range");
        }

        return (int)i;
    }

    private PyObj GetItem(PyObj container, PyObj key, int row)
    {
        if (key is PyUnknown)
        {
            return PyUnknown.Instance;
        }

        switch (container)
        {
            case PyUnknown:
                return PyUnknown.Instance;
            case PyList { Tainted: true } or PyDict { Tainted: true }:
                return PyUnknown.Instance;
            case PyList l:
                return l.Items[Index(key, l.Items.Count, "list")];
            case PyTuple t:
                return t.Items[Index(key, t.Items.Length, "tuple")];
            case PyStr s:
                return new PyStr(s.Value[Index(key, s.Value.Length, "string")].ToString(), s.IsUnicode);
            case PyDict d:
                CheckHashable(key);
                return d.TryGet(key, out PyObj v) ? v : throw new PyRaise(new PyExceptionInstance(PyExceptions.KeyError, [key]), row);
            case PyMatch m:
                return PyBuiltins.MatchGroup(m, key);
            case PyBuiltins.UnknownEnvironment:
                throw NeedsContext(row, "os.environ[...]", "the environment (XmEvaluationContext.Environment)");
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object has no attribute '__getitem__'");
        }
    }

    private void SetItem(PyObj container, PyObj key, PyObj value, int row)
    {
        switch (container)
        {
            case PyUnknown:
                return;
            case PyList l:
                if (key is PyUnknown)
                {
                    l.Tainted = true;
                    return;
                }

                l.Items[Index(key, l.Items.Count, "list assignment")] = value;
                return;
            case PyDict d:
                if (key is PyUnknown)
                {
                    d.Tainted = true;
                    return;
                }

                CheckHashable(key);
                _budget.Allocate(XmBudget.DictionaryEntryBytes);
                d.Set(key, value);
                _budget.CheckSize(d.Count);
                return;
            case PyBuiltins.UnknownEnvironment:
                return;
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object does not support item assignment");
        }
    }

    /// <summary>The evaluated parts of <c>[lower:upper:step]</c>; <see langword="null"/> for a part left out or None.</summary>
    private readonly record struct SliceParts(BigInteger? Lower, BigInteger? Upper, BigInteger? Step);

    /// <summary>The items a slice selects: <see cref="Count"/> indexes from <see cref="Start"/>, <see cref="Step"/> apart.</summary>
    private readonly record struct SliceRange(long Start, long Step, long Count)
    {
        public int this[long i] => (int)(Start + (i * Step));
    }

    private SliceParts ReadSlice(int sliceRow, Frame f)
    {
        BigInteger? Part(int part)
        {
            if (part < 0)
            {
                return null;
            }

            PyObj v = Eval(part, f);
            if (v is PyUnknown)
            {
                throw new UnknownValueException();
            }

            if (v is PyNone)
            {
                return null;
            }

            return PyOps.TryInteger(v, out BigInteger i) ? i : throw PyExceptions.Raise(PyExceptions.TypeError, "slice indices must be integers or None or have an __index__ method");
        }

        BigInteger? lower = Part(_data.SlicePart(sliceRow, 0)), upper = Part(_data.SlicePart(sliceRow, 1)), step = Part(_data.SlicePart(sliceRow, 2));
        if (step is { IsZero: true })
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, "slice step cannot be zero");
        }

        return new SliceParts(lower, upper, step);
    }

    /// <summary>CPython's <c>PySlice_GetIndicesEx</c>: bounds clamped to the sequence, steps to a C <c>ssize_t</c>, in checked arithmetic.</summary>
    private static SliceRange Resolve(SliceParts parts, int length)
    {
        long step = parts.Step is { } st ? (long)BigInteger.Clamp(st, -long.MaxValue, long.MaxValue) : 1;
        long Bound(BigInteger? v, long dflt)
        {
            if (v is not { } x)
            {
                return dflt;
            }

            if (x.Sign < 0)
            {
                x += length;
            }

            return x.Sign < 0 ? (step < 0 ? -1 : 0) : x >= length ? (step < 0 ? length - 1 : length) : (long)x;
        }

        long start = Bound(parts.Lower, step < 0 ? length - 1 : 0);
        long stop = Bound(parts.Upper, step < 0 ? -1 : length);
        long count = step < 0
            ? (stop >= start ? 0 : ((stop - start + 1) / step) + 1)
            : (start >= stop ? 0 : ((stop - start - 1) / step) + 1);
        return new SliceRange(start, step, count);
    }

    private PyObj GetSlice(PyObj container, SliceParts parts)
    {
        switch (container)
        {
            case PyUnknown or PyList { Tainted: true }:
                return PyUnknown.Instance;
            case PyList l:
            {
                SliceRange r = Resolve(parts, l.Items.Count);
                _budget.ChargeList(r.Count);
                var items = new List<PyObj>((int)r.Count);
                for (long i = 0; i < r.Count; i++)
                {
                    items.Add(l.Items[r[i]]);
                }

                return new PyList(items);
            }

            case PyTuple t:
            {
                SliceRange r = Resolve(parts, t.Items.Length);
                _budget.ChargeList(r.Count);
                var items = new PyObj[r.Count];
                for (long i = 0; i < r.Count; i++)
                {
                    items[i] = t.Items[r[i]];
                }

                return new PyTuple(items);
            }

            case PyStr s:
            {
                SliceRange r = Resolve(parts, s.Value.Length);
                _budget.ChargeString(r.Count);
                if (r.Step == 1)
                {
                    return new PyStr(s.Value.Substring((int)r.Start, (int)r.Count), s.IsUnicode);
                }

                var chars = new char[r.Count];
                for (long i = 0; i < r.Count; i++)
                {
                    chars[i] = s.Value[r[i]];
                }

                return new PyStr(new string(chars), s.IsUnicode);
            }

            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object has no attribute '__getitem__'");
        }
    }

    private void SetSlice(PyObj container, SliceParts parts, PyObj value, int row)
    {
        if (container is PyUnknown)
        {
            return;
        }

        if (container is not PyList list)
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object does not support slice assignment");
        }

        List<PyObj>? items = Iterate(value, row);
        if (items is null)
        {
            list.Tainted = true;
            return;
        }

        SliceRange r = Resolve(parts, list.Items.Count);
        if (r.Step == 1)
        {
            _budget.ChargeList(list.Items.Count - r.Count + (long)items.Count);
            list.Items.RemoveRange((int)r.Start, (int)r.Count);
            list.Items.InsertRange((int)r.Start, items);
            return;
        }

        if (items.Count != r.Count)
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, $"attempt to assign sequence of size {items.Count} to extended slice of size {r.Count}");
        }

        for (int i = 0; i < items.Count; i++)
        {
            list.Items[r[i]] = items[i];
        }
    }

    private void DeleteSlice(PyObj container, SliceParts parts)
    {
        switch (container)
        {
            case PyUnknown:
                return;
            case PyList list:
            {
                SliceRange r = Resolve(parts, list.Items.Count);
                if (r.Step == 1)
                {
                    list.Items.RemoveRange((int)r.Start, (int)r.Count);
                    return;
                }

                var removed = new bool[list.Items.Count];
                for (long i = 0; i < r.Count; i++)
                {
                    removed[r[i]] = true;
                }

                int kept = 0;
                for (int k = 0; k < removed.Length; k++)
                {
                    if (!removed[k])
                    {
                        list.Items[kept++] = list.Items[k];
                    }
                }

                list.Items.RemoveRange(kept, removed.Length - kept);
                return;
            }

            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object doesn't support slice deletion");
        }
    }

    private PyObj GetAttribute(PyObj obj, string name, int row)
    {
        if (obj is PyUnknown)
        {
            return PyUnknown.Instance;
        }

        if (name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal))
        {
            throw Refuse(row, "." + name, "reflect on the evaluator's objects");
        }

        return PyBuiltins.GetAttribute(obj, name, this, row);
    }
}
