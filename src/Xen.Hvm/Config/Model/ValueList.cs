using System.Collections;
using System.Runtime.CompilerServices;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the same order, so a
/// <see cref="DomainConfig"/> read twice from the same file compares equal. Built with collection expressions
/// (<c>Disks = [disk1, disk2]</c>).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>Immutable; safe to share across threads.</remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items) => _items = items;

    /// <summary>Gets the empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <summary>Gets the number of items.</summary>
    public int Count => _items.Length;

    /// <summary>Gets the item at an index.</summary>
    /// <param name="index">The index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index] => (uint)index < (uint)_items.Length ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "Value should be in range [0-" + (_items.Length - 1) + "]");

    /// <summary>Returns an enumerator over the items.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns a list with an item appended.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The new list.</returns>
    [System.Diagnostics.Contracts.Pure]
    public ValueList<T> WithItemAppended(T item) => new([.. _items, item]);

    /// <summary>Returns a list with the item at an index replaced.</summary>
    /// <param name="index">The index.</param>
    /// <param name="item">The new item.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    [System.Diagnostics.Contracts.Pure]
    public ValueList<T> WithItem(int index, T item)
    {
        _ = this[index];
        var copy = (T[])_items.Clone();
        copy[index] = item;
        return new(copy);
    }

    /// <summary>Returns a list without the item at an index.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    [System.Diagnostics.Contracts.Pure]
    public ValueList<T> WithoutItem(int index)
    {
        _ = this[index];
        return new([.. _items.AsSpan(0, index), .. _items.AsSpan(index + 1)]);
    }

    /// <inheritdoc/>
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (T item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the items, comma-separated in brackets.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>Compares two lists for equality.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when both are null or they hold equal items in order.</returns>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two lists for inequality.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}

/// <summary>Builds <see cref="ValueList{T}"/> values (the collection-expression builder).</summary>
public static class ValueList
{
    /// <summary>Creates a list of the items, copied.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? ValueList<T>.Empty : new(items.ToArray());

    /// <summary>Creates a list of the items, copied.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static ValueList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        T[] array = [.. items];
        return array.Length == 0 ? ValueList<T>.Empty : new(array);
    }
}
