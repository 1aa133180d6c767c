using System.Text;

namespace Xen.Hvm.Config;

/// <summary>A list value; items may be lists themselves.</summary>
public sealed class ConfigList : ConfigValue
{
    /// <summary>Constructs a list value.</summary>
    /// <param name="items">The items (copied).</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its items is <see langword="null"/>.</exception>
    public ConfigList(IEnumerable<ConfigValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        ConfigValue[] array = items.ToArray();
        foreach (var item in array)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        }

        Items = array;
    }

    /// <summary>Takes ownership of an array the library built (no copy, no checks).</summary>
    internal ConfigList(ConfigValue[] items, bool owned)
    {
        System.Diagnostics.Debug.Assert(owned, "Only for arrays nobody else holds.");
        Items = items;
    }

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<ConfigValue> Items { get; }

    /// <inheritdoc/>
    public override ConfigValueKind Kind => ConfigValueKind.List;

    private protected override bool ScalarEquals(ConfigValue other) => false;

    private protected override int ScalarHash() => Items.Count;

    private protected override void AppendScalarJson(StringBuilder sb) => throw new InvalidOperationException();
}
