namespace Xen.Hvm.Specs;

/// <summary>The 9pfs backend (<c>type=</c>).</summary>
public enum P9Type
{
    /// <summary><c>qemu</c>: the device model serves the share.</summary>
    Qemu,

    /// <summary><c>xen_9pfsd</c>: Xen's own 9pfs daemon (Xen 4.19+).</summary>
    Xen9pfsd,
}
