using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>
/// Equality, ordering, hashing and <c>repr</c> of nested values without recursion: each walks the structure with an
/// explicit stack, so a value nested 150,000 deep cannot overflow the native stack. Like CPython 2, comparing or
/// printing deeper than <see cref="RecursionLimit"/> raises <c>RuntimeError</c>, a list or dictionary that contains
/// itself prints as <c>[...]</c>/<c>{...}</c>, and hashing has no depth limit. Every item visited is reported to the
/// budget, so a structure whose shared parts unfold exponentially stops at the time budget.
/// </summary>
internal static class PyDeep
{
    /// <summary>About where CPython 2 raises "maximum recursion depth exceeded" (its limit is 1,000 frames, some used by xm itself).</summary>
    public const int RecursionLimit = 980;

    private const string CmpDepth = "maximum recursion depth exceeded in cmp";

    // ------------------------------------------------------------------ equality

    /// <summary>Python's <c>a == b</c>; <see langword="null"/> when it depends on an unknown value.</summary>
    public static bool? Equal(PyObj a, PyObj b, XmBudget budget, int depth = 0)
    {
        if (ReferenceEquals(a, b) && a is not PyFloat)
        {
            return true; // also a[i] is a[i] inside containers: CPython's identity shortcut
        }

        Shallow first = CompareShallow(a, b, out IReadOnlyList<PyObj>? xs, out IReadOnlyList<PyObj>? ys);
        if (first != Shallow.Descend)
        {
            return first == Shallow.Unknown ? null : first == Shallow.Equal;
        }

        bool unknown = false;
        var stack = new Stack<(IReadOnlyList<PyObj> X, IReadOnlyList<PyObj> Y, int Next)>();
        stack.Push((xs!, ys!, 0));
        while (stack.Count > 0)
        {
            var (x, y, next) = stack.Pop();
            if (next == x.Count)
            {
                continue;
            }

            stack.Push((x, y, next + 1));
            budget.Work();
            PyObj p = x[next], q = y[next];
            if (ReferenceEquals(p, q))
            {
                continue;
            }

            switch (CompareShallow(p, q, out xs, out ys))
            {
                case Shallow.NotEqual:
                    return false;
                case Shallow.Unknown:
                    unknown = true;
                    break;
                case Shallow.Descend:
                    if (depth + stack.Count >= RecursionLimit)
                    {
                        throw PyExceptions.Raise(PyExceptions.RuntimeError, CmpDepth);
                    }

                    stack.Push((xs!, ys!, 0));
                    break;
            }
        }

        return unknown ? null : true;
    }

    private enum Shallow
    {
        Equal,
        NotEqual,
        Unknown,
        Descend,
    }

    /// <summary>Compares two values one level deep; for containers of the same kind and size, gives the items to compare pairwise.</summary>
    private static Shallow CompareShallow(PyObj a, PyObj b, out IReadOnlyList<PyObj>? xs, out IReadOnlyList<PyObj>? ys)
    {
        xs = ys = null;
        if (a is PyUnknown || b is PyUnknown || a is PyList { Tainted: true } || b is PyList { Tainted: true } || a is PyDict { Tainted: true } || b is PyDict { Tainted: true })
        {
            return Shallow.Unknown;
        }

        if (PyOps.TryInteger(a, out BigInteger ia) && PyOps.TryInteger(b, out BigInteger ib))
        {
            return ia == ib ? Shallow.Equal : Shallow.NotEqual;
        }

        if (PyOps.TryNumber(a, out double da) && PyOps.TryNumber(b, out double db))
        {
            return da == db ? Shallow.Equal : Shallow.NotEqual;
        }

        switch (a, b)
        {
            case (PyStr sa, PyStr sb):
                return string.Equals(sa.Value, sb.Value, StringComparison.Ordinal) ? Shallow.Equal : Shallow.NotEqual;
            case (PyList la, PyList lb):
                return Items(la.Items, lb.Items, out xs, out ys);
            case (PyTuple ta, PyTuple tb):
                return Items(ta.Items, tb.Items, out xs, out ys);
            case (PyDict xa, PyDict xb):
            {
                if (xa.Count != xb.Count)
                {
                    return Shallow.NotEqual;
                }

                var left = new List<PyObj>(xa.Count);
                var right = new List<PyObj>(xa.Count);
                foreach (var (key, value) in xa.Entries)
                {
                    if (!xb.TryGet(key, out PyObj other))
                    {
                        return Shallow.NotEqual;
                    }

                    left.Add(value);
                    right.Add(other);
                }

                (xs, ys) = (left, right);
                return Shallow.Descend;
            }

            case (PyNone, PyNone):
                return Shallow.Equal;
            default:
                return ReferenceEquals(a, b) ? Shallow.Equal : Shallow.NotEqual;
        }
    }

    private static Shallow Items(IReadOnlyList<PyObj> a, IReadOnlyList<PyObj> b, out IReadOnlyList<PyObj>? xs, out IReadOnlyList<PyObj>? ys)
    {
        (xs, ys) = (a, b);
        return a.Count != b.Count ? Shallow.NotEqual : a.Count == 0 ? Shallow.Equal : Shallow.Descend;
    }

    // ------------------------------------------------------------------ ordering

    /// <summary>
    /// Python 2's <c>cmp</c>: every pair of values is ordered (numbers first, None smallest, then by type name);
    /// sequences by their first differing item. Throws <see cref="UnknownValueException"/> when the order depends on an unknown value.
    /// </summary>
    public static int Compare(PyObj a, PyObj b, XmBudget budget)
    {
        for (int depth = 0; ; depth++)
        {
            if (a is PyUnknown || b is PyUnknown || a is PyList { Tainted: true } || b is PyList { Tainted: true })
            {
                throw new UnknownValueException();
            }

            if (PyOps.TryInteger(a, out BigInteger ia) && PyOps.TryInteger(b, out BigInteger ib))
            {
                return ia.CompareTo(ib);
            }

            if (PyOps.TryNumber(a, out double da) && PyOps.TryNumber(b, out double db))
            {
                return da.CompareTo(db);
            }

            IReadOnlyList<PyObj>? x = null, y = null;
            switch (a, b)
            {
                case (PyStr sa, PyStr sb):
                    return Math.Sign(string.CompareOrdinal(sa.Value, sb.Value));
                case (PyList la, PyList lb):
                    (x, y) = (la.Items, lb.Items);
                    break;
                case (PyTuple ta, PyTuple tb):
                    (x, y) = (ta.Items, tb.Items);
                    break;
                case (PyNone, PyNone):
                    return 0;
                case (PyNone, _):
                    return -1;
                case (_, PyNone):
                    return 1;
            }

            if (x is null || y is null)
            {
                bool na = a is PyInt or PyBool or PyFloat, nb = b is PyInt or PyBool or PyFloat;
                if (na != nb)
                {
                    return na ? -1 : 1;
                }

                return Math.Sign(string.CompareOrdinal(a.TypeName, b.TypeName));
            }

            if (depth >= RecursionLimit)
            {
                throw PyExceptions.Raise(PyExceptions.RuntimeError, CmpDepth);
            }

            int n = Math.Min(x.Count, y.Count), i = 0;
            for (; i < n; i++)
            {
                budget.Work();
                bool? same = Equal(x[i], y[i], budget, depth + 1);
                if (same is null)
                {
                    throw new UnknownValueException();
                }

                if (!same.Value)
                {
                    break;
                }
            }

            if (i == n)
            {
                return x.Count.CompareTo(y.Count);
            }

            (a, b) = (x[i], y[i]);
        }
    }

    // ------------------------------------------------------------------ hashing

    /// <summary>
    /// A hash that agrees with <see cref="Equal"/> (1 == 1.0 == True hash alike) and that a config cannot steer into
    /// collisions: every value goes through <see cref="HashCode"/>, which is seeded at random for each process.
    /// Raises <c>TypeError</c> for lists and dictionaries, as Python does.
    /// </summary>
    public static int Hash(PyObj o, XmBudget? budget)
    {
        if (o is PyTuple t)
        {
            return TupleHash(t, budget);
        }

        return ScalarHash(o);
    }

    private static int ScalarHash(PyObj o)
    {
        switch (o)
        {
            case PyStr s:
                return StringComparer.Ordinal.GetHashCode(s.Value);
            case PyInt i:
                return IntegerHash(i.Value);
            case PyBool b:
                return IntegerHash(b.Value ? BigInteger.One : BigInteger.Zero);
            case PyFloat f:
                if (double.IsFinite(f.Value) && f.Value == Math.Floor(f.Value))
                {
                    return IntegerHash(new BigInteger(f.Value));
                }

                return HashCode.Combine(f.Value);
            case PyNone:
                return 0x4E6F6E65;
            case PyList or PyDict:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"unhashable type: '{o.TypeName}'");
            default:
                return RuntimeHelpers.GetHashCode(o);
        }
    }

    private static int IntegerHash(BigInteger v)
    {
        var h = default(HashCode);
        if (v >= long.MinValue && v <= long.MaxValue)
        {
            long l = (long)v;
            h.Add((int)l);
            h.Add((int)(l >> 32));
            return h.ToHashCode();
        }

        int count = v.GetByteCount();
        byte[] rented = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            v.TryWriteBytes(rented, out int written);
            h.AddBytes(rented.AsSpan(0, written));
            return h.ToHashCode();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private struct HashFrame
    {
        public PyTuple Tuple;
        public int Next;
        public HashCode Hash;
    }

    /// <summary>Hashes a tuple bottom-up with an explicit stack, remembering each tuple's hash (tuples are immutable).</summary>
    private static int TupleHash(PyTuple root, XmBudget? budget)
    {
        if (root.HasHash)
        {
            return root.Hash;
        }

        if (Array.TrueForAll(root.Items, item => item is not PyTuple { HasHash: false }))
        {
            // The common case, (1, 'a'): no tuple inside left to hash, so no stack.
            var flat = default(HashCode);
            flat.Add(0x7475706C);
            flat.Add(root.Items.Length);
            foreach (PyObj item in root.Items)
            {
                budget?.Work();
                flat.Add(item is PyTuple known ? known.Hash : ScalarHash(item));
            }

            int h = flat.ToHashCode();
            root.SetHash(h);
            return h;
        }

        var frames = new HashFrame[8];
        int count = 0;
        Push(root);
        while (true)
        {
            ref HashFrame top = ref frames[count - 1];
            if (top.Next == top.Tuple.Items.Length)
            {
                int hash = top.Hash.ToHashCode();
                top.Tuple.SetHash(hash);
                count--;
                if (count == 0)
                {
                    return hash;
                }

                frames[count - 1].Hash.Add(hash);
                continue;
            }

            PyObj item = top.Tuple.Items[top.Next++];
            budget?.Work();
            if (item is PyTuple inner && !inner.HasHash)
            {
                Push(inner);
                continue;
            }

            top.Hash.Add(item is PyTuple known ? known.Hash : ScalarHash(item));
        }

        void Push(PyTuple t)
        {
            if (count == frames.Length)
            {
                Array.Resize(ref frames, count * 2);
            }

            frames[count] = new HashFrame { Tuple = t, Next = 0, Hash = default };
            frames[count].Hash.Add(0x7475706C);
            frames[count].Hash.Add(t.Items.Length);
            count++;
        }
    }

    // ------------------------------------------------------------------ repr and str

    /// <summary>
    /// Writes <c>repr(o)</c> (or <c>str(o)</c> when <paramref name="str"/>) into <paramref name="sb"/>. With a budget,
    /// the text is charged as it grows and too deep a value raises <c>RuntimeError</c>; without one (messages), the text
    /// stops after <paramref name="maxLength"/> characters and depth is never an error.
    /// </summary>
    public static void Write(StringBuilder sb, PyObj o, bool str, XmBudget? budget, int maxLength = int.MaxValue)
    {
        int start = sb.Length;
        if (!IsContainer(o))
        {
            sb.Append(str ? PyOps.ScalarStr(o) : PyOps.ScalarRepr(o));
            if (sb.Length - start > maxLength)
            {
                sb.Length = start + maxLength;
                sb.Append("...");
            }

            Charge(sb, start, budget);
            return;
        }

        int charged = start;
        var inProgress = new HashSet<PyObj>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<ReprFrame>();
        Open(o);
        while (stack.Count > 0)
        {
            if (sb.Length - start >= maxLength)
            {
                sb.Length = start + maxLength;
                sb.Append("...");
                break;
            }

            ReprFrame top = stack.Peek();
            if (top.Next == top.Count)
            {
                sb.Append(top.Close);
                inProgress.Remove(top.Container);
                stack.Pop();
                continue;
            }

            if (top.Next > 0)
            {
                sb.Append(", ");
            }

            int index = top.Next++;
            budget?.Work();
            PyObj item;
            if (top.Pairs is { } pairs)
            {
                // A key is hashable (no list or dictionary inside), so it cannot lead back here: write it whole.
                Write(sb, pairs[index].Key, str: false, budget, maxLength);
                sb.Append(": ");
                item = pairs[index].Value;
            }
            else
            {
                item = top.Items![index];
            }

            if (IsContainer(item))
            {
                Open(item);
            }
            else if (item is PyInt { IsLong: false } small)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{(long)small.Value}"); // the common item, without a string per number
            }
            else
            {
                sb.Append(PyOps.ScalarRepr(item));
            }

            if (sb.Length - charged > 4096)
            {
                charged = Charge(sb, charged, budget);
            }
        }

        Charge(sb, charged, budget);

        void Open(PyObj c)
        {
            if (!inProgress.Add(c))
            {
                sb.Append(c is PyDict ? "{...}" : c is PyTuple ? "(...)" : "[...]");
                return;
            }

            if (budget is not null && stack.Count >= RecursionLimit)
            {
                throw PyExceptions.Raise(PyExceptions.RuntimeError, "maximum recursion depth exceeded while getting the repr of an object");
            }

            switch (c)
            {
                case PyList l:
                    sb.Append('[');
                    stack.Push(new ReprFrame(c, l.Items, null, l.Items.Count, "]"));
                    break;
                case PyTuple t:
                    sb.Append('(');
                    stack.Push(new ReprFrame(c, t.Items, null, t.Items.Length, t.Items.Length == 1 ? ",)" : ")"));
                    break;
                case PyDict d:
                    sb.Append('{');
                    var pairs = new List<(PyObj Key, PyObj Value)>(d.Count);
                    foreach (var (k, v) in d.Entries)
                    {
                        pairs.Add((k, v));
                    }

                    budget?.Work(pairs.Count);
                    stack.Push(new ReprFrame(c, null, pairs, pairs.Count, "}"));
                    break;
            }
        }
    }

    private static int Charge(StringBuilder sb, int charged, XmBudget? budget)
    {
        if (budget is not null)
        {
            budget.ChargeString(sb.Length - charged);
            budget.CheckSize(sb.Length);
        }

        return sb.Length;
    }

    private static bool IsContainer(PyObj o) => o is PyList or PyTuple or PyDict;

    private sealed class ReprFrame(PyObj container, IReadOnlyList<PyObj>? items, List<(PyObj Key, PyObj Value)>? pairs, int count, string close)
    {
        public PyObj Container { get; } = container;

        public IReadOnlyList<PyObj>? Items { get; } = items;

        public List<(PyObj Key, PyObj Value)>? Pairs { get; } = pairs;

        public int Count { get; } = count;

        public string Close { get; } = close;

        public int Next { get; set; }
    }
}
