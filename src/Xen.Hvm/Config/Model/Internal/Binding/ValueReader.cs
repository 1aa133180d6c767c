using System.Globalization;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// The getters: xl's (<c>libxlu_cfg.c</c>: <c>xlu_cfg_get_string</c>, <c>_get_long</c>, <c>_get_defbool</c>,
/// <c>_get_list</c>, <c>_get_list_as_string_list</c>) for xl files, xend's conversions (Python <c>int()</c>,
/// <c>str()</c>) for xm files; each reports what the toolstack does with a value of the wrong shape.
/// </summary>
internal sealed class ValueReader
{
    private readonly List<Diagnostic> _diagnostics;

    public ValueReader(ConfigDialect dialect, BindOptions options, List<Diagnostic> diagnostics)
    {
        Dialect = dialect;
        Options = options;
        _diagnostics = diagnostics;
    }

    public ConfigDialect Dialect { get; }

    public bool IsXm => Dialect == ConfigDialect.Xm;

    public BindOptions Options { get; }

    /// <summary>The guest type the toolstack reads from <c>type</c>/<c>builder</c>.</summary>
    public GuestType Guest { get; set; } = GuestType.Pv;

    /// <summary>The name of the reader for messages: the tool whose conversions apply.</summary>
    public string Tool => IsXm ? "xend" : "xl";

    public int HostCpus => Math.Max(1, Options.HostCpus);

    public int HostNodes => Math.Max(1, Options.HostNodes);

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void Report(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, ValueOrigin origin, params object?[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, severity, origin.Location, args));

    /// <summary>
    /// Whether the target toolstack refuses the config for a bad value of <paramref name="option"/>: xl when it reads
    /// the option at that version for this guest type (the HVM-only keys are read in xl's HVM block only); xm when it
    /// reads the option at all.
    /// </summary>
    public bool Refuses(OptionDefinition option)
    {
        if (Options.Toolstack == Toolstack.Xm)
        {
            return (option.ReadBy & Toolstacks.Xm) == Toolstacks.Xm;
        }

        return option.IsReadBy(Toolstack.Xl, Options.XenVersion) && (option.GuestTypes != GuestTypes.Hvm || Guest == GuestType.Hvm);
    }

    /// <summary>Error where the toolstack refuses the config, else a warning.</summary>
    public DiagnosticSeverity Refusal(OptionDefinition option) => Refuses(option) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;

    /// <summary>Where diagnostics about the whole config go: the start of the file.</summary>
    public ValueOrigin FileStart { get; init; } = ValueOrigin.At(default);

    /// <summary>The text of an atom, or empty.</summary>
    public static string PeekAtomText(SettingSource source) => source.Value is { } v ? AtomText(v) ?? string.Empty : string.Empty;

    /// <summary>The text of a single value, without diagnostics.</summary>
    public string? PeekAtom(SettingSource source) => source.Value is { } v ? AtomText(v) : null;

    /// <summary><c>xlu_cfg_get_string</c>: a single value (a number atom as its text); a list is ignored with a warning.</summary>
    public string? Atom(SettingSource source, bool silent = false)
    {
        if (source.Value is ConfigList)
        {
            if (!silent)
            {
                Report(DiagnosticDescriptors.ValueIsList, DiagnosticSeverity.Warning, source.Origin, source.Name, Tool);
            }

            return null;
        }

        return source.Value is { } v ? AtomText(v) : null;
    }

    /// <summary><c>xlu_cfg_get_long</c> (xl) or Python <c>int()</c> (xend).</summary>
    public long? Long(SettingSource source, bool silent = false)
    {
        if (source.Value is null || Atom(source, silent) is not { } text)
        {
            return null;
        }

        if (IsXm)
        {
            return XmInt(source, silent);
        }

        if (source.IsAppend)
        {
            if (!silent)
            {
                Report(DiagnosticDescriptors.AppendToNumber, DiagnosticSeverity.Warning, source.Origin, source.Name);
            }

            return null;
        }

        switch (XlNumber.Read(text, out long value))
        {
            case XlNumberResult.Ok:
                return value;
            case XlNumberResult.OutOfRange:
                if (!silent)
                {
                    Report(DiagnosticDescriptors.NumberOutOfRange, DiagnosticSeverity.Warning, source.Origin, source.Name, Clip(text));
                }

                return null;
            default:
                if (!silent)
                {
                    Report(DiagnosticDescriptors.NotANumber, DiagnosticSeverity.Warning, source.Origin, source.Name, Clip(text));
                }

                return null;
        }
    }

    /// <summary><c>xlu_cfg_get_defbool</c>: an integer, 0 false and anything else true.</summary>
    public bool? Bool(SettingSource source) => Long(source) is { } n ? n != 0 : null;

    /// <summary><c>xlu_cfg_get_list</c>: a list; a single value is ignored with a warning.</summary>
    public ConfigList? List(SettingSource source, bool silent = false)
    {
        if (source.Value is ConfigList list)
        {
            return list;
        }

        if (source.Value is not null && !silent)
        {
            Report(DiagnosticDescriptors.ValueIsNotList, DiagnosticSeverity.Warning, source.Origin, source.Name, Tool);
        }

        return null;
    }

    /// <summary>
    /// The string items of a list as xl reads them with <c>xlu_cfg_get_listitem</c>: a nested list ends the list there
    /// (or, where xl checks each item, refuses the config: <paramref name="refusedAt"/>).
    /// </summary>
    public List<(string Text, ValueOrigin Origin)> StringItems(SettingSource source, ConfigList list, OptionDefinition? refusedAt = null)
    {
        var items = new List<(string, ValueOrigin)>(list.Items.Count);
        for (int i = 0; i < list.Items.Count; i++)
        {
            ValueOrigin origin = source.Origin.Item(i);
            if (AtomText(list.Items[i]) is not { } text)
            {
                if (refusedAt is not null)
                {
                    Report(DiagnosticDescriptors.NestedListItemRefused, Refusal(refusedAt), origin, source.Name, i);
                }
                else
                {
                    Report(DiagnosticDescriptors.NestedListCutsList, DiagnosticSeverity.Warning, origin, source.Name, i, Tool);
                }

                break;
            }

            items.Add((text, origin));
        }

        return items;
    }

    /// <summary>Parses a spec string; its diagnostics land in the file, its errors are errors where the toolstack refuses the spec.</summary>
    public T? Spec<T>(ParseResult<T> result, bool refused)
        where T : class
    {
        IReadOnlyList<Diagnostic> diagnostics = result.Diagnostics;
        for (int i = 0; i < diagnostics.Count; i++) // by index: no boxed enumerator per spec
        {
            Diagnostic d = diagnostics[i];
            _diagnostics.Add(d.IsError && !refused ? Diagnostic.Create(d.Descriptor, DiagnosticSeverity.Warning, d.Location, [.. d.Arguments]) : d);
        }

        return result.Success ? result.Value : null;
    }

    /// <summary>The text of an atom: a string, or a number's text; <see langword="null"/> for a list.</summary>
    public static string? AtomText(ConfigValue value) => value switch
    {
        ConfigString s => s.Value,
        ConfigInteger n => n.Value.ToString(CultureInfo.InvariantCulture),
        ConfigFloat f => PyFloatFormat.Str(f.Value),
        _ => null,
    };

    /// <summary>Clips a value for a message.</summary>
    public static string Clip(string text) => text.Length > 60 ? text[..57] + "..." : text;


    /// <summary>Python 2 <c>int()</c> as xend applies it: an int, a float truncated, or a decimal string with optional spaces and sign.</summary>
    private long? XmInt(SettingSource source, bool silent)
    {
        switch (source.Value)
        {
            case ConfigInteger n:
                return n.Value;
            case ConfigFloat f when double.IsFinite(f.Value) && Math.Abs(f.Value) < 9.2e18:
                return (long)Math.Truncate(f.Value);
            case ConfigString s when PythonInt(s.Value) is { } parsed:
                return parsed;
        }

        if (!silent)
        {
            string shown = source.Value is ConfigString str ? "'" + Clip(str.Value) + "'" : Clip(source.Value!.ToString());
            Report(DiagnosticDescriptors.XmValueNotConvertible, Options.Toolstack == Toolstack.Xm ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                source.Origin, source.Name, shown, "an integer");
        }

        return null;
    }

    private static long? PythonInt(string text)
    {
        ReadOnlySpan<char> t = text.AsSpan().Trim(" \t\n\v\f\r");
        int i = t.Length > 0 && t[0] is '+' or '-' ? 1 : 0;
        if (i == t.Length)
        {
            return null;
        }

        for (int k = i; k < t.Length; k++)
        {
            if (t[k] is < '0' or > '9')
            {
                return null;
            }
        }

        return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;
    }
}
