namespace Xen.Hvm.Capabilities;

/// <summary>The tokens of a <c>virt_caps</c> line (<c>XEN_SYSCTL_PHYSCAP_*</c>), as flags.</summary>
[Flags]
public enum VirtCapabilities
{
    /// <summary>No token.</summary>
    None = 0,

    /// <summary><c>pv</c>: the hypervisor runs PV guests (printed by xl 4.12+ only).</summary>
    Pv = 1 << 0,

    /// <summary><c>hvm</c>: VT-x/AMD-V present, enabled in firmware and initialised by Xen (xm 3.3+, xl); always set on ARM from 4.13.</summary>
    Hvm = 1 << 1,

    /// <summary><c>hvm_directio</c>: an IOMMU is enabled, so PCI passthrough to HVM guests works (3.3+).</summary>
    HvmDirectIO = 1 << 2,

    /// <summary><c>pv_directio</c>: PCI passthrough to PV guests works (xl 4.12+).</summary>
    PvDirectIO = 1 << 3,

    /// <summary><c>hap</c>: hardware-assisted paging (Intel EPT / AMD NPT) is usable (xl 4.13+).</summary>
    Hap = 1 << 4,

    /// <summary><c>shadow</c>: shadow paging is built in (xl 4.13+).</summary>
    Shadow = 1 << 5,

    /// <summary><c>iommu_hap_pt_share</c>: the IOMMU can share the HAP page tables (xl 4.13+).</summary>
    IommuHapPtShare = 1 << 6,

    /// <summary><c>vmtrace</c>: VM tracing (Intel Processor Trace for guests) is available (xl 4.15+).</summary>
    Vmtrace = 1 << 7,

    /// <summary><c>vpmu</c>: a virtual PMU is available to guests (xl 4.16+).</summary>
    Vpmu = 1 << 8,

    /// <summary><c>gnttab-v1</c>: grant table ABI v1 is allowed (xl 4.16+).</summary>
    GnttabV1 = 1 << 9,

    /// <summary><c>gnttab-v2</c>: grant table ABI v2 is allowed (xl 4.16+).</summary>
    GnttabV2 = 1 << 10,

    /// <summary><c>assisted_xapic</c>: printed only by 4.17 development builds (added and reverted before 4.17.0).</summary>
    AssistedXapic = 1 << 11,

    /// <summary><c>assisted_x2apic</c>: printed only by 4.17 development builds (added and reverted before 4.17.0).</summary>
    AssistedX2apic = 1 << 12,
}
