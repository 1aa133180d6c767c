namespace Xen.Hvm.DiskImages.Raw;

/// <summary>Options for raw images.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record RawOptions : DiskImageOptions
{
    /// <summary>Gets how disk space is reserved; <see cref="RawPreallocation.Off"/> (sparse) by default.</summary>
    public RawPreallocation Preallocation { get; init; }
}
