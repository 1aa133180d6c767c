using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The memory options (OptionGroup.Memory); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>hap</c>: Whether hardware-assisted paging (EPT/NPT) is used; the default is the host's support.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Hap { get; init; }

    /// <summary>Gets <c>oos</c>: Whether shadow page tables may be out of sync (shadow paging only).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? OutOfSyncPageTables { get; init; }

    /// <summary>Gets <c>memory</c>: The guest's memory at boot, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MemoryMiB { get; init; }

    /// <summary>Gets <c>maxmem</c>: The most memory the guest may balloon up to, in MiB (the same as <c>memory</c> when absent).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxMemoryMiB { get; init; }

    /// <summary>Gets <c>shadow_memory</c>: The memory reserved for shadow page tables, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? ShadowMemoryMiB { get; init; }

    /// <summary>Gets <c>vnuma</c>: The guest's virtual NUMA nodes, each a list of <c>key=value</c> settings (<c>pnode</c>, <c>size</c>, <c>vcpus</c>, <c>vdistances</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ValueList<VnumaOption>>? VnumaNodes { get; init; }

    /// <summary>Gets <c>mmio_hole</c>: The size of the MMIO hole below 4 GiB of an HVM guest, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MmioHoleMiB { get; init; }
}
