using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

/// <summary>
/// The value of every key of a document or an evaluation, in order of first appearance (for xl after <c>+=</c> and
/// "last one wins"), with typed getters that read them as xl's getters do.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ConfigValueCollection : IReadOnlyList<KeyValuePair<string, ConfigValue>>
{
    private readonly List<KeyValuePair<string, ConfigValue>> _items;
    private readonly Dictionary<string, int> _index;
    private readonly int[]? _lastSettingRows;
    private object? _bindingTable;

    internal ConfigValueCollection(List<KeyValuePair<string, ConfigValue>> items, Dictionary<string, int> index, int[]? lastSettingRows = null)
    {
        _items = items;
        _index = index;
        _lastSettingRows = lastSettingRows;
    }

    /// <summary>Gets the number of keys.</summary>
    public int Count => _items.Count;

    /// <summary>Gets the keys in order of first appearance.</summary>
    public IEnumerable<string> Keys => _items.Select(static p => p.Key);

    /// <summary>Gets the key and value at a position.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the collection.</exception>
    public KeyValuePair<string, ConfigValue> this[int index] => _items[index];

    /// <summary>The position of a key, when set: for a caller that keeps a table in the same order (binding's sources).</summary>
    internal bool TryGetIndex(string key, out int index) => _index.TryGetValue(key, out index);

    /// <summary>A table that binding derives from these values (the option of every key), made by
    /// <paramref name="make"/> on first use and kept; this area does not know its type.</summary>
    internal T BindingTable<T>(Func<ConfigValueCollection, T> make)
        where T : class =>
        Volatile.Read(ref _bindingTable) as T ?? (T)(Interlocked.CompareExchange(ref _bindingTable, make(this), null) ?? _bindingTable!);

    /// <summary>The syntax row of the last setting of the key at <paramref name="index"/> (the literal values of an xl
    /// document); -1 when not known (an evaluation's values).</summary>
    internal int LastSettingRow(int index) => _lastSettingRows is { } rows ? Math.Max(rows[index], ~rows[index]) : -1;

    /// <summary>Whether the last setting of the key at <paramref name="index"/> is a <c>+=</c> (the literal values of an
    /// xl document; <see langword="false"/> when not known). The table holds such a row as its complement.</summary>
    internal bool LastSettingIsAppend(int index) => _lastSettingRows is { } rows && rows[index] < 0;

    /// <summary>Gets the value of a key.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The document does not set <paramref name="key"/>.</exception>
    public ConfigValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"The key '{key}' is not set.");

    /// <summary>Returns whether the document sets a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key has a value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _index.ContainsKey(key);
    }

    /// <summary>Gets the value of a key, when set.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when set.</param>
    /// <returns><see langword="true"/> when the key has a value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetValue(string key, [NotNullWhen(true)] out ConfigValue? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index.TryGetValue(key, out int i))
        {
            value = _items[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Gets the value of a key as a string: a string as it is, a number as its decimal text (as xl reads every value as text).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The key is not set.</exception>
    /// <exception cref="XenConfigException">The value is a list (XH2021) or computed (XH2022).</exception>
    public string GetString(string key) => TryGetString(key, out string? value) ? value : throw NotReadable(key, "a string");

    /// <summary>Gets the value of a key as a string, as <see cref="GetString"/> does, when it is one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The string, when the key is set to a string or a number.</param>
    /// <returns><see langword="true"/> when the key is set to a string or a number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetString(string key, [NotNullWhen(true)] out string? value)
    {
        value = TryGetValue(key, out ConfigValue? v) ? AtomText(v) : null;
        return value is not null;
    }

    /// <summary>
    /// Gets the value of a key as a 64-bit integer, as xl's <c>xlu_cfg_get_long</c> reads it: the number <c>512</c>,
    /// and the strings <c>"512"</c>, <c>"0x200"</c> (hex) and <c>"01000"</c> (octal) alike.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The key is not set.</exception>
    /// <exception cref="XenConfigException">The value is not an integer (XH2021) or computed (XH2022).</exception>
    public long GetInt64(string key) => TryGetInt64(key, out long value) ? value : throw NotReadable(key, "an integer");

    /// <summary>Gets the value of a key as a 64-bit integer, as <see cref="GetInt64"/> does, when it is one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The integer, when the value is one.</param>
    /// <returns><see langword="true"/> when the key is set to an integer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetInt64(string key, out long value)
    {
        value = 0;
        return TryGetValue(key, out ConfigValue? v) && TryInt64(v, out value);
    }

    /// <summary>Gets the value of a key as a boolean, as xl reads one (<c>xlu_cfg_get_defbool</c>): an integer, true when not 0.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The key is not set.</exception>
    /// <exception cref="XenConfigException">The value is not an integer (XH2021) or computed (XH2022).</exception>
    public bool GetBoolean(string key) => TryGetBoolean(key, out bool value) ? value : throw NotReadable(key, "a boolean (an integer)");

    /// <summary>Gets the value of a key as a boolean, as <see cref="GetBoolean"/> does, when it is one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The boolean, when the value is an integer.</param>
    /// <returns><see langword="true"/> when the key is set to an integer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetBoolean(string key, out bool value)
    {
        bool ok = TryGetInt64(key, out long n);
        value = n != 0;
        return ok;
    }

    /// <summary>
    /// Gets the value of a key as a list of strings, as xl reads a list (<c>xlu_cfg_get_list</c>): each item a string,
    /// or a number as its text.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The strings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The key is not set.</exception>
    /// <exception cref="XenConfigException">The value is not a list, or has a nested list (XH2021), or is computed (XH2022).</exception>
    public IReadOnlyList<string> GetStrings(string key) => TryGetStrings(key, out IReadOnlyList<string>? values) ? values : throw NotReadable(key, "a list of strings");

    /// <summary>Gets the value of a key as a list of strings, as <see cref="GetStrings"/> does, when it is one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">The strings, when the value is a list of strings and numbers.</param>
    /// <returns><see langword="true"/> when the key is set to a list of strings and numbers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetStrings(string key, [NotNullWhen(true)] out IReadOnlyList<string>? values)
    {
        values = null;
        if (!TryGetValue(key, out ConfigValue? v) || v is not ConfigList list)
        {
            return false;
        }

        var items = new string[list.Items.Count];
        for (int i = 0; i < items.Length; i++)
        {
            if (AtomText(list.Items[i]) is not { } text)
            {
                return false;
            }

            items[i] = text;
        }

        values = items;
        return true;
    }

    private static string? AtomText(ConfigValue value) => value switch
    {
        ConfigString s => s.Value,
        ConfigInteger n => n.Value.ToString(CultureInfo.InvariantCulture),
        ConfigFloat f => PyFloatFormat.Repr(f.Value),
        _ => null,
    };

    private static bool TryInt64(ConfigValue value, out long result)
    {
        switch (value)
        {
            case ConfigInteger n:
                result = n.Value;
                return true;
            case ConfigString s:
                return XlNumber.TryParse(s.Value, out result);
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>Why a set key cannot be read as asked (XH2021, XH2022); an unset key is a <see cref="KeyNotFoundException"/>.</summary>
    private Exception NotReadable(string key, string wanted)
    {
        ConfigValue value = this[key];
        Diagnostic d = value is ConfigUnknown unknown
            ? Diagnostic.Create(DiagnosticDescriptors.ValueUnknown, default(Text.SourceLocation), key, unknown.Source)
            : Diagnostic.Create(DiagnosticDescriptors.ValueNotOfRequestedType, default(Text.SourceLocation), key, Describe(value), wanted);
        return new XenConfigException(d.ToString(), [d]);
    }

    private static string Describe(ConfigValue value) => value switch
    {
        ConfigString s => $"the string \"{(s.Value.Length > 40 ? s.Value[..37] + "..." : s.Value)}\"",
        ConfigInteger => "an integer",
        ConfigFloat => "a floating-point number",
        ConfigList l when l.Items.Any(i => i is ConfigList) => "a list with a nested list",
        ConfigList l when l.Items.Any(i => i is ConfigUnknown) => "a list with a computed item",
        ConfigList => "a list",
        _ => value.Kind.ToString(),
    };

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, ConfigValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
