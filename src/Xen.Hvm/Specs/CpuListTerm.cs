using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>One comma-separated item of a <c>cpus</c> value: <c>[^][node:|nodes:]N[-M]</c> or <c>[node:|nodes:]all</c>.</summary>
/// <param name="Exclude">Whether the item removes CPUs (<c>^</c>).</param>
/// <param name="Nodes">Whether the numbers are NUMA nodes (<c>node:</c>/<c>nodes:</c>) rather than CPUs.</param>
/// <param name="All">Whether the item is <c>all</c>.</param>
/// <param name="From">The first CPU or node.</param>
/// <param name="To">The last CPU or node (equal to <paramref name="From"/> for a single one).</param>
public readonly record struct CpuListTerm(bool Exclude, bool Nodes, bool All, ulong From, ulong To)
{
    /// <summary>Constructs the term for one CPU, <c>N</c>.</summary>
    /// <param name="cpu">The CPU.</param>
    /// <returns>The term.</returns>
    public static CpuListTerm Single(ulong cpu) => new(false, false, false, cpu, cpu);

    /// <summary>Constructs the term for a range of CPUs, <c>N-M</c>.</summary>
    /// <param name="from">The first CPU.</param>
    /// <param name="to">The last CPU.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is less than <paramref name="from"/>.</exception>
    public static CpuListTerm Range(ulong from, ulong to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        return new(false, false, false, from, to);
    }

    /// <summary>Returns the item as written canonically, e.g. <c>^nodes:1</c>, <c>0-3</c>.</summary>
    /// <returns>The item.</returns>
    public override string ToString()
    {
        string body = All ? "all" : From == To ? From.ToString(CultureInfo.InvariantCulture)
            : From.ToString(CultureInfo.InvariantCulture) + "-" + To.ToString(CultureInfo.InvariantCulture);
        return (Exclude ? "^" : string.Empty) + (Nodes ? "nodes:" : string.Empty) + body;
    }
}
