namespace Xen.Hvm.Capabilities;

/// <summary>
/// What a guest needs from a host, for <see cref="HostInfo.Check"/>. Every requirement left at its default is not
/// checked.
/// </summary>
/// <remarks>
/// <para>Build it by hand, or from a domain config with <c>DomainConfig.GetRequirements()</c> (namespace
/// <c>Xen.Hvm.Config.Model</c>), which fills it from the values the toolstack will use.</para>
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

    /// <summary>Gets a value indicating whether the guest asks for hardware-assisted paging (<c>hap = 1</c>), which needs EPT (Intel) or NPT (AMD); an unset <c>hap</c> follows the host and needs nothing.</summary>
    public bool Hap { get; init; }
}
