namespace Xen.Hvm.Specs;

/// <summary>One passed-through PCI device, as a <c>pci = [ ... ]</c> item describes it (libxl <c>libxl_device_pci</c>).</summary>
/// <remarks>The numeric options are read with <c>atoi</c>; unset ones are <see langword="null"/> (the per-guest
/// <c>pci_*</c> defaults apply). Equality is by value. Immutable; safe to share across threads.</remarks>
public sealed partial record PciSpec
{
    /// <summary>Gets the host address (positional or <c>bdf=</c>), or <see langword="null"/> when the device is named.</summary>
    public PciAddress? Address { get; init; }

    /// <summary>Gets the guest slot (<c>@VSLOT</c> or <c>vslot=</c>, 0..1f).</summary>
    public int? VirtualSlot { get; init; }

    /// <summary>Gets <c>permissive=</c>.</summary>
    public int? Permissive { get; init; }

    /// <summary>Gets <c>msitranslate=</c>.</summary>
    public int? MsiTranslate { get; init; }

    /// <summary>Gets <c>seize=</c>.</summary>
    public int? Seize { get; init; }

    /// <summary>Gets <c>power_mgmt=</c>.</summary>
    public int? PowerManagement { get; init; }

    /// <summary>Gets <c>rdm_policy=</c>.</summary>
    public PciRdmPolicy? RdmPolicy { get; init; }

    /// <summary>Gets <c>name=</c>, an assignable device name (instead of an address).</summary>
    public string? Name { get; init; }

    /// <summary>Returns the canonical xl form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}
