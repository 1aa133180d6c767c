namespace Xen.Hvm.Config.Model;

/// <summary>The kind of guest (<c>type</c>; xm's <c>builder</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum GuestType
{
    /// <summary>A paravirtualised guest (<c>pv</c>): the guest kernel runs on Xen's PV interface.</summary>
    Pv,

    /// <summary>A PVH guest (<c>pvh</c>): hardware virtualisation without emulated devices.</summary>
    Pvh,

    /// <summary>A fully virtualised guest (<c>hvm</c>), with emulated firmware and devices (qemu).</summary>
    Hvm,
}
