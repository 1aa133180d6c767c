namespace Xen.Hvm.Specs;

/// <summary>The spec mini-languages that live inside Xen config string values.</summary>
public enum SpecKind
{
    /// <summary>A <c>disk</c> list item (<see cref="DiskSpecs"/>).</summary>
    Disk,

    /// <summary>A <c>vif</c> list item (<c>VifSpecs</c>).</summary>
    Vif,

    /// <summary>A <c>pci</c> list item (<c>PciSpecs</c>).</summary>
    Pci,

    /// <summary>A <c>vfb</c> list item (<c>VfbSpecs</c>).</summary>
    Vfb,

    /// <summary>A <c>channel</c> list item (<c>ChannelSpecs</c>).</summary>
    Channel,

    /// <summary>A <c>vtpm</c> list item (<c>VtpmSpecs</c>).</summary>
    Vtpm,

    /// <summary>A <c>p9</c> list item (<c>P9Specs</c>).</summary>
    P9,

    /// <summary>A <c>usbctrl</c> list item (<c>UsbCtrlSpecs</c>).</summary>
    UsbCtrl,

    /// <summary>A <c>usbdev</c> list item (<c>UsbDevSpecs</c>).</summary>
    UsbDev,

    /// <summary>A <c>usbdevice</c> value or list item (<c>UsbDeviceSpecs</c>).</summary>
    UsbDevice,

    /// <summary>A <c>cpus</c> or <c>cpus_soft</c> value or list item (<c>CpuListSpecs</c>).</summary>
    Cpus,

    /// <summary>A <c>cpuid</c> value (libxl form) or list item (xend form) (<c>CpuidSpecs</c>).</summary>
    Cpuid,

    /// <summary>A <c>viridian</c> list item (<c>ViridianSpecs</c>).</summary>
    Viridian,

    /// <summary>An <c>smbios</c> list item (<c>SmbiosSpecs</c>).</summary>
    Smbios,

    /// <summary>One <c>KEY=VALUE</c> option of a <c>vnuma</c> node (<c>VnumaSpecs</c>).</summary>
    Vnuma,

    /// <summary>An <c>ioports</c> list item (<c>IoPortSpecs</c>).</summary>
    IoPorts,

    /// <summary>An <c>iomem</c> list item (<c>IoMemSpecs</c>).</summary>
    IoMem,

    /// <summary>An <c>irqs</c> list item (<c>IrqSpecs</c>).</summary>
    Irqs,
}
