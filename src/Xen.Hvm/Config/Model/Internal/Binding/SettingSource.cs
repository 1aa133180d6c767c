using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>One key's value as the toolstack sees it, with where it is in the file.</summary>
/// <remarks>
/// A setting read from a document finds its <see cref="Origin"/> when first asked (a diagnostic, a list item, a spec
/// string's map): most settings bind without one, so a bind makes no origin for them. Any thread may ask; a race makes
/// the same origin twice.
/// </remarks>
internal sealed class SettingSource
{
    private readonly OriginFinder? _finder;
    private readonly int _row;
    private ValueOrigin? _origin;

    /// <summary>A setting whose origin is known.</summary>
    /// <param name="Name">The key.</param>
    /// <param name="Value">The value, or <see langword="null"/> when it is not known.</param>
    /// <param name="Origin">Where the value is.</param>
    /// <param name="IsAppend">xl: the last setting of the key used <c>+=</c>.</param>
    public SettingSource(string Name, ConfigValue? Value, ValueOrigin Origin, bool IsAppend)
    {
        this.Name = Name;
        this.Value = Value;
        _origin = Origin;
        this.IsAppend = IsAppend;
    }

    private SettingSource(string name, ConfigValue? value, OptionDefinition? option, OriginFinder finder, int row, bool isAppend)
    {
        Name = name;
        Value = value;
        Option = option;
        _finder = finder;
        _row = row;
        IsAppend = isAppend;
    }

    /// <summary>Gets the key.</summary>
    public string Name { get; }

    /// <summary>Gets the value (xl: the literal value, <c>+=</c> applied; xm: the evaluated value), or <see langword="null"/> when it is not known.</summary>
    public ConfigValue? Value { get; }

    /// <summary>Gets the option of the key, for a setting read from a document (<see langword="null"/> when no option
    /// claims the key, and for the source of a list item).</summary>
    public OptionDefinition? Option { get; }

    /// <summary>Gets a value indicating whether (xl) the last setting of the key used <c>+=</c> (libxlu's getters then refuse a number).</summary>
    public bool IsAppend { get; }

    /// <summary>Gets where the value is.</summary>
    public ValueOrigin Origin => _origin ??= _finder!.Find(this, _row);

    /// <summary>A setting read from a document, whose origin <paramref name="finder"/> finds when asked.</summary>
    public static SettingSource Found(string name, ConfigValue? value, OriginFinder finder, int row, bool isAppend) =>
        new(name, value, OptionCatalog.TryGet(name, out OptionDefinition? option) ? option : null, finder, row, isAppend);
}

/// <summary>Reads a document's settings for binding: xl from its literal values and syntax, xm from its evaluation.</summary>
internal static class SettingSources
{
    /// <summary>xl: last setting wins, <c>+=</c> applied (<see cref="ConfigDocument.Values"/>, which knows each key's last setting); the spans are the last setting's value, a list's items those of the settings that built it.</summary>
    public static SettingSourceSet ReadXl(ConfigDocument document)
    {
        ConfigValueCollection values = document.Values;
        var finder = new XlOrigins(document);
        var sources = new List<SettingSource>(values.Count);
        for (int k = 0; k < values.Count; k++)
        {
            var (name, value) = values[k];
            int row = values.LastSettingRow(k); // an xl document's values always know it (LiteralValues)
            sources.Add(SettingSource.Found(name, value, finder, row, values.LastSettingIsAppend(k)));
        }

        return new SettingSourceSet(sources, values);
    }

    /// <summary>xm: the evaluated variables; a variable whose value is unknown is a source without a value.</summary>
    public static SettingSourceSet ReadXm(ConfigDocument document, XmEvaluationResult evaluation)
    {
        var finder = new XmOrigins(document.SyntaxTree, evaluation);
        var sources = new List<SettingSource>(evaluation.Variables.Count + evaluation.UnknownVariables.Count);
        foreach (var (name, value) in evaluation.Variables)
        {
            sources.Add(SettingSource.Found(name, value, finder, -1, isAppend: false));
        }

        foreach (string name in evaluation.UnknownVariables)
        {
            sources.Add(SettingSource.Found(name, null, finder, -1, isAppend: false));
        }

        return new SettingSourceSet(sources, evaluation.Variables);
    }

    /// <summary>
    /// The origin of a key whose last setting (row <paramref name="lastRow"/>) is a <c>+=</c>: a list's items come from
    /// every setting of the key since the last plain one (or the first); a string was joined.
    /// </summary>
    internal static ValueOrigin AppendOrigin(IReadOnlyList<SettingSyntax> settings, int lastRow, string name)
    {
        int last = IndexOf(settings, lastRow);
        int from = last;
        for (int i = last - 1; i >= 0 && settings[from].IsAppend; i--)
        {
            if (string.Equals(settings[i].Name, name, StringComparison.Ordinal))
            {
                from = i;
            }
        }

        ValueSyntax lastValue = settings[last].Value;
        var items = new List<ValueSyntax>();
        for (int i = from; i <= last; i++)
        {
            SettingSyntax setting = settings[i];
            if (!string.Equals(setting.Name, name, StringComparison.Ordinal))
            {
                continue;
            }

            if (setting.Value is not ListSyntax list)
            {
                return ValueOrigin.At(lastValue.GetLocation());
            }

            items.AddRange(list.Items);
        }

        return ValueOrigin.For(lastValue, items);
    }

    /// <summary>The position of a setting in the document's settings, which are in row order.</summary>
    private static int IndexOf(IReadOnlyList<SettingSyntax> settings, int row)
    {
        int lo = 0;
        int hi = settings.Count - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (settings[mid].Row < row)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>A diagnostic at a location.</summary>
    public static Diagnostic At(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, ValueOrigin origin, params object?[] args) =>
        Diagnostic.Create(descriptor, severity, origin.Location, args);
}
