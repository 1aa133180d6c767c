using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Xen.Hvm.Config;

/// <summary>
/// The effective value of every key of a document, in order of first appearance, after <c>+=</c> and
/// "last one wins", as xl's getters see them.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ConfigValueCollection : IReadOnlyList<KeyValuePair<string, ConfigValue>>
{
    private readonly List<KeyValuePair<string, ConfigValue>> _items;
    private readonly Dictionary<string, int> _index;

    internal ConfigValueCollection(List<KeyValuePair<string, ConfigValue>> items, Dictionary<string, int> index)
    {
        _items = items;
        _index = index;
    }

    /// <summary>Gets the number of keys.</summary>
    public int Count => _items.Count;

    /// <summary>Gets the keys in order of first appearance.</summary>
    public IEnumerable<string> Keys => _items.Select(static p => p.Key);

    /// <summary>Gets the key and value at a position.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the collection.</exception>
    public KeyValuePair<string, ConfigValue> this[int index] => _items[index];

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

    /// <summary>Gets a string value, when the key is set to a string.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The string, or <see langword="null"/> when the key is unset or a list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public string? GetString(string key) => TryGetValue(key, out var v) && v is ConfigString s ? s.Value : null;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, ConfigValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
