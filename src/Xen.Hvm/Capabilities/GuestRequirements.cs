namespace Xen.Hvm.Capabilities;

/// <summary>
/// What a guest needs from a host, for <see cref="HostInfo.Check"/>. Every requirement left at its default is not
/// checked.
/// </summary>
/// <remarks>
/// <para>A small record for now; the typed config model will fill it from a domain config later.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed record GuestRequirements
{
    /// <summary>Gets a value indicating whether the guest is HVM (<c>type = "hvm"</c>); <see langword="false"/> for PV.</summary>
    public bool Hvm { get; init; } = true;

    /// <summary>Gets the guest architecture the hypervisor must offer, or <see langword="null"/> to not check it.</summary>
    public GuestArchitecture? Architecture { get; init; }

    /// <summary>Gets a value indicating whether the guest wants PAE (<c>pae = 1</c>).</summary>
    public bool Pae { get; init; }

    /// <summary>Gets the guest memory in MiB (<c>memory =</c>), or <see langword="null"/> to not check it.</summary>
    public long? MemoryMiB { get; init; }

    /// <summary>Gets the number of vCPUs (<c>vcpus =</c>), or <see langword="null"/> to not check it.</summary>
    public int? Vcpus { get; init; }

    /// <summary>Gets a value indicating whether the guest passes PCI devices through (<c>pci = [...]</c>), which needs an IOMMU.</summary>
    public bool PciPassthrough { get; init; }
}
