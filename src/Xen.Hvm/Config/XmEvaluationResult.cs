using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

/// <summary>
/// The result of evaluating an xm config: the variables xm hands to xend (only <c>str</c>, <c>list</c>, <c>int</c>
/// and <c>float</c> survive), the variables whose value could not be known, and diagnostics at the constructs.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class XmEvaluationResult
{
    private readonly Assignments? _assignments;

    /// <summary>Creates a result; <paramref name="assignments"/> tells where the file last assigned each top-level
    /// variable, a location worked out when asked for.</summary>
    internal XmEvaluationResult(
        ConfigValueCollection variables, IReadOnlyList<string> unknown, IReadOnlyList<Diagnostic> diagnostics,
        XmEvaluationOutcome outcome, string? exceptionType, string output,
        Assignments? assignments = null)
    {
        _assignments = assignments;
        Variables = variables;
        UnknownVariables = unknown;
        Diagnostics = diagnostics;
        Outcome = outcome;
        ExceptionType = exceptionType;
        Output = output;
    }

    /// <summary>
    /// Gets the known variables xm keeps, in order of first assignment: strings as <see cref="ConfigString"/>, ints as
    /// <see cref="ConfigInteger"/>, floats as <see cref="ConfigFloat"/>, lists as <see cref="ConfigList"/>.
    /// When <see cref="Outcome"/> is not <see cref="XmEvaluationOutcome.Completed"/> these are the values at the point
    /// evaluation stopped (xm itself would hand over none).
    /// </summary>
    public ConfigValueCollection Variables { get; }

    /// <summary>Gets the variables xm may keep whose value is unknown (it depends on the host, on a refused call, or on code not evaluated).</summary>
    public IReadOnlyList<string> UnknownVariables { get; }

    /// <summary>Gets the evaluation diagnostics (XH41xx), in text order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets how the evaluation ended.</summary>
    public XmEvaluationOutcome Outcome { get; }

    /// <summary>Gets the Python exception type (<c>ValueError</c>) when <see cref="Outcome"/> is <see cref="XmEvaluationOutcome.Raised"/>.</summary>
    public string? ExceptionType { get; }

    /// <summary>Gets what the config's <c>print</c> statements would have written.</summary>
    public string Output { get; }

    /// <summary>Gets where the file last assigned a top-level variable: the value of a <c>name = value</c> setting, or the whole statement that assigned it otherwise.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="location">The location, when the file assigned the variable at the top level.</param>
    /// <returns><see langword="true"/> when the variable was assigned by a statement of the file (not by the command line or xm itself).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <remarks>A list changed in place later (<c>disk.append(...)</c>) keeps the location of its assignment.</remarks>
    public bool TryGetAssignmentLocation(string name, out Text.SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!TryGetAssignmentSpan(name, out Text.TextSpan span))
        {
            location = default;
            return false;
        }

        location = _assignments!.Locate(span);
        return true;
    }

    /// <summary>The span of <see cref="TryGetAssignmentLocation"/>'s location, without working out its line and column.</summary>
    internal bool TryGetAssignmentSpan(string name, out Text.TextSpan span)
    {
        if (_assignments is not { } assignments || !assignments.RowOf.TryGetValue(name, out int row))
        {
            span = default;
            return false;
        }

        span = assignments.SpanOf(row);
        return true;
    }

    /// <summary>Where an evaluation's top-level variables were last assigned: the row of each, how the file's tree
    /// spans a row (the value of a <c>name = value</c> setting, else the whole statement), and how a span of the file
    /// becomes a location (its line map is made when first asked for).</summary>
    internal sealed record Assignments(IReadOnlyDictionary<string, int> RowOf, Func<int, Text.TextSpan> SpanOf, Func<Text.TextSpan, Text.SourceLocation> Locate);
}
