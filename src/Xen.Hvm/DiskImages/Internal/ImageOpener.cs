using System.Buffers.Binary;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Detects formats and opens image streams of files or of streams, following qcow2 backing chains (at most 16 deep)
/// only as far as the <see cref="BackingFilePolicy"/> allows. One opener serves one open: it remembers the files of the
/// chain so that a backing file that is the image itself, or comes round again, is refused. It is the composition
/// root of the readers: the formats reach it only through <see cref="IBackingFileOpener"/>.
/// </summary>
internal sealed class ImageOpener : IBackingFileOpener
{
    public const int MaxBackingDepth = 16;

    private static readonly string[] s_systemFolders = ["/proc", "/sys", "/dev"];

    private readonly IImageFileSystem _fileSystem;
    private readonly BackingFilePolicy _policy;
    private readonly List<Diagnostic> _problems;
    private readonly List<(ImageFileStatus Status, string RealPath)> _chain = [];

    private ImageOpener(IImageFileSystem fileSystem, BackingFilePolicy? policy, bool openBackingFiles, List<Diagnostic> problems)
    {
        _fileSystem = fileSystem;
        _policy = policy ?? BackingFilePolicy.None;
        OpensBackingFiles = openBackingFiles;
        _problems = problems;
    }

    /// <summary>Gets a value indicating whether backing files are opened (to read through them), or only named.</summary>
    public bool OpensBackingFiles { get; }

    public List<Diagnostic> Problems => _problems;

    /// <summary>Opens an image to read it; on failure returns null and adds diagnostics. I/O exceptions on the image itself escape.</summary>
    public static DiskImageStream? Open(string path, DiskImageFormat? format, BackingFilePolicy? policy, IImageFileSystem fileSystem, List<Diagnostic> problems) =>
        new ImageOpener(fileSystem, policy, openBackingFiles: true, problems).OpenTop(path, format, null);

    /// <summary>Opens an image only to describe it: backing files are named but never opened.</summary>
    public static DiskImageStream? Describe(string path, DiskImageFormat? format, IImageFileSystem fileSystem, List<Diagnostic> problems) =>
        new ImageOpener(fileSystem, BackingFilePolicy.None, openBackingFiles: false, problems).OpenTop(path, format, null);

    /// <summary>Opens an image on a stream (from its offset 0); backing files only through a policy that hands streams.</summary>
    /// <param name="stream">The stream, readable and seekable.</param>
    /// <param name="leaveOpen">Whether the stream stays open when the image is disposed (or cannot be opened).</param>
    /// <param name="format">The format, or null to probe it.</param>
    /// <param name="policy">The backing-file policy; null means none.</param>
    /// <param name="openBackingFiles">False to only name backing files (a description).</param>
    /// <param name="problems">Where problems go.</param>
    public static DiskImageStream? Open(Stream stream, bool leaveOpen, DiskImageFormat? format, BackingFilePolicy? policy, bool openBackingFiles, List<Diagnostic> problems)
    {
        var file = new StreamReadFile(stream, leaveOpen);
        return new ImageOpener(PhysicalFileSystem.Instance, policy, openBackingFiles, problems).OpenFile(file, null, file.Path, format, 0, null);
    }

    /// <summary>
    /// Detects the format from content as QEMU does, with its rule for probing: a qcow2 header that names a backing
    /// file, and a VHD footer with no copy at offset 0, are what a guest can write into its own raw disk, so a probe
    /// never picks them (the file reads as raw, with <c>XH7013</c>); they are read as such only when the format is given.
    /// </summary>
    public static DiskImageFormat Probe(IImageReadFile file, long length, string? path, List<Diagnostic>? problems)
    {
        Span<byte> head = stackalloc byte[Qcow2Header.V2Length];
        FileExtents.ReadOrZero(file, head, 0);
        if (length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(head) == Qcow2Header.Magic)
        {
            if (length >= Qcow2Header.V2Length && BinaryPrimitives.ReadUInt64BigEndian(head[8..]) != 0)
            {
                problems?.Add(ImageDiagnostics.ReadAsRaw(path, "qcow2", "its header names a backing file", "qcow2"));
                return DiskImageFormat.Raw;
            }

            return DiskImageFormat.Qcow2;
        }

        if (length >= VhdFooter.Size && head[..8].SequenceEqual(VhdFooter.Cookie))
        {
            return DiskImageFormat.Vhd;
        }

        if (length >= VhdFooter.Size)
        {
            Span<byte> footer = stackalloc byte[VhdFooter.Size];
            FileExtents.ReadOrZero(file, footer, length - VhdFooter.Size);
            if (VhdFooter.TryRead(footer, out _, out bool checksumValid) && checksumValid)
            {
                problems?.Add(ImageDiagnostics.ReadAsRaw(path, "VHD", "it has a VHD footer only in its last sector (no copy at offset 0)", "vhd"));
            }
        }

        return DiskImageFormat.Raw;
    }

    /// <inheritdoc/>
    public DiskImageStream? OpenBacking(string? imagePath, string? namePath, string name, DiskImageFormat? format, int depth)
    {
        if (_policy.HandsStreams)
        {
            return OpenBackingStream(imagePath, name, format, depth);
        }

        if (namePath is null)
        {
            // Read from a stream: no folder to resolve against, no file to check; only streams can be handed.
            _problems.Add(_policy.AllowsNone ? ImageDiagnostics.BackingNotAllowed(imagePath, name, name, _policy) : ImageDiagnostics.BackingNeedsStream(imagePath, name));
            return null;
        }

        string lexical;
        string full;
        try
        {
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("NUL in the name.", nameof(name));
            }

            lexical = Path.IsPathRooted(name) ? name : Path.Join(Path.GetDirectoryName(namePath), name);
            full = Path.GetFullPath(lexical);
        }
        catch (ArgumentException)
        {
            _problems.Add(ImageDiagnostics.Backing(imagePath, name, name, "the name is not a valid path"));
            return null;
        }

        if (_policy.AllowsNone)
        {
            // Not even looked at: the policy answers before the file system is asked anything.
            _problems.Add(ImageDiagnostics.BackingNotAllowed(imagePath, name, full, _policy));
            return null;
        }

        if (depth > MaxBackingDepth)
        {
            _problems.Add(ImageDiagnostics.Backing(imagePath, name, full, $"the backing chain is deeper than {MaxBackingDepth}"));
            return null;
        }

        var (real, exists) = RealPath.Resolve(_fileSystem, lexical);
        if (!exists)
        {
            _problems.Add(ImageDiagnostics.Backing(imagePath, name, real, "the file does not exist"));
            return null;
        }

        if (Array.Find(s_systemFolders, f => BackingFilePolicy.IsUnder(real, f) || real == f) is { } system)
        {
            _problems.Add(ImageDiagnostics.BackingUnsafe(imagePath, name, real, $"it is under {system}"));
            return null;
        }

        var status = _fileSystem.GetStatus(real, followLinks: false);
        if (status.Kind != ImageFileKind.Regular)
        {
            _problems.Add(ImageDiagnostics.BackingUnsafe(imagePath, name, real, $"it is {status.Describe()}, and only regular files are opened"));
            return null;
        }

        int seen = _chain.FindIndex(c => c.Status.SameFileAs(status) || string.Equals(c.RealPath, real, StringComparison.Ordinal));
        if (seen >= 0)
        {
            _problems.Add(ImageDiagnostics.BackingUnsafe(imagePath, name, real, seen == 0 ? "it is the image itself" : "it is already in the backing chain (a loop)"));
            return null;
        }

        if (!_policy.Allows(new BackingFileRequest(imagePath ?? namePath, name, real)))
        {
            _problems.Add(ImageDiagnostics.BackingNotAllowed(imagePath, name, real, _policy));
            return null;
        }

        IImageReadFile file;
        try
        {
            file = _fileSystem.OpenRead(real);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Add(ImageDiagnostics.Backing(imagePath, name, real, ImageDiagnostics.Reason(ex)));
            return null;
        }

        if (file.Status.Kind != ImageFileKind.Regular || (file.Status.HasIdentity && status.HasIdentity && !file.Status.SameFileAs(status)))
        {
            file.Dispose();
            _problems.Add(ImageDiagnostics.BackingUnsafe(imagePath, name, real, "it changed while it was being opened"));
            return null;
        }

        _chain.Add((file.Status, real));
        return OpenFile(file, lexical, real, format, depth, null);
    }

    /// <summary>Asks a <see cref="BackingFilePolicy.FromStreams"/> callback for a backing image and opens what it hands.</summary>
    private DiskImageStream? OpenBackingStream(string? imagePath, string name, DiskImageFormat? format, int depth)
    {
        if (depth > MaxBackingDepth)
        {
            _problems.Add(ImageDiagnostics.Backing(imagePath, name, name, $"the backing chain is deeper than {MaxBackingDepth}"));
            return null;
        }

        if (_policy.OpenStream(new BackingStreamRequest(imagePath, name, format, depth)) is not { } stream)
        {
            _problems.Add(ImageDiagnostics.BackingNotAllowed(imagePath, name, name, _policy));
            return null;
        }

        if (!stream.CanRead || !stream.CanSeek)
        {
            stream.Dispose();
            _problems.Add(ImageDiagnostics.Backing(imagePath, name, name, "the stream handed for it cannot read and seek"));
            return null;
        }

        var file = new StreamReadFile(stream, leaveOpen: false);
        return OpenFile(file, null, file.Path, format, depth, null);
    }

    private DiskImageStream? OpenTop(string path, DiskImageFormat? format, long? length)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (ArgumentException)
        {
            _problems.Add(ImageDiagnostics.Access(path, "read", new IOException()));
            return null;
        }

        var status = _fileSystem.GetStatus(fullPath, followLinks: true);
        if (status.Kind is not (ImageFileKind.Regular or ImageFileKind.BlockDevice or ImageFileKind.Missing))
        {
            _problems.Add(ImageDiagnostics.NotAFile(fullPath, status));
            return null;
        }

        var file = _fileSystem.OpenRead(fullPath);
        _chain.Add((file.Status, RealPath.Resolve(_fileSystem, fullPath).Path));
        return OpenFile(file, fullPath, fullPath, format, 0, length);
    }

    /// <summary>Opens an image on an open file; <paramref name="namePath"/> is what its relative backing names resolve
    /// against (null for a stream); <paramref name="path"/> is where diagnostics point.</summary>
    private DiskImageStream? OpenFile(IImageReadFile file, string? namePath, string? path, DiskImageFormat? format, int depth, long? lengthOverride)
    {
        DiskImageStream? stream = null;
        try
        {
            long length = lengthOverride ?? file.Length;
            var detected = format ?? Probe(file, length, path, _problems);
            stream = detected switch
            {
                DiskImageFormat.Qcow2 => Qcow2ImageStream.Open(file, path, namePath, length, this, depth),
                DiskImageFormat.Vhd => VhdImageStream.Open(file, path, length, _problems),
                _ => new FlatImageStream(file, new RawImageInfo { Path = path, Capacity = length, FileLength = length }, length),
            };
            return stream;
        }
        finally
        {
            if (stream is null)
            {
                file.Dispose();
            }
        }
    }
}
