using System.Numerics;

namespace Xen.Hvm.Config.Evaluation;

// List methods.
internal static partial class PyBuiltins
{
    private static BuiltinImpl? ListMethod(string name) => name switch
    {
        "append" => call =>
        {
            var l = (PyList)call.Self!;
            call.Interpreter.Budget.CheckSize(l.Items.Count + 1L);
            call.Interpreter.Budget.Allocate(8);
            l.Items.Add(call.Arg(0));
            return PyNone.Instance;
        },
        "extend" => call =>
        {
            var l = (PyList)call.Self!;
            List<PyObj>? items = call.Interpreter.Iterate(call.Arg(0), call.Row);
            if (items is null)
            {
                l.Tainted = true;
                return PyNone.Instance;
            }

            call.Interpreter.Budget.CheckSize(l.Items.Count + (long)items.Count);
            call.Interpreter.Budget.Allocate(8L * items.Count);
            l.Items.AddRange(items);
            return PyNone.Instance;
        },
        "insert" => call =>
        {
            var l = (PyList)call.Self!;
            if (!PyOps.TryInteger(Known(call.Arg(0)), out BigInteger i))
            {
                throw PyExceptions.Raise(PyExceptions.TypeError, "an integer is required");
            }

            if (i < 0)
            {
                i += l.Items.Count;
            }

            call.Interpreter.Budget.CheckSize(l.Items.Count + 1L);
            call.Interpreter.Budget.Allocate(8);
            call.Interpreter.Budget.Work(l.Items.Count >> 6);
            l.Items.Insert((int)BigInteger.Clamp(i, 0, l.Items.Count), call.Arg(1));
            return PyNone.Instance;
        },
        "pop" => call =>
        {
            var l = (PyList)call.Self!;
            if (l.Tainted)
            {
                throw new UnknownValueException();
            }

            if (l.Items.Count == 0)
            {
                throw PyExceptions.Raise(PyExceptions.IndexError, "pop from empty list");
            }

            int at = call.Args.Length == 0 ? l.Items.Count - 1 : XmInterpreter.Index(Known(call.Arg(0)), l.Items.Count, "pop");
            PyObj v = l.Items[at];
            l.Items.RemoveAt(at);
            return v;
        },
        "remove" => call =>
        {
            var l = (PyList)call.Self!;
            PyObj x = Known(call.Arg(0));
            int at = IndexOf(l.Items, x, call.Interpreter.Budget);
            if (at < 0)
            {
                if (l.Tainted)
                {
                    throw new UnknownValueException();
                }

                throw PyExceptions.Raise(PyExceptions.ValueError, "list.remove(x): x not in list");
            }

            l.Items.RemoveAt(at);
            return PyNone.Instance;
        },
        "index" => SeqIndex,
        "count" => SeqCount,
        "reverse" => call =>
        {
            ((PyList)call.Self!).Items.Reverse();
            return PyNone.Instance;
        },
        "sort" => ListSort,
        _ => null,
    };

    private static PyObj ListSort(CallInfo call)
    {
        var l = (PyList)call.Self!;
        if (call.Keyword("cmp") is not null and not PyNone || call.Args.Length > 0)
        {
            throw call.Interpreter.NotSupported(call.Row, "sort with a cmp function");
        }

        PyObj? key = call.Keyword("key");
        bool reverse = call.Keyword("reverse") is { } r && (PyOps.Truth(r) ?? throw new UnknownValueException());
        XmBudget budget = call.Interpreter.Budget;
        budget.ChargeList(2L * l.Items.Count);
        var keyed = l.Items.Select(i => (Key: Known(key is null or PyNone ? i : call.Interpreter.Call(key, [i], null, call.Row)), Item: i)).ToArray();
        if (reverse)
        {
            // Python's reverse sort keeps equal keys in their order: reverse, sort, reverse.
            Array.Reverse(keyed);
        }

        StableSort(keyed, (a, b) => PyOps.Compare(a.Key, b.Key, budget), budget);
        if (reverse)
        {
            Array.Reverse(keyed);
        }

        l.Items.Clear();
        l.Items.AddRange(keyed.Select(p => p.Item));
        return PyNone.Instance;
    }

    /// <summary>
    /// A stable bottom-up merge sort. Unlike <see cref="Array.Sort{T}(T[], Comparison{T})"/>, it lets the comparison's
    /// exceptions (a Python exception, an unknown value, a budget) through as they are, and reports each comparison to the budget.
    /// </summary>
    private static void StableSort<T>(T[] items, Comparison<T> compare, XmBudget budget)
    {
        int n = items.Length;
        var buffer = new T[n];
        T[] from = items, to = buffer;
        for (int width = 1; width < n; width *= 2)
        {
            for (int lo = 0; lo < n; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, n), hi = Math.Min(lo + (2 * width), n);
                int a = lo, b = mid, k = lo;
                while (a < mid && b < hi)
                {
                    budget.Work();
                    to[k++] = compare(from[b], from[a]) < 0 ? from[b++] : from[a++];
                }

                while (a < mid)
                {
                    to[k++] = from[a++];
                }

                while (b < hi)
                {
                    to[k++] = from[b++];
                }
            }

            (from, to) = (to, from);
        }

        if (!ReferenceEquals(from, items))
        {
            Array.Copy(from, items, n);
        }
    }
}
