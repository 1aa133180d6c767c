namespace Xen.Hvm.Config.Model;

/// <summary>Which qemu emulates an HVM guest's devices (<c>device_model_version</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum DeviceModelVersion
{
    /// <summary>Xen's old qemu fork (<c>qemu-xen-traditional</c>), removed in Xen 4.21.</summary>
    QemuXenTraditional,

    /// <summary>Upstream qemu (<c>qemu-xen</c>), the default.</summary>
    QemuXen,
}
