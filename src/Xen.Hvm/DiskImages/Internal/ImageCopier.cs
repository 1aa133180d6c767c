using CommunityToolkit.HighPerformance.Buffers;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Streams a source into an <see cref="ImageWriter"/> a window at a time (2 MiB, as <c>qemu-img convert</c> moves
/// data, or one unit if larger): known zero runs are skipped without reading, all-zero units are not written, runs of
/// data units go to the writer at once, and the next window is read (on another thread) while the current one is
/// written. Memory: two pooled windows, whatever the size.
/// </summary>
internal static class ImageCopier
{
    public const int WindowSize = 2 * 1024 * 1024;

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
        using var buffers = new Windows(window);
        var next = Plan(source, 0, capacity, unit, window);
        Task? reading = next.IsData ? StartRead(source, buffers.Get(0, next.Length), next.Offset, async, cancellationToken) : null;
        int turn = 0;
        try
        {
            while (next.Length > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = next;
                var data = current.IsData ? buffers.Get(turn, current.Length) : default;
                if (reading is not null)
                {
                    var done = reading;
                    reading = null;
                    await WaitAsync(done, async).ConfigureAwait(false);
                }

                // The source is idle now: plan the next step and start its read into the other window, then write
                // this one while that read runs.
                next = Plan(source, current.End, capacity, unit, window);
                if (next.IsData)
                {
                    turn ^= 1;
                    reading = StartRead(source, buffers.Get(turn, next.Length), next.Offset, async, cancellationToken);
                }

                if (!current.IsData)
                {
                    if (writer.WantsZeroRuns)
                    {
                        await writer.WriteZerosAsync(current.Offset, current.Length, async, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await WriteWindowAsync(writer, data, current.Offset, unit, async, cancellationToken).ConfigureAwait(false);
                }

                long pos = current.End;
                if (progress is not null && (pos - lastReport >= reportEvery || pos == capacity))
                {
                    lastReport = pos;
                    progress.Report(new DiskImageProgress(pos, capacity));
                }
            }
        }
        finally
        {
            // Never hand a window back to the pool while a read still fills it.
            if (reading is not null)
            {
                try
                {
                    await WaitAsync(reading, async).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The failure that ends the copy is the one already thrown.
                }
            }
        }

        await source.EnsureEndAsync(async, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await writer.FinishAsync(async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the step at <paramref name="pos"/>: a known zero run (whole units, or the rest of the disk) or a window of data.</summary>
    private static Step Plan(ContentSource source, long pos, long capacity, int unit, int window)
    {
        long remaining = capacity - pos;
        if (remaining <= 0)
        {
            return new Step(pos, 0, IsData: false);
        }

        long zero = source.KnownZeroRun(pos, remaining);
        long skip = zero >= remaining ? remaining : zero / unit * unit;
        return skip > 0 ? new Step(pos, skip, IsData: false) : new Step(pos, Math.Min(window, remaining), IsData: true);
    }

    /// <summary>Reads a window on the thread pool, so that the caller can write the previous one meanwhile.</summary>
    private static Task StartRead(ContentSource source, Memory<byte> buffer, long offset, bool async, CancellationToken cancellationToken) =>
        Task.Run(() => source.ReadAsync(buffer, offset, async, cancellationToken).AsTask(), cancellationToken);

    /// <summary>Waits for a read: awaited, or blocked on by the synchronous twins (whose every await completes at once).</summary>
    private static ValueTask WaitAsync(Task reading, bool async)
    {
        if (async)
        {
            return new ValueTask(reading);
        }

        reading.GetAwaiter().GetResult();
        return default;
    }

    /// <summary>Writes a window: runs of data units at once, zero units skipped (or recorded as zero runs).</summary>
    private static async ValueTask WriteWindowAsync(ImageWriter writer, ReadOnlyMemory<byte> data, long offset, int unit, bool async, CancellationToken cancellationToken)
    {
        int u = 0;
        while (u < data.Length)
        {
            int start = u;
            while (u < data.Length && SparseIo.IsZero(Unit(data.Span, u, unit)))
            {
                u += Math.Min(unit, data.Length - u);
            }

            if (u > start && writer.WantsZeroRuns)
            {
                await writer.WriteZerosAsync(offset + start, u - start, async, cancellationToken).ConfigureAwait(false);
            }

            start = u;
            while (u < data.Length && !SparseIo.IsZero(Unit(data.Span, u, unit)))
            {
                u += Math.Min(unit, data.Length - u);
            }

            if (u > start)
            {
                await writer.WriteUnitsAsync(offset + start, data[start..u], async, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static ReadOnlySpan<byte> Unit(ReadOnlySpan<byte> data, int at, int unit) => data.Slice(at, Math.Min(unit, data.Length - at));

    /// <summary>One step of the copy: <see cref="Length"/> bytes from <see cref="Offset"/>, data to read or known zeros.</summary>
    private readonly record struct Step(long Offset, long Length, bool IsData)
    {
        public long End => Offset + Length;
    }

    /// <summary>The two pooled windows, each rented on first use (an empty image needs none).</summary>
    private sealed class Windows(int size) : IDisposable
    {
        private readonly MemoryOwner<byte>?[] _owners = new MemoryOwner<byte>?[2];

        public Memory<byte> Get(int index, long length) => (_owners[index] ??= MemoryOwner<byte>.Allocate(size)).Memory[..(int)length];

        public void Dispose()
        {
            _owners[0]?.Dispose();
            _owners[1]?.Dispose();
        }
    }
}
