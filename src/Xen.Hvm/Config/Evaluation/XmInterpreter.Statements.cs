using System.Runtime.CompilerServices;
using System.Text;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Evaluation;

// Statements: assignments, imports, print, raise, def, and the compound statements.
internal sealed partial class XmInterpreter
{
    /// <summary>Ends the block with a Python exception that came back as a value (<see cref="EvalOrRaised"/>).</summary>
    private Flow Raise(PyRaised raised)
    {
        _raised = raised.Raise;
        return Flow.Raise;
    }

    /// <summary>The exception a <see cref="Flow.Raise"/> carries, taken off the interpreter.</summary>
    private PyRaise TakeRaised()
    {
        PyRaise raise = _raised ?? throw new InvalidOperationException("Flow.Raise without an exception.");
        _raised = null;
        return raise;
    }

    private Flow ExecStatements(int parentRow, Frame f)
    {
        foreach (int row in _data.Children(parentRow))
        {
            Flow flow = ExecStatement(row, f);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow ExecStatement(int row, Frame f)
    {
        Step(row);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new EvaluationLimitException(XmLimit.Nesting, "the statements or calls nest too deeply");
        }

        try
        {
            return ExecStatementCore(row, f);
        }
        catch (UnknownValueException)
        {
            // Something the statement needed is unknown (reported where it arose): so is everything it assigns.
            var (assigned, receivers, _) = XmBindings.AssignedNames(_data, row, _data.End(row));
            foreach (string name in assigned)
            {
                Store(name, PyUnknown.Instance, f, row);
            }

            Taint(receivers, f);
            return Flow.Normal;
        }
    }

    private Flow ExecStatementCore(int row, Frame f)
    {
        switch (_data.Kind(row))
        {
            case SyntaxKind.EmptyStatement:
                return Flow.Normal;
            case SyntaxKind.SkippedStatement:
                if (CertainRaise(row, f) is { } raises)
                {
                    throw raises;
                }

                NotEvaluated(row, f);
                return Flow.Normal;
            case SyntaxKind.Setting:
            {
                string name = TokenText(_data.NameToken(row));
                PyObj value = EvalOrRaised(_data.SettingValue(row), f);
                if (value is PyRaised raised)
                {
                    return Raise(raised);
                }

                if (_data.SettingIsAppend(row))
                {
                    value = InPlace("+", Lookup(name, f), value);
                }

                Store(name, value, f, row);
                return Flow.Normal;
            }

            case SyntaxKind.AssignmentStatement:
                return ExecAssignment(row, f);
            case SyntaxKind.ExpressionStatement:
                return EvalOrRaised(_data.Operand(row), f) is PyRaised raisedByExpression ? Raise(raisedByExpression) : Flow.Normal;
            case SyntaxKind.ImportStatement:
                ExecImport(row, f);
                return Flow.Normal;
            case SyntaxKind.FromImportStatement:
                ExecFromImport(row, f);
                return Flow.Normal;
            case SyntaxKind.KeywordStatement:
                return TokenText(_data.LeafToken(row)) switch
                {
                    "break" => Flow.Break,
                    "continue" => Flow.Continue,
                    _ => Flow.Normal,
                };
            case SyntaxKind.PrintStatement:
                ExecPrint(row, f);
                return Flow.Normal;
            case SyntaxKind.ReturnStatement:
            {
                PyObj returnValue = _data.ReturnValue(row) is int returned and >= 0 ? EvalOrRaised(returned, f) : PyNone.Instance;
                if (returnValue is PyRaised raisedByReturn)
                {
                    return Raise(raisedByReturn);
                }

                f.ReturnValue = returnValue;
                return Flow.Return;
            }

            case SyntaxKind.RaiseStatement:
                _raised = MakeRaise(row, f);
                return Flow.Raise;
            case SyntaxKind.GlobalStatement:
                f.GlobalNames.UnionWith(_data.GlobalNames(row));
                return Flow.Normal;
            case SyntaxKind.DelStatement:
                DeleteTarget(_data.Operand(row), f);
                return Flow.Normal;
            case SyntaxKind.AssertStatement:
            {
                if (!_data.HasChildren(row))
                {
                    return Flow.Normal; // not Python (the parser reports it): nothing to check
                }

                int condition = _data.Condition(row);
                bool? ok = PyOps.Truth(Eval(condition, f));
                if (ok is null)
                {
                    Report(condition, DiagnosticDescriptors.XmUnknownBranch, "assert", "(xm may stop here)");
                }
                else if (!ok.Value)
                {
                    PyObj[] args = _data.AssertMessage(row) is int message and >= 0 ? [Eval(message, f)] : [];
                    throw new PyRaise(new PyExceptionInstance(PyExceptions.AssertionError, args), row);
                }

                return Flow.Normal;
            }

            case SyntaxKind.IfStatement:
                return ExecIf(row, f);
            case SyntaxKind.WhileStatement:
                return ExecWhile(row, f);
            case SyntaxKind.ForStatement:
                return ExecFor(row, f);
            case SyntaxKind.FunctionDefinition:
                ExecDef(row, f);
                return Flow.Normal;
            default:
                return Flow.Normal;
        }
    }

    private Flow ExecAssignment(int row, Frame f)
    {
        int valueRow = _data.AssignmentValue(row);
        int op = _data.AssignmentOperatorToken(row);
        if (_data.TokenKind(op) == SyntaxKind.EqualsToken)
        {
            PyObj value = EvalOrRaised(valueRow, f);
            if (value is PyRaised raised)
            {
                return Raise(raised);
            }

            foreach (int each in _data.AssignmentTargets(row))
            {
                Assign(each, value, f);
            }

            return Flow.Normal;
        }

        // Augmented assignment: x -= 1, a[0] += 'b', a.b *= 2
        string symbol = TokenText(op)[..^1];
        int target = _data.AssignmentFirstTarget(row);
        switch (_data.Kind(target))
        {
            case SyntaxKind.NameExpression:
            {
                string name = TokenText(_data.LeafToken(target));
                PyObj current = Lookup(name, f);
                Store(name, InPlace(symbol, current, Eval(valueRow, f)), f, row);
                return Flow.Normal;
            }

            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(target), f);
                int index = _data.SubscriptIndex(target);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    // a[i:j] += x: the slice is read once, extended or combined, and stored back over the same bounds.
                    SliceParts slice = ReadSlice(index, f);
                    PyObj part = GetSlice(container, slice);
                    SetSlice(container, slice, InPlace(symbol, part, Eval(valueRow, f)), target);
                    return Flow.Normal;
                }

                PyObj key = Eval(index, f);
                PyObj current = GetItem(container, key, target);
                SetItem(container, key, InPlace(symbol, current, Eval(valueRow, f)), target);
                return Flow.Normal;
            }

            default:
                Report(target, DiagnosticDescriptors.XmUnsupportedOperation, "assignment to an attribute");
                return Flow.Normal;
        }
    }

    /// <summary><c>a op= b</c>: lists extend in place; everything else is the binary operator.</summary>
    private PyObj InPlace(string op, PyObj current, PyObj value)
    {
        if (op == "+" && current is PyList list)
        {
            if (value is PyUnknown)
            {
                list.Tainted = true;
                return list;
            }

            List<PyObj> items = Iterate(value, _currentRow) ?? throw new UnknownValueException();
            _budget.ChargeList(list.Items.Count + (long)items.Count);
            list.Items.AddRange(items);
            return list;
        }

        return PyOps.Binary(op, current, value, this);
    }

    private void Assign(int target, PyObj value, Frame f)
    {
        switch (_data.Kind(target))
        {
            case SyntaxKind.NameExpression:
                Store(TokenText(_data.LeafToken(target)), value, f, target);
                return;
            case SyntaxKind.ParenthesizedExpression:
                Assign(_data.Operand(target), value, f);
                return;
            case SyntaxKind.TupleExpression or SyntaxKind.List:
            {
                var targets = new List<int>();
                foreach (int each in _data.Children(target))
                {
                    targets.Add(each);
                }

                List<PyObj>? items = Iterate(value, target);
                if (items is null)
                {
                    foreach (int each in targets)
                    {
                        Assign(each, PyUnknown.Instance, f);
                    }

                    return;
                }

                if (items.Count != targets.Count)
                {
                    throw PyExceptions.Raise(PyExceptions.ValueError, items.Count > targets.Count
                        ? "too many values to unpack"
                        : $"need more than {items.Count} value{(items.Count == 1 ? string.Empty : "s")} to unpack");
                }

                for (int i = 0; i < targets.Count; i++)
                {
                    Assign(targets[i], items[i], f);
                }

                return;
            }

            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(target), f);
                int index = _data.SubscriptIndex(target);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    SetSlice(container, ReadSlice(index, f), value, target);
                    return;
                }

                SetItem(container, Eval(index, f), value, target);
                return;
            }

            default:
                Report(target, DiagnosticDescriptors.XmUnsupportedOperation, "assignment to an attribute");
                return;
        }
    }

    private void DeleteTarget(int target, Frame f)
    {
        switch (_data.Kind(target))
        {
            case SyntaxKind.NameExpression:
                Delete(TokenText(_data.LeafToken(target)), f);
                return;
            case SyntaxKind.TupleExpression or SyntaxKind.List or SyntaxKind.ParenthesizedExpression:
                foreach (int each in _data.Children(target))
                {
                    DeleteTarget(each, f);
                }

                return;
            case SyntaxKind.SubscriptExpression:
            {
                PyObj container = Eval(_data.Target(target), f);
                int index = _data.SubscriptIndex(target);
                if (_data.Kind(index) == SyntaxKind.Slice)
                {
                    DeleteSlice(container, ReadSlice(index, f));
                    return;
                }

                PyObj key = Eval(index, f);
                switch (container)
                {
                    case PyUnknown:
                        return;
                    case PyList list:
                        list.Items.RemoveAt(Index(key, list.Items.Count, "list"));
                        return;
                    case PyDict dict:
                        if (!dict.Remove(key))
                        {
                            throw new PyRaise(new PyExceptionInstance(PyExceptions.KeyError, [key]), target);
                        }

                        return;
                    default:
                        throw PyExceptions.Raise(PyExceptions.TypeError, $"'{container.TypeName}' object doesn't support item deletion");
                }
            }

            default:
                Report(target, DiagnosticDescriptors.XmUnsupportedOperation, "deleting an attribute");
                return;
        }
    }

    private void ExecImport(int row, Frame f)
    {
        var node = (ImportStatementSyntax)_tree.GetNode(row, null);
        foreach (var (module, alias) in node.Modules)
        {
            if (alias is not null)
            {
                Store(alias, ImportModule(module, row), f, row);
            }
            else
            {
                string head = module.Split('.')[0];
                ImportModule(module, row);
                Store(head, ImportModule(head, row), f, row);
            }
        }
    }

    private void ExecFromImport(int row, Frame f)
    {
        var node = (FromImportStatementSyntax)_tree.GetNode(row, null);
        PyObj module = ImportModule(node.Module, row);
        if (node.ImportsAll)
        {
            if (module is PyModule { Opaque: true })
            {
                _opaqueStarImport = true;
                Report(row, DiagnosticDescriptors.XmUnsupportedOperation, $"from {node.Module} import *");
                return;
            }

            foreach (var (name, value) in ((PyModule)module).Attributes)
            {
                if (!name.StartsWith('_'))
                {
                    Store(name, value, f, row);
                }
            }

            return;
        }

        foreach (var (name, alias) in node.Names)
        {
            PyObj value;
            try
            {
                value = GetAttribute(module, name, row);
            }
            catch (UnknownValueException)
            {
                value = PyUnknown.Instance;
            }
            catch (PyRaise)
            {
                throw PyExceptions.Raise(PyExceptions.ImportError, "cannot import name " + name);
            }

            Store(alias ?? name, value, f, row);
        }
    }

    private PyObj ImportModule(string dotted, int row) => PyBuiltins.Import(dotted, this, row);

    private void ExecPrint(int row, Frame f)
    {
        var node = (PrintStatementSyntax)_tree.GetNode(row, null);
        bool redirect = _data.PrintHasRedirect(row);
        var sb = new StringBuilder();
        bool file = redirect;
        bool first = true;
        foreach (int part in _data.Children(row))
        {
            if (file)
            {
                file = false;
                Eval(part, f);
                Report(row, DiagnosticDescriptors.XmRefusedOperation, "print >>", "write to a file");
                continue;
            }

            PyObj value = Eval(part, f);
            if (_softSpace || !first)
            {
                sb.Append(' ');
            }

            first = false;
            _softSpace = false;
            if (value is PyUnknown)
            {
                sb.Append("<unknown>");
            }
            else
            {
                PyDeep.Write(sb, value, str: true, _budget);
            }
        }

        bool trailing = node.HasTrailingComma;
        if (!trailing)
        {
            sb.Append('\n');
        }

        _softSpace = trailing;
        if (!redirect)
        {
            _budget.CheckSize(_output.Length + (long)sb.Length);
            _output.Append(sb);
        }
    }

    private PyRaise MakeRaise(int row, Frame f)
    {
        int exception = _data.ChildAt(row, 0);
        if (exception < 0)
        {
            return new PyRaise(new PyExceptionInstance(PyExceptions.TypeError, [new PyStr("exceptions must be old-style classes or derived from BaseException, not NoneType")]), row);
        }

        PyObj what = Eval(exception, f);
        PyObj? second = _data.ChildAt(row, 1) is int argument and >= 0 ? Eval(argument, f) : null;
        PyObj[] args = second switch
        {
            null => [],
            PyTuple t => t.Items,
            _ => [second],
        };
        return what switch
        {
            PyClass { IsException: true } cls => new PyRaise(new PyExceptionInstance(cls, args), row),
            PyExceptionInstance e => new PyRaise(e, row),
            PyUnknown => new PyRaise(new PyExceptionInstance(new PyClass("unknown", PyExceptions.Exception, true), args), row),
            _ => new PyRaise(new PyExceptionInstance(PyExceptions.TypeError, [new PyStr($"exceptions must be old-style classes or derived from BaseException, not {what.TypeName}")]), row),
        };
    }

    private void ExecDef(int row, Frame f)
    {
        var defaults = new List<PyObj>();
        var parameters = new List<string>();
        foreach (int child in _data.Children(row))
        {
            if (_data.Kind(child) != SyntaxKind.Parameter)
            {
                continue;
            }

            parameters.Add(TokenText(_data.NameToken(child)));
            if (_data.ParameterDefault(child) is int value and >= 0)
            {
                defaults.Add(Eval(value, f));
            }
            else if (defaults.Count > 0)
            {
                throw PyExceptions.Raise(PyExceptions.TypeError, "non-default argument follows default argument");
            }
        }

        string name = TokenText(_data.FunctionNameToken(row));
        Store(name, new PyFunction(name, row, [.. defaults], [.. parameters]), f, row);
    }

    private Flow ExecIf(int row, Frame f)
    {
        int end = _data.End(row);
        bool? truth = PyOps.Truth(Eval(_data.Condition(row), f));
        if (truth is null)
        {
            return Widen(_data.Condition(row), _data.Body(row), end, "if", f);
        }

        if (truth.Value)
        {
            return ExecStatements(_data.Body(row), f);
        }

        foreach (int clause in _data.IfClauses(row))
        {
            if (_data.Kind(clause) == SyntaxKind.ElseClause)
            {
                return ExecStatements(_data.Body(clause), f);
            }

            int condition = _data.Condition(clause);
            truth = PyOps.Truth(Eval(condition, f));
            if (truth is null)
            {
                return Widen(condition, clause, end, "if", f);
            }

            if (truth.Value)
            {
                return ExecStatements(_data.Body(clause), f);
            }
        }

        return Flow.Normal;
    }

    private Flow ExecWhile(int row, Frame f)
    {
        int condition = _data.Condition(row);
        int body = _data.Body(row);
        int end = _data.End(row);
        while (true)
        {
            bool? truth = PyOps.Truth(Eval(condition, f));
            if (truth is null)
            {
                return Widen(condition, body, end, "while loop", f);
            }

            if (!truth.Value)
            {
                return _data.ElseClause(row) is int otherwise and >= 0 ? ExecStatements(_data.Body(otherwise), f) : Flow.Normal;
            }

            Flow flow = ExecStatements(body, f);
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }

            if (flow is Flow.Return or Flow.Raise)
            {
                return flow;
            }
        }
    }

    private Flow ExecFor(int row, Frame f)
    {
        int target = _data.ForTarget(row);
        int iterableRow = _data.ForIterable(row);
        int body = _data.Body(row);
        int end = _data.End(row);
        PyObj iterable = Eval(iterableRow, f);
        List<PyObj>? items = Iterate(iterable, iterableRow);
        if (items is null)
        {
            Assign(target, PyUnknown.Instance, f);
            return Widen(iterableRow, body, end, "for loop", f);
        }

        foreach (PyObj item in items)
        {
            Assign(target, item, f);
            Flow flow = ExecStatements(body, f);
            if (flow == Flow.Break)
            {
                return Flow.Normal;
            }

            if (flow is Flow.Return or Flow.Raise)
            {
                return flow;
            }
        }

        return _data.ElseClause(row) is int otherwise and >= 0 ? ExecStatements(_data.Body(otherwise), f) : Flow.Normal;
    }

    /// <summary>
    /// The exception a statement kept as text raises whenever it runs (XH4050, <c>maxmem = {{ MEMORY }}</c>), or null
    /// when it may run. Python computes the value before the unhashable part, and the items of that part before it
    /// hashes them: a name read there that is not defined raises <c>NameError</c> first. Each statement is read again
    /// once, however often a loop reaches it.
    /// </summary>
    private RaisesWhenRunException? CertainRaise(int row, Frame f)
    {
        if (!_certainRaises.TryGetValue(row, out (int First, int Last) part))
        {
            part = PyParser.FindCertainRaise(_data, row, inFunction: f.LocalNames is not null);
            _certainRaises[row] = part;
        }

        if (part.First < 0)
        {
            return null;
        }

        // The value starts after the last '=' outside brackets (the targets are bound after it is computed).
        int start = _data.FirstToken(row);
        int depth = 0;
        for (int t = start; t < part.First; t++)
        {
            depth += _data.TokenKind(t) switch
            {
                SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken => 1,
                SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken => -1,
                _ => 0,
            };
            if (depth == 0 && _data.TokenKind(t) == SyntaxKind.EqualsToken)
            {
                start = t + 1;
            }
        }

        for (int t = start; t <= part.Last; t++)
        {
            SyntaxKind kind = _data.TokenKind(t);
            if (kind == SyntaxKind.KeywordToken && (PyKeyword)_data.TokenFlags(t) is PyKeyword.Lambda or PyKeyword.For)
            {
                break; // what follows binds names or may not run
            }

            bool read = kind == SyntaxKind.IdentifierToken
                && (t == 0 || _data.TokenKind(t - 1) != SyntaxKind.DotToken)
                && _data.TokenKind(t + 1) != SyntaxKind.EqualsToken;
            string name = read ? TokenText(t) : "";
            switch (read ? Find(name, f, out _) : NameLookup.Found)
            {
                case NameLookup.UnboundLocal:
                    return new RaisesWhenRunException(row, "UnboundLocalError", name);
                case NameLookup.Undefined:
                    return new RaisesWhenRunException(row, "NameError", name);
            }
        }

        return new RaisesWhenRunException(row, "TypeError", null);
    }
}
