namespace Xen.Hvm.DiskImages;

/// <summary>The on-disk formats this library writes and reads.</summary>
public enum DiskImageFormat
{
    /// <summary>A plain file holding the disk's bytes (<c>format=raw</c> in xl, <c>raw</c> in QEMU).</summary>
    Raw = 0,

    /// <summary>QEMU copy-on-write version 2 (<c>format=qcow2</c>), read by QEMU (qdisk) under Xen.</summary>
    Qcow2 = 1,

    /// <summary>Microsoft Virtual Hard Disk (<c>format=vhd</c> in xl, <c>vpc</c> in QEMU), fixed or dynamic.</summary>
    Vhd = 2,
}
