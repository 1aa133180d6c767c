using System.Collections;
using System.Diagnostics.Contracts;
using System.Runtime.CompilerServices;

namespace Xen.Hvm.Specs;

/// <summary>A CPU set as <c>cpus</c>/<c>cpus_soft</c> write it: <c>"all"</c>, <c>"0-3,5,^1"</c>, <c>"nodes:0-1,^node:1"</c>.</summary>
/// <param name="Terms">The items, applied in order (adding, or removing with <c>^</c>).</param>
/// <remarks>Build one with a collection expression of its terms: <c>CpuListSpec cpus = [CpuListTerm.Range(0, 3),
/// CpuListTerm.Single(5)];</c> (or <c>new CpuListSpec([...])</c>). Equality is by value. Immutable; safe to share
/// across threads.</remarks>
[CollectionBuilder(typeof(CpuListSpec), nameof(Create))]
public sealed partial record CpuListSpec(SpecList<CpuListTerm> Terms) : IEnumerable<CpuListTerm>
{
    /// <summary>Constructs a CPU list from its terms; the compiler calls it for collection expressions.</summary>
    /// <param name="terms">The terms, in order.</param>
    /// <returns>The CPU list.</returns>
    [Pure]
    public static CpuListSpec Create(ReadOnlySpan<CpuListTerm> terms) => new(SpecList.Create(terms));

    /// <inheritdoc/>
    public IEnumerator<CpuListTerm> GetEnumerator() => Terms.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Evaluates the set for a host.</summary>
    /// <param name="hostCpuCount">The number of host CPUs (for <c>all</c>).</param>
    /// <param name="nodeCpus">The CPUs of a NUMA node, for <c>node:</c> items; <see langword="null"/> when there are none.</param>
    /// <returns>The CPUs, in ascending order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hostCpuCount"/> is negative.</exception>
    public IReadOnlyList<int> Evaluate(int hostCpuCount, Func<int, IEnumerable<int>>? nodeCpus = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hostCpuCount);
        var set = new SortedSet<int>();
        foreach (var t in Terms)
        {
            IEnumerable<int> cpus;
            if (t.All)
            {
                cpus = Enumerable.Range(0, hostCpuCount);
            }
            else
            {
                ulong to = Math.Min(t.To, (ulong)Math.Max(hostCpuCount - 1, 0) + (t.Nodes ? 4096UL : 0UL));
                var ids = t.From > to ? [] : Enumerable.Range((int)t.From, (int)(to - t.From + 1));
                cpus = t.Nodes ? ids.SelectMany(n => nodeCpus?.Invoke(n) ?? []) : ids.Where(c => c < hostCpuCount);
            }

            foreach (int c in cpus)
            {
                if (t.Exclude)
                {
                    set.Remove(c);
                }
                else
                {
                    set.Add(c);
                }
            }
        }

        return set.ToArray();
    }

    /// <summary>Returns the canonical form.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => string.Join(",", Terms);
}
