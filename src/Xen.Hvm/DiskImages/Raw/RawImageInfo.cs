namespace Xen.Hvm.DiskImages.Raw;

/// <summary>What a raw image is: the disk's bytes, nothing else.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record RawImageInfo : DiskImageInfo
{
    /// <summary>Gets <see cref="DiskImageFormat.Raw"/>.</summary>
    public override DiskImageFormat Format => DiskImageFormat.Raw;
}
