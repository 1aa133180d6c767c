using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>One <c>/</c>-separated term of a vif's <c>vlan=</c>: <c>N[p|u]</c>, <c>N-M[u]</c> or <c>N+OxC[u]</c>.</summary>
/// <param name="Start">The first VLAN id (1..4094).</param>
/// <param name="End">The last id of an <c>N-M</c> range, or <see langword="null"/>.</param>
/// <param name="Step">The offset of an <c>N+OxC</c> stride, or <see langword="null"/>.</param>
/// <param name="Count">The number of additional ids of an <c>N+OxC</c> stride, or <see langword="null"/>.</param>
/// <param name="IsPvid">Whether the term is marked <c>p</c> (the PVID; implies untagged).</param>
/// <param name="IsUntagged">Whether the term is marked <c>u</c> (or <c>p</c>).</param>
public readonly record struct VlanTerm(int Start, int? End, int? Step, int? Count, bool IsPvid, bool IsUntagged)
{
    /// <summary>Gets the VLAN ids the term stands for.</summary>
    public IEnumerable<int> Ids
    {
        get
        {
            if (End is { } end)
            {
                return Enumerable.Range(Start, Math.Max(0, end - Start + 1));
            }

            if (Step is { } step && Count is { } count)
            {
                int start = Start;
                return Enumerable.Range(0, count + 1).Select(i => start + (i * step));
            }

            return [Start];
        }
    }

    /// <summary>Returns the term as written, e.g. <c>10p</c>, <c>20-30u</c>, <c>100+10x4</c>.</summary>
    /// <returns>The term.</returns>
    public override string ToString()
    {
        string text = Start.ToString(CultureInfo.InvariantCulture);
        if (End is { } end)
        {
            text += "-" + end.ToString(CultureInfo.InvariantCulture);
        }
        else if (Step is { } step && Count is { } count)
        {
            text += "+" + step.ToString(CultureInfo.InvariantCulture) + "x" + count.ToString(CultureInfo.InvariantCulture);
        }

        return text + (IsPvid ? "p" : IsUntagged ? "u" : string.Empty);
    }
}
