using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.DiskImages;

/// <summary>
/// Creates, fills, converts and opens disk image files (raw, qcow2, VHD) that QEMU (and so Xen's qdisk backend)
/// accepts, and opens images on streams. The per-format <see cref="RawImage"/>, <see cref="Qcow2Image"/> and
/// <see cref="VhdImage"/> write onto streams; the path methods here write files and devices with the same writers.
/// </summary>
/// <remarks>
/// <para><b>Options choose the format.</b> Every write takes the options of one format (<see cref="RawOptions"/>,
/// <see cref="Qcow2Options"/>, <see cref="VhdOptions"/>), so options and format cannot disagree;
/// <see cref="DefaultOptions"/> and <see cref="ParseOptions"/> give them for a format known at run time.</para>
/// <para><b>Atomic.</b> A file is written through the library's one atomic-file helper: to a temporary file
/// (<c>.NAME.xenhvm-tmp-PID-RANDOM</c>) in the target's folder, flushed, and renamed to the target name only once
/// complete; a symbolic link is followed (its target is written, the link stays) and an existing file keeps its mode,
/// owner and group. On an exception, a cancellation or a full disk nothing is left under the target name, and every
/// write first removes the temporary files of its target left by killed processes. An existing file is replaced only
/// with <see cref="DiskImageOptions.Overwrite"/>; a device is never replaced by a file (<c>XH7016</c>), and is written
/// in place only with <see cref="DiskImageOptions.WriteToDevice"/>. Every option is validated before the first byte is
/// written.</para>
/// <para><b>Sizes.</b> Capacities are rounded up to a multiple of 512 bytes, as qemu-img does; VHD capacities are
/// further rounded up to a CHS geometry (see <see cref="VhdOptions"/>). The returned <see cref="DiskImageInfo"/> gives
/// the exact virtual size.</para>
/// <para><b>Hostile images.</b> An image's content is chosen by whoever wrote it (often a guest). Backing files
/// named in a qcow2 image are opened only as a <see cref="BackingFilePolicy"/> allows (none by default); a format is
/// probed from content only when it cannot redirect the read (a qcow2 header naming a backing file and a footer-only
/// VHD are read as raw unless the format is given, with <c>XH7013</c>); memory and the work of an extent walk stay
/// bounded whatever sizes a header declares (see <c>docs/limits.md</c>).</para>
/// <para><b>Streaming.</b> Fills and conversions read the source once, front to back, in 2 MiB windows on threads of
/// their own while earlier windows are written (a raw file up to two windows ahead, each window's halves on two
/// threads; any other source one window ahead); all-zero clusters are left unallocated, known-zero runs of image
/// sources are skipped without reading, and memory stays well under 64 MiB whatever the image size.</para>
/// </remarks>
public static partial class DiskImage
{
    /// <summary>Creates an empty image file, byte for byte as <c>qemu-img create</c> (QEMU 7.2) would.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="capacity">The requested virtual size in bytes (e.g. <c>ByteSize.Parse("10G")</c>).</param>
    /// <param name="options">The format's options (<c>new Qcow2Options()</c> for its defaults); their type is the format.</param>
    /// <returns>What was written, read back from the new file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive or exceeds the format's maximum, or
    /// an option is out of range (e.g. a cluster size that is not a power of two from 512 B to 2 MiB).</exception>
    /// <exception cref="ArgumentException">The path names a folder, or the options do not go together.</exception>
    /// <exception cref="DiskImageException">The qcow2 backing file cannot be used (<c>XH7010</c>), the target is a
    /// device (<c>XH7016</c>), exists without <see cref="DiskImageOptions.Overwrite"/> (<c>XH7021</c>), or cannot be
    /// written (<c>XH7019</c>: no such folder, no permission, a full disk ...).</exception>
    public static DiskImageInfo Create(string path, long capacity, DiskImageOptions options) =>
        Create(path, capacity, options, PhysicalFileSystem.Instance);

    /// <summary>Creates an empty image file asynchronously; see <see cref="Create(string, long, DiskImageOptions)"/>.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="capacity">The requested virtual size in bytes.</param>
    /// <param name="options">The format's options.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is left under <paramref name="path"/> then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The path names a folder, or the options do not go together.</exception>
    /// <exception cref="DiskImageException">The backing file, the target or the write failed (<c>XH7010</c>, <c>XH7016</c>, <c>XH7019</c>, <c>XH7021</c>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<DiskImageInfo> CreateAsync(string path, long capacity, DiskImageOptions options, CancellationToken cancellationToken = default) =>
        CreateAsync(path, capacity, options, PhysicalFileSystem.Instance, cancellationToken);

    /// <summary>Creates an image file filled from a stream (a raw disk, a <see cref="DiskImageStream"/> of another image ...).</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="source">The disk's bytes, read once from the current position (never disposed); shorter sources are padded with zeros.</param>
    /// <param name="options">The format's options.</param>
    /// <param name="capacity">The virtual size; when <see langword="null"/>, the source's remaining length (a
    /// non-seekable source then needs it).</param>
    /// <param name="progress">Receives progress now and then, and at the end.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/>, <paramref name="source"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The source cannot be read, is longer than the capacity, or its length is
    /// unknown and no capacity was given; or the options do not go together.</exception>
    /// <exception cref="DiskImageException">The backing file, the target or the write failed (<c>XH7010</c>, <c>XH7016</c>, <c>XH7019</c>, <c>XH7021</c>).</exception>
    /// <exception cref="IOException">Reading the source failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    public static DiskImageInfo CreateFrom(string path, Stream source, DiskImageOptions options, long? capacity = null, IProgress<DiskImageProgress>? progress = null) =>
        CreateFrom(path, source, options, capacity, progress, PhysicalFileSystem.Instance);

    /// <summary>Creates an image file filled from a stream, asynchronously; see <see cref="CreateFrom(string, Stream, DiskImageOptions, long?, IProgress{DiskImageProgress}?)"/>.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="source">The disk's bytes, read once from the current position (never disposed).</param>
    /// <param name="options">The format's options.</param>
    /// <param name="capacity">The virtual size, or <see langword="null"/> for the source's remaining length.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is left under <paramref name="path"/> then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/>, <paramref name="source"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The source or the options are not usable.</exception>
    /// <exception cref="DiskImageException">The backing file, the target or the write failed (<c>XH7010</c>, <c>XH7016</c>, <c>XH7019</c>, <c>XH7021</c>).</exception>
    /// <exception cref="IOException">Reading the source failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<DiskImageInfo> CreateFromAsync(
        string path,
        Stream source,
        DiskImageOptions options,
        long? capacity = null,
        IProgress<DiskImageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await WriteAsync(path, ContentSource.CapacityOf(source, capacity), options, source, progress, PhysicalFileSystem.Instance, async: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Converts an image file (raw, qcow2 or VHD, detected or given) into another file and format.</summary>
    /// <param name="sourcePath">The image to read.</param>
    /// <param name="targetPath">The image to create.</param>
    /// <param name="options">The target format's options.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="sourceFormat">The source format, or <see langword="null"/> to detect it (see <see cref="DetectFormat(string)"/>:
    /// a qcow2 overlay or a fixed VHD is then read as raw).</param>
    /// <param name="backingFiles">Which backing files of the source may be opened; <see langword="null"/> means
    /// <see cref="BackingFilePolicy.None"/>, so an overlay cannot be converted without a policy.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException">A path or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Both paths name the same file, or the options do not go together.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The source is too large for the target format, or an option is out of range.</exception>
    /// <exception cref="DiskImageException">The source image is invalid, unsupported, empty or damaged, a backing file is
    /// refused (<c>XH7007</c>–<c>XH7018</c>), or the target cannot be written (<c>XH7016</c>, <c>XH7019</c>, <c>XH7021</c>).</exception>
    /// <exception cref="IOException">The source cannot be opened or read.</exception>
    public static DiskImageInfo Convert(
        string sourcePath,
        string targetPath,
        DiskImageOptions options,
        IProgress<DiskImageProgress>? progress = null,
        DiskImageFormat? sourceFormat = null,
        BackingFilePolicy? backingFiles = null) =>
        Convert(sourcePath, targetPath, options, progress, sourceFormat, backingFiles, PhysicalFileSystem.Instance);

    /// <summary>Converts an image file asynchronously; see <see cref="Convert(string, string, DiskImageOptions, IProgress{DiskImageProgress}?, DiskImageFormat?, BackingFilePolicy?)"/>.</summary>
    /// <param name="sourcePath">The image to read.</param>
    /// <param name="targetPath">The image to create.</param>
    /// <param name="options">The target format's options.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="sourceFormat">The source format, or <see langword="null"/> to detect it.</param>
    /// <param name="backingFiles">Which backing files of the source may be opened; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the conversion; nothing is left under <paramref name="targetPath"/> then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException">A path or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Both paths name the same file, or the options do not go together.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The source is too large for the target format, or an option is out of range.</exception>
    /// <exception cref="DiskImageException">The source image is invalid, unsupported, empty or damaged, a backing file is
    /// refused, or the target cannot be written (<c>XH7007</c>–<c>XH7021</c>).</exception>
    /// <exception cref="IOException">The source cannot be opened or read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<DiskImageInfo> ConvertAsync(
        string sourcePath,
        string targetPath,
        DiskImageOptions options,
        IProgress<DiskImageProgress>? progress = null,
        DiskImageFormat? sourceFormat = null,
        BackingFilePolicy? backingFiles = null,
        CancellationToken cancellationToken = default) =>
        await ConvertAsync(sourcePath, targetPath, options, progress, sourceFormat, backingFiles, PhysicalFileSystem.Instance, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates an empty image through a file system of the tests' choosing.</summary>
    internal static DiskImageInfo Create(string path, long capacity, DiskImageOptions options, IImageFileSystem fileSystem) =>
        Synchronous.Result(WriteAsync(path, capacity, options, null, null, fileSystem, async: false, CancellationToken.None));

    /// <summary>Creates an empty image asynchronously through a file system of the tests' choosing.</summary>
    internal static async Task<DiskImageInfo> CreateAsync(string path, long capacity, DiskImageOptions options, IImageFileSystem fileSystem, CancellationToken cancellationToken) =>
        await WriteAsync(path, capacity, options, null, null, fileSystem, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates a filled image through a file system of the tests' choosing.</summary>
    internal static DiskImageInfo CreateFrom(string path, Stream source, DiskImageOptions options, long? capacity, IProgress<DiskImageProgress>? progress, IImageFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Synchronous.Result(WriteAsync(path, ContentSource.CapacityOf(source, capacity), options, source, progress, fileSystem, async: false, CancellationToken.None));
    }

    /// <summary>Converts through a file system of the tests' choosing.</summary>
    internal static DiskImageInfo Convert(
        string sourcePath,
        string targetPath,
        DiskImageOptions options,
        IProgress<DiskImageProgress>? progress,
        DiskImageFormat? sourceFormat,
        BackingFilePolicy? backingFiles,
        IImageFileSystem fileSystem)
    {
        using var source = OpenForConversion(sourcePath, targetPath, options, sourceFormat, backingFiles, fileSystem);
        return Synchronous.Result(WriteAsync(targetPath, source.Length, options, source, progress, fileSystem, async: false, CancellationToken.None));
    }

    /// <summary>Converts asynchronously through a file system of the tests' choosing.</summary>
    internal static async Task<DiskImageInfo> ConvertAsync(
        string sourcePath,
        string targetPath,
        DiskImageOptions options,
        IProgress<DiskImageProgress>? progress,
        DiskImageFormat? sourceFormat,
        BackingFilePolicy? backingFiles,
        IImageFileSystem fileSystem,
        CancellationToken cancellationToken)
    {
        var source = OpenForConversion(sourcePath, targetPath, options, sourceFormat, backingFiles, fileSystem);
        await using (source.ConfigureAwait(false))
        {
            return await WriteAsync(targetPath, source.Length, options, source, progress, fileSystem, async: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DiskImageStream OpenForConversion(
        string sourcePath,
        string targetPath,
        DiskImageOptions options,
        DiskImageFormat? sourceFormat,
        BackingFilePolicy? backingFiles,
        IImageFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(targetPath);
        ArgumentNullException.ThrowIfNull(options);
        string source = Path.GetFullPath(sourcePath);
        string target = Path.GetFullPath(targetPath);
        var targetStatus = fileSystem.GetStatus(target, followLinks: true);
        if (string.Equals(source, target, StringComparison.Ordinal) || fileSystem.GetStatus(source, followLinks: true).SameFileAs(targetStatus))
        {
            throw new ArgumentException("The source and the target are the same file.", nameof(targetPath));
        }

        if (!TryOpen(sourcePath, sourceFormat, backingFiles, fileSystem, out var stream, out var diagnostics))
        {
            throw new DiskImageException(diagnostics);
        }

        if (stream.Length == 0)
        {
            stream.Dispose();
            throw new DiskImageException([ImageDiagnostics.EmptySource(source)]);
        }

        return stream;
    }

    private static async ValueTask<DiskImageInfo> WriteAsync(
        string path,
        long capacity,
        DiskImageOptions options,
        Stream? source,
        IProgress<DiskImageProgress>? progress,
        IImageFileSystem fileSystem,
        bool async,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string fullPath = ImageTarget.FullPath(path);
        var plan = CreatePlan(fullPath, capacity, options, fileSystem);
        var kind = ImageTarget.Check(fileSystem, fullPath, options);
        cancellationToken.ThrowIfCancellationRequested();
        var content = source is null ? null : ContentSource.From(source);
        var (written, deviceLength) = await ImageTarget.WriteAsync(
            fileSystem,
            fullPath,
            kind,
            options,
            plan.PreallocationSize,
            file => plan.WriteAsync(file, content, progress, async, cancellationToken),
            cancellationToken).ConfigureAwait(false);

        // Read back what was written, without opening backing files (they may be unreadable and still valid to name);
        // on a device, only the length written counts.
        var problems = new List<Diagnostic>();
        IImageReadFile file;
        try
        {
            file = fileSystem.OpenRead(written);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DiskImageException([ImageDiagnostics.Access(fullPath, "read back", ex)]);
        }

        return plan.Describe(file, deviceLength ?? file.Length, fullPath, problems) ?? throw new DiskImageException(problems);
    }
}
