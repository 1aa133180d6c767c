using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Writes an image onto a caller's stream: the core of every format's <c>Create(Stream, ...)</c>.</summary>
internal static class StreamTarget
{
    /// <summary>Checks a target before anything is written.</summary>
    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    /// <exception cref="ArgumentException">The stream cannot read, write and seek.</exception>
    public static void Check(Stream target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.CanRead || !target.CanWrite || !target.CanSeek)
        {
            throw new ArgumentException("An image is written to a stream that can read, write and seek (it is read back once written).", nameof(target));
        }
    }

    /// <summary>
    /// Replaces the stream's content with the image (from offset 0; the stream's length is set to 0 first, so that a
    /// file keeps its holes), flushes it, reads the result back and disposes the stream unless asked not to.
    /// </summary>
    public static async ValueTask<DiskImageInfo> WriteAsync(
        Stream target,
        bool leaveOpen,
        DiskImageOptions options,
        ImageWritePlan plan,
        Stream? source,
        IProgress<DiskImageProgress>? progress,
        bool async,
        CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            target.SetLength(0);
            using (var file = new StreamImageFile(target, ownsStream: false))
            {
                await plan.WriteAsync(file, source is null ? null : ContentSource.From(source), progress, async, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (options.FlushToDisk)
                {
                    file.Flush();
                }
                else
                {
                    target.Flush();
                }
            }

            var problems = new List<Diagnostic>();
            var read = new StreamReadFile(target, leaveOpen: true);
            return plan.Describe(read, read.Length, read.Path, problems) ?? throw new DiskImageException(problems);
        }
        finally
        {
            if (!leaveOpen)
            {
                if (async)
                {
                    await target.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    target.Dispose();
                }
            }
        }
    }
}
