using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.DiskImages;

/// <summary>What an image file is: its format, the size the guest sees and the format's own settings.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record DiskImageInfo
{
    /// <summary>Gets the path of the image file.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the format.</summary>
    public required DiskImageFormat Format { get; init; }

    /// <summary>Gets the virtual size (what QEMU reports as <c>virtual-size</c> and the guest sees), in bytes.</summary>
    public required long Capacity { get; init; }

    /// <summary>Gets the length of the image file, in bytes (its apparent size; it may be sparse).</summary>
    public required long FileLength { get; init; }

    /// <summary>Gets the qcow2 cluster size or the dynamic VHD block size, or <see langword="null"/>.</summary>
    public int? ClusterSize { get; init; }

    /// <summary>Gets the qcow2 version (2 for <c>compat=0.10</c>, 3 for <c>compat=1.1</c>), or <see langword="null"/>.</summary>
    public int? Qcow2Version { get; init; }

    /// <summary>Gets the qcow2 refcount width in bits, or <see langword="null"/>.</summary>
    public int? RefcountBits { get; init; }

    /// <summary>Gets the qcow2 backing file name as stored in the image, or <see langword="null"/>.</summary>
    public string? BackingFile { get; init; }

    /// <summary>Gets the qcow2 backing file format, when the image names it.</summary>
    public DiskImageFormat? BackingFormat { get; init; }

    /// <summary>Gets the VHD subformat, or <see langword="null"/>.</summary>
    public VhdSubformat? VhdSubformat { get; init; }

    /// <summary>Gets the VHD CHS geometry, or <see langword="null"/>.</summary>
    public VhdGeometry? Geometry { get; init; }

    /// <summary>Gets the VHD creator application (e.g. <c>qemu</c>), or <see langword="null"/>.</summary>
    public string? CreatorApplication { get; init; }

    /// <summary>Gets the VHD unique ID, or <see langword="null"/>.</summary>
    public Guid? UniqueId { get; init; }

    /// <summary>Gets the VHD creation time stamp, or <see langword="null"/>.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
