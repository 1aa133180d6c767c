namespace Xen.Hvm.Specs;

/// <summary>The backend implementation of a disk (<c>backendtype=</c>; libxl <c>libxl_disk_backend</c>).</summary>
public enum DiskBackendType
{
    /// <summary>Not given: libxl chooses.</summary>
    Unknown,

    /// <summary>The kernel's blkback on a block device (<c>phy</c>). Xen 4.2+.</summary>
    Phy,

    /// <summary>blktap (<c>tap</c>). Xen 4.2+.</summary>
    Tap,

    /// <summary>qemu's disk backend (<c>qdisk</c>). Xen 4.2+.</summary>
    Qdisk,

    /// <summary>A standalone backend daemon (<c>standalone</c>). Xen 4.17+.</summary>
    Standalone,
}
