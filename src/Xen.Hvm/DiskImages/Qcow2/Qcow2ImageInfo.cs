namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>What a qcow2 image is: its header's settings and the backing file it names.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record Qcow2ImageInfo : DiskImageInfo
{
    /// <summary>Gets <see cref="DiskImageFormat.Qcow2"/>.</summary>
    public override DiskImageFormat Format => DiskImageFormat.Qcow2;

    /// <summary>Gets the header version (<see cref="Qcow2Version.V2"/> for <c>compat=0.10</c>, <see cref="Qcow2Version.V3"/> for <c>compat=1.1</c>).</summary>
    public required Qcow2Version Version { get; init; }

    /// <summary>Gets the refcount width in bits.</summary>
    public required int RefcountBits { get; init; }

    /// <summary>Gets the backing file name as stored in the image, or <see langword="null"/>; it is never opened to describe the image.</summary>
    public string? BackingFile { get; init; }

    /// <summary>Gets the backing file format, when the image names it.</summary>
    public DiskImageFormat? BackingFormat { get; init; }
}
