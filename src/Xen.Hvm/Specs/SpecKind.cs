namespace Xen.Hvm.Specs;

/// <summary>The spec mini-languages that live inside Xen config string values.</summary>
public enum SpecKind
{
    /// <summary>A <c>disk</c> list item (<see cref="DiskSpecs"/>).</summary>
    Disk,

    /// <summary>A <c>vif</c> list item (<see cref="VifSpecs"/>).</summary>
    Vif,

    /// <summary>A <c>pci</c> list item (<see cref="PciSpecs"/>).</summary>
    Pci,

    /// <summary>A <c>vfb</c> list item (<see cref="VfbSpecs"/>).</summary>
    Vfb,

    /// <summary>A <c>channel</c> list item (<see cref="ChannelSpecs"/>).</summary>
    Channel,

    /// <summary>A <c>vtpm</c> list item (<see cref="VtpmSpecs"/>).</summary>
    Vtpm,

    /// <summary>A <c>p9</c> list item (<see cref="P9Specs"/>).</summary>
    P9,

    /// <summary>A <c>usbctrl</c> list item (<see cref="UsbCtrlSpecs"/>).</summary>
    UsbCtrl,

    /// <summary>A <c>usbdev</c> list item (<see cref="UsbDevSpecs"/>).</summary>
    UsbDev,

    /// <summary>A <c>usbdevice</c> value or list item (<see cref="UsbDeviceSpecs"/>).</summary>
    UsbDevice,

    /// <summary>A <c>cpus</c> or <c>cpus_soft</c> value or list item (<see cref="CpuListSpecs"/>).</summary>
    Cpus,

    /// <summary>A <c>cpuid</c> value (libxl form) or list item (xend form) (<see cref="CpuidSpecs"/>).</summary>
    Cpuid,

    /// <summary>A <c>viridian</c> list item (<see cref="ViridianSpecs"/>).</summary>
    Viridian,

    /// <summary>An <c>smbios</c> list item (<see cref="SmbiosSpecs"/>).</summary>
    Smbios,

    /// <summary>One <c>KEY=VALUE</c> option of a <c>vnuma</c> node (<see cref="VnumaSpecs"/>).</summary>
    Vnuma,

    /// <summary>An <c>ioports</c> list item (<see cref="IoPortSpecs"/>).</summary>
    IoPorts,

    /// <summary>An <c>iomem</c> list item (<see cref="IoMemSpecs"/>).</summary>
    IoMem,

    /// <summary>An <c>irqs</c> list item (<see cref="IrqSpecs"/>).</summary>
    Irqs,
}
