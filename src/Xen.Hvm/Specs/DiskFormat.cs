namespace Xen.Hvm.Specs;

/// <summary>The image format of a disk (<c>format=</c>; libxl <c>libxl_disk_format</c>).</summary>
public enum DiskFormat
{
    /// <summary>A raw image or block device (the default, also for an empty <c>format=</c>). Xen 4.2+.</summary>
    Raw,

    /// <summary>qcow (version 1). Xen 4.2+.</summary>
    Qcow,

    /// <summary>qcow2. Xen 4.2+.</summary>
    Qcow2,

    /// <summary>VHD. Xen 4.2+.</summary>
    Vhd,

    /// <summary>QED (qemu enhanced disk). Xen 4.10 or earlier.</summary>
    Qed,

    /// <summary>No medium: an empty removable drive (a CD-ROM without target). Xen 4.2+.</summary>
    Empty,
}
