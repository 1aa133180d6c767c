namespace Xen.Hvm.Specs;

/// <summary>A host USB device passed to a guest, as a <c>usbdev = [ ... ]</c> item describes it
/// (libxl <c>libxl_device_usbdev</c>; the only type is <c>hostdev</c>).</summary>
/// <param name="HostBus">The host bus number (<c>hostbus=</c>).</param>
/// <param name="HostAddress">The host device address (<c>hostaddr=</c>).</param>
/// <param name="Controller">The guest controller index (<c>controller=</c>).</param>
/// <param name="Port">The guest port (<c>port=</c>).</param>
/// <param name="IsHostDev">Whether <c>type=hostdev</c> was given.</param>
public sealed record UsbDevSpec(ulong? HostBus = null, ulong? HostAddress = null, int? Controller = null, int? Port = null, bool IsHostDev = false)
{
    /// <summary>Returns the canonical form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => UsbDevSpecs.Print(this);
}
