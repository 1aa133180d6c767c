namespace Xen.Hvm.Specs;

/// <summary>The spec mini-languages that live inside Xen config string values.</summary>
public enum SpecKind
{
    /// <summary>A <c>disk</c> list item (<see cref="DiskSpec"/>).</summary>
    Disk,

    /// <summary>A <c>vif</c> list item (<see cref="VifSpec"/>).</summary>
    Vif,

    /// <summary>A <c>pci</c> list item (<see cref="PciSpec"/>).</summary>
    Pci,

    /// <summary>A <c>vfb</c> list item (<see cref="VfbSpec"/>).</summary>
    Vfb,

    /// <summary>A <c>channel</c> list item (<see cref="ChannelSpec"/>).</summary>
    Channel,

    /// <summary>A <c>vtpm</c> list item (<see cref="VtpmSpec"/>).</summary>
    Vtpm,

    /// <summary>A <c>p9</c> list item (<see cref="P9Spec"/>).</summary>
    P9,

    /// <summary>A <c>usbctrl</c> list item (<see cref="UsbControllerSpec"/>).</summary>
    UsbCtrl,

    /// <summary>A <c>usbdev</c> list item (<see cref="UsbPassthroughSpec"/>).</summary>
    UsbDev,

    /// <summary>A <c>usbdevice</c> value or list item (<see cref="EmulatedUsbDeviceSpec"/>).</summary>
    UsbDevice,

    /// <summary>A <c>cpus</c> or <c>cpus_soft</c> value or list item (<see cref="CpuListSpec"/>).</summary>
    Cpus,

    /// <summary>A <c>cpuid</c> value (libxl form) or list item (xend form) (<see cref="CpuidSpec"/>).</summary>
    Cpuid,

    /// <summary>A <c>viridian</c> list item (<see cref="ViridianSpec"/>).</summary>
    Viridian,

    /// <summary>An <c>smbios</c> list item (<see cref="SmbiosSpec"/>).</summary>
    Smbios,

    /// <summary>One <c>KEY=VALUE</c> option of a <c>vnuma</c> node (<see cref="VnumaOption"/>).</summary>
    Vnuma,

    /// <summary>An <c>ioports</c> list item (<see cref="IoPortRange"/>).</summary>
    IoPorts,

    /// <summary>An <c>iomem</c> list item (<see cref="IoMemRange"/>).</summary>
    IoMem,

    /// <summary>An <c>irqs</c> list item (<see cref="IrqSpec"/>).</summary>
    Irqs,
}
