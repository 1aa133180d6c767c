using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Nothing half-written, nothing lost: failures leave no file under the target name and no temporary file.</summary>
public sealed class AtomicWriteTests
{
    public static TheoryData<string> Variants => DiskImageTests.Variants;

    [Theory]
    [MemberData(nameof(Variants))]
    public void CreateFrom_DiskFullMidWrite_LeavesNothingBehind(string variant)
    {
        using var dir = new TempDirectory();
        var (format, options) = DiskImageTests.VariantOptions[variant];
        var fs = new FailingFileSystem(budget: 300_000);
        byte[] data = TestData.InMemory(4 << 20);

        var ex = Assert.Throws<IOException>(() => DiskImage.CreateFrom(dir.File("disk.img"), format, new MemoryStream(data), options: options with { FileSystem = fs }));

        Assert.Contains("No space", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, fs.CreatedFiles);
        Assert.Empty(fs.Moves);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData(DiskImageFormat.Raw)]
    [InlineData(DiskImageFormat.Qcow2)]
    [InlineData(DiskImageFormat.Vhd)]
    public async Task CreateAsync_SetLengthFailsOnFullDisk_LeavesNothingBehind(DiskImageFormat format)
    {
        using var dir = new TempDirectory();
        var fs = new FailingFileSystem(failSetLength: true);

        await Assert.ThrowsAsync<IOException>(() => DiskImage.CreateAsync(dir.File("disk.img"), format, 1 << 30, new DiskImageOptions { FileSystem = fs }));

        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData(DiskImageFormat.Raw)]
    [InlineData(DiskImageFormat.Qcow2)]
    [InlineData(DiskImageFormat.Vhd)]
    public async Task CreateFromAsync_CancelledMidWrite_LeavesNothingBehind(DiskImageFormat format)
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource();
        var progress = new CancelOnReport(cts, afterReports: 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DiskImage.CreateFromAsync(
            dir.File("disk.img"), format, new TestData.GeneratedStream(64 << 20, 1), capacity: 64 << 20, progress: progress, cancellationToken: cts.Token));

        Assert.True(progress.Reports >= 2);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Create_ExistingFileWithoutOverwrite_ThrowsAndKeepsIt()
    {
        using var dir = new TempDirectory();
        string path = dir.File("keep.img");
        File.WriteAllText(path, "precious");
        var fs = new FailingFileSystem();

        Assert.Throws<IOException>(() => DiskImage.Create(path, DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { FileSystem = fs }));
        File.WriteAllBytes(dir.File("source.raw"), new byte[4096]);
        Assert.Throws<IOException>(() => DiskImage.Convert(dir.File("source.raw"), path, DiskImageFormat.Raw));
        Assert.Throws<ArgumentException>(() => DiskImage.Convert(path, path, DiskImageFormat.Raw, new RawOptions { Overwrite = true }));

        Assert.Equal("precious", File.ReadAllText(path));
        Assert.Equal(0, fs.CreatedFiles);
    }

    [Fact]
    public void Create_ExistingFileWithOverwrite_ReplacesIt()
    {
        using var dir = new TempDirectory();
        string path = dir.File("replace.img");
        File.WriteAllText(path, "old");

        var info = DiskImage.Create(path, DiskImageFormat.Vhd, 1 << 20, new VhdOptions { Overwrite = true });

        Assert.Equal(DiskImageFormat.Vhd, info.Format);
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    public static TheoryData<string> InvalidOptions => new(s_invalid.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, (DiskImageFormat Format, long Capacity, DiskImageOptions Options, Type Exception)> s_invalid = new()
    {
        ["cluster-not-power-of-two"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { ClusterSize = 3000 }, typeof(ArgumentOutOfRangeException)),
        ["cluster-too-small"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { ClusterSize = 256 }, typeof(ArgumentOutOfRangeException)),
        ["cluster-too-large"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { ClusterSize = 4 << 20 }, typeof(ArgumentOutOfRangeException)),
        ["refcount-bits"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { RefcountBits = 12 }, typeof(ArgumentOutOfRangeException)),
        ["v2-refcount-bits"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { Version = Qcow2Version.V2, RefcountBits = 8 }, typeof(ArgumentException)),
        ["qcow2-l1-limit"] = (DiskImageFormat.Qcow2, 1L << 40, new Qcow2Options { ClusterSize = 512 }, typeof(ArgumentOutOfRangeException)),
        ["backing-missing"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { BackingFile = "nope.qcow2" }, typeof(FileNotFoundException)),
        ["backing-with-preallocation"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { BackingFile = "base.raw", Preallocation = Qcow2Preallocation.Metadata }, typeof(ArgumentException)),
        ["backing-name-too-long-for-cluster"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { ClusterSize = 512, BackingFile = new string('a', 400) }, typeof(ArgumentException)),
        ["backing-format-without-file"] = (DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { BackingFormat = DiskImageFormat.Raw }, typeof(ArgumentException)),
        ["vhd-over-2040-GiB"] = (DiskImageFormat.Vhd, 2L << 40, new VhdOptions(), typeof(ArgumentOutOfRangeException)),
        ["vhd-subformat"] = (DiskImageFormat.Vhd, 1 << 20, new VhdOptions { Subformat = (VhdSubformat)7 }, typeof(ArgumentOutOfRangeException)),
        ["options-of-another-format"] = (DiskImageFormat.Raw, 1 << 20, new VhdOptions(), typeof(ArgumentException)),
        ["zero-capacity"] = (DiskImageFormat.Raw, 0, new RawOptions(), typeof(ArgumentOutOfRangeException)),
        ["negative-capacity"] = (DiskImageFormat.Qcow2, -512, new Qcow2Options(), typeof(ArgumentOutOfRangeException)),
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Create_InvalidOptions_ThrowBeforeAnyFileIsCreated(string name)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("base.raw"), new byte[512]);
        var (format, capacity, options, exception) = s_invalid[name];
        var fs = new FailingFileSystem();

        var ex = Record.Exception(() => DiskImage.Create(dir.File("new.img"), format, capacity, options with { FileSystem = fs }));

        Assert.IsType(exception, ex);
        Assert.Equal(0, fs.CreatedFiles);
        Assert.False(File.Exists(dir.File("new.img")));
    }

    [Fact]
    public void Create_MissingDirectory_ThrowsDirectoryNotFound()
    {
        using var dir = new TempDirectory();
        Assert.Throws<DirectoryNotFoundException>(() => DiskImage.Create(dir.File("no/such/dir.img"), DiskImageFormat.Raw, 512));
    }

    private sealed class CancelOnReport(CancellationTokenSource cts, int afterReports) : IProgress<DiskImageProgress>
    {
        public int Reports { get; private set; }

        public void Report(DiskImageProgress value)
        {
            if (++Reports >= afterReports)
            {
                cts.Cancel();
            }
        }
    }
}
