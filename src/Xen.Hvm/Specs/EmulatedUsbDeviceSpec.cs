using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>A USB device that qemu, the device model of an HVM guest, puts on its emulated USB bus: a tablet, mouse or
/// keyboard, or a host device qemu opens itself, as <c>usbdevice="tablet"</c> (or a list item) gives it. Not to be
/// confused with <see cref="UsbPassthroughSpec"/>, libxl's <c>usbdev=</c> passthrough device.</summary>
/// <param name="Kind">The form.</param>
/// <param name="First">The vendor id or bus number of a <c>host:</c> device, otherwise 0.</param>
/// <param name="Second">The product id or device address of a <c>host:</c> device, otherwise 0.</param>
/// <param name="Name">The text of an <see cref="EmulatedUsbDeviceKind.Other"/> device, otherwise <see langword="null"/>.</param>
public sealed partial record EmulatedUsbDeviceSpec(EmulatedUsbDeviceKind Kind, int First = 0, int Second = 0, string? Name = null)
{
    /// <summary>Returns the canonical form, e.g. <c>tablet</c>, <c>host:046d:c52b</c>, <c>host:3.2</c>.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Kind switch
    {
        EmulatedUsbDeviceKind.Tablet => "tablet",
        EmulatedUsbDeviceKind.Mouse => "mouse",
        EmulatedUsbDeviceKind.Keyboard => "keyboard",
        EmulatedUsbDeviceKind.HostByVendorProduct => string.Create(CultureInfo.InvariantCulture, $"host:{First:x4}:{Second:x4}"),
        EmulatedUsbDeviceKind.HostByBusAddress => string.Create(CultureInfo.InvariantCulture, $"host:{First}.{Second}"),
        _ => Name ?? string.Empty,
    };
}
