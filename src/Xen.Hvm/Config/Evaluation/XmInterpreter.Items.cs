using System.Numerics;

namespace Xen.Hvm.Config.Evaluation;

// Items, slices and iteration, with CPython's index rules; attributes.
internal sealed partial class XmInterpreter
{
    internal List<PyObj>? Iterate(PyObj value, int row)
    {
        switch (value)
        {
            case PyUnknown or PyList { Tainted: true } or PyDict { Tainted: true }:
                return null;
            case PyList l:
                _budget.ChargeList(l.Items.Count);
                return [.. l.Items];
            case PyTuple t:
                _budget.ChargeList(t.Items.Length);
                return [.. t.Items];
            case PyStr s:
                _budget.ChargeList(s.Value.Length);
                _budget.ChargeObjects(s.Value.Length);
                return s.Value.Select(c => (PyObj)new PyStr(c.ToString(), s.IsUnicode)).ToList();
            case PyDict d:
                _budget.ChargeList(d.Count);
                return [.. d.Keys];
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{value.TypeName}' object is not iterable");
        }
    }

    internal static int Index(PyObj key, int count, string what)
    {
        if (!PyOps.TryInteger(key, out BigInteger i))
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, $"{what} indices must be integers, not {key.TypeName}");
        }

        if (i < 0)
        {
            i += count;
        }

        if (i < 0 || i >= count)
        {
            throw PyExceptions.Raise(PyExceptions.IndexError, $"{what} index out of range");
        }

        return (int)i;
    }

    private PyObj GetItem(PyObj container, PyObj key, int row)
    {
        if (key is PyUnknown)
        {
            return PyUnknown.Instance;
        }

        switch (container)
        {
            case PyUnknown:
                return PyUnknown.Instance;
            case PyList { Tainted: true } or PyDict { Tainted: true }:
                return PyUnknown.Instance;
            case PyList l:
                return l.Items[Index(key, l.Items.Count, "list")];
            case PyTuple t:
                return t.Items[Index(key, t.Items.Length, "tuple")];
            case PyStr s:
                return new PyStr(s.Value[Index(key, s.Value.Length, "string")].ToString(), s.IsUnicode);
            case PyDict d:
                CheckHashable(key);
                return d.TryGet(key, out PyObj v) ? v : throw new PyRaise(new PyExceptionInstance(PyExceptions.KeyError, [key]), row);
            case PyMatch m:
                return PyBuiltins.MatchGroup(m, key);
            case PyBuiltins.UnknownEnvironment:
                throw NeedsContext(row, "os.environ[...]", "the environment (XmEvaluationContext.Environment)");
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object has no attribute '__getitem__'");
        }
    }

    private void SetItem(PyObj container, PyObj key, PyObj value, int row)
    {
        switch (container)
        {
            case PyUnknown:
                return;
            case PyList l:
                if (key is PyUnknown)
                {
                    l.Tainted = true;
                    return;
                }

                l.Items[Index(key, l.Items.Count, "list assignment")] = value;
                return;
            case PyDict d:
                if (key is PyUnknown)
                {
                    d.Tainted = true;
                    return;
                }

                CheckHashable(key);
                _budget.Allocate(XmBudget.DictionaryEntryBytes);
                d.Set(key, value);
                _budget.CheckSize(d.Count);
                return;
            case PyBuiltins.UnknownEnvironment:
                return;
            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object does not support item assignment");
        }
    }

    /// <summary>The evaluated parts of <c>[lower:upper:step]</c>; <see langword="null"/> for a part left out or None.</summary>
    private readonly record struct SliceParts(BigInteger? Lower, BigInteger? Upper, BigInteger? Step);

    /// <summary>The items a slice selects: <see cref="Count"/> indexes from <see cref="Start"/>, <see cref="Step"/> apart.</summary>
    private readonly record struct SliceRange(long Start, long Step, long Count)
    {
        public int this[long i] => (int)(Start + (i * Step));
    }

    private SliceParts ReadSlice(int sliceRow, Frame f)
    {
        BigInteger? Part(int part)
        {
            if (part < 0)
            {
                return null;
            }

            PyObj v = Eval(part, f);
            if (v is PyUnknown)
            {
                throw new UnknownValueException();
            }

            if (v is PyNone)
            {
                return null;
            }

            return PyOps.TryInteger(v, out BigInteger i) ? i : throw PyExceptions.Raise(PyExceptions.TypeError, "slice indices must be integers or None or have an __index__ method");
        }

        BigInteger? lower = Part(_data.SlicePart(sliceRow, 0)), upper = Part(_data.SlicePart(sliceRow, 1)), step = Part(_data.SlicePart(sliceRow, 2));
        if (step is { IsZero: true })
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, "slice step cannot be zero");
        }

        return new SliceParts(lower, upper, step);
    }

    /// <summary>CPython's <c>PySlice_GetIndicesEx</c>: bounds clamped to the sequence, steps to a C <c>ssize_t</c>, in checked arithmetic.</summary>
    private static SliceRange Resolve(SliceParts parts, int length)
    {
        long step = parts.Step is { } st ? (long)BigInteger.Clamp(st, -long.MaxValue, long.MaxValue) : 1;
        long Bound(BigInteger? v, long dflt)
        {
            if (v is not { } x)
            {
                return dflt;
            }

            if (x.Sign < 0)
            {
                x += length;
            }

            return x.Sign < 0 ? (step < 0 ? -1 : 0) : x >= length ? (step < 0 ? length - 1 : length) : (long)x;
        }

        long start = Bound(parts.Lower, step < 0 ? length - 1 : 0);
        long stop = Bound(parts.Upper, step < 0 ? -1 : length);
        long count = step < 0
            ? (stop >= start ? 0 : ((stop - start + 1) / step) + 1)
            : (start >= stop ? 0 : ((stop - start - 1) / step) + 1);
        return new SliceRange(start, step, count);
    }

    private PyObj GetSlice(PyObj container, SliceParts parts)
    {
        switch (container)
        {
            case PyUnknown or PyList { Tainted: true }:
                return PyUnknown.Instance;
            case PyList l:
            {
                SliceRange r = Resolve(parts, l.Items.Count);
                _budget.ChargeList(r.Count);
                var items = new List<PyObj>((int)r.Count);
                for (long i = 0; i < r.Count; i++)
                {
                    items.Add(l.Items[r[i]]);
                }

                return new PyList(items);
            }

            case PyTuple t:
            {
                SliceRange r = Resolve(parts, t.Items.Length);
                _budget.ChargeList(r.Count);
                var items = new PyObj[r.Count];
                for (long i = 0; i < r.Count; i++)
                {
                    items[i] = t.Items[r[i]];
                }

                return new PyTuple(items);
            }

            case PyStr s:
            {
                SliceRange r = Resolve(parts, s.Value.Length);
                _budget.ChargeString(r.Count);
                if (r.Step == 1)
                {
                    return new PyStr(s.Value.Substring((int)r.Start, (int)r.Count), s.IsUnicode);
                }

                var chars = new char[r.Count];
                for (long i = 0; i < r.Count; i++)
                {
                    chars[i] = s.Value[r[i]];
                }

                return new PyStr(new string(chars), s.IsUnicode);
            }

            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object has no attribute '__getitem__'");
        }
    }

    private void SetSlice(PyObj container, SliceParts parts, PyObj value, int row)
    {
        if (container is PyUnknown)
        {
            return;
        }

        if (container is not PyList list)
        {
            throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object does not support slice assignment");
        }

        List<PyObj>? items = Iterate(value, row);
        if (items is null)
        {
            list.Tainted = true;
            return;
        }

        SliceRange r = Resolve(parts, list.Items.Count);
        if (r.Step == 1)
        {
            _budget.ChargeList(list.Items.Count - r.Count + (long)items.Count);
            list.Items.RemoveRange((int)r.Start, (int)r.Count);
            list.Items.InsertRange((int)r.Start, items);
            return;
        }

        if (items.Count != r.Count)
        {
            throw PyExceptions.Raise(PyExceptions.ValueError, $"attempt to assign sequence of size {items.Count} to extended slice of size {r.Count}");
        }

        for (int i = 0; i < items.Count; i++)
        {
            list.Items[r[i]] = items[i];
        }
    }

    private void DeleteSlice(PyObj container, SliceParts parts)
    {
        switch (container)
        {
            case PyUnknown:
                return;
            case PyList list:
            {
                SliceRange r = Resolve(parts, list.Items.Count);
                if (r.Step == 1)
                {
                    list.Items.RemoveRange((int)r.Start, (int)r.Count);
                    return;
                }

                var removed = new bool[list.Items.Count];
                for (long i = 0; i < r.Count; i++)
                {
                    removed[r[i]] = true;
                }

                int kept = 0;
                for (int k = 0; k < removed.Length; k++)
                {
                    if (!removed[k])
                    {
                        list.Items[kept++] = list.Items[k];
                    }
                }

                list.Items.RemoveRange(kept, removed.Length - kept);
                return;
            }

            default:
                throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object doesn't support slice deletion");
        }
    }

    private PyObj GetAttribute(PyObj obj, string name, int row)
    {
        if (obj is PyUnknown)
        {
            return PyUnknown.Instance;
        }

        if (name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal))
        {
            throw Refuse(row, "." + name, "reflect on the evaluator's objects");
        }

        return PyBuiltins.GetAttribute(obj, name, this, row);
    }
}
