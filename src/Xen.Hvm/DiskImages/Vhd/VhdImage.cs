using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>
/// Writes VHD images (fixed or dynamic) onto streams, an empty one byte for byte as <c>qemu-img create -f vpc</c>
/// writes it; <see cref="DiskImage"/> writes files and devices on top of the same writer.
/// </summary>
/// <remarks>
/// <para>The target must read, write and seek. Its content is replaced by the image, written from offset 0 (its length
/// is set to 0 first). With <c>leaveOpen: false</c> the target is disposed once written, or when writing fails; if
/// writing fails it holds part of an image (the path methods of <see cref="DiskImage"/> are the ones that leave
/// nothing behind).</para>
/// <para>The capacity is rounded up to a CHS geometry unless <see cref="VhdOptions.ForceSize"/> is set; the VHD maximum
/// is 2040 GiB. Unallocated blocks of a dynamic VHD and all-zero 4 KiB pieces of a fixed one stay sparse.</para>
/// </remarks>
public static class VhdImage
{
    private static readonly StreamWriters<VhdOptions, VhdImageInfo> s_writers = new(static (capacity, options) => CreatePlan(capacity, options));

    /// <summary>Writes an empty VHD onto a stream.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="capacity">The requested virtual size in bytes, rounded up as <see cref="VhdOptions"/> says.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open; otherwise it is disposed.</param>
    /// <returns>What was written, read back from the stream.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive or over 2040 GiB, or an option is undefined.</exception>
    /// <exception cref="ArgumentException">The stream cannot read, write and seek.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    public static VhdImageInfo Create(Stream target, long capacity, VhdOptions? options = null, bool leaveOpen = false) =>
        s_writers.Create(target, capacity, options, leaveOpen);

    /// <summary>Writes an empty VHD onto a stream, asynchronously; see <see cref="Create"/>.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="capacity">The requested virtual size in bytes.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The stream cannot read, write and seek.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<VhdImageInfo> CreateAsync(Stream target, long capacity, VhdOptions? options = null, bool leaveOpen = false, CancellationToken cancellationToken = default) =>
        s_writers.CreateAsync(target, capacity, options, leaveOpen, cancellationToken);

    /// <summary>Writes a VHD filled from a source (a raw disk, a <see cref="DiskImageStream"/> of another image ...) onto a stream.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="source">The disk's bytes, read once from its current position (never disposed); a shorter source is padded with zeros.</param>
    /// <param name="capacity">The requested virtual size; <see langword="null"/> for the source's remaining length (a non-seekable source then needs it).</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="progress">Receives progress now and then, and at the end.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">A stream cannot be used: the target must read, write and seek; the source
    /// must read, and is longer than the capacity or of unknown length without one.</exception>
    /// <exception cref="IOException">Reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    public static VhdImageInfo CreateFrom(Stream target, Stream source, long? capacity = null, VhdOptions? options = null, bool leaveOpen = false, IProgress<DiskImageProgress>? progress = null) =>
        s_writers.CreateFrom(target, source, capacity, options, leaveOpen, progress);

    /// <summary>Writes a VHD filled from a source onto a stream, asynchronously; see <see cref="CreateFrom"/>.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="source">The disk's bytes, read once from its current position (never disposed).</param>
    /// <param name="capacity">The requested virtual size, or <see langword="null"/> for the source's remaining length.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">A stream cannot be used; see <see cref="CreateFrom"/>.</exception>
    /// <exception cref="IOException">Reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<VhdImageInfo> CreateFromAsync(
        Stream target,
        Stream source,
        long? capacity = null,
        VhdOptions? options = null,
        bool leaveOpen = false,
        IProgress<DiskImageProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        s_writers.CreateFromAsync(target, source, capacity, options, leaveOpen, progress, cancellationToken);

    /// <summary>Returns the capacity a VHD of the requested size gets (see <see cref="VhdOptions.ForceSize"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive or over 2040 GiB.</exception>
    internal static (long Capacity, VhdGeometry Geometry) RoundCapacity(long capacity, bool forceSize)
    {
        var (rounded, geometry) = VhdSizing.Round(ImagePreconditions.RoundCapacity(capacity), forceSize);
        if (rounded > VhdSizing.MaxCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Value should be in range [1-{VhdSizing.MaxCapacity}] (2040 GiB, the VHD maximum).");
        }

        return (rounded, geometry);
    }

    /// <summary>Checks the options and plans a write.</summary>
    internal static ImageWritePlan CreatePlan(long capacity, VhdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (size, geometry) = RoundCapacity(capacity, options.ForceSize);
        ImagePreconditions.CheckDefined(options.Subformat, nameof(VhdOptions.Subformat));
        return new Plan(size, geometry, options);
    }


    private sealed class Plan(long capacity, VhdGeometry geometry, VhdOptions options) : ImageWritePlan(capacity)
    {
        protected override ImageWriter CreateWriter(IImageFile file) => new VhdWriter(file, Capacity, geometry, options);

        protected override DiskImageStream? Open(IImageReadFile file, long length, string? path, List<Diagnostic> problems) =>
            VhdImageStream.Open(file, path, length, problems);
    }
}
