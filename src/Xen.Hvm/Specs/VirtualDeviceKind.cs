namespace Xen.Hvm.Specs;

/// <summary>The naming scheme of a virtual disk (xen-vbd-interface(7)).</summary>
public enum VirtualDeviceKind
{
    /// <summary>A Xen virtual disk: <c>xvd&lt;letters&gt;[N]</c> or <c>d&lt;N&gt;p&lt;M&gt;</c>.</summary>
    Xen,

    /// <summary>An IDE disk: <c>hd&lt;a-d&gt;[N]</c>.</summary>
    Ide,

    /// <summary>A SCSI disk: <c>sd&lt;a-p&gt;[N]</c>.</summary>
    Scsi,

    /// <summary>A raw xenstore device number (<c>0x301</c>, <c>769</c>): the legacy form, written to xenstore as is.</summary>
    Number,
}
