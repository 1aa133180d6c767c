using CommunityToolkit.HighPerformance.Buffers;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Streams a source into an <see cref="ImageWriter"/> with one pooled window (4 MiB, or one unit if larger): known
/// zero runs are skipped without reading, all-zero units are not written, memory stays bounded whatever the size.
/// </summary>
internal static class ImageCopier
{
    public const int WindowSize = 4 * 1024 * 1024;

    public static async ValueTask CopyAsync(
        ContentSource source,
        ImageWriter writer,
        IProgress<DiskImageProgress>? progress,
        bool async,
        CancellationToken cancellationToken)
    {
        long capacity = writer.Capacity;
        int unit = writer.UnitSize;
        int window = Math.Max(unit, WindowSize / unit * unit);
        long reportEvery = Math.Max(window, capacity / 1000);
        long lastReport = 0;
        using var buffer = MemoryOwner<byte>.Allocate(window);
        long pos = 0;
        while (pos < capacity)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long remaining = capacity - pos;
            long zero = source.KnownZeroRun(pos, remaining);
            long skip = zero >= remaining ? remaining : zero / unit * unit;
            if (skip > 0)
            {
                if (writer.WantsZeroRuns)
                {
                    await writer.WriteZerosAsync(pos, skip, async, cancellationToken).ConfigureAwait(false);
                }

                pos += skip;
            }
            else
            {
                int n = (int)Math.Min(window, remaining);
                var data = buffer.Memory[..n];
                await source.ReadAsync(data, pos, async, cancellationToken).ConfigureAwait(false);
                await WriteWindowAsync(writer, data, pos, unit, async, cancellationToken).ConfigureAwait(false);
                pos += n;
            }

            if (progress is not null && (pos - lastReport >= reportEvery || pos == capacity))
            {
                lastReport = pos;
                progress.Report(new DiskImageProgress(pos, capacity));
            }
        }

        await source.EnsureEndAsync(async, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await writer.FinishAsync(async, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask WriteWindowAsync(ImageWriter writer, ReadOnlyMemory<byte> data, long offset, int unit, bool async, CancellationToken cancellationToken)
    {
        int zeroStart = -1;
        for (int u = 0; u < data.Length; u += unit)
        {
            var slice = data.Slice(u, Math.Min(unit, data.Length - u));
            if (SparseIo.IsZero(slice.Span))
            {
                if (zeroStart < 0)
                {
                    zeroStart = u;
                }

                continue;
            }

            if (zeroStart >= 0 && writer.WantsZeroRuns)
            {
                await writer.WriteZerosAsync(offset + zeroStart, u - zeroStart, async, cancellationToken).ConfigureAwait(false);
            }

            zeroStart = -1;
            await writer.WriteUnitAsync(offset + u, slice, async, cancellationToken).ConfigureAwait(false);
        }

        if (zeroStart >= 0 && writer.WantsZeroRuns)
        {
            await writer.WriteZerosAsync(offset + zeroStart, data.Length - zeroStart, async, cancellationToken).ConfigureAwait(false);
        }
    }
}
