using System.Text;
using CommunityToolkit.HighPerformance.Buffers;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// The values a file says, without running anything: <see cref="ConfigDocument.Values"/> in both dialects.
/// </summary>
/// <remarks>
/// <para>xl: "last one wins", and <c>+=</c> appends to the value before it, as libxlu reads a file.</para>
/// <para>xm: the same reading of the top-level <c>name = value</c> statements, where a value is what is written as a
/// constant (<see cref="LiteralReader"/>). Everything else is code, so what it may change becomes a
/// <see cref="ConfigUnknown"/> that names the code: a computed value (<c>memory = base * 2</c>), a <c>+=</c> whose
/// result Python would compute differently or not at all, every name an <c>if</c>, a loop, a general assignment or
/// text that was not parsed may assign, every list changed in place (<c>disk.append(...)</c>), and every name set so
/// far when <c>xm_vars</c> is called (its <c>check()</c> sets declared variables). Names bound to a module or a
/// function (<c>import</c>, <c>def</c>) are left out, as xm leaves them out.</para>
/// </remarks>
internal static class LiteralValues
{
    public static ConfigValueCollection Read(ConfigSyntaxTree tree) => tree.Dialect == ConfigDialect.Xm ? ReadXm(tree) : ReadXl(tree);

    /// <summary>
    /// xl's effective values. A chain of appends is gathered in a builder and materialized once, so a million
    /// <c>x += "a"</c> lines cost linear time, not the quadratic time of concatenating the whole value at each line.
    /// </summary>
    private static ConfigValueCollection ReadXl(ConfigSyntaxTree tree)
    {
        var pending = new List<(string Name, ValueAccumulator Value)>();
        var lastRows = new List<int>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        SyntaxData data = tree.Data;
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            if (data.Kind(statement) != SyntaxKind.Setting)
            {
                continue;
            }

            string name = StringPool.Shared.GetOrAdd(data.TokenText(data.NameToken(statement)));
            bool append = data.SettingIsAppend(statement);
            ConfigValue value = LiteralReader.Read(tree, data.SettingValue(statement))!;
            if (index.TryGetValue(name, out int at))
            {
                if (append)
                {
                    _ = pending[at].Value.TryAppend(value); // false: XH2006 was reported; libxlu keeps nothing of it
                }
                else
                {
                    pending[at].Value.Reset(value);
                }

                lastRows[at] = append ? ~statement : statement; // ConfigValueCollection.LastSettingIsAppend
            }
            else
            {
                index[name] = pending.Count;
                pending.Add((name, new ValueAccumulator(value)));
                lastRows.Add(append ? ~statement : statement);
            }
        }

        var items = new List<KeyValuePair<string, ConfigValue>>(pending.Count);
        foreach (var (name, value) in pending)
        {
            items.Add(new(name, value.ToValue()));
        }

        return new ConfigValueCollection(items, index, [.. lastRows]);
    }

    private static ConfigValueCollection ReadXm(ConfigSyntaxTree tree)
    {
        SyntaxData data = tree.Data;
        var values = new OrderedValues();
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            switch (data.Kind(statement))
            {
                case SyntaxKind.EmptyStatement:
                    continue;
                case SyntaxKind.Setting:
                {
                    string name = data.TokenText(data.NameToken(statement)).ToString();
                    int valueNode = data.SettingValue(statement);
                    ConfigValue? value = LiteralReader.Read(tree, valueNode);
                    if (value is not null && data.SettingIsAppend(statement))
                    {
                        value = values.TryGet(name, out ConfigValue? before) ? PythonAdd(before, value) : null;
                    }

                    values.Set(name, value ?? Unknown(tree, data.SettingIsAppend(statement) ? statement : valueNode));
                    continue;
                }

                case SyntaxKind.ImportStatement or SyntaxKind.FromImportStatement or SyntaxKind.FunctionDefinition or SyntaxKind.SkippedStatement:
                {
                    // import/def bind modules and functions, which xm never keeps; other names the text may assign are unknown.
                    var assigned = new SortedSet<string>(StringComparer.Ordinal);
                    var receivers = new HashSet<string>(StringComparer.Ordinal);
                    var bound = new HashSet<string>(StringComparer.Ordinal);
                    if (data.Kind(statement) == SyntaxKind.FunctionDefinition)
                    {
                        bound.Add(data.TokenText(data.FunctionNameToken(statement)).ToString());
                    }
                    else
                    {
                        XmBindings.ScanSkippedTokens(data, statement, assigned, receivers, bound);
                    }

                    foreach (string name in bound)
                    {
                        values.Remove(name);
                    }

                    assigned.ExceptWith(bound);
                    MarkUnknown(tree, values, statement, assigned, receivers);
                    continue;
                }

                default:
                {
                    var (assigned, receivers, _) = XmBindings.AssignedNames(data, statement, data.End(statement));
                    MarkUnknown(tree, values, statement, assigned, receivers);
                    continue;
                }
            }
        }

        return values.ToCollection();
    }

    /// <summary>Makes unknown what a statement of code may assign or change in place.</summary>
    private static void MarkUnknown(ConfigSyntaxTree tree, OrderedValues values, int statement, IEnumerable<string> assigned, IReadOnlySet<string> receivers)
    {
        foreach (string name in assigned)
        {
            values.Set(name, Unknown(tree, statement));
        }

        foreach (string name in receivers.Contains("xm_vars") ? values.Names().ToArray() : receivers.ToArray())
        {
            if (values.TryGet(name, out _))
            {
                values.Set(name, Unknown(tree, statement));
            }
        }
    }

    private static ConfigUnknown Unknown(ConfigSyntaxTree tree, int node)
    {
        (int start, int length) = tree.Data.CoreSpan(node);
        return new ConfigUnknown(tree.Text.Substring(start, length), new TextSpan(start, length));
    }

    /// <summary>Python's <c>a += b</c> on constants: strings join, lists extend, numbers add; anything else Python computes otherwise (or raises).</summary>
    private static ConfigValue? PythonAdd(ConfigValue before, ConfigValue value) => (before, value) switch
    {
        (ConfigString a, ConfigString b) => new ConfigString(a.Value + b.Value),
        (ConfigList a, ConfigList b) => new ConfigList([.. a.Items, .. b.Items], owned: true),
        (ConfigInteger a, ConfigInteger b) when !AddOverflows(a.Value, b.Value) => new ConfigInteger(a.Value + b.Value), // else a long, which xm drops
        (ConfigFloat or ConfigInteger, ConfigFloat or ConfigInteger) and ((ConfigFloat, _) or (_, ConfigFloat)) => new ConfigFloat(AsDouble(before) + AsDouble(value)),
        _ => null,
    };

    private static bool AddOverflows(long a, long b) => b > 0 ? a > long.MaxValue - b : a < long.MinValue - b;

    private static double AsDouble(ConfigValue v) => v is ConfigFloat f ? f.Value : ((ConfigInteger)v).Value;

    /// <summary>Values by name in order of first appearance; a name that is removed and set again goes last.</summary>
    private sealed class OrderedValues
    {
        private readonly List<(string Name, ConfigValue? Value)> _items = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigValue? value)
        {
            value = _index.TryGetValue(name, out int i) ? _items[i].Value : null;
            return value is not null;
        }

        public void Set(string name, ConfigValue value)
        {
            if (_index.TryGetValue(name, out int i))
            {
                _items[i] = (name, value);
                return;
            }

            _index[name] = _items.Count;
            _items.Add((name, value));
        }

        public void Remove(string name)
        {
            if (_index.Remove(name, out int i))
            {
                _items[i] = (name, null);
            }
        }

        public IEnumerable<string> Names() => _index.Keys;

        public ConfigValueCollection ToCollection()
        {
            var items = new List<KeyValuePair<string, ConfigValue>>(_index.Count);
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (name, value) in _items)
            {
                if (value is not null)
                {
                    index[name] = items.Count;
                    items.Add(new(name, value));
                }
            }

            return new ConfigValueCollection(items, index);
        }
    }

    /// <summary>The value of one key while the settings are read: a value, or the parts a <c>+=</c> chain adds to it.</summary>
    private sealed class ValueAccumulator(ConfigValue value)
    {
        private ConfigValue _value = value;
        private StringBuilder? _text;
        private List<ConfigValue>? _items;

        public void Reset(ConfigValue value)
        {
            _value = value;
            _text = null;
            _items = null;
        }

        /// <summary>Appends a string to a string or a list to a list; returns false for a mix, which libxlu rejects.</summary>
        public bool TryAppend(ConfigValue value)
        {
            switch (_value, value)
            {
                case (ConfigString first, ConfigString next):
                    (_text ??= new StringBuilder(first.Value)).Append(next.Value);
                    return true;
                case (ConfigList first, ConfigList next):
                    (_items ??= [.. first.Items]).AddRange(next.Items);
                    return true;
                default:
                    return false;
            }
        }

        public ConfigValue ToValue() =>
            _text is not null ? new ConfigString(_text.ToString())
            : _items is not null ? new ConfigList(_items.ToArray(), owned: true)
            : _value;
    }
}
