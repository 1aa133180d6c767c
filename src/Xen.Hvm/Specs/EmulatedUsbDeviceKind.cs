namespace Xen.Hvm.Specs;

/// <summary>The forms of an HVM <c>usbdevice</c> value (<see cref="EmulatedUsbDeviceSpec"/>).</summary>
public enum EmulatedUsbDeviceKind
{
    /// <summary><c>tablet</c>: an absolute pointer (the usual choice for VNC).</summary>
    Tablet,

    /// <summary><c>mouse</c>.</summary>
    Mouse,

    /// <summary><c>keyboard</c>.</summary>
    Keyboard,

    /// <summary><c>host:VID:PID</c>: a host device by vendor and product id.</summary>
    HostByVendorProduct,

    /// <summary><c>host:BUS.ADDR</c>: a host device by bus and address.</summary>
    HostByBusAddress,

    /// <summary>Anything else, passed to the device model unchanged.</summary>
    Other,
}
