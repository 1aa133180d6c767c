namespace Xen.Hvm.DiskImages.Raw;

/// <summary>How a raw image reserves disk space (qemu's <c>preallocation</c> option).</summary>
public enum RawPreallocation
{
    /// <summary>Sparse: only written data takes space (default, like <c>truncate</c> or <c>dd … count=0 seek=N</c>).</summary>
    Off = 0,

    /// <summary>Reserve every block with <c>fallocate</c> without writing it (<c>preallocation=falloc</c>).</summary>
    Falloc = 1,

    /// <summary>Write every block, zeros included, like <c>dd if=/dev/zero</c> (<c>preallocation=full</c>).</summary>
    Full = 2,
}
