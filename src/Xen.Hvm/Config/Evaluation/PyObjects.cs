using System.Numerics;
using System.Text.RegularExpressions;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>A Python 2 value inside the evaluator. Nothing here can reach the host.</summary>
internal abstract class PyObj
{
    public abstract string TypeName { get; }
}

internal sealed class PyStr(string value, bool unicode = false) : PyObj
{
    public static readonly PyStr Empty = new(string.Empty);

    public string Value { get; } = value;

    public bool IsUnicode { get; } = unicode;

    public override string TypeName => IsUnicode ? "unicode" : "str";
}

internal sealed class PyInt(BigInteger value, bool isLong = false) : PyObj
{
    public BigInteger Value { get; } = value;

    /// <summary>Python 2's <c>long</c>: a literal with <c>L</c>, or a result beyond a C long.</summary>
    public bool IsLong { get; } = isLong || value > long.MaxValue || value < long.MinValue;

    public override string TypeName => IsLong ? "long" : "int";
}

internal sealed class PyBool : PyObj
{
    public static readonly PyBool True = new(true);
    public static readonly PyBool False = new(false);

    private PyBool(bool value) => Value = value;

    public bool Value { get; }

    public override string TypeName => "bool";

    public static PyBool Of(bool value) => value ? True : False;
}

internal sealed class PyFloat(double value) : PyObj
{
    public double Value { get; } = value;

    public override string TypeName => "float";
}

internal sealed class PyNone : PyObj
{
    public static readonly PyNone Instance = new();

    public override string TypeName => "NoneType";
}

/// <summary>A value the evaluator cannot know (it was reported where it arose).</summary>
internal sealed class PyUnknown : PyObj
{
    public static readonly PyUnknown Instance = new();

    public override string TypeName => "unknown";
}

internal sealed class PyList(List<PyObj> items) : PyObj
{
    public List<PyObj> Items { get; } = items;

    /// <summary>The list was handed to code the evaluator could not follow, so its content may have changed.</summary>
    public bool Tainted { get; set; }

    public override string TypeName => "list";
}

internal sealed class PyTuple(PyObj[] items) : PyObj
{
    /// <summary>The empty tuple, shared by every evaluation: its hash is computed here, so no evaluation writes to it.</summary>
    public static readonly PyTuple Empty = Hashed(new([]));

    public PyObj[] Items { get; } = items;

    public override string TypeName => "tuple";

    /// <summary>Gets a value indicating whether <see cref="Hash"/> is known (a tuple never changes, so it is computed once).</summary>
    public bool HasHash { get; private set; }

    public int Hash { get; private set; }

    public void SetHash(int hash)
    {
        Hash = hash;
        HasHash = true;
    }

    private static PyTuple Hashed(PyTuple t)
    {
        _ = PyDeep.Hash(t, null);
        return t;
    }
}

/// <summary>A dictionary that keeps its keys in insertion order; removing a key costs O(1) (its slot is compacted later).</summary>
internal sealed class PyDict(XmBudget budget) : PyObj
{
    private readonly Dictionary<PyObj, int> _index = new(new PyKeyComparer(budget));
    private readonly List<(PyObj Key, PyObj Value)?> _entries = [];

    public int Count => _index.Count;

    public bool Tainted { get; set; }

    public override string TypeName => "dict";

    public IEnumerable<PyObj> Keys => Entries.Select(e => e.Key);

    public IEnumerable<(PyObj Key, PyObj Value)> Entries
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (entry is { } e)
                {
                    yield return e;
                }
            }
        }
    }

    public bool TryGet(PyObj key, out PyObj value)
    {
        if (_index.TryGetValue(key, out int at))
        {
            value = _entries[at]!.Value.Value;
            return true;
        }

        value = PyNone.Instance;
        return false;
    }

    public void Set(PyObj key, PyObj value)
    {
        if (_index.TryGetValue(key, out int at))
        {
            _entries[at] = (_entries[at]!.Value.Key, value);
            return;
        }

        _index.Add(key, _entries.Count);
        _entries.Add((key, value));
    }

    public bool Remove(PyObj key)
    {
        if (!_index.Remove(key, out int at))
        {
            return false;
        }

        _entries[at] = null;
        if (_entries.Count > 16 && _index.Count < _entries.Count / 2)
        {
            Compact();
        }

        return true;
    }

    private void Compact()
    {
        var live = Entries.ToList();
        _entries.Clear();
        _index.Clear();
        foreach (var (k, v) in live)
        {
            _index.Add(k, _entries.Count);
            _entries.Add((k, v));
        }
    }
}

/// <summary>A function written in the config (<c>def</c>).</summary>
internal sealed class PyFunction(string name, int row, PyObj[] defaults, string[] parameters) : PyObj
{
    public string Name { get; } = name;

    public int Row { get; } = row;

    public PyObj[] Defaults { get; } = defaults;

    public string[] Parameters { get; } = parameters;

    /// <summary>Gets the parameter names as a set, so matching keyword arguments stays linear.</summary>
    public HashSet<string> ParameterSet { get; } = new(parameters, StringComparer.Ordinal);

    public HashSet<string>? LocalNames { get; set; }

    public HashSet<string>? GlobalNames { get; set; }

    public override string TypeName => "function";
}

internal delegate PyObj BuiltinImpl(CallInfo call);

/// <summary>A function of the evaluator standing for a Python builtin, module function or method.</summary>
internal sealed class PyBuiltin(string name, BuiltinImpl impl) : PyObj
{
    public string Name { get; } = name;

    public BuiltinImpl Impl { get; } = impl;

    public override string TypeName => "builtin_function_or_method";
}

/// <summary>A module. An opaque module is one the evaluator does not model: using it gives unknown values.</summary>
/// <remarks>Scripts cannot assign a module's attributes; the evaluator sets a module's own ones (<c>os.environ</c>) as
/// it makes the module, over attributes shared with every evaluation (a template that is never written).</remarks>
internal sealed class PyModule(string name, bool opaque, string? refusal = null) : PyObj
{
    private readonly Dictionary<string, PyObj>? _template;
    private Dictionary<string, PyObj>? _own;

    /// <summary>Creates a module whose attributes start as <paramref name="template"/>'s (shared values, which are
    /// immutable: builtins, strings, numbers); the template is read, never copied or written.</summary>
    public PyModule(string name, Dictionary<string, PyObj> template)
        : this(name, false)
    {
        _template = template;
    }

    public string Name { get; } = name;

    /// <summary>Every attribute: the template's in its order (with this module's value where it sets one), then the
    /// module's other own attributes in the order they were set.</summary>
    public IEnumerable<KeyValuePair<string, PyObj>> Attributes
    {
        get
        {
            if (_template is not null)
            {
                foreach (var (key, value) in _template)
                {
                    yield return new(key, _own is not null && _own.TryGetValue(key, out PyObj? own) ? own : value);
                }
            }

            if (_own is not null)
            {
                foreach (var pair in _own)
                {
                    if (_template is null || !_template.ContainsKey(pair.Key))
                    {
                        yield return pair;
                    }
                }
            }
        }
    }

    public bool TryGetAttribute(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PyObj? value)
    {
        if (_own is not null && _own.TryGetValue(key, out value))
        {
            return true;
        }

        if (_template is not null && _template.TryGetValue(key, out value))
        {
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Sets one of the module's own attributes (as the evaluator makes the module).</summary>
    public void SetAttribute(string key, PyObj value) => (_own ??= new(StringComparer.Ordinal))[key] = value;

    public bool Opaque { get; } = opaque;

    /// <summary>What using this module would do (run a process, use the network...), when it is refused.</summary>
    public string? Refusal { get; } = refusal;

    public override string TypeName => "module";
}

/// <summary>Something a statement the evaluator did not run bound (a class, an imported module): never a kept value.</summary>
internal sealed class PyOpaque(string name) : PyObj
{
    public string Name { get; } = name;

    public override string TypeName => "object";
}

/// <summary>A module attribute that is refused as soon as it is read (<c>sys.modules</c>, <c>sys.argv</c>).</summary>
internal sealed class PyRefusedAttribute(string what, string would) : PyObj
{
    public string What { get; } = what;

    public string Would { get; } = would;

    public override string TypeName => "object";
}

/// <summary>A type or exception class: <c>int</c>, <c>str</c>, <c>ValueError</c>.</summary>
internal sealed class PyClass(string name, PyClass? baseClass, bool isException) : PyObj
{
    public string Name { get; } = name;

    public PyClass? Base { get; } = baseClass;

    public bool IsException { get; } = isException;

    public override string TypeName => "type";

    public bool IsSubclassOf(PyClass other)
    {
        for (PyClass? c = this; c is not null; c = c.Base)
        {
            if (ReferenceEquals(c, other))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class PyExceptionInstance(PyClass cls, PyObj[] args) : PyObj
{
    public PyClass Class { get; } = cls;

    public PyObj[] Args { get; } = args;

    public override string TypeName => Class.Name;
}

internal sealed class PyMatch(Match match) : PyObj
{
    public Match Match { get; } = match;

    public override string TypeName => "_sre.SRE_Match";
}

/// <summary>A compiled pattern: the .NET pattern and options it is matched with (compiled again for each call's time budget).</summary>
internal sealed class PyPattern(string translated, RegexOptions options, string source) : PyObj
{
    public string Translated { get; } = translated;

    public RegexOptions Options { get; } = options;

    public string Source { get; } = source;

    public override string TypeName => "_sre.SRE_Pattern";
}

/// <summary>An object with methods bound to it (a method value: <c>disk.append</c>).</summary>
internal sealed class PyBoundMethod(PyObj self, string name, BuiltinImpl impl) : PyObj
{
    public PyObj Self { get; } = self;

    public string Name { get; } = name;

    public BuiltinImpl Impl { get; } = impl;

    public override string TypeName => "builtin_function_or_method";
}

/// <summary>xm's <c>xm_vars</c> (<c>xen.xm.help.Vars</c>): declared script variables and their checks.</summary>
internal sealed class PyXmVars : PyObj
{
    public List<(string Name, PyObj? Check)> Vars { get; } = [];

    public override string TypeName => "instance";
}

/// <summary>What a call receives: positional and keyword arguments, and where it is.</summary>
internal sealed class CallInfo(XmInterpreter interpreter, PyObj[] args, List<KeyValuePair<string, PyObj>>? keywords, int row, PyObj? self)
{
    public XmInterpreter Interpreter { get; } = interpreter;

    public PyObj[] Args { get; } = args;

    public List<KeyValuePair<string, PyObj>>? Keywords { get; } = keywords;

    /// <summary>The row of the call expression (for diagnostics).</summary>
    public int Row { get; } = row;

    public PyObj? Self { get; } = self;

    public PyObj Arg(int i) => i < Args.Length ? Args[i] : PyNone.Instance;

    public PyObj? Keyword(string name)
    {
        if (Keywords is null)
        {
            return null;
        }

        foreach (var (k, v) in Keywords)
        {
            if (k == name)
            {
                return v;
            }
        }

        return null;
    }
}

/// <summary>
/// Python's equality and hashing for dictionary keys (1 == 1.0 == True), without recursion, charged to the
/// evaluation's budget, and with hashes a config cannot steer into collisions (see <see cref="PyDeep.Hash"/>).
/// </summary>
internal sealed class PyKeyComparer(XmBudget budget) : IEqualityComparer<PyObj>
{
    public bool Equals(PyObj? x, PyObj? y) => x is not null && y is not null && PyDeep.Equal(x, y, budget) == true;

    public int GetHashCode(PyObj obj) => PyDeep.Hash(obj, budget);
}

/// <summary>A Python exception raised by the config; it ends the evaluation.</summary>
/// <summary>
/// A Python exception on its way up as a value instead of a .NET exception (a .NET throw costs 5-10 µs here, and
/// more with every frame it passes): a builtin returns it, a call to a function whose body raised returns it, and
/// the statement that evaluated it ends its block with <c>Flow.Raise</c>. Only the interpreter's call and statement
/// paths hand it on; <c>Eval</c> and <c>Call</c> throw it, so no other code ever sees one as a value.
/// </summary>
internal sealed class PyRaised(PyRaise raise) : PyObj
{
    public PyRaise Raise { get; } = raise;

    public override string TypeName => Raise.Exception.Class.Name;
}

internal sealed class PyRaise(PyExceptionInstance exception, int row) : Exception(exception.Class.Name)
{
    public PyExceptionInstance Exception { get; private set; } = exception;

    public int Row { get; set; } = row;

    /// <summary>Makes this exception, in flight, the one a handler on its way raises instead (<c>raise X, msg</c> in an
    /// <c>except</c> clause): called from an exception filter, so that it goes on in one dispatch.</summary>
    public void Replace(PyExceptionInstance exception, int row)
    {
        Exception = exception;
        Row = row;
    }
}
