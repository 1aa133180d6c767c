using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>One key's value as the toolstack sees it, with where it is in the file.</summary>
/// <param name="Name">The key.</param>
/// <param name="Value">The value (xl: the literal value, <c>+=</c> applied; xm: the evaluated value), or <see langword="null"/> when it is not known.</param>
/// <param name="Origin">Where the value is.</param>
/// <param name="IsAppend">xl: the last setting of the key used <c>+=</c> (libxlu's getters then refuse a number).</param>
internal sealed record SettingSource(string Name, ConfigValue? Value, ValueOrigin Origin, bool IsAppend);

/// <summary>Reads a document's settings for binding: xl from its literal values and syntax, xm from its evaluation.</summary>
internal static class SettingSources
{
    /// <summary>xl: last setting wins, <c>+=</c> applied (<see cref="ConfigDocument.Values"/>); the spans are the last setting's value, a list's items those of the settings that built it.</summary>
    public static List<SettingSource> ReadXl(ConfigDocument document)
    {
        IReadOnlyList<SettingSyntax> settings = document.Settings;
        var lastByName = new Dictionary<string, int>(settings.Count, StringComparer.Ordinal);
        for (int i = 0; i < settings.Count; i++)
        {
            lastByName[settings[i].Name] = i;
        }

        var sources = new List<SettingSource>(document.Values.Count);
        foreach (var (name, value) in document.Values)
        {
            if (!lastByName.TryGetValue(name, out int last))
            {
                continue;
            }

            SettingSyntax setting = settings[last];
            bool isAppend = setting.IsAppend;
            sources.Add(new SettingSource(name, value, isAppend ? AppendOrigin(settings, last, name) : ValueOrigin.For(setting.Value), isAppend));
        }

        return sources;
    }

    /// <summary>xm: the evaluated variables; a variable whose value is unknown is a source without a value.</summary>
    public static List<SettingSource> ReadXm(ConfigDocument document, XmEvaluationResult evaluation)
    {
        var literals = new Dictionary<TextSpan, ValueSyntax>();
        foreach (SettingSyntax setting in document.Settings)
        {
            literals[setting.Value.Span] = setting.Value;
        }

        var sources = new List<SettingSource>(evaluation.Variables.Count + evaluation.UnknownVariables.Count);
        foreach (var (name, value) in evaluation.Variables)
        {
            sources.Add(new SettingSource(name, value, XmOrigin(document, evaluation, literals, name), IsAppend: false));
        }

        foreach (string name in evaluation.UnknownVariables)
        {
            sources.Add(new SettingSource(name, null, XmOrigin(document, evaluation, literals, name), IsAppend: false));
        }

        return sources;
    }

    /// <summary>
    /// The origin of a key whose last setting (at <paramref name="last"/>) is a <c>+=</c>: a list's items come from
    /// every setting of the key since the last plain one (or the first); a string was joined.
    /// </summary>
    private static ValueOrigin AppendOrigin(IReadOnlyList<SettingSyntax> settings, int last, string name)
    {
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

    private static ValueOrigin XmOrigin(ConfigDocument document, XmEvaluationResult evaluation, Dictionary<TextSpan, ValueSyntax> literals, string name)
    {
        if (!evaluation.TryGetAssignmentLocation(name, out SourceLocation location))
        {
            return ValueOrigin.At(SourceLocation.Create(document.Path, new TextSpan(0, 0), document.Lines));
        }

        // A value written as a constant keeps its literal spans (the map checks the literal still spells the value).
        return literals.TryGetValue(location.Span, out ValueSyntax? syntax) ? ValueOrigin.For(syntax) : ValueOrigin.At(location);
    }

    /// <summary>A diagnostic at a location.</summary>
    public static Diagnostic At(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, ValueOrigin origin, params object?[] args) =>
        Diagnostic.Create(descriptor, severity, origin.Location, args);
}
