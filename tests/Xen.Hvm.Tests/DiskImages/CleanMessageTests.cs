using System.Buffers.Binary;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>No runtime exception text reaches a user: each of the security review's examples is a diagnostic with an ID.</summary>
public sealed class CleanMessageTests
{
    [Fact]
    public void Convert_DamagedCompressedCluster_ThrowsXH7018()
    {
        using var dir = new TempDirectory();
        string path = HostileFixtures.DamagedCompressedCluster(dir, "old.qcow2");

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Convert(path, dir.File("out.raw"), new RawOptions()));
        var result = Cli.Run("convert-image", "-O", "raw", path, dir.File("out2.raw"));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((DiagnosticIds.ImageDataUnreadable, path, 0L), (d.Id, d.Location.Path, (long)d.Arguments[1]!));
        Assert.False(File.Exists(dir.File("out.raw")));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([(path, "error", DiagnosticIds.ImageDataUnreadable)], CliDiagnostics.Parse(result.Error));
    }

    [Fact]
    public void TryOpen_BackingNameOffsetThatWrapsAround_ReportsXH7007()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.qcow2");
        DiskImage.Create(path, 1 << 20, new Qcow2Options { FlushToDisk = false });
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), ulong.MaxValue); // backing_file_offset + size wraps to 0
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), 1);
        File.WriteAllBytes(path, bytes);

        Assert.False(DiskImage.TryOpen(path, DiskImageFormat.Qcow2, null, out _, out var diagnostics));
        var result = Cli.Run("image-info", "-f", "qcow2", path);

        Assert.Equal(DiagnosticIds.InvalidImageHeader, Assert.Single(diagnostics).Id);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([(path, "error", DiagnosticIds.InvalidImageHeader)], CliDiagnostics.Parse(result.Error));
    }

    [Fact]
    public void Convert_EmptySource_ThrowsXH7017()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("empty.raw"), []);

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Convert(dir.File("empty.raw"), dir.File("out.qcow2"), new Qcow2Options()));
        var result = Cli.Run("convert-image", "-O", "qcow2", dir.File("empty.raw"), dir.File("out.qcow2"));

        Assert.Equal(DiagnosticIds.EmptySourceImage, Assert.Single(ex.Diagnostics).Id);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([(dir.File("empty.raw"), "error", DiagnosticIds.EmptySourceImage)], CliDiagnostics.Parse(result.Error));
        Assert.False(File.Exists(dir.File("out.qcow2")));
    }

    [Fact]
    public void Cli_IoAndArgumentFailures_AreDiagnosticsInOurWords()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("base.raw"), new byte[4096]);

        var missing = Cli.Run("image-info", dir.File("missing.vhd"));
        var exists = Cli.Run("mkimage", dir.File("base.raw"), "1M");
        var invalid = Cli.Run("mkimage", "-f", "qcow2", "-o", "backing_file=base.raw,preallocation=metadata", dir.File("top.qcow2"), "1M");

        Assert.Equal((2, 2, 2), (missing.ExitCode, exists.ExitCode, invalid.ExitCode));
        Assert.Equal([(dir.File("missing.vhd"), "error", DiagnosticIds.ImageFileAccess)], CliDiagnostics.Parse(missing.Error));
        Assert.Equal([(dir.File("base.raw"), "error", DiagnosticIds.ImageTargetExists)], CliDiagnostics.Parse(exists.Error));
        Assert.Equal([DiagnosticIds.InvalidImageRequest], CliDiagnostics.Ids(invalid.Error));
    }
}
