using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Conversion.Internal;

/// <summary>One line the xl file gets: a setting, or a comment when <see cref="Name"/> is null.</summary>
internal sealed record PlannedLine(string? Name, ConfigValue? Value, string? Comment = null);

/// <summary>
/// The migration of one xm file. First the plan: every option the evaluated file sets becomes the xl lines that keep
/// its meaning, anchored at the xm name whose place they take (<see cref="PlanOptions"/>), and the defaults that
/// changed between xend and xl are added (<see cref="PlanDefaults"/>). Then the layout walks the file's top-level
/// statements and writes each anchor's lines where that name was last assigned, with the comments around it.
/// </summary>
internal sealed partial class XmMigrator
{
    private readonly ConfigDocument _source;
    private readonly ConfigDocument _xm;
    private readonly MigrationOptions _options;
    private readonly XmEvaluationContext _context;
    private readonly List<Diagnostic> _notes = [];
    private readonly Dictionary<string, List<PlannedLine>> _anchored = new(StringComparer.Ordinal);
    private readonly List<PlannedLine> _defaults = [];
    private XmEvaluationResult _evaluation = null!;
    private BindResult _bound = null!;

    public XmMigrator(ConfigDocument source, MigrationOptions options)
    {
        _source = source;
        _xm = source.Dialect == ConfigDialect.Xm
            ? source
            : XenConfig.Parse(source.Text, source.Path, new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        _options = options;
        _context = options.XmContext.FilePath is null && source.Path is not null ? options.XmContext with { FilePath = source.Path } : options.XmContext;
    }

    private DomainConfig Config => _bound.Config;

    /// <summary>The guest type as xend read builder: 'hvm' (and Xen 3.0.0's 'vmx') build HVM guests, anything else PV.</summary>
    private GuestType Guest => Config.Builder is "hvm" or "vmx" ? GuestType.Hvm : GuestType.Pv;

    private bool IsHvm => Guest == GuestType.Hvm;

    private SourceLocation FileStart => SourceLocation.Create(_xm.Path, new TextSpan(0, 0), _xm.Lines);

    public MigrationResult Run()
    {
        _evaluation = _xm.Evaluate(_context);
        _bound = DomainConfig.Bind(_xm, new BindOptions { Toolstack = Toolstack.Xm, XenVersion = _options.XendVersion, XmContext = _context });
        if (_evaluation.Outcome != XmEvaluationOutcome.Completed)
        {
            Diagnostic? stop = _evaluation.Diagnostics.FirstOrDefault(static d => d.IsError);
            Note(DiagnosticDescriptors.MigrationEvaluationIncomplete, stop?.Location ?? FileStart,
                _evaluation.ExceptionType is { } type ? type + " raised" : _evaluation.Outcome.ToString());
        }

        PlanOptions();
        PlanDeviceModel();
        if (_options.WriteXendDefaults)
        {
            PlanDefaults(Parse(Layout()));
        }

        ConfigDocument document = Parse(Layout());
        Diagnostic[] notes = _notes
            .Select(static (d, i) => (d, i))
            .OrderBy(static p => p.d.Span.Start)
            .ThenBy(static p => p.i)
            .Select(static p => p.d)
            .ToArray();
        Diagnostic[] diagnostics = [.. _xm.Diagnostics, .. _bound.Diagnostics, .. notes];
        return new MigrationResult(_source, document, notes, diagnostics);
    }

    private ConfigDocument Parse(string text) =>
        XenConfig.Parse(text, _options.Path, new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

    private void Note(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        _notes.Add(Diagnostic.Create(descriptor, location, args));

    private void Note(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, SourceLocation location, params object?[] args) =>
        _notes.Add(Diagnostic.Create(descriptor, severity, location, args));

    /// <summary>Where xm last assigned a name (the value of a setting, else the statement), or the file's start.</summary>
    private SourceLocation Locate(string name) => TryLocate(name, out SourceLocation location) ? location : FileStart;

    private bool TryLocate(string name, out SourceLocation location) => _evaluation.TryGetAssignmentLocation(name, out location);

    /// <summary>Where item <paramref name="index"/> of a list option is, or the option's value.</summary>
    private SourceLocation LocateItem(string name, int index) =>
        _bound.TryGetItemLocation(name, index, out SourceLocation location) && location.Span.Length > 0 ? location : Locate(name);

    private void Write(string anchor, string name, ConfigValue value) => Lines(anchor).Add(new PlannedLine(name, value));

    private void WriteComment(string anchor, string comment) => Lines(anchor).Add(new PlannedLine(null, null, comment));

    private List<PlannedLine> Lines(string anchor)
    {
        if (!_anchored.TryGetValue(anchor, out List<PlannedLine>? lines))
        {
            lines = [];
            _anchored.Add(anchor, lines);
        }

        return lines;
    }

    /// <summary>Whether the plan writes an xl setting of this name anywhere.</summary>
    private bool Writes(string name) =>
        _anchored.Values.Any(lines => lines.Any(l => l.Name == name)) || _defaults.Any(l => l.Name == name);
}
