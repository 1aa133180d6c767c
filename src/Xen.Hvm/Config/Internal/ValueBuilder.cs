using System.Buffers;

namespace Xen.Hvm.Config.Internal;

/// <summary>A growable array of structs that hands out its storage; cheaper than <see cref="List{T}"/> on the hot path.</summary>
/// <remarks>A builder made by <see cref="Rent"/> works in arrays of the shared pool, so that scratch storage costs no
/// allocation: its owner takes what it keeps with <see cref="Detach"/> (an exact copy) or gives it up with
/// <see cref="Return"/>, after which nothing may use <see cref="RawArray"/> any more.</remarks>
internal struct ValueBuilder<T>
    where T : struct
{
    private T[] _items;
    private int _count;
    private bool _pooled;

    public ValueBuilder(int capacity)
    {
        _items = new T[Math.Max(capacity, 4)];
        _count = 0;
        _pooled = false;
    }

    /// <summary>Creates a builder whose storage comes from the shared pool.</summary>
    public static ValueBuilder<T> Rent(int capacity) => new() { _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 4)), _pooled = true };

    public readonly int Count => _count;

    public readonly T[] RawArray => _items;

    public readonly ref T this[int index] => ref _items[index];

    public void Add(in T item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[_count++] = item;
    }

    public void Truncate(int count)
    {
        if ((uint)count <= (uint)_count)
        {
            _count = count;
        }
    }

    public readonly T[] ToArray() => _items.AsSpan(0, _count).ToArray();

    /// <summary>Hands the items over and empties the builder: pooled storage as an exact-size copy (the pooled array
    /// goes back), other storage as it is (its length may exceed <see cref="Count"/>).</summary>
    public T[] Detach()
    {
        T[] items = _pooled ? _items.AsSpan(0, _count).ToArray() : _items;
        if (_pooled)
        {
            ArrayPool<T>.Shared.Return(_items);
            _pooled = false;
        }

        _items = [];
        _count = 0;
        return items;
    }

    /// <summary>Gives pooled storage back (nothing for a builder not made by <see cref="Rent"/>); the builder is empty after.</summary>
    public void Return()
    {
        if (_pooled)
        {
            ArrayPool<T>.Shared.Return(_items);
            _pooled = false;
        }

        _items = [];
        _count = 0;
    }

    private void Grow()
    {
        int size = _items.Length > 1 << 29 ? Array.MaxLength : _items.Length * 2;
        if (!_pooled)
        {
            Array.Resize(ref _items, size);
            return;
        }

        T[] bigger = ArrayPool<T>.Shared.Rent(size);
        _items.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(_items);
        _items = bigger;
    }
}
