using System.Text;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>
/// Writes qcow2 images onto streams, an empty one byte for byte as <c>qemu-img create</c> (QEMU 7.2) writes it;
/// <see cref="DiskImage"/> writes files and devices on top of the same writer.
/// </summary>
/// <remarks>
/// <para>The target must read, write and seek. Its content is replaced by the image, written from offset 0 (its length
/// is set to 0 first). With <c>leaveOpen: false</c> the target is disposed once written, or when writing fails; if
/// writing fails it holds part of an image (the path methods of <see cref="DiskImage"/> are the ones that leave
/// nothing behind).</para>
/// <para>A stream has no folder, so a <see cref="Qcow2Options.BackingFile"/> is stored as given, never looked up, and
/// needs <see cref="Qcow2Options.BackingFormat"/>.</para>
/// </remarks>
public static class Qcow2Image
{
    private static readonly StreamWriters<Qcow2Options, Qcow2ImageInfo> s_writers = new(static (capacity, options) => CreatePlan(capacity, options, static (_, given) => given
        ?? throw new ArgumentException("A qcow2 image written to a stream has no folder to find its backing file in: give BackingFormat.", nameof(options))));

    /// <summary>Writes an empty qcow2 image onto a stream.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="capacity">The virtual size in bytes, rounded up to a multiple of 512.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open; otherwise it is disposed.</param>
    /// <returns>What was written, read back from the stream.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive or more than the L1 table can map, or
    /// an option is out of range (a cluster size that is not a power of two from 512 B to 2 MiB ...).</exception>
    /// <exception cref="ArgumentException">The stream cannot read, write and seek, or the options do not go together
    /// (a backing file without a format, or with preallocation ...).</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    public static Qcow2ImageInfo Create(Stream target, long capacity, Qcow2Options? options = null, bool leaveOpen = false) =>
        s_writers.Create(target, capacity, options, leaveOpen);

    /// <summary>Writes an empty qcow2 image onto a stream, asynchronously; see <see cref="Create"/>.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="capacity">The virtual size in bytes.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The stream cannot read, write and seek, or the options do not go together.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<Qcow2ImageInfo> CreateAsync(Stream target, long capacity, Qcow2Options? options = null, bool leaveOpen = false, CancellationToken cancellationToken = default) =>
        s_writers.CreateAsync(target, capacity, options, leaveOpen, cancellationToken);

    /// <summary>Writes a qcow2 image filled from a source (a raw disk, a <see cref="DiskImageStream"/> of another image ...) onto a stream.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="source">The disk's bytes, read once from its current position (never disposed); a shorter source is
    /// padded with zeros. All-zero clusters are left unallocated.</param>
    /// <param name="capacity">The virtual size; <see langword="null"/> for the source's remaining length (a non-seekable source then needs it).</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="progress">Receives progress now and then, and at the end.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">A stream cannot be used (the target must read, write and seek; the source
    /// must read, and is longer than the capacity or of unknown length without one), or the options do not go together.</exception>
    /// <exception cref="IOException">Reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    public static Qcow2ImageInfo CreateFrom(Stream target, Stream source, long? capacity = null, Qcow2Options? options = null, bool leaveOpen = false, IProgress<DiskImageProgress>? progress = null) =>
        s_writers.CreateFrom(target, source, capacity, options, leaveOpen, progress);

    /// <summary>Writes a qcow2 image filled from a source onto a stream, asynchronously; see <see cref="CreateFrom"/>.</summary>
    /// <param name="target">The stream the image replaces the content of.</param>
    /// <param name="source">The disk's bytes, read once from its current position (never disposed).</param>
    /// <param name="capacity">The virtual size, or <see langword="null"/> for the source's remaining length.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="target"/> open.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">A stream or the options cannot be used; see <see cref="CreateFrom"/>.</exception>
    /// <exception cref="IOException">Reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<Qcow2ImageInfo> CreateFromAsync(
        Stream target,
        Stream source,
        long? capacity = null,
        Qcow2Options? options = null,
        bool leaveOpen = false,
        IProgress<DiskImageProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        s_writers.CreateFromAsync(target, source, capacity, options, leaveOpen, progress, cancellationToken);

    /// <summary>
    /// Checks the options and plans a write. <paramref name="backingFormat"/> is asked for the format to record for
    /// the backing file (given the one in the options, if any); it checks the file where there is one.
    /// </summary>
    internal static ImageWritePlan CreatePlan(long capacity, Qcow2Options options, Func<string, DiskImageFormat?, DiskImageFormat> backingFormat)
    {
        ArgumentNullException.ThrowIfNull(options);
        long size = ImagePreconditions.RoundCapacity(capacity);
        ImagePreconditions.CheckDefined(options.Version, nameof(Qcow2Options.Version));
        ImagePreconditions.CheckDefined(options.Preallocation, nameof(Qcow2Options.Preallocation));
        int clusterSize = options.ClusterSize;
        if (clusterSize is < Qcow2Options.MinClusterSize or > Qcow2Options.MaxClusterSize || (clusterSize & (clusterSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), clusterSize, "ClusterSize should be a power of two in range [512-2097152].");
        }

        int bits = options.RefcountBits;
        if (bits is < 1 or > 64 || (bits & (bits - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), bits, "RefcountBits should be 1, 2, 4, 8, 16, 32 or 64.");
        }

        if (options.Version == Qcow2Version.V2 && bits != 16)
        {
            throw new ArgumentException("Version 2 (compat=0.10) images have 16-bit refcounts only.", nameof(options));
        }

        long l1Bytes = Qcow2Writer.L1Size(size, clusterSize) * 8;
        if (l1Bytes > Qcow2Header.MaxL1Bytes)
        {
            long max = Qcow2Header.MaxL1Bytes / 8 * clusterSize * (clusterSize / 8);
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Value should be in range [1-{max}] for {clusterSize}-byte clusters (QEMU's 32 MiB L1 table limit).");
        }

        if (options.BackingFile is not { } backing)
        {
            if (options.BackingFormat is not null)
            {
                throw new ArgumentException("BackingFormat needs a BackingFile.", nameof(options));
            }

            return new Plan(size, options, null, null);
        }

        if (backing.Length == 0 || Encoding.UTF8.GetByteCount(backing) > Qcow2Header.MaxBackingFileNameLength || backing.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The backing file name must be 1 to 1023 UTF-8 bytes with no NUL.", nameof(options));
        }

        if (options.Preallocation != Qcow2Preallocation.Off)
        {
            throw new ArgumentException("A backing file and preallocation cannot be used together (QEMU needs extended L2 entries for that).", nameof(options));
        }

        // Every format name (raw, qcow2, vpc) pads to the same 8 bytes, so the fit is known before the file is probed.
        if (Qcow2Header.MeasureLength((int)options.Version, clusterSize, backing, "qcow2") > clusterSize)
        {
            throw new ArgumentException($"The header and the backing file name do not fit in one {clusterSize}-byte cluster.", nameof(options));
        }

        var format = backingFormat(backing, options.BackingFormat);
        ImagePreconditions.CheckDefined(format, nameof(Qcow2Options.BackingFormat));
        return new Plan(size, options, backing, FormatNames.Qemu(format));
    }


    private sealed class Plan(long capacity, Qcow2Options options, string? backingFile, string? backingFormat) : ImageWritePlan(capacity)
    {
        public override async ValueTask WriteAsync(IImageFile file, ContentSource? source, IProgress<DiskImageProgress>? progress, bool async, CancellationToken cancellationToken)
        {
            if (source is null)
            {
                await Qcow2Writer.WriteEmptyAsync(file, Capacity, options, backingFile, backingFormat, async, cancellationToken).ConfigureAwait(false);
                return;
            }

            await base.WriteAsync(file, source, progress, async, cancellationToken).ConfigureAwait(false);
        }

        protected override ImageWriter CreateWriter(IImageFile file) => new Qcow2Writer(file, Capacity, options, backingFile, backingFormat);

        protected override DiskImageStream? Open(IImageReadFile file, long length, string? path, List<Diagnostic> problems) =>
            Qcow2ImageStream.Open(file, path, path, length, new NamingOnlyOpener(problems), 0);
    }
}
