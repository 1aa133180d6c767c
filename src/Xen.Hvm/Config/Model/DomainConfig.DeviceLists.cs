using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The device lists (OptionGroup.DeviceLists); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>disk</c>: The guest's disks.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<DiskSpec>? Disks { get => Get<ValueList<DiskSpec>?>(Slots.Disks); init => Init(Slots.Disks, value); }

    /// <summary>Gets <c>vif</c>: The guest's network interfaces.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<VifSpec>? Vifs { get => Get<ValueList<VifSpec>?>(Slots.Vifs); init => Init(Slots.Vifs, value); }

    /// <summary>Gets <c>vif2</c>: netchannel2 interfaces; xl ignores them with a warning.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? Vif2s { get => Get<ValueList<string>?>(Slots.Vif2s); init => Init(Slots.Vif2s, value); }

    /// <summary>Gets <c>pci</c>: The host PCI devices passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<PciSpec>? PciDevices { get => Get<ValueList<PciSpec>?>(Slots.PciDevices); init => Init(Slots.PciDevices, value); }

    /// <summary>Gets <c>pci_permissive</c>: The default of each PCI device's <c>permissive</c> setting.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciPermissive { get => Get<bool?>(Slots.PciPermissive); init => Init(Slots.PciPermissive, value); }

    /// <summary>Gets <c>pci_msitranslate</c>: The default of each PCI device's <c>msitranslate</c> setting (on under xend, off under xl).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciMsiTranslate { get => Get<bool?>(Slots.PciMsiTranslate); init => Init(Slots.PciMsiTranslate, value); }

    /// <summary>Gets <c>pci_seize</c>: The default of each PCI device's <c>seize</c> setting.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciSeize { get => Get<bool?>(Slots.PciSeize); init => Init(Slots.PciSeize, value); }

    /// <summary>Gets <c>pci_power_mgmt</c>: The default of each PCI device's <c>power_mgmt</c> setting.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PciPowerManagement { get => Get<bool?>(Slots.PciPowerManagement); init => Init(Slots.PciPowerManagement, value); }

    /// <summary>Gets <c>rdm</c>: How reserved device memory is handled: <c>strategy=host,policy=strict|relaxed</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Rdm { get => Get<string?>(Slots.Rdm); init => Init(Slots.Rdm, value); }

    /// <summary>Gets <c>rdm_mem_boundary</c>: The memory boundary below which reserved device memory is mapped, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? RdmMemoryBoundaryMiB { get => Get<long?>(Slots.RdmMemoryBoundaryMiB); init => Init(Slots.RdmMemoryBoundaryMiB, value); }

    /// <summary>Gets <c>ioports</c>: The I/O port ranges passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<IoPortRange>? IoPorts { get => Get<ValueList<IoPortRange>?>(Slots.IoPorts); init => Init(Slots.IoPorts, value); }

    /// <summary>Gets <c>iomem</c>: The machine memory ranges passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<IoMemRange>? IoMemory { get => Get<ValueList<IoMemRange>?>(Slots.IoMemory); init => Init(Slots.IoMemory, value); }

    /// <summary>Gets <c>irqs</c>: The physical interrupts passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<IrqSpec>? Irqs { get => Get<ValueList<IrqSpec>?>(Slots.Irqs); init => Init(Slots.Irqs, value); }

    /// <summary>Gets <c>vtpm</c>: The guest's virtual TPMs.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<VtpmSpec>? Vtpms { get => Get<ValueList<VtpmSpec>?>(Slots.Vtpms); init => Init(Slots.Vtpms, value); }

    /// <summary>Gets <c>p9</c>: The 9pfs shares offered to the guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<P9Spec>? P9Shares { get => Get<ValueList<P9Spec>?>(Slots.P9Shares); init => Init(Slots.P9Shares, value); }

    /// <summary>Gets <c>pvcalls</c>: The PV calls backends.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? PvCalls { get => Get<ValueList<string>?>(Slots.PvCalls); init => Init(Slots.PvCalls, value); }

    /// <summary>Gets <c>vfb</c>: The virtual framebuffers of a PV guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<VfbSpec>? Vfbs { get => Get<ValueList<VfbSpec>?>(Slots.Vfbs); init => Init(Slots.Vfbs, value); }

    /// <summary>Gets <c>channel</c>: The guest's PV channels.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ChannelSpec>? Channels { get => Get<ValueList<ChannelSpec>?>(Slots.Channels); init => Init(Slots.Channels, value); }

    /// <summary>Gets <c>usbctrl</c>: The guest's USB controllers.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<UsbControllerSpec>? UsbControllers { get => Get<ValueList<UsbControllerSpec>?>(Slots.UsbControllers); init => Init(Slots.UsbControllers, value); }

    /// <summary>Gets <c>usbdev</c>: The host USB devices passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<UsbPassthroughSpec>? UsbDevices { get => Get<ValueList<UsbPassthroughSpec>?>(Slots.UsbDevices); init => Init(Slots.UsbDevices, value); }

    /// <summary>Gets <c>vdispl</c>: The guest's PV displays.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? VirtualDisplays { get => Get<ValueList<string>?>(Slots.VirtualDisplays); init => Init(Slots.VirtualDisplays, value); }

    /// <summary>Gets <c>vsnd</c>: The guest's PV sound cards (lists of lists of settings).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<ConfigValue>? VirtualSoundCards { get => Get<ValueList<ConfigValue>?>(Slots.VirtualSoundCards); init => Init(Slots.VirtualSoundCards, value); }

    /// <summary>Gets <c>vkb</c>: The guest's PV keyboards.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? VirtualKeyboards { get => Get<ValueList<string>?>(Slots.VirtualKeyboards); init => Init(Slots.VirtualKeyboards, value); }

    /// <summary>Gets <c>virtio</c>: The guest's virtio devices (Xen 4.18+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? VirtioDevices { get => Get<ValueList<string>?>(Slots.VirtioDevices); init => Init(Slots.VirtioDevices, value); }
}
