namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>The kind of VHD (qemu's <c>subformat</c> option).</summary>
public enum VhdSubformat
{
    /// <summary>Dynamic (sparse): a footer copy, a dynamic header, a block allocation table and 2 MiB blocks (default).</summary>
    Dynamic = 0,

    /// <summary>Fixed: the disk's bytes followed by a 512-byte footer. QEMU does not detect this format by itself:
    /// say <c>format=vhd</c> in xl (<c>-f vpc</c> for qemu-img).</summary>
    Fixed = 1,
}
