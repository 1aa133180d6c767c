using System.Collections.Concurrent;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>The copy loop with a source whose reads may overlap (each 2 MiB window read as two halves on two threads,
/// windows ahead of the one written; a failure in either half ends the copy with nothing left behind), and with one
/// whose reads may not (never read, or asked for zero runs, on two threads at once).</summary>
public sealed class ImageCopierTests
{
    private const int Window = 2 << 20;

    [Theory]
    [InlineData("raw", false)]
    [InlineData("qcow2", false)]
    [InlineData("raw", true)]
    [InlineData("qcow2", true)]
    public async Task Convert_ConcurrentSource_ReadsHalvesAndCopiesEveryByte(string target, bool async)
    {
        using var dir = new TempDirectory();
        string source = dir.File("source.raw");
        int length = (3 * Window) + (300 << 10);
        byte[] expected = TestData.InMemory(length);
        File.WriteAllBytes(source, expected);
        var fs = new ConcurrentReadFileSystem();
        DiskImageOptions options = target == "raw" ? new RawOptions { FlushToDisk = false } : new Qcow2Options { FlushToDisk = false };
        string output = dir.File("out." + target);

        if (async)
        {
            await DiskImage.ConvertAsync(source, output, options, null, DiskImageFormat.Raw, null, fs, CancellationToken.None);
        }
        else
        {
            DiskImage.Convert(source, output, options, null, DiskImageFormat.Raw, null, fs);
        }

        // The first window is read as [0, 1 MiB) and [1 MiB, 2 MiB); the short last window (300 KiB, under two 256 KiB halves) in one read.
        Assert.Contains((0L, Window / 2), fs.Reads);
        Assert.Contains((Window / 2L, Window / 2), fs.Reads);
        Assert.Contains((3L * Window, 300 << 10), fs.Reads);
        using var written = DiskImage.Open(output);
        var actual = new byte[length];
        Assert.Equal(length, written.ReadAt(0, actual));
        Assert.True(expected.AsSpan().SequenceEqual(actual));
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(Window / 2L, false)]
    [InlineData(Window + (Window / 2L), false)]
    [InlineData(Window / 2L, true)]
    [InlineData(Window + 4096L, true)]
    public async Task Convert_ReadFailsInEitherHalf_ThrowsAndLeavesNothing(long failAt, bool async)
    {
        using var dir = new TempDirectory();
        string source = dir.File("source.raw");
        File.WriteAllBytes(source, TestData.InMemory(4 * Window));
        var fs = new ConcurrentReadFileSystem { FailAt = failAt };
        string output = dir.File("out.qcow2");
        var options = new Qcow2Options { FlushToDisk = false };

        var ex = async
            ? await Assert.ThrowsAsync<IOException>(() => DiskImage.ConvertAsync(source, output, options, null, DiskImageFormat.Raw, null, fs, CancellationToken.None))
            : Assert.Throws<IOException>(() => DiskImage.Convert(source, output, options, null, DiskImageFormat.Raw, null, fs));

        Assert.Equal(ConcurrentReadFileSystem.InjectedErrno, ex.HResult);
        Assert.Equal(["source.raw"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Convert_SourceWhoseReadsMayNotOverlap_IsNeverReadOrProbedTwiceAtOnce(bool async)
    {
        using var dir = new TempDirectory();
        string source = dir.File("source.raw");
        byte[] expected = TestData.WriteSource(source, 24L << 20)!;
        var fs = new ConcurrentReadFileSystem { Concurrent = false };
        string output = dir.File("out.raw");
        var options = new RawOptions { FlushToDisk = false };

        if (async)
        {
            await DiskImage.ConvertAsync(source, output, options, null, DiskImageFormat.Raw, null, fs, CancellationToken.None);
        }
        else
        {
            DiskImage.Convert(source, output, options, null, DiskImageFormat.Raw, null, fs);
        }

        // Holes between the blocks make the copy ask for zero runs between reads.
        Assert.True(fs.Probes > 2);
        Assert.Equal(0, fs.Overlaps);
        Assert.All(fs.Reads, read => Assert.True(read.Length == Window || read.Offset + read.Length == 24L << 20, $"{read} is not a whole window"));
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(output)));
    }

    [Fact]
    public async Task ConvertAsync_CancelledWithReadsInFlight_ThrowsAndLeavesNothing()
    {
        using var dir = new TempDirectory();
        string source = dir.File("source.raw");
        File.WriteAllBytes(source, TestData.InMemory(8 * Window));
        var fs = new ConcurrentReadFileSystem();
        using var cts = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cts);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DiskImage.ConvertAsync(source, dir.File("out.qcow2"), new Qcow2Options { FlushToDisk = false }, progress, DiskImageFormat.Raw, null, fs, cts.Token));

        // Cancelled after the first window was written, with the reads of the next two started (they may or may not
        // have run by then: a task cancelled before it starts never reads).
        Assert.Equal(1, progress.Reports);
        Assert.Equal(["source.raw"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    /// <summary>Cancels the copy at its first progress report.</summary>
    private sealed class CancelOnFirstReport(CancellationTokenSource cts) : IProgress<DiskImageProgress>
    {
        public int Reports { get; private set; }

        public void Report(DiskImageProgress value)
        {
            Reports++;
            cts.Cancel();
        }
    }

    /// <summary>The real files, read through a file that says its reads may overlap, records every read and fails
    /// the one that covers <see cref="FailAt"/>.</summary>
    private sealed class ConcurrentReadFileSystem : DelegatingFileSystem
    {
        public const int InjectedErrno = 5;

        public long FailAt { get; init; } = -1;

        private int _active;
        private int _overlaps;
        private int _probes;

        /// <summary>Gets or sets what the file says of its reads (<see cref="IImageReadFile.ReadsConcurrently"/>).</summary>
        public bool Concurrent { get; init; } = true;

        public ConcurrentBag<(long Offset, int Length)> Reads { get; } = [];

        /// <summary>Gets how many times a read or probe began while another was running.</summary>
        public int Overlaps => Volatile.Read(ref _overlaps);

        public int Probes => Volatile.Read(ref _probes);

        private void Enter()
        {
            if (Interlocked.Increment(ref _active) > 1)
            {
                Interlocked.Increment(ref _overlaps);
            }

            // Long enough for a second thread to arrive if the copy ever lets it.
            Thread.SpinWait(2000);
        }

        private void Leave() => Interlocked.Decrement(ref _active);

        public override IImageReadFile OpenRead(string path) => new ReadFile(this, base.OpenRead(path));

        private sealed class ReadFile(ConcurrentReadFileSystem owner, IImageReadFile inner) : IImageReadFile
        {
            public long Length => inner.Length;

            public ImageFileStatus Status => inner.Status;

            public bool ReadsConcurrently => owner.Concurrent;

            public int Read(Span<byte> buffer, long offset)
            {
                owner.Enter();
                try
                {
                    if (buffer.Length >= 64 * 1024)
                    {
                        // Only the copy's window reads: the format probe reads a few KiB at the start.
                        owner.Reads.Add((offset, buffer.Length));
                        if (owner.FailAt >= offset && owner.FailAt < offset + buffer.Length)
                        {
                            throw new IOException("read failed (injected)", InjectedErrno);
                        }
                    }

                    return inner.Read(buffer, offset);
                }
                finally
                {
                    owner.Leave();
                }
            }

            public (bool IsHole, long Length) Probe(long offset, long limit)
            {
                owner.Enter();
                Interlocked.Increment(ref owner._probes);
                try
                {
                    return inner.Probe(offset, limit);
                }
                finally
                {
                    owner.Leave();
                }
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
