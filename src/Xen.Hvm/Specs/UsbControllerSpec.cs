namespace Xen.Hvm.Specs;

/// <summary>A USB controller, as a <c>usbctrl = [ ... ]</c> item describes it (libxl <c>libxl_device_usbctrl</c>).</summary>
/// <param name="Type">The controller kind (<c>type=</c>).</param>
/// <param name="Version">The USB version, 1, 2 or 3 (<c>version=</c>).</param>
/// <param name="Ports">The number of ports, 1..31 (<c>ports=</c>).</param>
public sealed partial record UsbControllerSpec(UsbControllerType? Type = null, int? Version = null, int? Ports = null)
{
    /// <summary>Returns the canonical form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}
