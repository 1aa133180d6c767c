namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>"Did you mean": the closest candidate by edit distance (a swap of two neighbours counts one), case ignored first.</summary>
internal static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="text"/>, or <see langword="null"/> when none is close enough (1 edit for up to 4 characters, 2 up to 8, else 3).</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        if (text.Length == 0 || text.Length > 64)
        {
            return null;
        }

        int limit = text.Length <= 4 ? 1 : text.Length <= 8 ? 2 : 3;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            if (string.Equals(candidate, text, StringComparison.Ordinal) || Math.Abs(candidate.Length - text.Length) > limit)
            {
                continue;
            }

            int distance = string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(text, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring).</summary>
    public static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
