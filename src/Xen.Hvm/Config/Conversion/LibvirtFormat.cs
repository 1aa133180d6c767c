namespace Xen.Hvm.Config.Conversion;

/// <summary>Which of libvirt's native formats a config is read as or written in.</summary>
public enum LibvirtFormat
{
    /// <summary><c>xen-xl</c>: libvirt's xl converter (src/libxl/xen_xl.c): xl disk specs, spice, usbdev, channels, cmdline.</summary>
    Xl,

    /// <summary><c>xen-xm</c>: libvirt's xm converter (src/libxl/xen_xm.c): xm disk specs, <c>kernel</c> as the HVM loader.</summary>
    Xm,
}
