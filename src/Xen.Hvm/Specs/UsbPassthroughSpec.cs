namespace Xen.Hvm.Specs;

/// <summary>A host USB device passed through to a guest and attached to one of its USB controllers (PV or emulated,
/// see <see cref="UsbControllerSpec"/>), as a <c>usbdev = [ ... ]</c> item describes it (libxl
/// <c>libxl_device_usbdev</c>; the only type is <c>hostdev</c>). Not to be confused with
/// <see cref="EmulatedUsbDeviceSpec"/>, the older <c>usbdevice=</c> setting that hands a device to qemu.</summary>
/// <param name="HostBus">The host bus number (<c>hostbus=</c>).</param>
/// <param name="HostAddress">The host device address (<c>hostaddr=</c>).</param>
/// <param name="Controller">The guest controller index (<c>controller=</c>).</param>
/// <param name="Port">The guest port (<c>port=</c>).</param>
/// <param name="IsHostDev">Whether <c>type=hostdev</c> was given.</param>
public sealed partial record UsbPassthroughSpec(ulong? HostBus = null, ulong? HostAddress = null, int? Controller = null, int? Port = null, bool IsHostDev = false)
{
    /// <summary>Returns the canonical form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}
