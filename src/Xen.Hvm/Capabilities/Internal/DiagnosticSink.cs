using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities.Internal;

/// <summary>
/// Collects capability diagnostics into the library's one <see cref="DiagnosticBag"/>. Spans are given in the
/// coordinates of the value being decoded and mapped to the source text through <see cref="SegmentMap"/> as they are
/// added (each field's value has its own map, so the bag holds source offsets); inside a whole info output, errors of
/// a single field are lowered to warnings, because the other fields stay usable.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly DiagnosticBag _bag;
    private readonly string? _path;
    private readonly LineMap _lines;
    private readonly SegmentMap? _map;
    private readonly bool _lowerErrors;

    public DiagnosticSink(string? path, string source)
        : this(path, LineMap.Create(source), null, lowerErrors: false, new DiagnosticBag())
    {
    }

    private DiagnosticSink(string? path, LineMap lines, SegmentMap? map, bool lowerErrors, DiagnosticBag bag)
    {
        _path = path;
        _lines = lines;
        _map = map;
        _lowerErrors = lowerErrors;
        _bag = bag;
    }

    /// <summary>Gets the line map of the source text.</summary>
    public LineMap Lines => _lines;

    /// <summary>Returns a sink that writes into the same bag, for a value whose offsets map through <paramref name="map"/>.</summary>
    public DiagnosticSink ForValue(SegmentMap map) => new(_path, _lines, map, lowerErrors: true, _bag);

    public void Add(DiagnosticDescriptor descriptor, TextSpan span, params object?[] arguments)
    {
        TextSpan mapped = _map is null ? span : _map.Map(span);
        DiagnosticSeverity severity = descriptor.DefaultSeverity;
        if (_lowerErrors && severity == DiagnosticSeverity.Error)
        {
            severity = DiagnosticSeverity.Warning;
        }

        _bag.Add(descriptor, severity, mapped.Start, mapped.Length, arguments);
    }

    /// <summary>Returns the one-based line of a source offset.</summary>
    public int LineOf(int offset) => _lines.GetPosition(offset).Line + 1;

    /// <summary>Returns the diagnostics in source order (then by ID, so that the order is the same on every run).</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _bag.Resolve(_path, _lines).OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToArray();
}
