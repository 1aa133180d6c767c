namespace Xen.Hvm.DiskImages;

/// <summary>
/// What an image is: its format, the size the guest sees, and (in the per-format records <see cref="Raw.RawImageInfo"/>,
/// <see cref="Qcow2.Qcow2ImageInfo"/>, <see cref="Vhd.VhdImageInfo"/>) the format's own settings.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public abstract record DiskImageInfo
{
    /// <summary>Constructs the description; only the library's per-format records derive from this type.</summary>
    private protected DiskImageInfo()
    {
    }

    /// <summary>Gets the path of the image file, or <see langword="null"/> for an image read from or written to a
    /// stream that is not a <see cref="FileStream"/>.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the format.</summary>
    public abstract DiskImageFormat Format { get; }

    /// <summary>Gets the virtual size (what QEMU reports as <c>virtual-size</c> and the guest sees), in bytes.</summary>
    public required long Capacity { get; init; }

    /// <summary>Gets the length of the image file or stream, in bytes (its apparent size; a file may be sparse).</summary>
    public required long FileLength { get; init; }

    /// <summary>Gets the allocation unit: the qcow2 cluster size or the dynamic VHD block size; <see langword="null"/>
    /// for raw images and fixed VHDs.</summary>
    public int? ClusterSize { get; init; }
}
