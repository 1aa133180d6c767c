using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.Internal;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>No data lost: forged VHD footers do not shrink a raw disk, devices are never replaced by files, and the
/// temporary files of a killed conversion are cleaned up by the next one.</summary>
public sealed class DataLossTests
{
    [Fact]
    public void Convert_RawWithForgedVhdFooter_KeepsEveryByteAndWarnsXH7013()
    {
        using var dir = new TempDirectory();
        byte[] disk = HostileFixtures.RawWithForgedVhdFooter(dir, "guest.raw");

        var info = DiskImage.Convert(dir.File("guest.raw"), dir.File("out.raw"), new RawOptions { FlushToDisk = false });

        Assert.Equal(1 << 20, info.Capacity);
        Assert.Equal(disk, File.ReadAllBytes(dir.File("out.raw")));
        Assert.Equal(DiskImageFormat.Raw, DiskImage.DetectFormat(dir.File("guest.raw")));
        Assert.True(DiskImage.TryInspect(dir.File("guest.raw"), null, out _, out var diagnostics));
        Assert.Equal(DiagnosticIds.ProbedFormatReadAsRaw, Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Open_GivenVhdWhoseFooterIsSmallerThanTheData_WarnsXH7014()
    {
        using var dir = new TempDirectory();
        HostileFixtures.RawWithForgedVhdFooter(dir, "guest.raw");

        Assert.True(DiskImage.TryOpen(dir.File("guest.raw"), DiskImageFormat.Vhd, null, out var stream, out var diagnostics));
        using (stream)
        {
            Assert.Equal(4096, stream.Length);
        }

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.VhdSizeMismatch, DiagnosticSeverity.Warning), (d.Id, d.Severity));
        Assert.Equal([4096L, (1L << 20) - 512], d.Arguments.Take(2).Cast<long>());
    }

    [Fact]
    public void Convert_OverwriteOntoSymlinkToCharacterDevice_RefusesXH7016AndKeepsTheLink()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.raw"), TestData.InMemory(128 * 1024));
        File.CreateSymbolicLink(dir.File("lv"), "/dev/null");

        foreach (bool device in new[] { false, true })
        {
            var ex = Assert.Throws<DiskImageException>(() => DiskImage.Convert(dir.File("a.raw"), dir.File("lv"), new RawOptions { Overwrite = true, WriteToDevice = device }));
            Assert.Equal(DiagnosticIds.TargetIsDevice, Assert.Single(ex.Diagnostics).Id);
        }

        Assert.Equal("/dev/null", new FileInfo(dir.File("lv")).LinkTarget);
        Assert.Equal(2, Directory.EnumerateFileSystemEntries(dir.Path).Count());
    }

    [Fact]
    public void Convert_OntoBlockDeviceWithoutWriteToDevice_RefusesXH7016EvenWithOverwrite()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.raw"), TestData.InMemory(128 * 1024));
        var fs = new FakeDeviceFileSystem(dir.File("lv"));
        File.WriteAllBytes(dir.File("lv"), new byte[4096]);

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Convert(dir.File("a.raw"), dir.File("lv"), new RawOptions { Overwrite = true }, null, null, null, fs));

        Assert.Equal(DiagnosticIds.TargetIsDevice, Assert.Single(ex.Diagnostics).Id);
        Assert.Empty(fs.Created);
        Assert.Equal(new byte[4096], File.ReadAllBytes(dir.File("lv")));
        Assert.Equal(2, Directory.EnumerateFileSystemEntries(dir.Path).Count());
    }

    [Fact]
    public void Convert_WriteToDeviceThroughALink_WritesInPlaceZerosIncludedAndKeepsTheLink()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(1 << 20);
        File.WriteAllBytes(dir.File("a.raw"), data);
        var garbage = new byte[8 << 20];
        garbage.AsSpan().Fill(0xAA);
        File.WriteAllBytes(dir.File("disk"), garbage);
        File.CreateSymbolicLink(dir.File("lv"), dir.File("disk"));
        var fs = new FakeDeviceFileSystem(dir.File("lv"));

        var info = DiskImage.Convert(dir.File("a.raw"), dir.File("lv"), new Qcow2Options { ClusterSize = 4096, WriteToDevice = true }, null, null, null, fs);

        Assert.Empty(fs.Created);
        Assert.Equal(3, Directory.EnumerateFileSystemEntries(dir.Path).Count());
        Assert.Equal(dir.File("disk"), new FileInfo(dir.File("lv")).LinkTarget);
        Assert.True(info.FileLength < garbage.Length);
        using (var image = DiskImage.Open(dir.File("disk"), DiskImageFormat.Qcow2))
        {
            var back = new byte[image.Length];
            image.ReadExactly(back);
            Assert.Equal(data, back);
        }

        Assert.True(File.ReadAllBytes(dir.File("disk")).AsSpan((int)info.FileLength).IndexOfAnyExcept((byte)0xAA) < 0, "Nothing past the image was touched.");

        // Raw onto the device: the zero runs a file leaves as holes are written as zeros over the old content.
        File.WriteAllBytes(dir.File("disk"), garbage);
        DiskImage.Convert(dir.File("a.raw"), dir.File("lv"), new RawOptions { WriteToDevice = true }, null, null, null, fs);
        byte[] device = File.ReadAllBytes(dir.File("disk"));
        Assert.Equal(data, device[..data.Length]);
        Assert.True(device.AsSpan(data.Length).IndexOfAnyExcept((byte)0xAA) < 0);
    }

    [Fact]
    public void Convert_AfterAKilledConversion_RemovesItsTempFileOnly()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.raw"), TestData.InMemory(128 * 1024));
        string dead = ".out.raw" + AtomicFile.TempMarker + int.MaxValue + "-0123456789ab";
        string alive = ".out.raw" + AtomicFile.TempMarker + Environment.ProcessId + "-0123456789ab";
        string other = ".other.raw" + AtomicFile.TempMarker + int.MaxValue + "-0123456789ab";
        string notOurs = ".out.raw" + AtomicFile.TempMarker + "backup";
        foreach (string name in new[] { dead, alive, other, notOurs })
        {
            File.WriteAllText(dir.File(name), "partial");
        }

        var spy = new SpyFileSystem();
        DiskImage.Convert(dir.File("a.raw"), dir.File("out.raw"), new RawOptions { FlushToDisk = false }, null, null, null, spy);

        Assert.False(File.Exists(dir.File(dead)));
        Assert.True(File.Exists(dir.File(alive)) && File.Exists(dir.File(other)) && File.Exists(dir.File(notOurs)));
        Assert.Matches(@"^\.out\.raw\.xenhvm-tmp-" + Environment.ProcessId + "-[0-9a-f]{12}$", Path.GetFileName(Assert.Single(spy.Created)));
    }

    /// <summary>Says one path is a block device (there is no loop device here); the base records the files written.</summary>
    private sealed class FakeDeviceFileSystem(string device) : DelegatingFileSystem
    {
        public override ImageFileStatus GetStatus(string path, bool followLinks) =>
            path == device && followLinks ? new ImageFileStatus(ImageFileKind.BlockDevice, 1, 1) : base.GetStatus(path, followLinks);
    }
}
