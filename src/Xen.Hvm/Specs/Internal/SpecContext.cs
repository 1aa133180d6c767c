using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs.Internal;

/// <summary>The state of one spec parse: the text as Xen sees it, the dialect and the diagnostics found so far.</summary>
internal sealed class SpecContext
{
    /// <summary>How many diagnostics one spec lists one by one; the rest are counted in one XH6100.</summary>
    internal const int MaxListedDiagnostics = 100;

    private readonly SpecSourceMap _map;
    private List<Diagnostic>? _diagnostics;
    private int _unlisted;
    private int _firstUnlistedStart;
    private DiagnosticSeverity _unlistedSeverity;

    public SpecContext(SpecKind kind, string text, ConfigDialect dialect, SpecSourceMap map)
    {
        Kind = kind;
        Original = text;
        Dialect = dialect == ConfigDialect.Xm ? ConfigDialect.Xm : ConfigDialect.Xl;
        _map = map;
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        Text = nul < 0 ? text : text[..nul];
        if (nul >= 0)
        {
            Report(DiagnosticDescriptors.SpecContainsNul, nul, text.Length - nul);
        }
    }

    /// <summary>Gets the spec language, for messages.</summary>
    public SpecKind Kind { get; }

    /// <summary>Gets the spec language's name as used in configs (<c>disk</c>, <c>usbctrl</c>).</summary>
    public string KindName => SpecString.Name(Kind);

    /// <summary>Gets the text as given.</summary>
    public string Original { get; }

    /// <summary>Gets the text as Xen's C code sees it: up to the first NUL.</summary>
    public string Text { get; }

    /// <summary>Gets the dialect (never <see cref="ConfigDialect.Auto"/>).</summary>
    public ConfigDialect Dialect { get; }

    public bool IsXm => Dialect == ConfigDialect.Xm;

    public bool HasErrors { get; private set; }

    /// <summary>Gets the diagnostics: the first <see cref="MaxListedDiagnostics"/>, then one XH6100 counting the rest.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            if (_diagnostics is null)
            {
                return [];
            }

            if (_unlisted == 0)
            {
                return _diagnostics;
            }

            var all = new List<Diagnostic>(_diagnostics.Count + 1);
            all.AddRange(_diagnostics);
            all.Add(Diagnostic.Create(
                DiagnosticDescriptors.SpecTooManyDiagnostics,
                _unlistedSeverity,
                _map.Map(_firstUnlistedStart, Original.Length - _firstUnlistedStart),
                _unlisted,
                KindName,
                MaxListedDiagnostics));
            return all;
        }
    }

    public void Report(DiagnosticDescriptor descriptor, int start, int length, params object?[] args) =>
        ReportAs(descriptor, descriptor.DefaultSeverity, start, length, args);

    public void ReportAs(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, int start, int length, params object?[] args)
    {
        start = Math.Clamp(start, 0, Original.Length);
        length = Math.Clamp(length, 0, Original.Length - start);
        if (severity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }

        if (_diagnostics?.Count >= MaxListedDiagnostics)
        {
            // A pathological spec (a megabyte of bad items) would otherwise hold one diagnostic per item.
            if (_unlisted++ == 0)
            {
                _firstUnlistedStart = start;
            }

            _unlistedSeverity = severity > _unlistedSeverity ? severity : _unlistedSeverity;
            return;
        }

        var d = Diagnostic.Create(descriptor, severity, _map.Map(start, length), args);
        (_diagnostics ??= []).Add(d);
    }

    /// <summary>Reports with one severity in xl and another in xm.</summary>
    public void ReportFor(DiagnosticDescriptor descriptor, DiagnosticSeverity xl, DiagnosticSeverity xm, int start, int length, params object?[] args) =>
        ReportAs(descriptor, IsXm ? xm : xl, start, length, args);

    /// <summary>Reads a small value on its own: the value, or why it is invalid.</summary>
    public delegate bool ValueReader<T>(string text, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : class;

    /// <summary>Runs the parse of a value that is part of a language (a vif's rate or vlan) on its own: an invalid value
    /// is reported with <paramref name="invalid"/> at the whole text, with the reason.</summary>
    public static ParseResult<T> RunValue<T>(SpecKind kind, string text, SpecSourceMap? map, DiagnosticDescriptor invalid, ValueReader<T> read)
        where T : class =>
        Run(kind, text, ConfigDialect.Xl, map, ctx =>
        {
            if (read(ctx.Text, out var value, out string? error))
            {
                return value;
            }

            ctx.Report(invalid, 0, ctx.Original.Length, ctx.Text, error);
            return null;
        });

    /// <summary>Runs a parse: binds the map, never lets anything but <see cref="ArgumentNullException"/> escape.</summary>
    public static ParseResult<T> Run<T>(SpecKind kind, string text, ConfigDialect dialect, SpecSourceMap? map, Func<SpecContext, T?> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new SpecContext(kind, text, dialect, (map ?? SpecSourceMap.None).BindTo(text));
        T? value;
        try
        {
            value = parse(context);
        }
        catch (Exception ex) when (ex is not ArgumentNullException)
        {
            // A bug in a parser must not take the caller down; report it at the whole value.
            // Its message is .NET text, not ours: only the exception type is reported.
            context.Report(DiagnosticDescriptors.SpecInternalError, 0, text.Length, SpecString.Name(kind), ex.GetType().Name);
            value = null;
        }

        return SpecParseException.Result(context.HasErrors ? null : value, context.Diagnostics);
    }
}
