using Xen.Hvm.Diagnostics;
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
        var options = DiskImageTests.VariantOptions[variant];
        var fs = new FailingFileSystem(budget: 300_000);
        byte[] data = TestData.InMemory(4 << 20);

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.CreateFrom(dir.File("disk.img"), new MemoryStream(data), options, null, null, fs));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((DiagnosticIds.ImageFileAccess, dir.File("disk.img")), (d.Id, d.Location.Path));
        Assert.Equal(1, fs.CreatedFiles);
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

        var ex = await Assert.ThrowsAsync<DiskImageException>(() => DiskImage.CreateAsync(dir.File("disk.img"), 1 << 30, DiskImage.DefaultOptions(format), fs, CancellationToken.None));

        Assert.Equal(DiagnosticIds.ImageFileAccess, Assert.Single(ex.Diagnostics).Id);
        Assert.Equal(1, fs.CreatedFiles);
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

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DiskImage.CreateFromAsync(dir.File("disk.img"), new TestData.GeneratedStream(64 << 20, 1), DiskImage.DefaultOptions(format), capacity: 64 << 20, progress: progress, cancellationToken: cts.Token));

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

        var create = Assert.Throws<DiskImageException>(() => DiskImage.Create(path, 1 << 20, new Qcow2Options(), fs));
        File.WriteAllBytes(dir.File("source.raw"), new byte[4096]);
        var convert = Assert.Throws<DiskImageException>(() => DiskImage.Convert(dir.File("source.raw"), path, new RawOptions(), null, null, null, fs));
        Assert.Throws<ArgumentException>(() => DiskImage.Convert(path, path, new RawOptions { Overwrite = true }));

        Assert.Equal((DiagnosticIds.ImageTargetExists, path), (Assert.Single(create.Diagnostics).Id, create.Diagnostics[0].Location.Path));
        Assert.Equal(DiagnosticIds.ImageTargetExists, Assert.Single(convert.Diagnostics).Id);
        Assert.Equal("precious", File.ReadAllText(path));
        Assert.Equal(0, fs.CreatedFiles);
        Assert.Equal(2, Directory.EnumerateFileSystemEntries(dir.Path).Count());
    }

    [Fact]
    public void Create_ExistingFileWithOverwrite_ReplacesIt()
    {
        using var dir = new TempDirectory();
        string path = dir.File("replace.img");
        File.WriteAllText(path, "old");

        var info = DiskImage.Create(path, 1 << 20, new VhdOptions { Overwrite = true });

        Assert.Equal(DiskImageFormat.Vhd, info.Format);
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Xen.Hvm.Tests.Config.UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Create_OverwriteThroughASymlink_WritesItsTargetAndKeepsTheLinkAndTheMode()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("store"));
        File.WriteAllText(dir.File("store/disk.img"), "old");
        File.SetUnixFileMode(dir.File("store/disk.img"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        File.CreateSymbolicLink(dir.File("disk.img"), dir.File("store/disk.img"));

        var info = DiskImage.Create(dir.File("disk.img"), 1 << 20, new Qcow2Options { Overwrite = true, FlushToDisk = false });

        Assert.Equal(dir.File("store/disk.img"), new FileInfo(dir.File("disk.img")).LinkTarget);
        Assert.Equal(DiskImageFormat.Qcow2, DiskImage.DetectFormat(dir.File("store/disk.img")));
        Assert.Equal(info.FileLength, new FileInfo(dir.File("store/disk.img")).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(dir.File("store/disk.img")));
        Assert.Equal([dir.File("store/disk.img")], Directory.EnumerateFileSystemEntries(dir.File("store")));
    }

    [Xen.Hvm.Tests.Config.UnixFact]
    public void Create_FallocRawFile_ReservesTheSpaceOfTheNewFile()
    {
        using var dir = new TempDirectory();

        DiskImage.Create(dir.File("reserved.raw"), 8 << 20, new RawOptions { Preallocation = RawPreallocation.Falloc, FlushToDisk = false });
        DiskImage.Create(dir.File("sparse.raw"), 8 << 20, new RawOptions { FlushToDisk = false });

        Assert.True(AllocatedBytes(dir.File("reserved.raw")) >= 8 << 20, "falloc reserves every block of the temporary file before it is renamed.");
        Assert.True(AllocatedBytes(dir.File("sparse.raw")) < 1 << 20);
    }

    /// <summary>Returns the bytes a file occupies on disk (<c>stat -c %b</c> blocks of 512 bytes).</summary>
    private static long AllocatedBytes(string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%b", path]) { RedirectStandardOutput = true })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture) * 512;
    }

    public static TheoryData<string> InvalidOptions => new(s_invalid.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, (long Capacity, DiskImageOptions Options, Type Exception)> s_invalid = new()
    {
        ["cluster-not-power-of-two"] = (1 << 20, new Qcow2Options { ClusterSize = 3000 }, typeof(ArgumentOutOfRangeException)),
        ["cluster-too-small"] = (1 << 20, new Qcow2Options { ClusterSize = 256 }, typeof(ArgumentOutOfRangeException)),
        ["cluster-too-large"] = (1 << 20, new Qcow2Options { ClusterSize = 4 << 20 }, typeof(ArgumentOutOfRangeException)),
        ["refcount-bits"] = (1 << 20, new Qcow2Options { RefcountBits = 12 }, typeof(ArgumentOutOfRangeException)),
        ["v2-refcount-bits"] = (1 << 20, new Qcow2Options { Version = Qcow2Version.V2, RefcountBits = 8 }, typeof(ArgumentException)),
        ["qcow2-l1-limit"] = (1L << 40, new Qcow2Options { ClusterSize = 512 }, typeof(ArgumentOutOfRangeException)),
        ["backing-missing"] = (1 << 20, new Qcow2Options { BackingFile = "nope.qcow2" }, typeof(DiskImageException)),
        ["backing-is-a-folder"] = (1 << 20, new Qcow2Options { BackingFile = "." }, typeof(DiskImageException)),
        ["backing-with-preallocation"] = (1 << 20, new Qcow2Options { BackingFile = "base.raw", Preallocation = Qcow2Preallocation.Metadata }, typeof(ArgumentException)),
        ["backing-name-too-long-for-cluster"] = (1 << 20, new Qcow2Options { ClusterSize = 512, BackingFile = new string('a', 400) }, typeof(ArgumentException)),
        ["backing-format-without-file"] = (1 << 20, new Qcow2Options { BackingFormat = DiskImageFormat.Raw }, typeof(ArgumentException)),
        ["vhd-over-2040-GiB"] = (2L << 40, new VhdOptions(), typeof(ArgumentOutOfRangeException)),
        ["vhd-subformat"] = (1 << 20, new VhdOptions { Subformat = (VhdSubformat)7 }, typeof(ArgumentOutOfRangeException)),
        ["zero-capacity"] = (0, new RawOptions(), typeof(ArgumentOutOfRangeException)),
        ["negative-capacity"] = (-512, new Qcow2Options(), typeof(ArgumentOutOfRangeException)),
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Create_InvalidOptions_ThrowBeforeAnyFileIsCreated(string name)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("base.raw"), new byte[512]);
        var (capacity, options, exception) = s_invalid[name];
        var fs = new FailingFileSystem();

        var ex = Record.Exception(() => DiskImage.Create(dir.File("new.img"), capacity, options, fs));

        Assert.IsType(exception, ex);
        Assert.Equal(0, fs.CreatedFiles);
        Assert.Equal([dir.File("base.raw")], Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Create_MissingDirectory_ThrowsXH7019()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Create(dir.File("no/such/dir.img"), 512, new RawOptions()));

        Assert.Equal((DiagnosticIds.ImageFileAccess, dir.File("no/such/dir.img")), (Assert.Single(ex.Diagnostics).Id, ex.Diagnostics[0].Location.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
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
