using System.Text.Json;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

public sealed class ImageCommandsTests
{
    [Fact]
    public void Mkimage_Qcow2WithOptions_CreatesTheImage()
    {
        using var dir = new TempDirectory();
        string path = dir.File("xp.img");

        var result = Cli.Run("mkimage", "-f", "qcow2", "-o", "compat=0.10,cluster_size=4k", path, "10G");

        Assert.Equal(0, result.ExitCode);
        var info = Assert.IsType<Qcow2ImageInfo>(DiskImage.Inspect(path));
        Assert.Equal((10L << 30, Qcow2Version.V2, 4096), (info.Capacity, info.Version, info.ClusterSize!.Value));
    }

    [Fact]
    public void Mkimage_DdOperands_CreateARawImageOfThatSize()
    {
        using var dir = new TempDirectory();
        string path = dir.File("WS128.img");

        var result = Cli.Run("mkimage", path, "bs=1M count=4096");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4L << 30, new FileInfo(path).Length);
    }

    [Fact]
    public void Mkimage_OverlayWithoutSize_TakesTheBackingFileSize()
    {
        using var dir = new TempDirectory();
        DiskImage.Create(dir.File("base.vhd"), 1 << 30, new VhdOptions());

        var result = Cli.Run("mkimage", "-f", "qcow2", "-o", "backing_file=base.vhd,backing_fmt=vpc", dir.File("top.qcow2"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(DiskImage.Inspect(dir.File("base.vhd")).Capacity, DiskImage.Inspect(dir.File("top.qcow2"), DiskImageFormat.Qcow2).Capacity);
    }

    [Theory]
    [InlineData("XH7004", "mkimage", "-f", "raw", "x.img", "0")]
    [InlineData("XH7003", "mkimage", "-f", "raw", "x.img", "-1G")]
    [InlineData("XH7005", "mkimage", "-f", "vhd", "-o", "cluster_size=64k", "x.img", "1G")]
    [InlineData("XH7006", "mkimage", "-f", "qcow2", "-o", "cluster_size=1000", "x.img", "1G")]
    public void Mkimage_InvalidInput_ReportsTheDiagnosticAndExits2(string id, params string[] args)
    {
        using var dir = new TempDirectory();
        args[Array.IndexOf(args, "x.img")] = dir.File("x.img");

        var result = Cli.Run(args);

        Assert.Equal(XenCfg.ExitCodes.UsageOrIo, result.ExitCode); // a bad size or -o option is a command-line mistake
        Assert.Equal([id], CliDiagnostics.Ids(result.Error));
        Assert.False(File.Exists(dir.File("x.img")));
    }

    [Fact]
    public void Mkimage_ExistingFile_NeedsOverwrite()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.img");
        File.WriteAllText(path, "keep");

        Assert.Equal(2, Cli.Run("mkimage", path, "1M").ExitCode);
        Assert.Equal("keep", File.ReadAllText(path));
        Assert.Equal(0, Cli.Run("mkimage", "--overwrite", path, "1M").ExitCode);
        Assert.Equal(1L << 20, new FileInfo(path).Length);
    }

    [Fact]
    public void ConvertImage_RawToVhdAndBack_KeepsTheBytes()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(3 << 20);
        File.WriteAllBytes(dir.File("a.raw"), data);

        Assert.Equal(0, Cli.Run("convert-image", "-O", "vhd", "-o", "subformat=fixed", dir.File("a.raw"), dir.File("b.vhd")).ExitCode);
        var result = Cli.Run("convert-image", "-f", "vpc", "-O", "raw", dir.File("b.vhd"), dir.File("c.raw"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(data, File.ReadAllBytes(dir.File("c.raw"))[..data.Length]);
        Assert.DoesNotContain("\u001b", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertImage_NoFlush_WritesTheSameImageAndStillRefusesToOverwrite()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(3 << 20);
        File.WriteAllBytes(dir.File("a.raw"), data);
        Assert.Equal(0, Cli.Run("convert-image", "-O", "qcow2", dir.File("a.raw"), dir.File("flushed.qcow2")).ExitCode);

        var result = Cli.Run("convert-image", "--no-flush", "-O", "qcow2", dir.File("a.raw"), dir.File("unflushed.qcow2"));
        var again = Cli.Run("convert-image", "--no-flush", "-O", "qcow2", dir.File("a.raw"), dir.File("unflushed.qcow2"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("flushed.qcow2")), File.ReadAllBytes(dir.File("unflushed.qcow2")));
        Assert.Equal(2, again.ExitCode);
        Assert.Equal([(dir.File("unflushed.qcow2"), "error", DiagnosticIds.ImageTargetExists)], CliDiagnostics.Parse(again.Error));
    }

    [Fact]
    public void ConvertImage_CorruptSource_ReportsXH7007()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("bad.qcow2"), [0x51, 0x46, 0x49, 0xFB, 0, 0, 0, 9, .. new byte[4088]]); // qcow2 magic, version 9

        var result = Cli.Run("convert-image", "-O", "raw", dir.File("bad.qcow2"), dir.File("out.raw"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([(dir.File("bad.qcow2"), "error", DiagnosticIds.InvalidImageHeader)], CliDiagnostics.Parse(result.Error));
        Assert.False(File.Exists(dir.File("out.raw")));
    }

    [Fact]
    public void ImageInfo_Json_ReportsFormatAndSizes()
    {
        using var dir = new TempDirectory();
        DiskImage.Create(dir.File("a.vhd"), 10L << 30, new VhdOptions());

        var result = Cli.Run("image-info", "--json", dir.File("a.vhd"));

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("vhd", doc.RootElement.GetProperty("format").GetString());
        Assert.Equal(10_737_893_376, doc.RootElement.GetProperty("virtual-size").GetInt64());
        Assert.Equal("20806/16/63", doc.RootElement.GetProperty("geometry").GetString());
        Assert.Equal(0, Cli.Run("image-info", dir.File("a.vhd")).ExitCode);
        Assert.Equal(2, Cli.Run("image-info", dir.File("missing.vhd")).ExitCode);
    }

    [Fact]
    public void ConvertImage_Overlay_NeedsBackingUnderAndPrintsThePolicy()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(1 << 20);
        File.WriteAllBytes(dir.File("base.raw"), data);
        DiskImage.Create(dir.File("top.qcow2"), 1 << 20, new Qcow2Options { BackingFile = "base.raw" });

        var probed = Cli.Run("convert-image", "-O", "raw", dir.File("top.qcow2"), dir.File("probed.raw"));
        var refused = Cli.Run("convert-image", "-f", "qcow2", "-O", "raw", dir.File("top.qcow2"), dir.File("refused.raw"));
        var allowed = Cli.Run("convert-image", "-f", "qcow2", "--backing-under", dir.Path, "-O", "raw", dir.File("top.qcow2"), dir.File("flat.raw"));

        Assert.Equal((0, XenCfg.ExitCodes.UsageOrIo, 0), (probed.ExitCode, refused.ExitCode, allowed.ExitCode));
        Assert.Equal([(dir.File("top.qcow2"), "warning", DiagnosticIds.ProbedFormatReadAsRaw)], CliDiagnostics.Parse(probed.Error));
        Assert.Equal([(dir.File("top.qcow2"), "error", DiagnosticIds.BackingFileNotAllowed)], CliDiagnostics.Parse(refused.Error));
        Assert.Empty(CliDiagnostics.Parse(allowed.Error));

        // The policy used is printed in its own terms (BackingFilePolicy.ToString), whatever the sentence around it.
        string under = BackingFilePolicy.AllowUnder(dir.Path).ToString();
        Assert.Contains(under, allowed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(under, probed.Out, StringComparison.Ordinal);
        Assert.Equal(data, File.ReadAllBytes(dir.File("flat.raw")));
    }

    [Fact]
    public void ImageInfo_OverlayWithMissingBackingFile_NamesItWithoutOpeningIt()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("base.raw"), new byte[4096]);
        DiskImage.Create(dir.File("top.qcow2"), 1 << 20, new Qcow2Options { BackingFile = "base.raw" });
        File.Delete(dir.File("base.raw"));

        var result = Cli.Run("image-info", "--json", "-f", "qcow2", dir.File("top.qcow2"));

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("base.raw", doc.RootElement.GetProperty("backing-file").GetString());
        Assert.Empty(CliDiagnostics.Parse(result.Error));
    }

    [Fact]
    public void ConvertImage_OverwriteOntoLinkToDevice_IsRefusedXH7016()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.raw"), new byte[4096]);
        File.CreateSymbolicLink(dir.File("lv"), "/dev/null");

        var result = Cli.Run("convert-image", "--overwrite", "--device", "-O", "raw", dir.File("a.raw"), dir.File("lv"));

        Assert.Equal(XenCfg.ExitCodes.UsageOrIo, result.ExitCode); // not written as asked
        Assert.Equal([(dir.File("lv"), "error", DiagnosticIds.TargetIsDevice)], CliDiagnostics.Parse(result.Error));
        Assert.Equal("/dev/null", new FileInfo(dir.File("lv")).LinkTarget);
    }
}
