using System.Numerics;
using System.Runtime.CompilerServices;

namespace Xen.Hvm.Config.Model.Internal;

/// <summary>A set of options of the catalogue, one bit each by <see cref="OptionDefinition.Ordinal"/>: 32 bytes and
/// no allocation (a test checks the catalogue fits).</summary>
[InlineArray(Words)]
internal struct OptionSet
{
    /// <summary>The number of 64-bit words: room for 256 options.</summary>
    public const int Words = 4;

    private ulong _word;

    /// <summary>Gets the number of options in the set.</summary>
    public int Count
    {
        get
        {
            int count = 0;
            for (int w = 0; w < Words; w++)
            {
                count += BitOperations.PopCount(this[w]);
            }

            return count;
        }
    }

    /// <summary>Whether option <paramref name="ordinal"/> is in the set.</summary>
    public bool Contains(int ordinal) => (this[ordinal >> 6] & (1UL << (ordinal & 63))) != 0;

    /// <summary>Adds option <paramref name="ordinal"/>.</summary>
    public void Add(int ordinal) => this[ordinal >> 6] |= 1UL << (ordinal & 63);

    /// <summary>Removes option <paramref name="ordinal"/>.</summary>
    public void Remove(int ordinal) => this[ordinal >> 6] &= ~(1UL << (ordinal & 63));

    /// <summary>The number of options in the set before option <paramref name="ordinal"/>.</summary>
    public int CountBefore(int ordinal)
    {
        int word = ordinal >> 6;
        int count = BitOperations.PopCount(this[word] & ((1UL << (ordinal & 63)) - 1));
        for (int w = 0; w < word; w++)
        {
            count += BitOperations.PopCount(this[w]);
        }

        return count;
    }

    /// <summary>Whether both sets hold the same options.</summary>
    public bool SetEquals(OptionSet other)
    {
        for (int w = 0; w < Words; w++)
        {
            if (this[w] != other[w])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the set to a hash.</summary>
    public void AddTo(ref HashCode hash)
    {
        for (int w = 0; w < Words; w++)
        {
            hash.Add(this[w]);
        }
    }
}
