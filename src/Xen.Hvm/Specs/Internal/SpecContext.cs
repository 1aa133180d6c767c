using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs.Internal;

/// <summary>The state of one spec parse: the text as Xen sees it, the dialect and the diagnostics found so far.</summary>
internal sealed class SpecContext
{
    private readonly SpecSourceMap _map;
    private List<Diagnostic>? _diagnostics;

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
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>Gets the text as given.</summary>
    public string Original { get; }

    /// <summary>Gets the text as Xen's C code sees it: up to the first NUL.</summary>
    public string Text { get; }

    /// <summary>Gets the dialect (never <see cref="ConfigDialect.Auto"/>).</summary>
    public ConfigDialect Dialect { get; }

    public bool IsXm => Dialect == ConfigDialect.Xm;

    public bool HasErrors { get; private set; }

    public IReadOnlyList<Diagnostic> Diagnostics => (IReadOnlyList<Diagnostic>?)_diagnostics ?? [];

    public void Report(DiagnosticDescriptor descriptor, int start, int length, params object?[] args) =>
        ReportAs(descriptor, descriptor.DefaultSeverity, start, length, args);

    public void ReportAs(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, int start, int length, params object?[] args)
    {
        start = Math.Clamp(start, 0, Original.Length);
        length = Math.Clamp(length, 0, Original.Length - start);
        var d = Diagnostic.Create(descriptor, severity, _map.Map(start, length), args);
        (_diagnostics ??= []).Add(d);
        if (d.IsError)
        {
            HasErrors = true;
        }
    }

    /// <summary>Reports with one severity in xl and another in xm.</summary>
    public void ReportFor(DiagnosticDescriptor descriptor, DiagnosticSeverity xl, DiagnosticSeverity xm, int start, int length, params object?[] args) =>
        ReportAs(descriptor, IsXm ? xm : xl, start, length, args);

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
            context.Report(DiagnosticDescriptors.SpecInternalError, 0, text.Length, kind, ex.GetType().Name, ex.Message);
            value = null;
        }

        return SpecParseException.Result(context.HasErrors ? null : value, context.Diagnostics);
    }
}
