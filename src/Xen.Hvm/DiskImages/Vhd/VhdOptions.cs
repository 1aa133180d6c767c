namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>Options for VHD images; the defaults are those of <c>qemu-img create -f vpc</c>.</summary>
/// <remarks>
/// <para>Without <see cref="ForceSize"/> the capacity is rounded up to the next size a CHS geometry can express, as
/// qemu-img does, so that QEMU (which sizes such images by their geometry) and Xen see every byte.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed record VhdOptions : DiskImageOptions
{
    /// <summary>Gets the subformat; <see cref="VhdSubformat.Dynamic"/> by default.</summary>
    public VhdSubformat Subformat { get; init; }

    /// <summary>Gets a value indicating whether the exact capacity is kept (creator <c>qem2</c>, geometry
    /// 65535/16/255, like qemu's <c>force_size=on</c>) instead of rounding it up to a CHS geometry. Virtual PC
    /// itself would then see a different size.</summary>
    public bool ForceSize { get; init; }

    /// <summary>Gets the unique ID to store; a new random one when <see langword="null"/>.</summary>
    public Guid? UniqueId { get; init; }

    /// <summary>Gets the creation time to store (whole seconds since 2000-01-01 UTC); now when <see langword="null"/>.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
