using System.Globalization;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Evaluation;

// The unknown-value logic: what becomes unknown when the evaluator cannot know a condition, a value or a statement.
//
// The evaluator never guesses. A value it cannot know (a host question the context does not answer, a refused call,
// a builtin it lacks) is PyUnknown, and the rules below keep every result that depends on one unknown too, so
// ConfigDocument.Evaluate can list exactly the variables it could not compute:
// - Values: an operator with an unknown operand gives PyUnknown (PyOps.Binary/Unary/Compare); PyOps.Truth of an
//   unknown is null. Code that needs a known value (iterating, indexing with it, most builtins) throws
//   UnknownValueException, which Eval turns back into PyUnknown for the expression it was evaluating.
// - Statements: an UnknownValueException that reaches ExecStatement (an assignment target that needs a value, an
//   augmented assignment...) makes every name the statement may assign unknown, and every list or dictionary it may
//   change in place tainted (XmBindings.AssignedNames reads both from the rows, without evaluating).
// - Control flow: a condition or iterable that is unknown means either branch may run, or the loop any number of
//   times: Widen (below) makes unknown everything the branches or the body may assign or change, and a function
//   that may return there returns PyUnknown.
// - Containers: PyList/PyDict.Tainted marks a container whose contents may have been changed by code whose effect is
//   unknown (an unknown key, a call of an unknown function with it as an argument); reading from a tainted container
//   gives PyUnknown, and Collect reports a tainted list as unknown, never as its stale items.
// - Text not parsed (a skipped statement): the names it may bind are unknown (NotEvaluated, XH4106); names it binds
//   to a function, class or module are PyOpaque, which calls and attribute reads turn into PyUnknown, and which xm
//   would not keep anyway. After 'from m import *' of a module the evaluator does not model, an undefined name is
//   PyUnknown rather than a NameError.
internal sealed partial class XmInterpreter
{
    /// <summary>
    /// A condition or iterable is unknown: every name assigned in rows [<paramref name="from"/>, <paramref name="end"/>)
    /// becomes unknown, every list or dictionary changed there is tainted, and a function whose body may return here
    /// returns an unknown value.
    /// </summary>
    private Flow Widen(int conditionRow, int from, int end, string construct, Frame f)
    {
        var (assigned, receivers, returns) = XmBindings.AssignedNames(_data, from, end);
        foreach (string name in assigned)
        {
            Store(name, PyUnknown.Instance, f, from);
        }

        Taint(receivers, f);
        Report(conditionRow, DiagnosticDescriptors.XmUnknownBranch, construct, NameList(assigned));
        if (returns && f.LocalNames is not null)
        {
            f.ReturnValue = PyUnknown.Instance;
            return Flow.Return;
        }

        return Flow.Normal;
    }

    private void Taint(IEnumerable<string> receivers, Frame f)
    {
        foreach (string name in receivers)
        {
            PyObj? value = null;
            try
            {
                value = Lookup(name, f);
            }
            catch (PyRaise)
            {
            }

            switch (value)
            {
                case PyList l:
                    l.Tainted = true;
                    break;
                case PyDict d:
                    d.Tainted = true;
                    break;
            }
        }
    }

    private void NotEvaluated(int row, Frame f)
    {
        var assigned = new SortedSet<string>(StringComparer.Ordinal);
        var receivers = new HashSet<string>(StringComparer.Ordinal);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        XmBindings.ScanSkippedTokens(_data, row, assigned, receivers, bound);
        foreach (string name in assigned)
        {
            Store(name, bound.Contains(name) ? new PyOpaque(name) : PyUnknown.Instance, f, row);
        }

        assigned.ExceptWith(bound);

        Taint(receivers, f);
        Report(row, DiagnosticDescriptors.XmNotEvaluated, NameList(assigned));
    }

    /// <summary>Names for a message, sorted: at most 20 of them, then how many more.</summary>
    private static string NameList(IReadOnlyCollection<string> names)
    {
        const int Shown = 20;
        if (names.Count == 0)
        {
            return "(none)";
        }

        string list = string.Join(", ", names.Order(StringComparer.Ordinal).Take(Shown).Select(n => n.Length > 40 ? n[..37] + "..." : n));
        return names.Count <= Shown ? list : $"{list} and {(names.Count - Shown).ToString(CultureInfo.InvariantCulture)} more";
    }
}
