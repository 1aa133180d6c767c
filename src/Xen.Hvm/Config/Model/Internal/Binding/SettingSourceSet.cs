namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// A document's settings for binding, in order: the values of a <see cref="ConfigValueCollection"/> (setting
/// <c>k</c> is value <c>k</c>), then (xm) the variables of unknown value. A setting is found by key through the
/// collection's own index, so a bind makes no dictionary and no object per setting. The option of each key and the set
/// of options the file sets are the collection's <see cref="KeyOptions"/> table, made on its first bind
/// (a later bind of the document reads that table, not the text of every key): a key of an option the file does not set
/// is answered without the document's index.
/// </summary>
/// <remarks>Origins are found when first asked and kept; any thread may ask (a race finds the same origin twice).</remarks>
internal sealed class SettingSourceSet
{
    private readonly ConfigValueCollection _values;
    private readonly IReadOnlyList<string> _unknown;
    private readonly OriginFinder _finder;
    private readonly OptionDefinition?[] _options;
    private readonly OptionDefinition?[] _unknownOptions;
    private readonly OptionSet _present;
    private ValueOrigin?[]? _origins;

    /// <summary>The settings of <paramref name="values"/>, then the keys of <paramref name="unknown"/> without a value.</summary>
    public SettingSourceSet(ConfigValueCollection values, IReadOnlyList<string> unknown, OriginFinder finder)
    {
        _values = values;
        _unknown = unknown;
        _finder = finder;
        KeyOptions keys = values.BindingTable(KeyOptions.Of);
        _options = keys.Options;
        _present = keys.Present;
        _unknownOptions = unknown.Count == 0 ? [] : new OptionDefinition?[unknown.Count];
        for (int i = 0; i < _unknownOptions.Length; i++)
        {
            if (OptionCatalog.TryGet(unknown[i], out OptionDefinition? option))
            {
                _unknownOptions[i] = option;
                _present.Add(option.Ordinal);
            }
        }
    }

    /// <summary>Gets the number of settings.</summary>
    public int Count => _values.Count + _unknown.Count;

    /// <summary>Gets the number of settings an option claims.</summary>
    public int OptionCount => _present.Count;

    /// <summary>Gets the keys, each once.</summary>
    public IEnumerable<string> Names => Enumerable.Range(0, Count).Select(NameAt).Distinct(StringComparer.Ordinal);

    /// <summary>Gets the setting at a position.</summary>
    public SettingSource this[int index]
    {
        get
        {
            if (index < _values.Count)
            {
                var (name, value) = _values[index];
                return new SettingSource(this, index, name, value, _options[index], _values.LastSettingIsAppend(index));
            }

            int u = index - _values.Count;
            return new SettingSource(this, index, _unknown[u], null, _unknownOptions[u], isAppend: false);
        }
    }

    /// <summary>The setting of a key (the last one of that key), or <see langword="null"/>.</summary>
    public SettingSource? Find(string name)
    {
        if (OptionCatalog.TryGet(name, out OptionDefinition? option) && !_present.Contains(option.Ordinal))
        {
            return null;
        }

        for (int i = _unknown.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_unknown[i], name, StringComparison.Ordinal))
            {
                return this[_values.Count + i];
            }
        }

        return _values.TryGetIndex(name, out int k) ? this[k] : null;
    }

    /// <summary>The origin of setting <paramref name="index"/>, found on first use.</summary>
    internal ValueOrigin OriginAt(int index)
    {
        ValueOrigin?[] origins = Volatile.Read(ref _origins) ?? Interlocked.CompareExchange(ref _origins, new ValueOrigin?[Count], null) ?? _origins!;
        if (Volatile.Read(ref origins[index]) is { } found)
        {
            return found;
        }

        // An xl document's values know each key's last setting row (LiteralValues); an evaluation's do not (-1).
        found = _finder.Find(this[index], index < _values.Count ? _values.LastSettingRow(index) : -1);
        Volatile.Write(ref origins[index], found);
        return found;
    }

    private string NameAt(int index) => index < _values.Count ? _values[index].Key : _unknown[index - _values.Count];
}
