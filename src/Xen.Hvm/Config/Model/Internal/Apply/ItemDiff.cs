namespace Xen.Hvm.Config.Model.Internal.Apply;

/// <summary>What happens to an item of a list.</summary>
internal enum ItemOpKind
{
    /// <summary>An old item gets the text of a new one.</summary>
    Replace,

    /// <summary>An old item goes.</summary>
    Delete,

    /// <summary>A new item comes after an old one (<see cref="ItemOp.Old"/>; -1 for before the first).</summary>
    Insert,
}

/// <summary>One step of turning the old items into the new ones.</summary>
/// <param name="Kind">The step.</param>
/// <param name="Old">The old item replaced or deleted, or the one a new item goes after (-1: before the first).</param>
/// <param name="New">The new item written (-1 for a deletion).</param>
internal readonly record struct ItemOp(ItemOpKind Kind, int Old, int New);

/// <summary>
/// The fewest item edits from an old list to a new one: the longest common subsequence stays as it is, and between
/// two kept items, deleted old items are replaced by inserted new ones pairwise (a changed disk is a replaced item,
/// not a deletion and an insertion).
/// </summary>
internal static class ItemDiff
{
    /// <summary>Lists longer than this (old times new) are rewritten whole instead.</summary>
    private const int MaxCells = 250_000;

    /// <summary>The steps, in old-item order; <see langword="null"/> when the lists are too long to compare.</summary>
    public static List<ItemOp>? Diff(IReadOnlyList<object> old, IReadOnlyList<object> @new)
    {
        int n = old.Count, m = @new.Count;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            return null;
        }

        // lcs[i, j]: the longest common subsequence of old[i..] and new[j..].
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = Equals(old[i], @new[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<ItemOp>();
        var deleted = new List<int>();
        var inserted = new List<int>();
        int lastKept = -1;
        void Flush()
        {
            int pairs = Math.Min(deleted.Count, inserted.Count);
            for (int t = 0; t < pairs; t++)
            {
                ops.Add(new ItemOp(ItemOpKind.Replace, deleted[t], inserted[t]));
            }

            for (int t = pairs; t < deleted.Count; t++)
            {
                ops.Add(new ItemOp(ItemOpKind.Delete, deleted[t], -1));
            }

            int anchor = pairs > 0 ? deleted[pairs - 1] : lastKept;
            for (int t = pairs; t < inserted.Count; t++)
            {
                ops.Add(new ItemOp(ItemOpKind.Insert, anchor, inserted[t]));
            }

            deleted.Clear();
            inserted.Clear();
        }

        for (int i = 0, j = 0; i < n || j < m;)
        {
            if (i < n && j < m && Equals(old[i], @new[j]))
            {
                Flush();
                lastKept = i;
                i++;
                j++;
            }
            else if (j == m || (i < n && lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                deleted.Add(i++);
            }
            else
            {
                inserted.Add(j++);
            }
        }

        Flush();
        return ops;
    }
}
