namespace Xen.Hvm.Config.Internal;

/// <summary>A growable array of structs that hands out its storage; cheaper than <see cref="List{T}"/> on the hot path.</summary>
internal struct ValueBuilder<T>
    where T : struct
{
    private T[] _items;
    private int _count;

    public ValueBuilder(int capacity)
    {
        _items = new T[Math.Max(capacity, 4)];
        _count = 0;
    }

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

    private void Grow()
    {
        int size = _items.Length > 1 << 29 ? Array.MaxLength : _items.Length * 2;
        Array.Resize(ref _items, size);
    }
}
