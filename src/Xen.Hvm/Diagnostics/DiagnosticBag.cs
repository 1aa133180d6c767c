using Xen.Hvm.Text;

namespace Xen.Hvm.Diagnostics;

/// <summary>A text offset used as a message argument; printed as its one-based <c>(line,col)</c>.</summary>
internal readonly record struct OffsetArgument(int Offset);

/// <summary>
/// The one collector of diagnostics while text is read, for every area: cheap rows of (descriptor, severity, offset,
/// length, arguments) in the coordinates of the text being read; locations (and <see cref="OffsetArgument"/>
/// arguments) are resolved once, when asked for, through the caller's mapping to the source file.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public int ErrorCount { get; private set; }

    public void Add(DiagnosticDescriptor descriptor, int start, int length, params object?[] args) =>
        Add(descriptor, descriptor.DefaultSeverity, start, length, args);

    public void Add(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, int start, int length, params object?[] args)
    {
        _entries.Add(new Entry(descriptor, severity, start, length, args));
        if (severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
    }

    /// <summary>Gets a value indicating whether an error was added.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Resolves the rows against one file's lines, sorted by position.</summary>
    public Diagnostic[] Resolve(string? path, LineMap lines) =>
        Resolve((start, length) => SourceLocation.Create(path, new TextSpan(start, length), lines), lines);

    /// <summary>Resolves the rows through a mapping of (offset, length) to a location in the source, sorted by position.</summary>
    public Diagnostic[] Resolve(Func<int, int, SourceLocation> locate, LineMap? offsetLines = null)
    {
        var result = new Diagnostic[_entries.Count];
        for (int i = 0; i < result.Length; i++)
        {
            Entry e = _entries[i];
            result[i] = Create(e, locate(e.Start, e.Length), offsetLines);
        }

        Array.Sort(result, static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return result;
    }

    /// <summary>
    /// Resolves only the error that starts first, as <see cref="Resolve(string?, LineMap)"/> would place it first among
    /// the errors; null when there is none, or when another error starts at the same offset (which of them sorts first
    /// is then not defined).
    /// </summary>
    public Diagnostic? ResolveFirstError(string? path, LineMap lines)
    {
        int first = -1;
        bool tie = false;
        for (int i = 0; i < _entries.Count; i++)
        {
            Entry e = _entries[i];
            if (e.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            if (first < 0 || e.Start < _entries[first].Start)
            {
                first = i;
                tie = false;
            }
            else if (e.Start == _entries[first].Start)
            {
                tie = true;
            }
        }

        if (first < 0 || tie)
        {
            return null;
        }

        Entry f = _entries[first];
        return Create(f, SourceLocation.Create(path, new TextSpan(f.Start, f.Length), lines), lines);
    }

    /// <summary>The diagnostic of a row at its location; <see cref="OffsetArgument"/> arguments become positions
    /// (in place: resolving a row again gives the same text).</summary>
    private static Diagnostic Create(Entry e, SourceLocation location, LineMap? offsetLines)
    {
        object?[] args = e.Args;
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] is OffsetArgument o && offsetLines is not null)
            {
                args[a] = offsetLines.GetPosition(o.Offset).ToString();
            }
        }

        return Diagnostic.Create(e.Descriptor, e.Severity, location, args);
    }

    private readonly record struct Entry(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, int Start, int Length, object?[] Args);
}
