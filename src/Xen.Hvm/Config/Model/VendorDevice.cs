namespace Xen.Hvm.Config.Model;

/// <summary>The vendor-specific PCI device an HVM guest sees (<c>vendor_device</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum VendorDevice
{
    /// <summary>None (<c>none</c>), the default.</summary>
    None,

    /// <summary>XenServer's device, for its Windows PV drivers (<c>xenserver</c>).</summary>
    XenServer,
}
