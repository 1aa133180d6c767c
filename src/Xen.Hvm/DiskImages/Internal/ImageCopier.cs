using System.Runtime.ExceptionServices;
using CommunityToolkit.HighPerformance.Buffers;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Streams a source into an <see cref="ImageWriter"/> a window at a time (2 MiB, as <c>qemu-img convert</c> moves
/// data, or one unit if larger): known zero runs are skipped without reading, all-zero units are not written, runs of
/// data units go to the writer at once, and the next window is read (on other threads: two halves at once when the
/// source allows) while the current one is written. Memory: two pooled windows, whatever the size.
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
        using var reader = new ReadAhead(source, async, cancellationToken);
        var next = Plan(source, 0, capacity, unit, window);
        int turn = 0;
        if (next.IsData)
        {
            reader.Start(buffers.Get(turn, next.Length), next.Offset);
        }

        try
        {
            while (next.Length > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = next;
                var data = current.IsData ? buffers.Get(turn, current.Length) : default;
                await reader.WaitAsync().ConfigureAwait(false);

                // The source is idle now: plan the next step and start its read into the other window, then write
                // this one while that read runs.
                next = Plan(source, current.End, capacity, unit, window);
                if (next.IsData)
                {
                    turn ^= 1;
                    reader.Start(buffers.Get(turn, next.Length), next.Offset);
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
            await reader.DrainAsync().ConfigureAwait(false);
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

    /// <summary>Writes a window: runs of data units at once, zero units skipped (or recorded as zero runs).</summary>
    private static async ValueTask WriteWindowAsync(ImageWriter writer, ReadOnlyMemory<byte> data, long offset, int unit, bool async, CancellationToken cancellationToken)
    {
        // Each unit is checked once: the unit that ends a run carries its flag into the next run.
        int u = 0;
        bool zero = data.Length > 0 && SparseIo.IsZero(Unit(data.Span, 0, unit));
        while (u < data.Length)
        {
            int start = u;
            bool runIsZero = zero;
            do
            {
                u += Math.Min(unit, data.Length - u);
            }
            while (u < data.Length && (zero = SparseIo.IsZero(Unit(data.Span, u, unit))) == runIsZero);

            if (!runIsZero)
            {
                await writer.WriteUnitsAsync(offset + start, data[start..u], async, cancellationToken).ConfigureAwait(false);
            }
            else if (writer.WantsZeroRuns)
            {
                await writer.WriteZerosAsync(offset + start, u - start, async, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Reads one window at a time on other threads while the caller writes the previous one: one reader, or two
    /// (each filling half of the window) when the source's reads may overlap, as <c>qemu-img convert</c> keeps several
    /// reads in flight; the copy of a page-cached file is the kernel's memory copy, so two of them halve its wall time.
    /// The synchronous twins hand reads to threads of their own and block on events that never spin (on two cores a
    /// spinning waiter, or an idle pool thread looking for work, takes a reader's core); the asynchronous ones run
    /// reads as tasks.
    /// </summary>
    private sealed class ReadAhead(ContentSource source, bool async, CancellationToken cancellationToken) : IDisposable
    {
        /// <summary>The smallest half worth a second reader: below it the hand-over costs more than the copy.</summary>
        private const int MinimumHalf = 256 * 1024;

        private readonly Lane?[] _lanes = new Lane?[2];
        private readonly bool _split = source.ReadsConcurrently;
        private Task? _reading;
        private int _started;

        public void Start(Memory<byte> buffer, long offset)
        {
            int half = _split && buffer.Length >= 2 * MinimumHalf ? buffer.Length / 2 / SparseIo.Granularity * SparseIo.Granularity : 0;
            if (async)
            {
                _reading = half == 0
                    ? Task.Run(() => ReadTask(buffer, offset), cancellationToken)
                    : Task.WhenAll(
                        Task.Run(() => ReadTask(buffer[..half], offset), cancellationToken),
                        Task.Run(() => ReadTask(buffer[half..], offset + half), cancellationToken));
                _started = 1;
                return;
            }

            if (half == 0)
            {
                Lane(0).Start(buffer, offset);
                _started = 1;
                return;
            }

            Lane(0).Start(buffer[..half], offset);
            Lane(1).Start(buffer[half..], offset + half);
            _started = 2;
        }

        /// <summary>Waits for the read started last (if any) and throws what it threw (the first half's failure first).</summary>
        public ValueTask WaitAsync()
        {
            int started = _started;
            if (started == 0)
            {
                return default;
            }

            _started = 0;
            if (async)
            {
                var reading = _reading!;
                _reading = null;
                return new ValueTask(reading);
            }

            // Both halves are waited for before either failure is thrown: no reader may still fill the window.
            var first = _lanes[0]!.Wait();
            var second = started == 2 ? _lanes[1]!.Wait() : null;
            (first ?? second)?.Throw();
            return default;
        }

        /// <summary>Waits for a read still running, ignoring its failure: the copy already ends with another one.</summary>
        public async ValueTask DrainAsync()
        {
            try
            {
                await WaitAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The failure that ends the copy is the one already thrown.
            }
        }

        public void Dispose()
        {
            _lanes[0]?.Dispose();
            _lanes[1]?.Dispose();
        }

        private Task ReadTask(Memory<byte> buffer, long offset) => source.ReadAsync(buffer, offset, async: true, cancellationToken).AsTask();

        private Lane Lane(int index) => _lanes[index] ??= new Lane(source, cancellationToken);
    }

    /// <summary>A thread that runs one synchronous read at a time, started on first use.</summary>
    private sealed class Lane(ContentSource source, CancellationToken cancellationToken) : IDisposable
    {
        private readonly ManualResetEventSlim _work = new(initialState: false, spinCount: 0);
        private readonly ManualResetEventSlim _done = new(initialState: true, spinCount: 0);
        private Thread? _thread;
        private Memory<byte> _buffer;
        private long _offset;
        private ExceptionDispatchInfo? _failure;
        private bool _stopping;

        public void Start(Memory<byte> buffer, long offset)
        {
            _buffer = buffer;
            _offset = offset;
            _failure = null;
            _done.Reset();
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "Xen.Hvm image read-ahead" };
                _thread.Start();
            }

            _work.Set();
        }

        /// <summary>Waits for the read and returns its failure, if any.</summary>
        public ExceptionDispatchInfo? Wait()
        {
            _done.Wait(CancellationToken.None);
            return _failure;
        }

        public void Dispose()
        {
            if (_thread is not null)
            {
                _stopping = true;
                _work.Set();
                _thread.Join();
            }

            _work.Dispose();
            _done.Dispose();
        }

        private void Run()
        {
            while (true)
            {
                _work.Wait(CancellationToken.None);
                _work.Reset();
                if (_stopping)
                {
                    return;
                }

                try
                {
                    // A synchronous source read completes at once (see Synchronous).
                    source.ReadAsync(_buffer, _offset, async: false, cancellationToken).GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
                finally
                {
                    _done.Set();
                }
            }
        }
    }
}
