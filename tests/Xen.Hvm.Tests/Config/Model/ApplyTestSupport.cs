using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>The write-back properties' assertions: what the model says is what the file reads, and no other line moved.</summary>
internal static class ApplyTestSupport
{
    /// <summary>The refusals a write-back may make on a file it can read: code it does not rewrite.</summary>
    public static readonly string[] CodeRefusals =
        [
            DiagnosticIds.WriteBackComputedValue, DiagnosticIds.WriteBackAssignedByCode, DiagnosticIds.WriteBackAppendedValue,
            DiagnosticIds.WriteBackChangesOthers, DiagnosticIds.WriteBackBreaksCode,
        ];

    /// <summary>The keys (options and other settings) whose value differs between two models.</summary>
    public static HashSet<string> ChangedKeys(DomainConfig before, DomainConfig after)
    {
        var keys = OptionCatalog.All.Where(o => !Equals(o.GetValue(before), o.GetValue(after))).Select(static o => o.Name).ToHashSet(StringComparer.Ordinal);
        var a = before.OtherSettings.ToDictionary(static s => s.Name, static s => s.Value, StringComparer.Ordinal);
        var b = after.OtherSettings.ToDictionary(static s => s.Name, static s => s.Value, StringComparer.Ordinal);
        keys.UnionWith(a.Keys.Union(b.Keys).Where(k => !Equals(a.GetValueOrDefault(k), b.GetValueOrDefault(k))));
        return keys;
    }

    /// <summary>
    /// The file reads back as the model wanted, except the refused keys, which keep their old value; every option and
    /// other setting is compared.
    /// </summary>
    public static void AssertReadsBack(DomainConfig bound, DomainConfig model, ApplyResult result, BindOptions options)
    {
        DomainConfig after = DomainConfig.Bind(result.Document, options).Config;
        var refused = result.RefusedKeys.ToHashSet(StringComparer.Ordinal);
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            object? expected = option.GetValue(refused.Contains(option.Name) ? bound : model);
            Assert.True(Equals(expected, option.GetValue(after)), $"{option.Name}: expected {expected}, read {option.GetValue(after)}");
        }

        var expectedOther = model.OtherSettings.Where(s => !refused.Contains(s.Name)).ToList();
        Assert.Equal(expectedOther, after.OtherSettings.Where(s => !refused.Contains(s.Name)));
    }

    /// <summary>
    /// Every line of <paramref name="before"/> outside the settings of <paramref name="keys"/> is in
    /// <paramref name="after"/>, byte for byte and in order; every new line is in a setting of those keys (or is what
    /// is left of the lines that held them, after <c>a = 1; b = 2</c> lost <c>a</c>).
    /// </summary>
    public static void AssertUntouchedLinesKept(ConfigDocument before, ConfigDocument after, IReadOnlySet<string> keys)
    {
        string[] a = Lines(before.Text), b = Lines(after.Text);
        if (a.Length > 0 && !a[^1].EndsWith('\n') && b.Contains(a[^1] + "\n"))
        {
            a[^1] += "\n"; // a new line after the file's last one ends it
        }

        HashSet<int> touchedBefore = TouchedLines(before, keys), touchedAfter = TouchedLines(after, keys);
        // The common subsequence of lines that keeps the most untouched lines (a touched line's text, such as a lone
        // "]", may also appear elsewhere: it must not take the place of an untouched one).
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                int weight = touchedBefore.Contains(i) ? 1 : 1000;
                lcs[i, j] = Math.Max(
                    string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + weight : 0,
                    Math.Max(lcs[i + 1, j], lcs[i, j + 1]));
            }
        }

        string touchedText = string.Concat(touchedBefore.Order().Select(i => a[i]));
        for (int i = 0, j = 0; i < a.Length || j < b.Length;)
        {
            if (i < a.Length && j < b.Length && string.Equals(a[i], b[j], StringComparison.Ordinal) && lcs[i, j] == lcs[i + 1, j + 1] + (touchedBefore.Contains(i) ? 1 : 1000))
            {
                i++;
                j++;
            }
            else if (j == b.Length || (i < a.Length && lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                Assert.True(touchedBefore.Contains(i), $"line {i + 1} '{a[i].TrimEnd()}' changed, but it holds no setting of {string.Join(", ", keys)}\n--- before\n{before.Text}--- after\n{after.Text}");
                i++;
            }
            else
            {
                string line = b[j].Trim();
                Assert.True(touchedAfter.Contains(j) || IsSubsequence(line, touchedText),
                    $"new line {j + 1} '{b[j].TrimEnd()}' is in no setting of {string.Join(", ", keys)}\n--- before\n{before.Text}--- after\n{after.Text}");
                j++;
            }
        }
    }

    /// <summary>Whether <paramref name="part"/> is <paramref name="whole"/> with some characters left out.</summary>
    private static bool IsSubsequence(string part, string whole)
    {
        int k = 0;
        foreach (char c in whole)
        {
            if (k < part.Length && part[k] == c)
            {
                k++;
            }
        }

        return k == part.Length;
    }

    /// <summary>The lines of a text, each with its line break.</summary>
    public static string[] Lines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return [.. lines];
    }

    /// <summary>The (0-based) lines the top-level settings of <paramref name="keys"/> span.</summary>
    private static HashSet<int> TouchedLines(ConfigDocument doc, IReadOnlySet<string> keys)
    {
        var lines = new HashSet<int>();
        foreach (SettingSyntax s in doc.Settings.Where(s => keys.Contains(s.Name)))
        {
            int first = doc.Lines.GetPosition(s.Span.Start).Line, last = doc.Lines.GetPosition(Math.Max(s.Span.Start, s.Span.End - 1)).Line;
            for (int l = first; l <= last; l++)
            {
                lines.Add(l);
            }
        }

        return lines;
    }
}
