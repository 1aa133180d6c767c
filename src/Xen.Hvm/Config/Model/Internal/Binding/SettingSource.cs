using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>One key's value as the toolstack sees it, with where it is in the file.</summary>
/// <remarks>
/// A view, not an object: a setting read from a document is its position in the document's
/// <see cref="SettingSourceSet"/>, which finds its <see cref="Origin"/> when first asked (a diagnostic, a list item, a
/// spec string's map) and keeps it; most settings bind without one, so a bind makes nothing per setting.
/// </remarks>
internal readonly struct SettingSource
{
    private readonly SettingSourceSet? _set;
    private readonly int _index;
    private readonly ValueOrigin? _origin;

    /// <summary>A setting whose origin is known (the source of a list item).</summary>
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

    /// <summary>Setting <paramref name="index"/> of <paramref name="set"/>.</summary>
    internal SettingSource(SettingSourceSet set, int index, string name, ConfigValue? value, OptionDefinition? option, bool isAppend)
    {
        _set = set;
        _index = index;
        Name = name;
        Value = value;
        Option = option;
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
    public ValueOrigin Origin => _origin ?? _set!.OriginAt(_index);
}

/// <summary>Reads a document's settings for binding: xl from its literal values and syntax, xm from its evaluation.</summary>
internal static class SettingSources
{
    /// <summary>xl: last setting wins, <c>+=</c> applied (<see cref="ConfigDocument.Values"/>, which knows each key's last setting); the spans are the last setting's value, a list's items those of the settings that built it.</summary>
    public static SettingSourceSet ReadXl(ConfigDocument document) =>
        new(document.Values, [], new XlOrigins(document));

    /// <summary>xm: the evaluated variables; a variable whose value is unknown is a source without a value.</summary>
    public static SettingSourceSet ReadXm(ConfigDocument document, XmEvaluationResult evaluation) =>
        new(evaluation.Variables, evaluation.UnknownVariables, new XmOrigins(document.SyntaxTree, evaluation));

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
