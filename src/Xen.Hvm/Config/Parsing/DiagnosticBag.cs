using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Parsing;

/// <summary>A text offset used as a message argument; printed as its one-based <c>(line,col)</c>.</summary>
internal readonly record struct OffsetArgument(int Offset);

/// <summary>Collects diagnostics as cheap rows during a parse; locations are resolved once, when asked for.</summary>
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

    public Diagnostic[] Resolve(string? path, LineMap lines)
    {
        var result = new Diagnostic[_entries.Count];
        for (int i = 0; i < result.Length; i++)
        {
            Entry e = _entries[i];
            object?[] args = e.Args;
            for (int a = 0; a < args.Length; a++)
            {
                if (args[a] is OffsetArgument o)
                {
                    args[a] = lines.GetPosition(o.Offset).ToString();
                }
            }

            var location = SourceLocation.Create(path, new TextSpan(e.Start, e.Length), lines);
            result[i] = Diagnostic.Create(e.Descriptor, e.Severity, location, args);
        }

        Array.Sort(result, static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return result;
    }

    private readonly record struct Entry(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, int Start, int Length, object?[] Args);
}
