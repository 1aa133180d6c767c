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

    /// <summary>About how many names <see cref="Seed"/> puts in the file's namespace (sys, os, xen.util.ip's names,
    /// the xm_ names): the namespaces are sized for them, and the file's own, from the start.</summary>
    private const int SeededNames = 20;

    private readonly ConfigSyntaxTree _tree;
    private readonly Diagnostic? _syntaxError;
    private readonly SyntaxData _data;
    private readonly XmEvaluationContext _context;
    private readonly DiagnosticBag _bag = new();
    private readonly HashSet<(int, string)> _reportedAt = [];
    private readonly Frame _top;
    private readonly Dictionary<string, PyObj> _globals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _assignedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PyObj> _seeded = new(SeededNames, StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigValue> _options = new(StringComparer.Ordinal);
    private readonly StringBuilder _output = new();
    private readonly XmBudget _budget;
    private readonly Dictionary<int, PyObj> _literals = [];
    private readonly Dictionary<int, PyStr> _strings = [];

    /// <summary>The part of each statement kept as text that raises whenever it runs, once read (see <see cref="CertainRaise"/>).</summary>
    private readonly Dictionary<int, (int First, int Last)> _certainRaises = [];
    private readonly Dictionary<(string Pattern, System.Text.RegularExpressions.RegexOptions Options), System.Text.RegularExpressions.Regex> _regexes = [];
    private bool _softSpace;
    private bool _opaqueStarImport;
    private int _callDepth;
    private int _currentRow;

    /// <summary>The Python exception of a <see cref="Flow.Raise"/> on its way up, until a caller takes it.</summary>
    private PyRaise? _raised;

    private XmInterpreter(ConfigSyntaxTree tree, Diagnostic? syntaxError, XmEvaluationContext context)
    {
        _tree = tree;
        _syntaxError = syntaxError;
        _data = tree.Data;
        _context = context;
        _budget = new XmBudget(context);
        _top = new Frame(new Dictionary<string, PyObj>(2 * SeededNames, StringComparer.Ordinal), null, []);
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

    /// <summary>A Python exception that reached the top of the file: xm stops there.</summary>
    /// <returns>The exception's class name.</returns>
    private string Uncaught(PyRaise raise, ref XmEvaluationOutcome outcome)
    {
        if (outcome == XmEvaluationOutcome.Completed)
        {
            outcome = XmEvaluationOutcome.Raised;
        }

        int row = raise.Row >= 0 ? raise.Row : _currentRow;
        (int start, int length) = RowSpan(row);
        Add(DiagnosticDescriptors.XmRaisedException, start, length, raise.Exception.Class.Name, PyOps.StrForMessage(raise.Exception));
        return raise.Exception.Class.Name;
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
            if (ExecStatements(SyntaxData.Root, _top) == Flow.Raise)
            {
                exceptionType = Uncaught(TakeRaised(), ref outcome);
            }
        }
        catch (PyRaise raise)
        {
            exceptionType = Uncaught(raise, ref outcome);
        }
        catch (RaisesWhenRunException raises)
        {
            // A statement kept as text that raises whatever its names hold (a template placeholder, {{ NAME }}).
            if (outcome == XmEvaluationOutcome.Completed)
            {
                outcome = XmEvaluationOutcome.Raised;
            }

            exceptionType = raises.ExceptionType;
            (int start, int length) = RowSpan(raises.Row);
            Add(DiagnosticDescriptors.XmRaisesWhenRun, start, length, raises.ExceptionType,
                raises.Name is { } name ? $"name '{name}' is not defined" : "a set item or dictionary key is a set, list or dictionary, which cannot be hashed");
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

    // ---- bounds and diagnostics (the statements, expressions, calls, items, names, options, results and the
    // ---- unknown-value logic are in XmInterpreter.*.cs)

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

    /// <summary>A builtin's value the context does not give: reported (XH4101), and unknown. A builtin returns it
    /// instead of throwing <see cref="NeedsContext"/> where that is its whole answer (no .NET exception on a common path).</summary>
    internal PyObj UnknownNeedingContext(int row, string what, string needs)
    {
        Report(row, DiagnosticDescriptors.XmNeedsContext, what, needs);
        return PyUnknown.Instance;
    }

    /// <summary>Reports that a value needs the host and returns the exception that makes it unknown.</summary>
    internal UnknownValueException NeedsContext(int row, string what, string needs)
    {
        _ = UnknownNeedingContext(row, what, needs);
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
}
