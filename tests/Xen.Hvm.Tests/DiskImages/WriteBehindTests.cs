using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Write-behind: a file that is flushed once written hands each 8 MiB written to the kernel's write-back as it
/// goes (Linux), a file that is not flushed never does, and no byte changes either way.</summary>
public sealed class WriteBehindTests
{
    private const int Window = 2 << 20;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Write_FlushedFile_HandsOverEveryEightMiB(bool async)
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(10 * Window);
        string path = dir.File("out.raw");
        int calls;
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0))
        using (var file = new HandleImageFile(stream, ownsStream: false, writeBehind: true))
        {
            for (int i = 0; i < 10; i += 2)
            {
                // One window alone, the next as a pair of halves (pwritev): both count.
                await file.WriteAsync(data.AsMemory(i * Window, Window), (long)i * Window, async, CancellationToken.None);
                await file.WriteAsync(data.AsMemory((i + 1) * Window, Window / 2), data.AsMemory(((i + 1) * Window) + (Window / 2), Window / 2), (long)(i + 1) * Window, async, CancellationToken.None);
            }

            file.Flush();
            calls = file.WriteBehindCalls;
        }

        // 20 MiB: handed over at 8 and 16 MiB; the last 4 MiB are left to the fsync.
        Assert.Equal(OperatingSystem.IsLinux() ? 2 : 0, calls);
        Assert.True(data.AsSpan().SequenceEqual(File.ReadAllBytes(path)));
    }

    [Fact]
    public async Task Write_OutOfOrder_HandsOverTheRangeOnceItSpansEightMiB()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(4 * Window);
        string path = dir.File("out.raw");
        var seen = new List<int>();
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0))
        using (var file = new HandleImageFile(stream, ownsStream: false, writeBehind: true))
        {
            foreach (int window in new[] { 3, 0, 1, 2 })
            {
                await file.WriteAsync(data.AsMemory(window * Window, Window), (long)window * Window, false, CancellationToken.None);
                seen.Add(file.WriteBehindCalls);
            }

            file.Flush();
        }

        // [6, 8) and [0, 2) MiB already span 8 MiB: handed over at the second write; the two after it are 4 MiB.
        Assert.Equal(OperatingSystem.IsLinux() ? [0, 1, 1, 1] : [0, 0, 0, 0], seen);
        Assert.True(data.AsSpan().SequenceEqual(File.ReadAllBytes(path)));
    }

    [Fact]
    public async Task Write_UnflushedFile_NeverHandsOver()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(6 * Window);
        using var stream = new FileStream(dir.File("out.raw"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        using var file = new HandleImageFile(stream, ownsStream: false, writeBehind: false);
        for (int i = 0; i < 6; i++)
        {
            await file.WriteAsync(data.AsMemory(i * Window, Window), (long)i * Window, false, CancellationToken.None);
        }

        Assert.Equal(0, file.WriteBehindCalls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Convert_AsksForWriteBehindExactlyWhenFlushingToDisk(bool flush)
    {
        using var dir = new TempDirectory();
        string source = dir.File("source.raw");
        byte[] expected = TestData.InMemory(5 * Window);
        File.WriteAllBytes(source, expected);
        var fs = new DelegatingFileSystem();

        DiskImage.Convert(source, dir.File("out.raw"), new RawOptions { FlushToDisk = flush }, null, DiskImageFormat.Raw, null, fs);

        Assert.Equal([flush], fs.Flushes);
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(dir.File("out.raw"))));
    }
}
