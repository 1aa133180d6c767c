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
    /// <summary>xl: last setting wins, <c>+=</c> applied (<see cref="ConfigDocument.Values"/>, which knows each key's last setting); the spans are the last setting's value, a list's items those of the settings that built it.</summary>
    public static List<SettingSource> ReadXl(ConfigDocument document)
    {
        ConfigValueCollection values = document.Values;
        ConfigSyntaxTree tree = document.SyntaxTree;
        var sources = new List<SettingSource>(values.Count);
        for (int k = 0; k < values.Count; k++)
        {
            var (name, value) = values[k];
            int row = values.LastSettingRow(k); // an xl document's values always know it (LiteralValues)

            // The syntax rows are read only when something asks where the value is: a bind of a document parsed long
            // before would otherwise fetch every setting's row from memory.
            bool isAppend = values.LastSettingIsAppend(k);
            sources.Add(new SettingSource(name, value, isAppend ? AppendOrigin(document.Settings, row, name) : ValueOrigin.ForSettingValue(tree, row), isAppend));
        }

        return sources;
    }

    /// <summary>xm: the evaluated variables; a variable whose value is unknown is a source without a value.</summary>
    public static List<SettingSource> ReadXm(ConfigDocument document, XmEvaluationResult evaluation)
    {
        ConfigSyntaxTree tree = document.SyntaxTree;
        SyntaxData data = tree.Data;
        var literals = new Dictionary<TextSpan, int>();
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            if (data.Kind(statement) == SyntaxKind.Setting)
            {
                int value = data.SettingValue(statement);
                literals[data.Span(value)] = value;
            }
        }

        var sources = new List<SettingSource>(evaluation.Variables.Count + evaluation.UnknownVariables.Count);
        foreach (var (name, value) in evaluation.Variables)
        {
            sources.Add(new SettingSource(name, value, XmOrigin(tree, evaluation, literals, name), IsAppend: false));
        }

        foreach (string name in evaluation.UnknownVariables)
        {
            sources.Add(new SettingSource(name, null, XmOrigin(tree, evaluation, literals, name), IsAppend: false));
        }

        return sources;
    }

    /// <summary>
    /// The origin of a key whose last setting (row <paramref name="lastRow"/>) is a <c>+=</c>: a list's items come from
    /// every setting of the key since the last plain one (or the first); a string was joined.
    /// </summary>
    private static ValueOrigin AppendOrigin(IReadOnlyList<SettingSyntax> settings, int lastRow, string name)
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

    private static ValueOrigin XmOrigin(ConfigSyntaxTree tree, XmEvaluationResult evaluation, Dictionary<TextSpan, int> literals, string name)
    {
        if (!evaluation.TryGetAssignmentSpan(name, out TextSpan span))
        {
            return ValueOrigin.FileStart(tree);
        }

        // A value written as a constant keeps its literal spans (the map checks the literal still spells the value).
        // The evaluation ran on this document's own tree, so the span is one of its spans.
        return literals.TryGetValue(span, out int row) ? ValueOrigin.For(tree, row) : ValueOrigin.At(tree.GetLocation(span));
    }

    /// <summary>A diagnostic at a location.</summary>
    public static Diagnostic At(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, ValueOrigin origin, params object?[] args) =>
        Diagnostic.Create(descriptor, severity, origin.Location, args);
}
