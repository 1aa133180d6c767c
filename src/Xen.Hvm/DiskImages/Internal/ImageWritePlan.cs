using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// One format's write, with every option checked (before the first byte is written): what the stream methods of
/// <c>RawImage</c>, <c>Qcow2Image</c> and <c>VhdImage</c> and the path methods of <see cref="DiskImage"/> all run.
/// </summary>
internal abstract class ImageWritePlan(long capacity)
{
    /// <summary>Gets the exact virtual size written (the request rounded as the format rounds it).</summary>
    public long Capacity { get; } = capacity;

    /// <summary>Gets the bytes a new file reserves up front (raw <c>falloc</c>), or 0.</summary>
    public virtual long PreallocationSize => 0;

    /// <summary>Writes the image into a file that reads as zeros; <paramref name="source"/> null means an empty image.</summary>
    public virtual async ValueTask WriteAsync(IImageFile file, ContentSource? source, IProgress<DiskImageProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        using var writer = CreateWriter(file);
        await ImageCopier.CopyAsync(source ?? ContentSource.Empty, writer, progress, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads back what was written (backing files are named, never opened); takes <paramref name="file"/> over.</summary>
    /// <returns>The description, or null with the problems added.</returns>
    public DiskImageInfo? Describe(IImageReadFile file, long length, string? path, List<Diagnostic> problems)
    {
        DiskImageStream? stream = null;
        try
        {
            stream = Open(file, length, path, problems);
            return stream?.Info;
        }
        finally
        {
            if (stream is null)
            {
                file.Dispose();
            }
            else
            {
                stream.Dispose();
            }
        }
    }

    protected abstract ImageWriter CreateWriter(IImageFile file);

    /// <summary>Opens the format's reader on what was written, naming backing files only.</summary>
    protected abstract DiskImageStream? Open(IImageReadFile file, long length, string? path, List<Diagnostic> problems);
}
