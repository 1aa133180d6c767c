using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages;

/// <content>Opening, describing and probing images, of files or of streams.</content>
public static partial class DiskImage
{
    /// <summary>Opens an image file for reading its virtual disk.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it (see <see cref="DetectFormat(string)"/>).</param>
    /// <param name="backingFiles">Which qcow2 backing files may be opened; <see langword="null"/> means
    /// <see cref="BackingFilePolicy.None"/>, so an overlay cannot be opened without a policy (<c>XH7011</c>).</param>
    /// <returns>The stream; dispose it to close the file (and any backing files).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="DiskImageException">The image is invalid, unsupported or not a file, or a backing file is
    /// refused (<c>XH7007</c>–<c>XH7015</c>).</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static DiskImageStream Open(string path, DiskImageFormat? format = null, BackingFilePolicy? backingFiles = null) =>
        TryOpen(path, format, backingFiles, out var stream, out var diagnostics) ? stream : throw new DiskImageException(diagnostics);

    /// <summary>Tries to open an image file, opening backing files as a policy allows; invalid images give
    /// diagnostics instead of an exception.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="backingFiles">Which qcow2 backing files may be opened; <see langword="null"/> for none.</param>
    /// <param name="stream">The stream, when the image can be read.</param>
    /// <param name="diagnostics">The errors found, or the warnings (such as a bad footer copy, or a format read as raw) of an image that can be read.</param>
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

    /// <summary>
    /// Opens an image held in a stream (from its offset 0) for reading its virtual disk. The image reads the stream at
    /// absolute offsets, moving its position. A qcow2 image read this way has no folder for its backing file, so only a
    /// <see cref="BackingFilePolicy.FromStreams"/> policy opens it (any other refuses it: <c>XH7022</c>, or
    /// <c>XH7011</c> for none).
    /// </summary>
    /// <param name="stream">The image's bytes; it must read and seek.</param>
    /// <param name="format">The format, or <see langword="null"/> to probe it by QEMU's rule (see <see cref="DetectFormat(string)"/>).</param>
    /// <param name="backingFiles">Which backing images may be opened; <see langword="null"/> for none.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="stream"/> open; otherwise it belongs to the
    /// image from now on: disposed with it, or at once when the image cannot be opened.</param>
    /// <returns>The image's virtual disk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot read and seek.</exception>
    /// <exception cref="DiskImageException">The image is invalid or unsupported, or a backing image is refused (<c>XH7007</c>–<c>XH7012</c>, <c>XH7022</c>).</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static DiskImageStream Open(Stream stream, DiskImageFormat? format = null, BackingFilePolicy? backingFiles = null, bool leaveOpen = false) =>
        TryOpen(stream, format, backingFiles, leaveOpen, out var image, out var diagnostics) ? image : throw new DiskImageException(diagnostics);

    /// <summary>Tries to open an image held in a stream; see <see cref="Open(Stream, DiskImageFormat?, BackingFilePolicy?, bool)"/>.</summary>
    /// <param name="stream">The image's bytes; it must read and seek.</param>
    /// <param name="format">The format, or <see langword="null"/> to probe it.</param>
    /// <param name="backingFiles">Which backing images may be opened; <see langword="null"/> for none.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="stream"/> open; otherwise it is disposed
    /// with the image, or at once when this returns <see langword="false"/>.</param>
    /// <param name="image">The image's virtual disk, when it can be read.</param>
    /// <param name="diagnostics">The errors found, or the warnings of an image that can be read.</param>
    /// <returns><see langword="true"/> when the image can be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot read and seek.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static bool TryOpen(
        Stream stream,
        DiskImageFormat? format,
        BackingFilePolicy? backingFiles,
        bool leaveOpen,
        [NotNullWhen(true)] out DiskImageStream? image,
        out IReadOnlyList<Diagnostic> diagnostics)
    {
        StreamReadFile.CheckReadable(stream, nameof(stream));
        var problems = new List<Diagnostic>();
        image = ImageOpener.Open(stream, leaveOpen, format, backingFiles, openBackingFiles: true, problems);
        diagnostics = problems;
        return image is not null;
    }

    /// <summary>Describes an image file: format, virtual size and format settings. A qcow2 backing file is named
    /// (<see cref="Qcow2.Qcow2ImageInfo.BackingFile"/>) but never opened.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="DiskImageException">The image is invalid, unsupported or not a file.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static DiskImageInfo Inspect(string path, DiskImageFormat? format = null) =>
        TryInspect(path, format, out var info, out var diagnostics) ? info : throw new DiskImageException(diagnostics);

    /// <summary>Tries to describe an image file without opening its backing files; see <see cref="Inspect(string, DiskImageFormat?)"/>.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <param name="info">The description, when the image is valid.</param>
    /// <param name="diagnostics">The errors found, or the warnings (such as <c>XH7013</c>, a format read as raw) of a valid image.</param>
    /// <returns><see langword="true"/> when the image is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static bool TryInspect(string path, DiskImageFormat? format, [NotNullWhen(true)] out DiskImageInfo? info, out IReadOnlyList<Diagnostic> diagnostics) =>
        TryInspect(path, format, PhysicalFileSystem.Instance, out info, out diagnostics);

    /// <summary>Describes an image held in a stream without opening its backing files; the stream is left open and at
    /// the position it had.</summary>
    /// <param name="stream">The image's bytes; it must read and seek.</param>
    /// <param name="format">The format, or <see langword="null"/> to probe it.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot read and seek.</exception>
    /// <exception cref="DiskImageException">The image is invalid or unsupported.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static DiskImageInfo Inspect(Stream stream, DiskImageFormat? format = null) =>
        TryInspect(stream, format, out var info, out var diagnostics) ? info : throw new DiskImageException(diagnostics);

    /// <summary>Tries to describe an image held in a stream; see <see cref="Inspect(Stream, DiskImageFormat?)"/>.</summary>
    /// <param name="stream">The image's bytes; it must read and seek.</param>
    /// <param name="format">The format, or <see langword="null"/> to probe it.</param>
    /// <param name="info">The description, when the image is valid.</param>
    /// <param name="diagnostics">The errors found, or the warnings of a valid image.</param>
    /// <returns><see langword="true"/> when the image is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot read and seek.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static bool TryInspect(Stream stream, DiskImageFormat? format, [NotNullWhen(true)] out DiskImageInfo? info, out IReadOnlyList<Diagnostic> diagnostics)
    {
        StreamReadFile.CheckReadable(stream, nameof(stream));
        long position = stream.Position;
        var problems = new List<Diagnostic>();
        try
        {
            using var image = ImageOpener.Open(stream, leaveOpen: true, format, null, openBackingFiles: false, problems);
            info = image?.Info;
        }
        finally
        {
            stream.Position = position;
        }

        diagnostics = problems;
        return info is not null;
    }

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

    /// <summary>Detects the format of an image held in a stream, by the rule of <see cref="DetectFormat(string)"/>;
    /// the stream is left open and at the position it had.</summary>
    /// <param name="stream">The image's bytes; it must read and seek.</param>
    /// <returns>The format <see cref="Open(Stream, DiskImageFormat?, BackingFilePolicy?, bool)"/> reads when none is given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot read and seek.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static DiskImageFormat DetectFormat(Stream stream)
    {
        StreamReadFile.CheckReadable(stream, nameof(stream));
        long position = stream.Position;
        try
        {
            using var file = new StreamReadFile(stream, leaveOpen: true);
            return ImageOpener.Probe(file, file.Length, file.Path, null);
        }
        finally
        {
            stream.Position = position;
        }
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
}
