using System.Runtime.InteropServices;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Parsing;

/// <summary>Flags on a lexed token.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>A string token holds at least one backslash escape.</summary>
    HasEscapes = 1,

    /// <summary>The token's escapes are invalid for xl (already reported); its value is best effort.</summary>
    InvalidEscapes = 2,

    /// <summary>xm: a string with no closing quote (already reported).</summary>
    Unterminated = 4,

    /// <summary>xm: a line break inside brackets, which Python ignores (implicit line joining).</summary>
    Joined = 8,
}

/// <summary>One token or trivia: 12 bytes in a flat array, like System.Text.Json's metadata rows.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Token
{
    public int Start;
    public int Length;
    public SyntaxKind Kind;
    public TokenFlags Flags;

    public Token(SyntaxKind kind, int start, int length, TokenFlags flags = TokenFlags.None)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Flags = flags;
    }

    public readonly int End => Start + Length;

    public readonly bool IsTrivia => Kind >= SyntaxKind.WhitespaceTrivia;
}

/// <summary>One node of the tree in preorder: the node covers significant tokens [First..Last]; its subtree spans <see cref="RowCount"/> rows.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NodeRow
{
    public int FirstToken;
    public int LastToken;
    public int RowCount;
    public SyntaxKind Kind;

    public NodeRow(SyntaxKind kind, int firstToken, int lastToken, int rowCount)
    {
        Kind = kind;
        FirstToken = firstToken;
        LastToken = lastToken;
        RowCount = rowCount;
    }
}

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
