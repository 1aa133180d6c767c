using System.Buffers;
using System.Text;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>
/// Substring search in linear time. .NET's ordinal search is fast on ordinary text but takes time proportional to the
/// product of the lengths on chosen input (<c>'ab' * 800000</c> searched for <c>'ab' * 100000 + 'aa' + 'ab' * 100000</c>
/// takes seconds, and a config can make both sides 16 million characters long); past a small product of lengths the
/// search here switches to Knuth-Morris-Pratt, which looks at each character a bounded number of times and reports
/// its work to the budget.
/// </summary>
internal static class PyText
{
    /// <summary>Below this product of lengths .NET's search is used: its worst case is then a few milliseconds.</summary>
    private const long QuadraticBound = 1 << 22;

    /// <summary>The first index of <paramref name="value"/> in <paramref name="text"/> at or after <paramref name="start"/>, or -1.</summary>
    public static int IndexOf(string text, string value, int start, XmBudget budget)
    {
        if (start > text.Length)
        {
            return -1;
        }

        if (value.Length == 0)
        {
            return start;
        }

        if (value.Length <= 2 || (long)(text.Length - start) * value.Length <= QuadraticBound)
        {
            return text.IndexOf(value, start, StringComparison.Ordinal);
        }

        int[] fail = Failure(value, budget);
        int k = 0;
        for (int i = start; i < text.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                budget.Work();
            }

            while (k > 0 && text[i] != value[k])
            {
                k = fail[k - 1];
            }

            if (text[i] == value[k] && ++k == value.Length)
            {
                return i - value.Length + 1;
            }
        }

        return -1;
    }

    /// <summary>The last index of <paramref name="value"/> in <paramref name="text"/>, or -1.</summary>
    public static int LastIndexOf(string text, string value, XmBudget budget)
    {
        if (value.Length == 0)
        {
            return text.Length;
        }

        if (value.Length <= 2 || (long)text.Length * value.Length <= QuadraticBound)
        {
            return text.LastIndexOf(value, StringComparison.Ordinal);
        }

        // The first match of the reversed value in the reversed text.
        string reversedText = Reverse(text, budget), reversedValue = Reverse(value, budget);
        int at = IndexOf(reversedText, reversedValue, 0, budget);
        return at < 0 ? -1 : text.Length - at - value.Length;
    }

    public static bool Contains(string text, string value, XmBudget budget) => IndexOf(text, value, 0, budget) >= 0;

    /// <summary>How many times <paramref name="value"/> occurs without overlapping (Python's <c>str.count</c>).</summary>
    public static int Count(string text, string value, XmBudget budget)
    {
        if (value.Length == 0)
        {
            return text.Length + 1;
        }

        int n = 0;
        for (int i = IndexOf(text, value, 0, budget); i >= 0; i = IndexOf(text, value, i + value.Length, budget))
        {
            n++;
        }

        return n;
    }

    /// <summary>The pieces of <paramref name="text"/> between occurrences of <paramref name="separator"/> (not empty).</summary>
    public static List<string> Split(string text, string separator, XmBudget budget)
    {
        var parts = new List<string>();
        int at = 0;
        for (int i = IndexOf(text, separator, 0, budget); i >= 0; i = IndexOf(text, separator, at, budget))
        {
            parts.Add(text[at..i]);
            at = i + separator.Length;
        }

        parts.Add(text[at..]);
        return parts;
    }

    /// <summary>Python's <c>str.replace(old, new, max)</c>; the caller has charged the size of the result.</summary>
    public static string Replace(string s, string old, string rep, int max, XmBudget budget)
    {
        var sb = new StringBuilder();
        int at = 0, n = 0;
        if (old.Length == 0)
        {
            for (int i = 0; i <= s.Length && n < max; i++, n++)
            {
                sb.Append(s, at, i - at).Append(rep);
                at = i;
            }

            return sb.Append(s, at, s.Length - at).ToString();
        }

        for (int i = IndexOf(s, old, 0, budget); i >= 0 && n < max; i = IndexOf(s, old, at, budget), n++)
        {
            sb.Append(s, at, i - at).Append(rep);
            at = i + old.Length;
        }

        return sb.Append(s, at, s.Length - at).ToString();
    }

    /// <summary>Python's <c>strip</c>/<c>lstrip</c>/<c>rstrip</c> with a set of characters, in linear time however long the set.</summary>
    public static string Strip(string s, string chars, bool left, bool right)
    {
        SearchValues<char> set = SearchValues.Create(chars);
        ReadOnlySpan<char> span = s;
        int start = left ? span.IndexOfAnyExcept(set) : 0;
        if (start < 0)
        {
            return string.Empty;
        }

        int end = right ? span.LastIndexOfAnyExcept(set) + 1 : span.Length;
        return end <= start ? string.Empty : s[start..end];
    }

    private static int[] Failure(string value, XmBudget budget)
    {
        budget.Allocate(4L * value.Length);
        var fail = new int[value.Length];
        int k = 0;
        for (int i = 1; i < value.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                budget.Work();
            }

            while (k > 0 && value[i] != value[k])
            {
                k = fail[k - 1];
            }

            if (value[i] == value[k])
            {
                k++;
            }

            fail[i] = k;
        }

        return fail;
    }

    private static string Reverse(string s, XmBudget budget)
    {
        budget.ChargeString(s.Length);
        return string.Create(s.Length, s, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            span.Reverse();
        });
    }
}
