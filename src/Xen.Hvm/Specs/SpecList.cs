using System.Collections;
using System.Diagnostics.Contracts;
using System.Runtime.CompilerServices;

namespace Xen.Hvm.Specs;

/// <summary>
/// An immutable list with value equality, so that spec records that hold lists compare by content.
/// </summary>
/// <typeparam name="T">The element type; elements are compared with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
/// <remarks>
/// <para>Build one with a collection expression: <c>CpuListSpec cpus = new([CpuListTerm.Single(0)]);</c>,
/// <c>new VifSpec { Other = [new SpecSetting("forwarddev", "eth1")] }</c>. There is no <c>Add</c>: a copy with one
/// more element is <see cref="WithItemAppended"/>, whose result must be used.</para>
/// <para>The default value is an empty list. Immutable; safe to share across threads.</para>
/// </remarks>
[CollectionBuilder(typeof(SpecList), nameof(SpecList.Create))]
public readonly struct SpecList<T> : IReadOnlyList<T>, IEquatable<SpecList<T>>
{
    private readonly T[]? _items;

    /// <summary>Constructs a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The elements.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public SpecList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    private SpecList(T[] items, bool _) => _items = items;

    /// <summary>Gets an empty list.</summary>
    public static SpecList<T> Empty => default;

    /// <summary>Gets the number of elements.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>Gets the element at an index.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The element.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>Returns a new list with one more element at the end; this list is unchanged.</summary>
    /// <param name="item">The element to append.</param>
    /// <returns>The new list.</returns>
    [Pure]
    public SpecList<T> WithItemAppended(T item)
    {
        var items = new T[Count + 1];
        _items?.CopyTo(items, 0);
        items[^1] = item;
        return new SpecList<T>(items, true);
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(SpecList<T> other)
    {
        var a = _items ?? [];
        var b = other._items ?? [];
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SpecList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items ?? [])
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the elements separated by commas, in brackets.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => "[" + string.Join(", ", _items ?? []) + "]";

    /// <summary>Compares two lists element by element.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when both hold equal elements in the same order.</returns>
    public static bool operator ==(SpecList<T> left, SpecList<T> right) => left.Equals(right);

    /// <summary>Compares two lists element by element.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SpecList<T> left, SpecList<T> right) => !left.Equals(right);

    internal static SpecList<T> Wrap(T[] items) => new(items, true);
}

/// <summary>Builds <see cref="SpecList{T}"/> values; the compiler calls <see cref="Create"/> for collection expressions.</summary>
public static class SpecList
{
    /// <summary>Constructs a list holding a copy of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements, in order.</param>
    /// <returns>The list.</returns>
    [Pure]
    public static SpecList<T> Create<T>(ReadOnlySpan<T> items) => SpecList<T>.Wrap(items.ToArray());
}
