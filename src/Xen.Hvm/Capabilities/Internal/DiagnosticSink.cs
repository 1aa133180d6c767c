using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities.Internal;

/// <summary>
/// Collects capability diagnostics. Spans are given in the coordinates of the value being decoded and mapped to the
/// source text through <see cref="SegmentMap"/>; inside a whole info output, errors of a single field are lowered to
/// warnings, because the other fields stay usable.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly string? _path;
    private readonly LineMap _lines;
    private readonly SegmentMap? _map;
    private readonly bool _lowerErrors;

    public DiagnosticSink(string? path, string source)
        : this(path, LineMap.Create(source), null, lowerErrors: false, [])
    {
    }

    private DiagnosticSink(string? path, LineMap lines, SegmentMap? map, bool lowerErrors, List<Diagnostic> diagnostics)
    {
        _path = path;
        _lines = lines;
        _map = map;
        _lowerErrors = lowerErrors;
        _diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Gets the line map of the source text.</summary>
    public LineMap Lines => _lines;

    /// <summary>Returns a sink that writes into the same list, for a value whose offsets map through <paramref name="map"/>.</summary>
    public DiagnosticSink ForValue(SegmentMap map) => new(_path, _lines, map, lowerErrors: true, _diagnostics);

    public void Add(DiagnosticDescriptor descriptor, TextSpan span, params object?[] arguments)
    {
        TextSpan mapped = _map is null ? span : _map.Map(span);
        var location = SourceLocation.Create(_path, mapped, _lines);
        DiagnosticSeverity severity = descriptor.DefaultSeverity;
        if (_lowerErrors && severity == DiagnosticSeverity.Error)
        {
            severity = DiagnosticSeverity.Warning;
        }

        _diagnostics.Add(Diagnostic.Create(descriptor, severity, location, arguments));
    }

    /// <summary>Returns the one-based line of a source offset.</summary>
    public int LineOf(int offset) => _lines.GetPosition(offset).Line + 1;

    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        return _diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToArray();
    }
}
