namespace Xen.Hvm.Config.Model;

/// <summary>
/// The value of an option xl reads either as one string or as a list (<c>serial</c>, <c>usbdevice</c>, <c>cpus</c>,
/// <c>cpuid</c>, <c>bootloader_args</c>): the items, and which form the file used, because the forms mean different
/// things (one <c>cpus</c> string applies to every vCPU, a list gives one entry per vCPU).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record OneOrList<T>
{
    private OneOrList(ValueList<T> items, bool isList)
    {
        Items = items;
        IsList = isList;
    }

    /// <summary>Gets the items: exactly one in the single form.</summary>
    public ValueList<T> Items { get; }

    /// <summary>Gets a value indicating whether the file used the list form.</summary>
    public bool IsList { get; }

    /// <summary>Gets the one item of the single form, or <see langword="default"/> for the list form.</summary>
    public T? Single => IsList ? default : Items[0];

    /// <summary>Returns the single form.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The value.</returns>
    public static OneOrList<T> One(T item) => new([item], isList: false);

    /// <summary>Returns the list form.</summary>
    /// <param name="items">The items (possibly none).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static OneOrList<T> List(ValueList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(items, isList: true);
    }

    /// <summary>Returns the items as written: one item, or the list in brackets.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsList ? Items.ToString() : Items[0]?.ToString() ?? string.Empty;
}
