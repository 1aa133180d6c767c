using System.Runtime.ExceptionServices;
using System.Buffers;
using System.Runtime.InteropServices;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Streams a source into an <see cref="ImageWriter"/> a window at a time (2 MiB, as <c>qemu-img convert</c> moves
/// data, or one unit if larger): known zero runs are skipped without reading, all-zero units are not written, runs of
/// data units go to the writer at once, and later windows are read on other threads while the current one is written.
/// A source whose reads may overlap (a raw file) is read up to two windows ahead, each window as two halves on two
/// threads, as qemu-img keeps several requests in flight: the kernel's copies out of the page cache then run while
/// the writes of earlier data do. Any other source is read one window ahead, on one thread, and never while the copy
/// asks it for zero runs. Memory: three windows at most (two for a source read one window ahead), whatever the size.
/// </summary>
internal static class ImageCopier
{
    public const int WindowSize = 2 * 1024 * 1024;

    /// <summary>How many windows a source whose reads may overlap has in the copy at once (one written, the rest read).</summary>
    private const int ConcurrentDepth = 3;

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
        int depth = source.ReadsConcurrently ? ConcurrentDepth : 2;
        using var buffers = new Windows(window, depth);
        using var reader = new ReadAhead(source, depth, async, cancellationToken);

        // Steps planned and not yet written, in order; a data step holds the window its read fills.
        var steps = new Queue<(Step Step, int Window)>(2 * depth);
        var free = new Stack<int>(Enumerable.Range(0, depth).Reverse());
        long planned = 0;
        int reading = 0;

        // Plans ahead while a window is free, starting the read of each data step, and a few steps at most (a
        // source may report its zero runs in small pieces). A source whose reads may not overlap is asked for zero
        // runs only while no read is in flight, so it has one read ahead at most.
        void Fill()
        {
            while (planned < capacity && steps.Count < 2 * depth && (reading == 0 || source.ReadsConcurrently))
            {
                var step = Plan(source, planned, capacity, unit, window);
                int slot = -1;
                if (step.IsData)
                {
                    if (free.Count == 0)
                    {
                        return;
                    }

                    slot = free.Pop();
                    reader.Start(slot, buffers.Get(slot, step.Length), step.Offset);
                    reading++;
                }

                steps.Enqueue((step, slot));
                planned = step.End;
            }
        }

        try
        {
            Fill();
            while (steps.TryDequeue(out var item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (current, slot) = item;
                if (current.IsData)
                {
                    await reader.WaitAsync(slot).ConfigureAwait(false);
                    reading--;
                }

                // Read ahead before writing this step: a source read one window ahead is idle here.
                Fill();
                if (!current.IsData)
                {
                    if (writer.WantsZeroRuns)
                    {
                        await writer.WriteZerosAsync(current.Offset, current.Length, async, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await WriteWindowAsync(writer, buffers.Get(slot, current.Length), current.Offset, unit, async, cancellationToken).ConfigureAwait(false);
                    free.Push(slot);
                    Fill();
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
            // Never free a window while a read still fills it.
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

    /// <summary>The windows, each allocated on first use (an empty image needs none) outside the managed heap and
    /// page-aligned: the memory a window takes is the pages its reads touch, and it is given back when the copy ends.</summary>
    private sealed class Windows(int size, int count) : IDisposable
    {
        private readonly NativeWindow?[] _windows = new NativeWindow?[count];

        public Memory<byte> Get(int index, long length) => (_windows[index] ??= new NativeWindow(size)).Memory[..(int)length];

        public void Dispose()
        {
            foreach (var window in _windows)
            {
                ((IDisposable?)window)?.Dispose();
            }
        }
    }

    /// <summary>A page-aligned block of native memory as <see cref="Memory{T}"/>; freed on dispose.</summary>
    private sealed unsafe class NativeWindow : MemoryManager<byte>
    {
        private readonly int _length;
        private void* _pointer;

        public NativeWindow(int length)
        {
            _length = length;
            _pointer = NativeMemory.AlignedAlloc((nuint)length, 4096);
        }

        public override Span<byte> GetSpan()
        {
            ObjectDisposedException.ThrowIf(_pointer is null, this);
            return new Span<byte>(_pointer, _length);
        }

        public override MemoryHandle Pin(int elementIndex = 0)
        {
            ObjectDisposedException.ThrowIf(_pointer is null, this);
            return new MemoryHandle((byte*)_pointer + elementIndex);
        }

        public override void Unpin()
        {
            // Native memory never moves.
        }

        protected override void Dispose(bool disposing)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
        }
    }

    /// <summary>
    /// Reads windows on other threads while the caller writes earlier ones, each window's read started with
    /// <see cref="Start"/> and waited for with <see cref="WaitAsync"/>, in any order. When the source's reads may
    /// overlap, a window is read as two halves on two threads; otherwise one thread reads every window, in the order
    /// started. The synchronous twins hand reads to threads of their own and block on events that never spin (on two
    /// cores a spinning waiter, or an idle pool thread looking for work, takes a reader's core); the asynchronous ones
    /// run reads as tasks.
    /// </summary>
    private sealed class ReadAhead(ContentSource source, int depth, bool async, CancellationToken cancellationToken) : IDisposable
    {
        /// <summary>The smallest half worth a second reader: below it the hand-over costs more than the copy.</summary>
        private const int MinimumHalf = 256 * 1024;

        private readonly bool _split = source.ReadsConcurrently;
        private readonly Lane?[] _lanes = new Lane?[2];
        private readonly Task?[] _tasks = new Task?[depth];
        private readonly Read?[] _reads = new Read?[depth];
        private readonly bool[] _started = new bool[depth];

        public void Start(int slot, Memory<byte> buffer, long offset)
        {
            int half = _split && buffer.Length >= 2 * MinimumHalf ? buffer.Length / 2 / SparseIo.Granularity * SparseIo.Granularity : 0;
            if (async)
            {
                _tasks[slot] = half == 0
                    ? Task.Run(() => ReadTask(buffer, offset), cancellationToken)
                    : Task.WhenAll(
                        Task.Run(() => ReadTask(buffer[..half], offset), cancellationToken),
                        Task.Run(() => ReadTask(buffer[half..], offset + half), cancellationToken));
                _started[slot] = true;
                return;
            }

            // The threads exist before any piece is handed over: a window is started whole or not at all, so a
            // wait never waits for a piece nobody reads.
            Lane first = Lane(0);
            Lane? second = half == 0 ? null : Lane(1);
            var read = _reads[slot] ??= new Read();
            read.Reset(half == 0 ? 1 : 2);
            _started[slot] = true;
            if (second is null)
            {
                first.Enqueue(new Job(read, 0, buffer, offset));
                return;
            }

            first.Enqueue(new Job(read, 0, buffer[..half], offset));
            second.Enqueue(new Job(read, 1, buffer[half..], offset + half));
        }

        /// <summary>Waits for the read of a window and throws what it threw (the first half's failure first).</summary>
        public ValueTask WaitAsync(int slot)
        {
            if (!_started[slot])
            {
                return default;
            }

            _started[slot] = false;
            if (async)
            {
                var task = _tasks[slot]!;
                _tasks[slot] = null;
                return new ValueTask(task);
            }

            // Both halves are waited for before either failure is thrown: no reader may still fill the window.
            _reads[slot]!.Wait()?.Throw();
            return default;
        }

        /// <summary>Waits for every read still running, ignoring failures: the copy already ends with another one.</summary>
        public async ValueTask DrainAsync()
        {
            for (int slot = 0; slot < _started.Length; slot++)
            {
                try
                {
                    await WaitAsync(slot).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The failure that ends the copy is the one already thrown.
                }
            }
        }

        public void Dispose()
        {
            _lanes[0]?.Dispose();
            _lanes[1]?.Dispose();
            foreach (var read in _reads)
            {
                read?.Dispose();
            }
        }

        private Task ReadTask(Memory<byte> buffer, long offset) => source.ReadAsync(buffer, offset, async: true, cancellationToken).AsTask();

        private Lane Lane(int index) => _lanes[index] ??= new Lane(source, cancellationToken);
    }

    /// <summary>One window's synchronous read: one or two pieces, done when the last one ends.</summary>
    private sealed class Read : IDisposable
    {
        private readonly ManualResetEventSlim _done = new(initialState: true, spinCount: 0);
        private readonly ExceptionDispatchInfo?[] _failures = new ExceptionDispatchInfo?[2];
        private int _remaining;

        public void Reset(int pieces)
        {
            _failures[0] = _failures[1] = null;
            _remaining = pieces;
            _done.Reset();
        }

        public void Complete(int piece, ExceptionDispatchInfo? failure)
        {
            _failures[piece] = failure;
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.Set();
            }
        }

        /// <summary>Waits for every piece and returns the first one's failure, if any.</summary>
        public ExceptionDispatchInfo? Wait()
        {
            _done.Wait(CancellationToken.None);
            return _failures[0] ?? _failures[1];
        }

        public void Dispose() => _done.Dispose();
    }

    /// <summary>One piece of a window's read, for a lane.</summary>
    private readonly record struct Job(Read Read, int Piece, Memory<byte> Buffer, long Offset);

    /// <summary>A thread that runs the synchronous reads handed to it one at a time, in order.</summary>
    private sealed class Lane : IDisposable
    {
        private readonly ContentSource _source;
        private readonly CancellationToken _cancellationToken;
        private readonly Queue<Job> _jobs = new(ConcurrentDepth);
        private readonly Thread _thread;
        private bool _stopping;

        public Lane(ContentSource source, CancellationToken cancellationToken)
        {
            _source = source;
            _cancellationToken = cancellationToken;
            _thread = new Thread(Run) { IsBackground = true, Name = "Xen.Hvm image read-ahead" };
            _thread.Start();
        }

        public void Enqueue(Job job)
        {
            lock (_jobs)
            {
                _jobs.Enqueue(job);
                Monitor.Pulse(_jobs);
            }
        }

        public void Dispose()
        {
            lock (_jobs)
            {
                _stopping = true;
                Monitor.Pulse(_jobs);
            }

            _thread.Join();
        }

        private void Run()
        {
            while (true)
            {
                Job job;
                lock (_jobs)
                {
                    while (_jobs.Count == 0 && !_stopping)
                    {
                        Monitor.Wait(_jobs);
                    }

                    if (!_jobs.TryDequeue(out job))
                    {
                        return;
                    }
                }

                ExceptionDispatchInfo? failure = null;
                try
                {
                    // A synchronous source read completes at once (see Synchronous).
                    _source.ReadAsync(job.Buffer, job.Offset, async: false, _cancellationToken).GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }

                job.Read.Complete(job.Piece, failure);
            }
        }
    }
}
