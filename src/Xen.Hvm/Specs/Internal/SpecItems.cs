using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs.Internal;

/// <summary>The ways xl splits a device spec into <c>KEY=VALUE</c> items.</summary>
internal static class SpecItems
{
    /// <summary>
    /// <c>strtok(",")</c> then leading spaces skipped (vfb, vtpm, usbctrl, usbdev, vif): empty items vanish.
    /// </summary>
    public static ItemScan Strtok(string text) => SpecGrammar.StrtokItemsOf(text);

    /// <summary>
    /// Items split at their first <c>=</c> (p9: xl 4.17 keeps <c>tag==x</c> as <c>=x</c> and <c>path=/a=b</c> whole, as
    /// <c>xl create -n</c> shows): key and value trimmed; a missing <c>=</c> or an empty value is an error, reported
    /// here and skipped. The channel spec is read by <see cref="StrtokPairs"/>.
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

    /// <summary>
    /// The items of a spec xl reads with <c>split_string_into_pair(item, "=")</c> (the channel spec): two
    /// <c>strtok</c> calls, so the key is the first run of characters other than '=' (leading '=' skipped) and the
    /// value the next one; xl ignores what follows (reported: <c>XH6099</c>) and refuses an item without a key or a
    /// value (<c>XH6061</c>). Both are trimmed of C blanks afterwards: a value of blanks is an empty value. Empty items
    /// are skipped, as xl's split of the list skips them.
    /// </summary>
    public static IEnumerable<SpecItem> StrtokPairs(SpecContext ctx, string text)
    {
        foreach (var item in SpecGrammar.Items(text))
        {
            SpecToken raw = item.Whole;
            if (raw.Length == 0)
            {
                continue;
            }

            (int keyStart, int keyEnd) = NextRun(raw.Span, 0);
            (int valueStart, int valueEnd) = NextRun(raw.Span, keyEnd);
            if (keyEnd == keyStart || valueEnd == valueStart)
            {
                ctx.Report(DiagnosticDescriptors.SpecItemWithoutEquals, raw.Start, raw.Length, ctx.KindName, raw.Text);
                continue;
            }

            SpecToken key = SpecGrammar.Trim(raw.Slice(keyStart, keyEnd - keyStart), CNumbers.IsCSpace);
            if (valueEnd < raw.Length)
            {
                ctx.Report(DiagnosticDescriptors.SpecTrailingText, raw.Start + valueEnd, raw.Length - valueEnd, raw.Text[valueEnd..], key.Text);
            }

            yield return new SpecItem(raw, key, SpecGrammar.Trim(raw.Slice(valueStart, valueEnd - valueStart), CNumbers.IsCSpace), HasEquals: true);
        }
    }

    /// <summary>What <c>strtok(.., "=")</c> returns next from <paramref name="from"/>: the run of characters other than
    /// '=' after any '=' (empty at the end).</summary>
    private static (int Start, int End) NextRun(ReadOnlySpan<char> s, int from)
    {
        int start = from;
        while (start < s.Length && s[start] == '=')
        {
            start++;
        }

        int end = start;
        while (end < s.Length && s[end] != '=')
        {
            end++;
        }

        return (start, end);
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
