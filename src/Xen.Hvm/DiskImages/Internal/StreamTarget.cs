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

/// <summary>
/// The four stream writers of one format (<c>Create</c>, <c>CreateAsync</c>, <c>CreateFrom</c>, <c>CreateFromAsync</c>):
/// each format's public class holds one and documents its methods.
/// </summary>
/// <typeparam name="TOptions">The format's options.</typeparam>
/// <typeparam name="TInfo">The format's description.</typeparam>
internal sealed class StreamWriters<TOptions, TInfo>(Func<long, TOptions, ImageWritePlan> plan)
    where TOptions : DiskImageOptions, new()
    where TInfo : DiskImageInfo
{
    public TInfo Create(Stream target, long capacity, TOptions? options, bool leaveOpen) =>
        Synchronous.Result(WriteAsync(target, capacity, options, leaveOpen, null, null, async: false, CancellationToken.None));

    public async Task<TInfo> CreateAsync(Stream target, long capacity, TOptions? options, bool leaveOpen, CancellationToken cancellationToken) =>
        await WriteAsync(target, capacity, options, leaveOpen, null, null, async: true, cancellationToken).ConfigureAwait(false);

    public TInfo CreateFrom(Stream target, Stream source, long? capacity, TOptions? options, bool leaveOpen, IProgress<DiskImageProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Synchronous.Result(WriteAsync(target, ContentSource.CapacityOf(source, capacity), options, leaveOpen, source, progress, async: false, CancellationToken.None));
    }

    public async Task<TInfo> CreateFromAsync(Stream target, Stream source, long? capacity, TOptions? options, bool leaveOpen, IProgress<DiskImageProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await WriteAsync(target, ContentSource.CapacityOf(source, capacity), options, leaveOpen, source, progress, async: true, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<TInfo> WriteAsync(Stream target, long capacity, TOptions? options, bool leaveOpen, Stream? source, IProgress<DiskImageProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        StreamTarget.Check(target);
        options ??= new TOptions();
        var write = plan(capacity, options);
        return (TInfo)await StreamTarget.WriteAsync(target, leaveOpen, options, write, source, progress, async, cancellationToken).ConfigureAwait(false);
    }
}
