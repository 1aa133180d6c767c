namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>What a VHD is: its subformat and the footer's geometry, creator, unique ID and time stamp; a dynamic
/// VHD's block size is <see cref="DiskImageInfo.ClusterSize"/>.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record VhdImageInfo : DiskImageInfo
{
    /// <summary>Gets <see cref="DiskImageFormat.Vhd"/>.</summary>
    public override DiskImageFormat Format => DiskImageFormat.Vhd;

    /// <summary>Gets the subformat.</summary>
    public required VhdSubformat Subformat { get; init; }

    /// <summary>Gets the CHS geometry.</summary>
    public required VhdGeometry Geometry { get; init; }

    /// <summary>Gets the creator application as stored (four characters, e.g. <c>qemu</c>).</summary>
    public required string CreatorApplication { get; init; }

    /// <summary>Gets the unique ID.</summary>
    public required Guid UniqueId { get; init; }

    /// <summary>Gets the creation time stamp (whole seconds).</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
