namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>The qcow2 header version (qemu's <c>compat</c> option).</summary>
public enum Qcow2Version
{
    /// <summary>Version 2 (<c>compat=0.10</c>): a 72-byte header, 16-bit refcounts, no zero clusters; read by every QEMU.</summary>
    V2 = 2,

    /// <summary>Version 3 (<c>compat=1.1</c>), qemu-img's default since QEMU 1.7.</summary>
    V3 = 3,
}
