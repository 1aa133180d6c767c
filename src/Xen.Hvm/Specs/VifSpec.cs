namespace Xen.Hvm.Specs;

/// <summary>One network interface, as a <c>vif = [ ... ]</c> item describes it (libxl <c>libxl_device_nic</c>).</summary>
/// <remarks>Unset keys are <see langword="null"/> (the toolstack default applies). Equality is by value.
/// Immutable; safe to share across threads.</remarks>
public sealed partial record VifSpec
{
    /// <summary>Gets <c>mac=</c>; xl generates <c>00:16:3e:xx:xx:xx</c> when unset.</summary>
    public MacAddress? Mac { get; init; }

    /// <summary>Gets <c>bridge=</c> (default <c>xenbr0</c>).</summary>
    public string? Bridge { get; init; }

    /// <summary>Gets <c>type=</c>.</summary>
    public VifType? Type { get; init; }

    /// <summary>Gets <c>model=</c>, the emulated NIC (default <c>rtl8139</c>; e.g. <c>e1000</c>).</summary>
    public string? Model { get; init; }

    /// <summary>Gets <c>vifname=</c>, the backend interface name.</summary>
    public string? VifName { get; init; }

    /// <summary>Gets <c>script=</c>, the hotplug script (default <c>vif-bridge</c>).</summary>
    public string? Script { get; init; }

    /// <summary>Gets <c>ip=</c>.</summary>
    public string? Ip { get; init; }

    /// <summary>Gets <c>backend=</c>, the driver domain.</summary>
    public string? Backend { get; init; }

    /// <summary>Gets <c>rate=</c>.</summary>
    public VifRate? Rate { get; init; }

    /// <summary>Gets <c>gatewaydev=</c> (xl; <c>netdev=</c> is its deprecated alias).</summary>
    public string? GatewayDev { get; init; }

    /// <summary>Gets <c>devid=</c> (xl).</summary>
    public ulong? DevId { get; init; }

    /// <summary>Gets <c>mtu=</c> (xl).</summary>
    public ulong? Mtu { get; init; }

    /// <summary>Gets <c>vlan=</c> (xl).</summary>
    public VifVlan? Vlan { get; init; }

    /// <summary>Gets <c>trusted</c> (true) / <c>untrusted</c> (false) (xl), or <see langword="null"/>.</summary>
    public bool? Trusted { get; init; }

    /// <summary>Gets <c>accel=</c> (xend; xl accepts it and does nothing).</summary>
    public string? Accel { get; init; }

    /// <summary>Gets xend's <c>policy=</c> (ignored by xl).</summary>
    public string? Policy { get; init; }

    /// <summary>Gets xend's <c>label=</c> (ignored by xl).</summary>
    public string? Label { get; init; }

    /// <summary>Gets the other keys xl reads as plain strings (<c>forwarddev</c> and the <c>colo_*</c> keys), in order.</summary>
    public SpecList<SpecSetting> Other { get; init; }

    /// <summary>Returns the canonical xl form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}
