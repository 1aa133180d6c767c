using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.DiskImages;

/// <summary>
/// Creates, fills, converts and opens disk images (raw, qcow2, VHD) that QEMU (and so Xen's qdisk backend) accepts.
/// </summary>
/// <remarks>
/// <para><b>Atomic.</b> Every write goes to a temporary file in the target directory that is renamed to the target
/// name only once complete; on an exception, a cancellation or a full disk nothing is left under the target name. An
/// existing file is replaced only with <see cref="DiskImageOptions.Overwrite"/>. Every option is validated before
/// the first byte is written.</para>
/// <para><b>Sizes.</b> Capacities are rounded up to a multiple of 512 bytes, as qemu-img does; VHD capacities are
/// further rounded up to a CHS geometry (see <see cref="VhdOptions"/>). The returned <see cref="DiskImageInfo"/> gives
/// the exact virtual size.</para>
/// <para><b>Hostile images.</b> An image's content is chosen by whoever wrote it (often a guest). Backing files
/// named in a qcow2 image are opened only as a <see cref="BackingFilePolicy"/> allows (none by default); a format is
/// probed from content only when it cannot redirect the read (a qcow2 header naming a backing file and a footer-only
/// VHD are read as raw unless the format is given, with <c>XH7013</c>); memory and the work of an extent walk stay
/// bounded whatever sizes a header declares (see <c>docs/limits.md</c>).</para>
/// <para><b>Streaming.</b> Fills and conversions read the source once, in order, through one pooled 4 MiB window;
/// all-zero clusters are left unallocated, known-zero runs of image sources are skipped without reading, and memory
/// stays well under 64 MiB whatever the image size.</para>
/// </remarks>
public static class DiskImage
{
    /// <summary>Creates an empty image, byte for byte as <c>qemu-img create</c> (QEMU 7.2) would.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="format">The format.</param>
    /// <param name="capacity">The requested virtual size in bytes (e.g. <c>ByteSize.Parse("10G")</c>).</param>
    /// <param name="options">Options: <see cref="RawOptions"/>, <see cref="Qcow2Options"/>, <see cref="VhdOptions"/>, or defaults.</param>
    /// <returns>What was written, read back from the new file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive or exceeds the format's maximum, or
    /// an option is out of range (e.g. a cluster size that is not a power of two from 512 B to 2 MiB).</exception>
    /// <exception cref="ArgumentException">The options do not belong to the format, or do not go together.</exception>
    /// <exception cref="FileNotFoundException">The qcow2 backing file does not exist.</exception>
    /// <exception cref="IOException">The file exists and <see cref="DiskImageOptions.Overwrite"/> is not set, or writing failed.</exception>
    public static DiskImageInfo Create(string path, DiskImageFormat format, long capacity, DiskImageOptions? options = null) =>
        Sync(WriteAsync(path, format, capacity, options, null, null, async: false, CancellationToken.None));

    /// <summary>Creates an empty image asynchronously; see <see cref="Create"/>.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="format">The format.</param>
    /// <param name="capacity">The requested virtual size in bytes.</param>
    /// <param name="options">Options, or defaults.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is left under <paramref name="path"/> then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The options do not belong to the format, or do not go together.</exception>
    /// <exception cref="FileNotFoundException">The qcow2 backing file does not exist.</exception>
    /// <exception cref="IOException">The file exists without <see cref="DiskImageOptions.Overwrite"/>, or writing failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<DiskImageInfo> CreateAsync(
        string path,
        DiskImageFormat format,
        long capacity,
        DiskImageOptions? options = null,
        CancellationToken cancellationToken = default) =>
        await WriteAsync(path, format, capacity, options, null, null, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates an image filled from a stream (a raw disk, a <see cref="DiskImageStream"/> of another image ...).</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="format">The format.</param>
    /// <param name="source">The disk's bytes, read once from the current position; shorter sources are padded with zeros.</param>
    /// <param name="capacity">The virtual size; when <see langword="null"/>, the source's remaining length (a
    /// non-seekable source then needs it).</param>
    /// <param name="options">Options, or defaults.</param>
    /// <param name="progress">Receives progress now and then, and at the end.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The source cannot be read, is longer than the capacity, or its length is
    /// unknown and no capacity was given; or the options do not fit the format.</exception>
    /// <exception cref="FileNotFoundException">The qcow2 backing file does not exist.</exception>
    /// <exception cref="IOException">The file exists without <see cref="DiskImageOptions.Overwrite"/>, or reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    public static DiskImageInfo CreateFrom(
        string path,
        DiskImageFormat format,
        Stream source,
        long? capacity = null,
        DiskImageOptions? options = null,
        IProgress<DiskImageProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Sync(WriteAsync(path, format, SourceCapacity(source, capacity), options, source, progress, async: false, CancellationToken.None));
    }

    /// <summary>Creates an image filled from a stream, asynchronously; see <see cref="CreateFrom"/>.</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="format">The format.</param>
    /// <param name="source">The disk's bytes.</param>
    /// <param name="capacity">The virtual size, or <see langword="null"/> for the source's remaining length.</param>
    /// <param name="options">Options, or defaults.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is left under <paramref name="path"/> then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The source or the options are not usable; see <see cref="CreateFrom"/>.</exception>
    /// <exception cref="FileNotFoundException">The qcow2 backing file does not exist.</exception>
    /// <exception cref="IOException">The file exists without <see cref="DiskImageOptions.Overwrite"/>, or reading or writing failed.</exception>
    /// <exception cref="InvalidDataException">A non-seekable source turned out longer than the capacity.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<DiskImageInfo> CreateFromAsync(
        string path,
        DiskImageFormat format,
        Stream source,
        long? capacity = null,
        DiskImageOptions? options = null,
        IProgress<DiskImageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await WriteAsync(path, format, SourceCapacity(source, capacity), options, source, progress, async: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Converts an image file (raw, qcow2 or VHD, detected or given) into another file and format.</summary>
    /// <param name="sourcePath">The image to read.</param>
    /// <param name="targetPath">The image to create.</param>
    /// <param name="format">The target format.</param>
    /// <param name="options">Target options, or defaults.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="sourceFormat">The source format, or <see langword="null"/> to detect it (see <see cref="DetectFormat(string)"/>:
    /// a qcow2 overlay or a fixed VHD is then read as raw).</param>
    /// <param name="backingFiles">Which backing files of the source may be opened; <see langword="null"/> means
    /// <see cref="BackingFilePolicy.None"/>, so an overlay cannot be converted without a policy.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException">A path is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Both paths name the same file, or the options do not fit the format.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The source is too large for the target format, or an option is out of range.</exception>
    /// <exception cref="DiskImageException">The source image is invalid, unsupported, empty or damaged, a backing file is
    /// refused (<c>XH7007</c>–<c>XH7018</c>), or the target is a device (<c>XH7016</c>).</exception>
    /// <exception cref="IOException">The target exists without <see cref="DiskImageOptions.Overwrite"/>, or reading or writing failed.</exception>
    public static DiskImageInfo Convert(
        string sourcePath,
        string targetPath,
        DiskImageFormat format,
        DiskImageOptions? options = null,
        IProgress<DiskImageProgress>? progress = null,
        DiskImageFormat? sourceFormat = null,
        BackingFilePolicy? backingFiles = null)
    {
        using var source = OpenForConversion(sourcePath, targetPath, sourceFormat, backingFiles, options);
        return Sync(WriteAsync(targetPath, format, source.Length, options, source, progress, async: false, CancellationToken.None));
    }

    /// <summary>Converts an image file asynchronously; see <see cref="Convert"/>.</summary>
    /// <param name="sourcePath">The image to read.</param>
    /// <param name="targetPath">The image to create.</param>
    /// <param name="format">The target format.</param>
    /// <param name="options">Target options, or defaults.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="sourceFormat">The source format, or <see langword="null"/> to detect it.</param>
    /// <param name="backingFiles">Which backing files of the source may be opened; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the conversion; nothing is left under <paramref name="targetPath"/> then.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentNullException">A path is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Both paths name the same file, or the options do not fit the format.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The source is too large for the target format, or an option is out of range.</exception>
    /// <exception cref="DiskImageException">The source image is invalid, unsupported, empty or damaged, a backing file is
    /// refused, or the target is a device (<c>XH7007</c>–<c>XH7018</c>).</exception>
    /// <exception cref="IOException">The target exists without <see cref="DiskImageOptions.Overwrite"/>, or reading or writing failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<DiskImageInfo> ConvertAsync(
        string sourcePath,
        string targetPath,
        DiskImageFormat format,
        DiskImageOptions? options = null,
        IProgress<DiskImageProgress>? progress = null,
        DiskImageFormat? sourceFormat = null,
        BackingFilePolicy? backingFiles = null,
        CancellationToken cancellationToken = default)
    {
        var source = OpenForConversion(sourcePath, targetPath, sourceFormat, backingFiles, options);
        await using (source.ConfigureAwait(false))
        {
            return await WriteAsync(targetPath, format, source.Length, options, source, progress, async: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens an image for reading its virtual disk.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it (see <see cref="DetectFormat(string)"/>).</param>
    /// <param name="backingFiles">Which qcow2 backing files may be opened; <see langword="null"/> means
    /// <see cref="BackingFilePolicy.None"/>, so an overlay cannot be opened without a policy (<c>XH7011</c>).</param>
    /// <returns>The stream; dispose it to close the file (and any backing files).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="DiskImageException">The image is invalid, unsupported or not a file, or a backing file is
    /// refused (<c>XH7007</c>–<c>XH7015</c>).</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static DiskImageStream Open(string path, DiskImageFormat? format = null, BackingFilePolicy? backingFiles = null)
    {
        if (!TryOpen(path, format, backingFiles, out var stream, out var diagnostics))
        {
            throw new DiskImageException(diagnostics);
        }

        return stream;
    }

    /// <summary>Tries to open an image, opening no backing file; invalid images give diagnostics instead of an exception.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="stream">The stream, when the image can be read.</param>
    /// <param name="diagnostics">Errors (and warnings, such as a bad footer copy or a format read as raw) found.</param>
    /// <returns><see langword="true"/> when the image can be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static bool TryOpen(string path, DiskImageFormat? format, [NotNullWhen(true)] out DiskImageStream? stream, out IReadOnlyList<Diagnostic> diagnostics) =>
        TryOpen(path, format, null, out stream, out diagnostics);

    /// <summary>Tries to open an image, opening backing files as a policy allows; invalid images give diagnostics instead of an exception.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="backingFiles">Which qcow2 backing files may be opened; <see langword="null"/> for none.</param>
    /// <param name="stream">The stream, when the image can be read.</param>
    /// <param name="diagnostics">Errors and warnings found.</param>
    /// <returns><see langword="true"/> when the image can be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static bool TryOpen(
        string path,
        DiskImageFormat? format,
        BackingFilePolicy? backingFiles,
        [NotNullWhen(true)] out DiskImageStream? stream,
        out IReadOnlyList<Diagnostic> diagnostics) =>
        TryOpen(path, format, backingFiles, PhysicalFileSystem.Instance, out stream, out diagnostics);

    /// <summary>Describes an image: format, virtual size and format settings. A qcow2 backing file is named
    /// (<see cref="DiskImageInfo.BackingFile"/>) but never opened.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="DiskImageException">The image is invalid, unsupported or not a file.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static DiskImageInfo Inspect(string path, DiskImageFormat? format = null)
    {
        if (!TryInspect(path, format, out var info, out var diagnostics))
        {
            throw new DiskImageException(diagnostics);
        }

        return info;
    }

    /// <summary>Tries to describe an image without opening its backing files; see <see cref="Inspect(string, DiskImageFormat?)"/>.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="info">The description, when the image is valid.</param>
    /// <param name="diagnostics">Errors and warnings (such as <c>XH7013</c>, a format read as raw) found.</param>
    /// <returns><see langword="true"/> when the image is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static bool TryInspect(string path, DiskImageFormat? format, [NotNullWhen(true)] out DiskImageInfo? info, out IReadOnlyList<Diagnostic> diagnostics) =>
        TryInspect(path, format, PhysicalFileSystem.Instance, out info, out diagnostics);

    /// <summary>
    /// Detects the format of an image file from its content, by QEMU's rule for probing: qcow2 magic, or a VHD
    /// <c>conectix</c> cookie at offset 0 (dynamic VHD); otherwise raw. A qcow2 header naming a backing file and a VHD
    /// footer found only at the end (fixed VHDs, or a raw disk whose last sector looks like one) count as raw, because
    /// a guest can write them into its own raw disk: give the format explicitly to read such files.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The format <see cref="Open(string, DiskImageFormat?, BackingFilePolicy?)"/> reads when none is given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="DiskImageException">The path is a FIFO, socket, character device or directory (<c>XH7015</c>).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DiskImageFormat DetectFormat(string path) => DetectFormat(path, PhysicalFileSystem.Instance);

    /// <summary>Returns the virtual size an image of the requested size gets: rounded up to 512 bytes, and for VHD
    /// up to a CHS geometry unless <see cref="VhdOptions.ForceSize"/> is set.</summary>
    /// <param name="format">The format.</param>
    /// <param name="capacity">The requested size in bytes.</param>
    /// <param name="options">The options, or defaults.</param>
    /// <returns>The virtual size in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive, or too large for the format.</exception>
    public static long GetCapacity(DiskImageFormat format, long capacity, DiskImageOptions? options = null)
    {
        if (capacity <= 0 || capacity > long.MaxValue - 511)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be positive and at most 8 EiB.");
        }

        long rounded = (capacity + 511) / 512 * 512;
        if (format == DiskImageFormat.Vhd)
        {
            var (vhdCapacity, _) = VhdSizing.Round(rounded, (options as VhdOptions)?.ForceSize ?? false);
            if (vhdCapacity > VhdSizing.MaxCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Value should be in range [1-{VhdSizing.MaxCapacity}] (2040 GiB, the VHD maximum).");
            }

            return vhdCapacity;
        }

        return rounded;
    }

    internal static bool TryOpen(
        string path,
        DiskImageFormat? format,
        BackingFilePolicy? backingFiles,
        IImageFileSystem fileSystem,
        [NotNullWhen(true)] out DiskImageStream? stream,
        out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<Diagnostic>();
        stream = ImageOpener.Open(path, format, backingFiles, fileSystem, problems);
        diagnostics = problems;
        return stream is not null;
    }

    internal static bool TryInspect(string path, DiskImageFormat? format, IImageFileSystem fileSystem, [NotNullWhen(true)] out DiskImageInfo? info, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<Diagnostic>();
        using var stream = ImageOpener.Describe(path, format, fileSystem, problems);
        info = stream?.Info;
        diagnostics = problems;
        return info is not null;
    }

    internal static DiskImageFormat DetectFormat(string path, IImageFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        var status = fileSystem.GetStatus(fullPath, followLinks: true);
        if (status.Kind is not (ImageFileKind.Regular or ImageFileKind.BlockDevice or ImageFileKind.Missing))
        {
            throw new DiskImageException([ImageDiagnostics.NotAFile(fullPath, status)]);
        }

        using var file = fileSystem.OpenRead(fullPath);
        return ImageOpener.Probe(file, file.Length, fullPath, null);
    }

    private static T Sync<T>(ValueTask<T> task)
    {
        Debug.Assert(task.IsCompleted, "A synchronous write completed synchronously.");
        return task.GetAwaiter().GetResult();
    }

    private static long SourceCapacity(Stream source, long? capacity)
    {
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream cannot be read.", nameof(source));
        }

        long? remaining = source.CanSeek ? Math.Max(0, source.Length - source.Position) : null;
        if (capacity is { } given)
        {
            if (remaining > given)
            {
                throw new ArgumentException($"The source holds {remaining} bytes, more than the capacity {given}.", nameof(source));
            }

            return given;
        }

        if (remaining is not { } length)
        {
            throw new ArgumentException("The source stream cannot seek, so its length is unknown: give a capacity.", nameof(source));
        }

        if (length == 0)
        {
            throw new ArgumentException("The source stream is empty: give a capacity.", nameof(source));
        }

        return length;
    }

    private static DiskImageStream OpenForConversion(string sourcePath, string targetPath, DiskImageFormat? sourceFormat, BackingFilePolicy? backingFiles, DiskImageOptions? options)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(targetPath);
        var fileSystem = options?.FileSystem ?? PhysicalFileSystem.Instance;
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
        DiskImageFormat format,
        long capacity,
        DiskImageOptions? options,
        Stream? source,
        IProgress<DiskImageProgress>? progress,
        bool async,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var plan = WritePlan.Create(path, format, capacity, options);
        cancellationToken.ThrowIfCancellationRequested();
        long? deviceLength = await AtomicImageFile.WriteAsync(
            plan.FileSystem,
            plan.FullPath,
            plan.Target,
            plan.Options,
            plan.PreallocationSize,
            file => plan.WriteAsync(file, source, progress, async, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return Describe(plan.FileSystem, plan.FullPath, format, deviceLength);
    }

    /// <summary>Reads back what was written, without opening backing files (they may be unreadable and still valid to
    /// name); on a device, only the length written counts.</summary>
    private static DiskImageInfo Describe(IImageFileSystem fileSystem, string path, DiskImageFormat format, long? length)
    {
        var problems = new List<Diagnostic>();
        using var stream = ImageOpener.Describe(path, format, fileSystem, problems, length) ?? throw new DiskImageException(problems);
        return stream.Info;
    }

    /// <summary>Everything about a write, validated before the first byte is written.</summary>
    private sealed record WritePlan(
        string FullPath,
        DiskImageFormat Format,
        long Capacity,
        DiskImageOptions Options,
        IImageFileSystem FileSystem,
        AtomicImageFile.Target Target,
        long PreallocationSize,
        VhdGeometry Geometry,
        string? BackingFile,
        string? BackingFormat)
    {
        public static WritePlan Create(string path, DiskImageFormat format, long capacity, DiskImageOptions? options)
        {
            options ??= format switch
            {
                DiskImageFormat.Raw => new RawOptions(),
                DiskImageFormat.Qcow2 => new Qcow2Options(),
                DiskImageFormat.Vhd => new VhdOptions(),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Value should be Raw, Qcow2 or Vhd."),
            };
            var fileSystem = options.FileSystem ?? PhysicalFileSystem.Instance;
            long size = GetCapacity(format, capacity, options);
            string fullPath = Path.GetFullPath(path);
            switch (format, options)
            {
                case (DiskImageFormat.Raw, RawOptions raw):
                    ThrowIfUndefined(raw.Preallocation, nameof(RawOptions.Preallocation));
                    return Checked(new WritePlan(fullPath, format, size, raw, fileSystem, default, raw.Preallocation == RawPreallocation.Falloc ? size : 0, default, null, null));
                case (DiskImageFormat.Qcow2, Qcow2Options qcow2):
                    var (backingFile, backingFormat) = CheckQcow2(fullPath, size, qcow2, fileSystem);
                    return Checked(new WritePlan(fullPath, format, size, qcow2, fileSystem, default, 0, default, backingFile, backingFormat));
                case (DiskImageFormat.Vhd, VhdOptions vhd):
                    ThrowIfUndefined(vhd.Subformat, nameof(VhdOptions.Subformat));
                    return Checked(new WritePlan(fullPath, format, size, vhd, fileSystem, default, 0, VhdSizing.Round(size, vhd.ForceSize).Geometry, null, null));
                case (DiskImageFormat.Raw or DiskImageFormat.Qcow2 or DiskImageFormat.Vhd, _) when options.GetType() == typeof(DiskImageOptions):
                    DiskImageOptions typed = format switch
                    {
                        DiskImageFormat.Raw => new RawOptions { Overwrite = options.Overwrite, FlushToDisk = options.FlushToDisk, WriteToDevice = options.WriteToDevice, FileSystem = options.FileSystem },
                        DiskImageFormat.Qcow2 => new Qcow2Options { Overwrite = options.Overwrite, FlushToDisk = options.FlushToDisk, WriteToDevice = options.WriteToDevice, FileSystem = options.FileSystem },
                        _ => new VhdOptions { Overwrite = options.Overwrite, FlushToDisk = options.FlushToDisk, WriteToDevice = options.WriteToDevice, FileSystem = options.FileSystem },
                    };
                    return Create(path, format, capacity, typed);
                default:
                    throw new ArgumentException($"{options.GetType().Name} are not options for {format} images.", nameof(options));
            }
        }

        public async ValueTask WriteAsync(IImageFile file, Stream? source, IProgress<DiskImageProgress>? progress, bool async, CancellationToken cancellationToken)
        {
            if (source is null && Options is Qcow2Options qcow2)
            {
                await Qcow2Writer.WriteEmptyAsync(file, Capacity, qcow2, BackingFile, BackingFormat, async, cancellationToken).ConfigureAwait(false);
                return;
            }

            using ImageWriter writer = Options switch
            {
                Qcow2Options q => new Qcow2Writer(file, Capacity, q, BackingFile, BackingFormat),
                VhdOptions v => new VhdWriter(file, Capacity, Geometry, v),
                RawOptions r => new RawWriter(file, Capacity, r.Preallocation),
                _ => throw new UnreachableException(),
            };
            var content = source is null ? ContentSource.Empty : ContentSource.From(source);
            await ImageCopier.CopyAsync(content, writer, progress, async, cancellationToken).ConfigureAwait(false);
        }

        private static WritePlan Checked(WritePlan plan) =>
            plan with { Target = AtomicImageFile.CheckTarget(plan.FileSystem, plan.FullPath, plan.Options) };

        private static (string? Name, string? Format) CheckQcow2(string fullPath, long capacity, Qcow2Options options, IImageFileSystem fileSystem)
        {
            ThrowIfUndefined(options.Version, nameof(Qcow2Options.Version));
            ThrowIfUndefined(options.Preallocation, nameof(Qcow2Options.Preallocation));
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

            long l1Bytes = Qcow2Writer.L1Size(capacity, clusterSize) * 8;
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

                return (null, null);
            }

            if (backing.Length == 0 || Encoding.UTF8.GetByteCount(backing) > Qcow2Header.MaxBackingFileNameLength || backing.Contains('\0'))
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

            string resolved = Path.GetFullPath(Path.IsPathRooted(backing) ? backing : Path.Join(Path.GetDirectoryName(fullPath), backing));
            var status = fileSystem.GetStatus(resolved, followLinks: true);
            if (status.Kind == ImageFileKind.Missing)
            {
                throw new FileNotFoundException($"The backing file '{backing}' (resolved to '{resolved}') does not exist.", resolved);
            }

            if (status.Kind is not (ImageFileKind.Regular or ImageFileKind.BlockDevice))
            {
                throw new ArgumentException($"The backing file '{backing}' (resolved to '{resolved}') is {status.Describe()}, not a regular file or block device.", nameof(options));
            }

            // Probed by QEMU's rule, so that a raw base whose content looks like an overlay is recorded as raw.
            var backingFormat = options.BackingFormat ?? DetectFormat(resolved, fileSystem);
            ThrowIfUndefined(backingFormat, nameof(Qcow2Options.BackingFormat));
            return (backing, FormatNames.Qemu(backingFormat));
        }

        private static void ThrowIfUndefined<TEnum>(TEnum value, string name)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(name, value, $"Value should be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
            }
        }
    }
}
