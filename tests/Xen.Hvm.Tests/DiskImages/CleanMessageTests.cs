using System.Buffers.Binary;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
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

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Convert(path, dir.File("out.raw"), DiskImageFormat.Raw));
        var result = Cli.Run("convert-image", "-O", "raw", path, dir.File("out2.raw"));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((DiagnosticIds.ImageDataUnreadable, path, 0L), (d.Id, d.Location.Path, (long)d.Arguments[1]!));
        Assert.False(File.Exists(dir.File("out.raw")));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(DiagnosticIds.ImageDataUnreadable, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("compression method", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_BackingNameOffsetThatWrapsAround_ReportsXH7007()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.qcow2");
        DiskImage.Create(path, DiskImageFormat.Qcow2, 1 << 20, new Qcow2Options { FlushToDisk = false });
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), ulong.MaxValue); // backing_file_offset + size wraps to 0
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), 1);
        File.WriteAllBytes(path, bytes);

        Assert.False(DiskImage.TryOpen(path, DiskImageFormat.Qcow2, out _, out var diagnostics));
        var result = Cli.Run("image-info", "-f", "qcow2", path);

        Assert.Equal(DiagnosticIds.InvalidImageHeader, Assert.Single(diagnostics).Id);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(DiagnosticIds.InvalidImageHeader, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_EmptySource_ThrowsXH7017()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("empty.raw"), []);

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Convert(dir.File("empty.raw"), dir.File("out.qcow2"), DiskImageFormat.Qcow2));
        var result = Cli.Run("convert-image", "-O", "qcow2", dir.File("empty.raw"), dir.File("out.qcow2"));

        Assert.Equal(DiagnosticIds.EmptySourceImage, Assert.Single(ex.Diagnostics).Id);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(DiagnosticIds.EmptySourceImage, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("capacity (", result.Error, StringComparison.Ordinal);
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

        Assert.Equal((2, 2, 2), (missing.ExitCode, exists.ExitCode, invalid.ExitCode)); // XH7020: the request itself is wrong
        Assert.Contains($"{dir.File("missing.vhd")}(1,1): error {DiagnosticIds.ImageFileAccess}", missing.Error, StringComparison.Ordinal);
        Assert.Contains(DiagnosticIds.ImageFileAccess, exists.Error, StringComparison.Ordinal);
        Assert.Contains(DiagnosticIds.InvalidImageRequest, invalid.Error, StringComparison.Ordinal);
        Assert.All(new[] { missing, exists, invalid }, r => Assert.DoesNotContain("Could not find", r.Error, StringComparison.Ordinal));
        Assert.DoesNotContain("(Parameter", invalid.Error, StringComparison.Ordinal);
    }
}
