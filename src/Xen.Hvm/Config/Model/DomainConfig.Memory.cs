using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The memory options (OptionGroup.Memory); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>hap</c>: Whether hardware-assisted paging (EPT/NPT) is used; the default is the host's support.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Hap { get => Get<bool?>(Slots.Hap); init => Init(Slots.Hap, value); }

    /// <summary>Gets <c>oos</c>: Whether shadow page tables may be out of sync (shadow paging only).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? OutOfSyncPageTables { get => Get<bool?>(Slots.OutOfSyncPageTables); init => Init(Slots.OutOfSyncPageTables, value); }

    /// <summary>Gets <c>memory</c>: The guest's memory at boot, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MemoryMiB { get => Get<long?>(Slots.MemoryMiB); init => Init(Slots.MemoryMiB, value); }

    /// <summary>Gets <c>maxmem</c>: The most memory the guest may balloon up to, in MiB (the same as <c>memory</c> when absent).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxMemoryMiB { get => Get<long?>(Slots.MaxMemoryMiB); init => Init(Slots.MaxMemoryMiB, value); }

    /// <summary>Gets <c>shadow_memory</c>: The memory reserved for shadow page tables, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? ShadowMemoryMiB { get => Get<long?>(Slots.ShadowMemoryMiB); init => Init(Slots.ShadowMemoryMiB, value); }

    /// <summary>Gets <c>vnuma</c>: The guest's virtual NUMA nodes, each a list of <c>key=value</c> settings (<c>pnode</c>, <c>size</c>, <c>vcpus</c>, <c>vdistances</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ValueList<VnumaOption>>? VnumaNodes { get => Get<ValueList<ValueList<VnumaOption>>?>(Slots.VnumaNodes); init => Init(Slots.VnumaNodes, value); }

    /// <summary>Gets <c>mmio_hole</c>: The size of the MMIO hole below 4 GiB of an HVM guest, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MmioHoleMiB { get => Get<long?>(Slots.MmioHoleMiB); init => Init(Slots.MmioHoleMiB, value); }
}
