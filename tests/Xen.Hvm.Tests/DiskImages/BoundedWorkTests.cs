using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Bounded whatever a header declares: work and memory are shown with counts and growth ratios, never time.</summary>
public sealed class BoundedWorkTests
{
    private static readonly Qcow2Options s_huge = new() { ClusterSize = 2 << 20, FlushToDisk = false };

    [Fact]
    public void Convert_EmptyQcow2OfHugeDeclaredSize_ReadsTheSameWhateverTheSize()
    {
        using var dir = new TempDirectory();
        var reads = new List<int>();
        foreach (long size in new[] { 1L << 50, 1L << 54 })
        {
            string path = dir.File($"huge-{size}.qcow2");
            DiskImage.Create(path, size, s_huge);
            var spy = new SpyFileSystem();

            Assert.True(DiskImage.TryOpen(path, DiskImageFormat.Qcow2, null, spy, out var image, out _));
            using (image)
            {
                Assert.Equal([new DiskImageExtent(0, size, true)], image.GetExtents());
            }

            DiskImage.Convert(path, dir.File("out.qcow2"), s_huge with { Overwrite = true }, null, DiskImageFormat.Qcow2, null, spy);
            reads.Add(spy.Reads);
        }

        Assert.Equal(reads[0], reads[1]);
    }

    [Fact]
    public void Open_ChainOfSixteenMaxL1Images_AllocatesLittle()
    {
        using var dir = new TempDirectory();
        long size = 1L << 61; // 4 Mi L1 entries of 2 MiB clusters: the 32 MiB L1 limit
        DiskImage.Create(dir.File("0.qcow2"), size, s_huge);
        for (int i = 1; i < 16; i++)
        {
            DiskImage.Create(dir.File($"{i}.qcow2"), size, s_huge with { BackingFile = $"{i - 1}.qcow2", BackingFormat = DiskImageFormat.Qcow2 });
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        using (var top = DiskImage.Open(dir.File("15.qcow2"), DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(dir.Path)))
        {
            Assert.Equal([new DiskImageExtent(0, size, true)], top.GetExtents());
            Assert.Equal(4096, top.ReadAt(size / 3, new byte[4096]));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 << 20, $"Opening a 16-deep chain of max-L1 images allocated {allocated} bytes; L1 tables must be read lazily.");
    }

    [Fact]
    public async Task Qcow2Writer_RefcountStructures_AreStreamedNotHeld()
    {
        var options = new Qcow2Options { ClusterSize = 512, RefcountBits = 64, Preallocation = Qcow2Preallocation.Metadata };
        await MeasureAsync(1L << 30); // warm up
        long small = await MeasureAsync(1L << 30);
        long large = await MeasureAsync(8L << 30);

        // 8x the clusters (and 8x the refcount table: 2 MiB at 8 GiB) must not mean 8x the memory.
        Assert.True(large < (2 * small) + (64 << 10), $"1 GiB allocated {small} bytes, 8 GiB {large}.");

        async Task<long> MeasureAsync(long capacity)
        {
            var file = new DiscardFile();
            long before = GC.GetAllocatedBytesForCurrentThread();
            using (var writer = new Qcow2Writer(file, capacity, options, null, null))
            {
                await ImageCopier.CopyAsync(ContentSource.Empty, writer, null, async: false, CancellationToken.None);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(file.Length > capacity / 512 * 8, "The metadata of every cluster was written.");
            return allocated;
        }
    }

    private sealed class DiscardFile : IImageFile
    {
        public long Length { get; private set; }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, long offset, bool async, CancellationToken cancellationToken)
        {
            Length = Math.Max(Length, offset + data.Length);
            return default;
        }

        public void SetLength(long length) => Length = length;

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
