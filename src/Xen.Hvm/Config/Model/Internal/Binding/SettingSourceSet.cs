using Xen.Hvm.Config.Model.Internal;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>A document's settings for binding, in order, found by key through the document's own index of its values
/// (source <c>k</c> is value <c>k</c>), so that a bind makes no dictionary of its own. The options the file sets are a
/// bit set made with it: a key of an option the file does not set is answered without the document's index, which a
/// bind of a document parsed long before would read from memory.</summary>
internal sealed class SettingSourceSet
{
    private readonly List<SettingSource> _items;
    private readonly ConfigValueCollection _values;
    private readonly OptionSet _present;

    /// <summary>A set whose first <c>values.Count</c> items are the settings of <paramref name="values"/>, in its order;
    /// the rest (xm's variables of unknown value) are found by a scan.</summary>
    public SettingSourceSet(List<SettingSource> items, ConfigValueCollection values)
    {
        _items = items;
        _values = values;
        foreach (SettingSource item in items)
        {
            if (item.Option is { } option)
            {
                _present.Add(option.Ordinal);
            }
        }
    }

    /// <summary>Gets the number of settings.</summary>
    public int Count => _items.Count;

    /// <summary>Gets the keys, each once.</summary>
    public IEnumerable<string> Names => _items.Select(static s => s.Name).Distinct(StringComparer.Ordinal);

    /// <summary>Gets the setting at a position.</summary>
    public SettingSource this[int index] => _items[index];

    /// <summary>The setting of a key (the last one of that key), or <see langword="null"/>.</summary>
    public SettingSource? Find(string name)
    {
        if (OptionCatalog.TryGet(name, out OptionDefinition? option) && !_present.Contains(option.Ordinal))
        {
            return null;
        }

        for (int i = _items.Count - 1; i >= _values.Count; i--)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.Ordinal))
            {
                return _items[i];
            }
        }

        return _values.TryGetIndex(name, out int k) ? _items[k] : null;
    }
}
