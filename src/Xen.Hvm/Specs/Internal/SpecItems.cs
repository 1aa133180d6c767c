using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs.Internal;

/// <summary>The two ways xl splits a device spec into <c>KEY=VALUE</c> items.</summary>
internal static class SpecItems
{
    /// <summary>
    /// <c>strtok(",")</c> then leading spaces skipped (vfb, vtpm, usbctrl, usbdev, vif): empty items vanish.
    /// </summary>
    public static ItemScan Strtok(string text) => SpecGrammar.StrtokItemsOf(text);

    /// <summary>
    /// <c>split_string_into_string_list(",")</c> then <c>split_string_into_pair('=', isspace)</c> (channel, p9,
    /// vnuma): key and value trimmed; a missing <c>=</c> or an empty value is an error, reported here and skipped.
    /// </summary>
    public static IEnumerable<SpecItem> Pairs(SpecContext ctx, string text)
    {
        foreach (var item in SpecGrammar.Items(text))
        {
            var raw = item.Whole;
            if (raw.Length == 0)
            {
                continue;
            }

            var value = SpecGrammar.Trim(item.Value, CNumbers.IsCSpace);
            if (!item.HasEquals || value.Length == 0)
            {
                // An empty value, blanks only included: the printed form KEY= could not be read back.
                ctx.Report(DiagnosticDescriptors.SpecItemWithoutEquals, raw.Start, raw.Length, ctx.KindName, raw.Text);
                continue;
            }

            yield return item with { Key = SpecGrammar.Trim(item.Key, CNumbers.IsCSpace), Value = value };
        }
    }

    /// <summary>Prints one <c>KEY=VALUE</c> of a language read by <see cref="Pairs"/>: an empty value is written as one
    /// space, because xl (<c>strtok</c> on '=') refuses <c>key=</c> but reads <c>key= </c> as an empty value.</summary>
    public static string Pair(string key, string value) => key + "=" + (value.Length == 0 ? " " : value);

    /// <summary>Appends <c>KEY=VALUE</c> to a printed spec when the value is set: numbers and other values in the
    /// invariant culture, booleans as <c>1</c>/<c>0</c>.</summary>
    public static void AddItem(List<string> items, string key, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case bool b:
                items.Add(key + (b ? "=1" : "=0"));
                return;
            default:
                items.Add(key + "=" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
        }
    }

    public static void UnknownKey(SpecContext ctx, SpecItem item, DiagnosticSeverity severity) =>
        ctx.ReportAs(DiagnosticDescriptors.SpecUnknownKey, severity, item.Key.Start, item.Key.Length, ctx.KindName, item.Key.Text);

    /// <summary>An item no key of the language matches: an unknown <c>key=value</c>, or a bare word.</summary>
    public static void UnknownItem(SpecContext ctx, SpecItem item)
    {
        if (item.HasEquals)
        {
            UnknownKey(ctx, item, DiagnosticSeverity.Error);
        }
        else
        {
            ctx.Report(DiagnosticDescriptors.SpecItemWithoutEquals, item.Whole.Start, item.Whole.Length, ctx.KindName, item.Whole.Text);
        }
    }

    public static void Invalid(SpecContext ctx, SpecItem item, string reason, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        ctx.ReportAs(DiagnosticDescriptors.SpecInvalidValue, severity, item.Value.Start, item.Value.Length, ctx.KindName, item.Value.Text, item.Key.Text, reason);

    public static void Missing(SpecContext ctx, string key, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        ctx.ReportAs(DiagnosticDescriptors.SpecMissingKey, severity, 0, ctx.Original.Length, ctx.KindName, key);

    /// <summary><c>atoi</c>, with a warning when the value is not a plain number (xl then silently reads 0 or a prefix).</summary>
    public static int Atoi(SpecContext ctx, SpecItem item)
    {
        int v = CNumbers.Atoi(item.Value.Text, out bool ok);
        if (!ok)
        {
            Invalid(ctx, item, "not a number; xl reads " + v.ToString(System.Globalization.CultureInfo.InvariantCulture), DiagnosticSeverity.Warning);
        }

        return v;
    }

    /// <summary><c>strtoul</c> (base 10 for <c>parse_ulong</c>, 0 otherwise) with an error when no digit is read.</summary>
    public static ulong? ULong(SpecContext ctx, SpecItem item, int radix)
    {
        string v = item.Value.Text;
        ulong n = CNumbers.StrToUL(v, 0, radix, out int end, out bool overflow);
        if (end == 0 || overflow || n == ulong.MaxValue)
        {
            Invalid(ctx, item, "not an unsigned number");
            return null;
        }

        if (end != v.Length)
        {
            ctx.Report(DiagnosticDescriptors.SpecTrailingText, item.Value.Start + end, v.Length - end, v[end..], ctx.KindName);
        }

        return n;
    }
}
