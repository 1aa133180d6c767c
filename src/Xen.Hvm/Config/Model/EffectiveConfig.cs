using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model.Internal.Effective;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// What one toolstack at one Xen version makes of a <see cref="DomainConfig"/>: for every option that applies to the
/// guest's type and that the toolstack reads, the value it will use and where that value comes from; plus the options
/// the model sets that the toolstack ignores, does not read, or that do not apply to the guest's type. Items are in
/// catalogue order (xl.cfg(5) groups). Made by <see cref="DomainConfig.GetEffectiveValues(Toolstack, XenVersion, HostInfo?)"/>.
/// </summary>
/// <remarks>
/// <para>These are the values after the toolstack's own defaults (xl's <c>parse_config_data</c> and libxl's
/// create-time <c>*_setdefault</c>), not the <c>xl create -n</c> JSON, which shows the config before libxl's
/// defaults.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class EffectiveConfig : IReadOnlyList<EffectiveValue>
{
    private readonly EffectiveValue[] _values;
    private readonly Dictionary<string, EffectiveValue> _byName;

    internal EffectiveConfig(DomainConfig config, Toolstack toolstack, XenVersion version, GuestType guestType, EffectiveValue[] values)
    {
        Config = config;
        Toolstack = toolstack;
        Version = version;
        GuestType = guestType;
        _values = values;
        _byName = values.ToDictionary(static v => v.Option.Name, StringComparer.Ordinal);
    }

    /// <summary>Gets the model.</summary>
    public DomainConfig Config { get; }

    /// <summary>Gets the toolstack.</summary>
    public Toolstack Toolstack { get; }

    /// <summary>Gets the Xen version.</summary>
    public XenVersion Version { get; }

    /// <summary>Gets the guest type the toolstack builds: <c>type</c>, else what <c>builder</c> says, else PV (x86). A type the toolstack refuses counts as PV.</summary>
    public GuestType GuestType { get; }

    /// <summary>Gets the number of items.</summary>
    public int Count => _values.Length;

    /// <summary>Gets the item at an index.</summary>
    /// <param name="index">The index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public EffectiveValue this[int index] => (uint)index < (uint)_values.Length
        ? _values[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, "Value should be in range [0-" + (_values.Length - 1) + "]");

    /// <summary>Gets the item of an option.</summary>
    /// <param name="name">The option's key (<c>on_crash</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The list has no item for the key (the toolstack does not read it and the model does not set it, or it is not an option).</exception>
    public EffectiveValue this[string name] => TryGet(name, out EffectiveValue? value)
        ? value
        : throw new KeyNotFoundException("'" + name + "' has no effective value here: it is not an option, or this toolstack and version do not read it.");

    /// <summary>Gets the item of an option.</summary>
    /// <param name="name">The option's key.</param>
    /// <param name="value">The item, when the list has one.</param>
    /// <returns><see langword="true"/> when the list has an item for the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGet(string name, [NotNullWhen(true)] out EffectiveValue? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out value);
    }

    /// <summary>Gets the value the toolstack uses for an option, or <see langword="null"/> when it uses none, only the host can tell, or the list has no item for the key.</summary>
    /// <param name="name">The option's key.</param>
    /// <returns>The value, of the option's property type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public object? GetValue(string name) => TryGet(name, out EffectiveValue? value) ? value.Value : null;

    /// <summary>
    /// Returns what the guest needs from a host, for <see cref="HostInfo.Check"/>: HVM or PVH (hardware
    /// virtualisation) or PV, PAE (HVM), the memory and vCPUs the toolstack will give it, an IOMMU when <c>pci</c>
    /// lists devices, and HAP when the model asks for <c>hap = 1</c>. The architecture is left unchecked: a config
    /// does not say whether the guest is 32- or 64-bit.
    /// </summary>
    /// <returns>The requirements.</returns>
    public GuestRequirements GetRequirements() => Requirements.From(this);

    /// <summary>Returns an enumerator over the items.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<EffectiveValue> GetEnumerator() => ((IEnumerable<EffectiveValue>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
