using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Detects formats and opens image streams, following qcow2 backing chains (at most 16 deep).</summary>
internal sealed class ImageOpener
{
    public const int MaxBackingDepth = 16;

    public static readonly ImageOpener Instance = new(openBackingFiles: true);

    /// <summary>An opener that only describes images: backing files are named but not opened.</summary>
    public static readonly ImageOpener DescribeOnly = new(openBackingFiles: false);

    private readonly bool _openBackingFiles;

    private ImageOpener(bool openBackingFiles) => _openBackingFiles = openBackingFiles;

    /// <summary>Gets a value indicating whether backing files are opened (to read through them).</summary>
    public bool OpensBackingFiles => _openBackingFiles;

    /// <summary>Detects the format of an open file: qcow2 magic, a VHD footer (copy at 0 or at the end), else raw.</summary>
    public static DiskImageFormat Detect(SafeFileHandle handle, long length)
    {
        Span<byte> head = stackalloc byte[8];
        FileExtents.ReadOrZero(handle, head, 0);
        if (length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(head) == Qcow2Header.Magic)
        {
            return DiskImageFormat.Qcow2;
        }

        if (length >= VhdFooter.Size && head.SequenceEqual(VhdFooter.Cookie))
        {
            return DiskImageFormat.Vhd;
        }

        if (length >= VhdFooter.Size)
        {
            Span<byte> footer = stackalloc byte[VhdFooter.Size];
            FileExtents.ReadOrZero(handle, footer, length - VhdFooter.Size);
            if (VhdFooter.TryRead(footer, out _, out bool checksumValid) && checksumValid)
            {
                return DiskImageFormat.Vhd;
            }
        }

        return DiskImageFormat.Raw;
    }

    /// <summary>Opens an image; on failure returns null and adds diagnostics. I/O exceptions escape.</summary>
    public DiskImageStream? Open(string path, DiskImageFormat? format, int depth, List<Diagnostic> problems)
    {
        string fullPath = Path.GetFullPath(path);
        var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        DiskImageStream? stream = null;
        try
        {
            long length = RandomAccess.GetLength(handle);
            var detected = format ?? Detect(handle, length);
            stream = detected switch
            {
                DiskImageFormat.Qcow2 => Qcow2ImageStream.Open(handle, fullPath, length, this, depth, problems),
                DiskImageFormat.Vhd => VhdImageStream.Open(handle, fullPath, length, problems),
                _ => new RawImageStream(handle, new DiskImageInfo { Path = fullPath, Format = DiskImageFormat.Raw, Capacity = length, FileLength = length }, length),
            };
            return stream;
        }
        finally
        {
            if (stream is null)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>Opens a qcow2 backing file named in <paramref name="imagePath"/>; relative names are resolved against its directory.</summary>
    public DiskImageStream? OpenBacking(string imagePath, string name, DiskImageFormat? format, int depth, List<Diagnostic> problems)
    {
        string resolved;
        try
        {
            resolved = ResolveBacking(imagePath, name);
        }
        catch (ArgumentException)
        {
            problems.Add(ImageDiagnostics.Backing(imagePath, name, name, "the name is not a valid path"));
            return null;
        }

        if (depth > MaxBackingDepth)
        {
            problems.Add(ImageDiagnostics.Backing(imagePath, name, resolved, $"the backing chain is deeper than {MaxBackingDepth}"));
            return null;
        }

        if (!File.Exists(resolved))
        {
            problems.Add(ImageDiagnostics.Backing(imagePath, name, resolved, "the file does not exist"));
            return null;
        }

        try
        {
            return Open(resolved, format, depth, problems);
        }
        catch (IOException ex)
        {
            problems.Add(ImageDiagnostics.Backing(imagePath, name, resolved, ex.Message));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            problems.Add(ImageDiagnostics.Backing(imagePath, name, resolved, ex.Message));
            return null;
        }
    }

    /// <summary>Resolves a backing file name as QEMU does: relative to the directory of the image that names it.</summary>
    public static string ResolveBacking(string imagePath, string name)
    {
        if (Path.IsPathRooted(name))
        {
            return Path.GetFullPath(name);
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(imagePath)) ?? ".";
        return Path.GetFullPath(Path.Combine(directory, name));
    }
}
