using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The device lists (OptionGroup.DeviceLists); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>disk</c>: The guest's disks.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<DiskSpec>? Disks { get; init; }

    /// <summary>Gets <c>vif</c>: The guest's network interfaces.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<VifSpec>? Vifs { get; init; }

    /// <summary>Gets <c>vif2</c>: netchannel2 interfaces; xl ignores them with a warning.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? Vif2s { get; init; }

    /// <summary>Gets <c>pci</c>: The host PCI devices passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<PciSpec>? PciDevices { get; init; }

    /// <summary>Gets <c>pci_permissive</c>: The default of each PCI device's <c>permissive</c> setting.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciPermissive { get; init; }

    /// <summary>Gets <c>pci_msitranslate</c>: The default of each PCI device's <c>msitranslate</c> setting (on under xend, off under xl).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciMsiTranslate { get; init; }

    /// <summary>Gets <c>pci_seize</c>: The default of each PCI device's <c>seize</c> setting.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciSeize { get; init; }

    /// <summary>Gets <c>pci_power_mgmt</c>: The default of each PCI device's <c>power_mgmt</c> setting.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciPowerManagement { get; init; }

    /// <summary>Gets <c>rdm</c>: How reserved device memory is handled: <c>strategy=host,policy=strict|relaxed</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Rdm { get; init; }

    /// <summary>Gets <c>rdm_mem_boundary</c>: The memory boundary below which reserved device memory is mapped, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? RdmMemoryBoundaryMiB { get; init; }

    /// <summary>Gets <c>ioports</c>: The I/O port ranges passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<IoPortRange>? IoPorts { get; init; }

    /// <summary>Gets <c>iomem</c>: The machine memory ranges passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<IoMemRange>? IoMemory { get; init; }

    /// <summary>Gets <c>irqs</c>: The physical interrupts passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<IrqSpec>? Irqs { get; init; }

    /// <summary>Gets <c>vtpm</c>: The guest's virtual TPMs.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<VtpmSpec>? Vtpms { get; init; }

    /// <summary>Gets <c>p9</c>: The 9pfs shares offered to the guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<P9Spec>? P9Shares { get; init; }

    /// <summary>Gets <c>pvcalls</c>: The PV calls backends.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? PvCalls { get; init; }

    /// <summary>Gets <c>vfb</c>: The virtual framebuffers of a PV guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<VfbSpec>? Vfbs { get; init; }

    /// <summary>Gets <c>channel</c>: The guest's PV channels.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ChannelSpec>? Channels { get; init; }

    /// <summary>Gets <c>usbctrl</c>: The guest's USB controllers.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<UsbControllerSpec>? UsbControllers { get; init; }

    /// <summary>Gets <c>usbdev</c>: The host USB devices passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<UsbPassthroughSpec>? UsbDevices { get; init; }

    /// <summary>Gets <c>vdispl</c>: The guest's PV displays.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? VirtualDisplays { get; init; }

    /// <summary>Gets <c>vsnd</c>: The guest's PV sound cards (lists of lists of settings).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ConfigValue>? VirtualSoundCards { get; init; }

    /// <summary>Gets <c>vkb</c>: The guest's PV keyboards.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? VirtualKeyboards { get; init; }

    /// <summary>Gets <c>virtio</c>: The guest's virtio devices (Xen 4.18+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? VirtioDevices { get; init; }
}
