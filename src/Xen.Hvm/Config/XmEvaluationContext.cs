namespace Xen.Hvm.Config;

/// <summary>
/// What an xm config may learn about the host when it is evaluated, and the bounds of the evaluation. Nothing is read
/// from the real host: every question a config asks (<c>os.uname()</c>, <c>os.path.exists</c>, <c>os.environ</c>,
/// <c>os.getcwd()</c>) is answered from here or its result is unknown.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record XmEvaluationContext
{
    /// <summary>Gets a context with no host profile, no answers and no command-line variables.</summary>
    public static XmEvaluationContext Default { get; } = new();

    /// <summary>Gets the answer to <c>os.uname()</c>, or <see langword="null"/> to leave it unknown.</summary>
    public XmHostProfile? Host { get; init; }

    /// <summary>
    /// Gets the script variables given on the xm command line (<c>xm create guest.cfg vmid=3</c> gives <c>vmid</c>
    /// = <c>"3"</c>). Like xm, they start as strings in the config's locals; a name that is an xm option
    /// (<c>memory=512</c>) is not a script variable for xm, and is not treated specially here either.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Gets the options given on <c>xm create</c>'s command line (<c>memory=1024</c>, <c>disk=...</c>), in order. As in
    /// xm, the file cannot see them; after it has run, each replaces the file's value of the same name, converted as
    /// xm converts that option (see <see cref="XmOptionCatalog"/>); append options such as <c>disk</c> collect one item per
    /// occurrence. An invalid value (<c>memory=lots</c>) stops xm before it reads the file.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; init; } = [];

    /// <summary>
    /// Returns a copy with <c>xm create</c>'s <c>KEY=VALUE</c> arguments added as xm sorts them: names of
    /// <see cref="XmOptionCatalog"/> become <see cref="Options"/>, every other name a script variable in <see cref="Variables"/>.
    /// </summary>
    /// <param name="assignments">The arguments, e.g. <c>vmid=3</c> and <c>memory=1024</c>.</param>
    /// <returns>The new context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assignments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument has no <c>=</c>.</exception>
    [System.Diagnostics.Contracts.Pure]
    public XmEvaluationContext WithCommandLine(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var variables = new Dictionary<string, string>(Variables, StringComparer.Ordinal);
        var options = new List<KeyValuePair<string, string>>(Options);
        foreach (string assignment in assignments)
        {
            ArgumentNullException.ThrowIfNull(assignment, nameof(assignments));
            int eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new ArgumentException($"'{assignment}' is not KEY=VALUE.", nameof(assignments));
            }

            // create.py: arg.strip().split('=', 1), then both halves stripped.
            string key = assignment[..eq].Trim();
            string value = assignment[(eq + 1)..].Trim();
            if (XmOptionCatalog.IsOption(key))
            {
                options.Add(new(key, value));
            }
            else
            {
                variables[key] = value;
            }
        }

        return this with { Variables = variables, Options = options };
    }

    /// <summary>
    /// Gets the answers to <c>os.path.exists</c>, <c>isfile</c>, <c>isdir</c>, <c>islink</c> and <c>lexists</c>,
    /// by path. A key <c>"isdir:/path"</c> answers only <c>isdir</c>; a plain path answers every question.
    /// </summary>
    public IReadOnlyDictionary<string, bool> PathAnswers { get; init; } = new Dictionary<string, bool>();

    /// <summary>
    /// Gets a value indicating whether questions <see cref="PathAnswers"/> does not answer may look at the real file
    /// system (only <c>os.path.exists</c>-style questions, never reading a file). Off by default.
    /// </summary>
    public bool AllowFileSystemQueries { get; init; }

    /// <summary>Gets the environment the config sees through <c>os.environ</c> and <c>os.getenv</c>, or <see langword="null"/> to leave it unknown.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Gets the answer to <c>os.getcwd()</c>, or <see langword="null"/> to leave it unknown.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Gets the value of xm's <c>xm_file</c> variable, or <see langword="null"/> for the document's path.</summary>
    public string? FilePath { get; init; }

    /// <summary>Gets the most evaluation steps (statements and expressions) before evaluation stops (XH4104). 1,000,000 by default.</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>
    /// Gets the most characters or items one value (a string, list, tuple, dictionary or the printed output) may hold
    /// before evaluation stops (XH4104). 16,777,216 by default.
    /// </summary>
    public int MaxValueSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Gets the deepest chain of function calls before evaluation stops (XH4104; Python's own limit is 1,000). 200 by default.</summary>
    public int MaxCallDepth { get; init; } = 200;

    /// <summary>
    /// Gets the wall time the whole evaluation may take before it stops (XH4112), regular-expression matches
    /// included: each match may take only what is left. 2 seconds by default; <see cref="Timeout.InfiniteTimeSpan"/> for no bound.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan MaxDuration
    {
        get => _maxDuration;
        init => _maxDuration = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDuration must be positive or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>
    /// Gets the bytes the whole evaluation may allocate, as estimated for every string, list, tuple, dictionary,
    /// integer and printed text it builds (garbage included), before it stops (XH4113). 268,435,456 (256 MiB) by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long MaxAllocatedBytes
    {
        get => _maxAllocatedBytes;
        init => _maxAllocatedBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAllocatedBytes must be positive.");
    }

    /// <summary>
    /// Gets the most digits an integer literal or a string given to <c>int()</c>, <c>long()</c> or
    /// <c>string.atoi()</c> may have before evaluation stops (XH4114), as CPython 3.11 bounds them. 4,300 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxIntegerDigits
    {
        get => _maxIntegerDigits;
        init => _maxIntegerDigits = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxIntegerDigits must be positive.");
    }

    private readonly TimeSpan _maxDuration = TimeSpan.FromSeconds(2);
    private readonly long _maxAllocatedBytes = 256L * 1024 * 1024;
    private readonly int _maxIntegerDigits = 4300;
}
