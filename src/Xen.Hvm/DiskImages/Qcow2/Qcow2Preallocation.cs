namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>How a qcow2 image is preallocated (qemu's <c>preallocation</c> option).</summary>
public enum Qcow2Preallocation
{
    /// <summary>Nothing is allocated until written (default).</summary>
    Off = 0,

    /// <summary>Every L2 table and data cluster is allocated up front; the file is as long as the disk but sparse.</summary>
    Metadata = 1,
}
