using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>An emulated USB device of an HVM guest (<c>usbdevice="tablet"</c> or a list item).</summary>
/// <param name="Kind">The form.</param>
/// <param name="First">The vendor id or bus number of a <c>host:</c> device, otherwise 0.</param>
/// <param name="Second">The product id or device address of a <c>host:</c> device, otherwise 0.</param>
/// <param name="Name">The text of an <see cref="UsbDeviceKind.Other"/> device, otherwise <see langword="null"/>.</param>
public sealed record UsbDeviceSpec(UsbDeviceKind Kind, int First = 0, int Second = 0, string? Name = null)
{
    /// <summary>Returns the canonical form, e.g. <c>tablet</c>, <c>host:046d:c52b</c>, <c>host:3.2</c>.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Kind switch
    {
        UsbDeviceKind.Tablet => "tablet",
        UsbDeviceKind.Mouse => "mouse",
        UsbDeviceKind.Keyboard => "keyboard",
        UsbDeviceKind.HostByVendorProduct => string.Create(CultureInfo.InvariantCulture, $"host:{First:x4}:{Second:x4}"),
        UsbDeviceKind.HostByBusAddress => string.Create(CultureInfo.InvariantCulture, $"host:{First}.{Second}"),
        _ => Name ?? string.Empty,
    };
}
