using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Raw;

/// <summary>
/// Writes raw images (the disk's bytes, nothing else) onto streams; <see cref="DiskImage"/> writes files and devices
/// on top of the same writer.
/// </summary>
/// <remarks>
/// <para>The target must read, write and seek. Its content is replaced by the image, written from offset 0: its length
/// is set to 0 first (so a file stream keeps its holes) and to the capacity at the end. With <c>leaveOpen: false</c>
/// the target is disposed once written, or when writing fails; if writing fails it holds part of an image (the path
/// methods of <see cref="DiskImage"/> are the ones that leave nothing behind).</para>
/// <para>All-zero 4 KiB pieces of the source are left as holes (written as zeros with <see cref="RawPreallocation.Full"/>).
/// <see cref="RawPreallocation.Falloc"/> needs a file that is being created, so it is refused on a stream.</para>
/// </remarks>
public static class RawImage
{
    private static readonly StreamWriters<RawOptions, RawImageInfo> s_writers = new(static (capacity, options) => CreatePlan(capacity, options, onStream: true));

    /// <summary>Writes an empty raw image (all zeros) onto a stream.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="capacity">The virtual size in bytes, rounded up to a multiple of 512.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open; otherwise it is disposed.</param>
    /// <returns>What was written, read back from the stream.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot read, write and seek, or <see cref="RawPreallocation.Falloc"/> was asked for.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive, or an option is undefined.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    public static RawImageInfo Create(Stream target, long capacity, RawOptions? options = null, bool leaveOpen = false) =>
        s_writers.Create(target, capacity, options, leaveOpen);

    /// <summary>Writes an empty raw image onto a stream, asynchronously; see <see cref="Create"/>.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="capacity">The virtual size in bytes.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot read, write and seek, or <see cref="RawPreallocation.Falloc"/> was asked for.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive, or an option is undefined.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<RawImageInfo> CreateAsync(Stream target, long capacity, RawOptions? options = null, bool leaveOpen = false, CancellationToken cancellationToken = default) =>
        s_writers.CreateAsync(target, capacity, options, leaveOpen, cancellationToken);

    /// <summary>Writes a raw image filled from a source (a raw disk, a <see cref="DiskImageStream"/> of another image ...) onto a stream.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="source">The disk's bytes, read once from its current position (never disposed); a shorter source is padded with zeros.</param>
    /// <param name="capacity">The virtual size; <see langword="null"/> for the source's remaining length (a non-seekable source then needs it).</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="progress">Receives progress now and then, and at the end.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A stream cannot be used (the target must read, write and seek; the source
    /// must read, and is longer than the capacity or of unknown length without one), or <see cref="RawPreallocation.Falloc"/> was asked for.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive, or an option is undefined.</exception>
    /// <exception cref="IOException">Reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    public static RawImageInfo CreateFrom(Stream target, Stream source, long? capacity = null, RawOptions? options = null, bool leaveOpen = false, IProgress<DiskImageProgress>? progress = null) =>
        s_writers.CreateFrom(target, source, capacity, options, leaveOpen, progress);

    /// <summary>Writes a raw image filled from a source onto a stream, asynchronously; see <see cref="CreateFrom"/>.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="source">The disk's bytes, read once from its current position (never disposed).</param>
    /// <param name="capacity">The virtual size, or <see langword="null"/> for the source's remaining length.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A stream or an option cannot be used; see <see cref="CreateFrom"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive, or an option is undefined.</exception>
    /// <exception cref="IOException">Reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<RawImageInfo> CreateFromAsync(
        Stream target,
        Stream source,
        long? capacity = null,
        RawOptions? options = null,
        bool leaveOpen = false,
        IProgress<DiskImageProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        s_writers.CreateFromAsync(target, source, capacity, options, leaveOpen, progress, cancellationToken);

    /// <summary>Checks the options and plans a write; <paramref name="onStream"/> refuses what only a new file can do.</summary>
    internal static ImageWritePlan CreatePlan(long capacity, RawOptions options, bool onStream)
    {
        ArgumentNullException.ThrowIfNull(options);
        long size = ImagePreconditions.RoundCapacity(capacity);
        ImagePreconditions.CheckDefined(options.Preallocation, nameof(RawOptions.Preallocation));
        if (onStream && options.Preallocation == RawPreallocation.Falloc)
        {
            throw new ArgumentException("Falloc preallocation reserves the space of a file as it is created; on a stream use Full or Off.", nameof(options));
        }

        return new Plan(size, options.Preallocation);
    }


    private sealed class Plan(long capacity, RawPreallocation preallocation) : ImageWritePlan(capacity)
    {
        public override long PreallocationSize => preallocation == RawPreallocation.Falloc ? Capacity : 0;

        protected override ImageWriter CreateWriter(IImageFile file) => new RawWriter(file, Capacity, preallocation);

        protected override DiskImageStream? Open(IImageReadFile file, long length, string? path, List<Diagnostic> problems) =>
            new FlatImageStream(file, new RawImageInfo { Path = path, Capacity = length, FileLength = length }, length);
    }
}
