using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>No host file leaves through an image: backing files are opened only as the caller's policy allows, and
/// then only regular files; the spying file system shows what was never opened.</summary>
public sealed class BackingFilePolicyTests
{
    [Fact]
    public void Convert_ForgedQcow2InRawSector0_ReadsRawAndNeverOpensTheNamedFile()
    {
        using var dir = new TempDirectory();
        using var outside = new TempDirectory();
        File.WriteAllText(outside.File("shadow"), "root:$6$secret");
        byte[] disk = HostileFixtures.RawWithForgedQcow2(dir, "guest.raw", outside.File("shadow"));
        var spy = new SpyFileSystem();

        // The classic hole: format probed, backing files allowed next to the guest's disk.
        DiskImage.Convert(dir.File("guest.raw"), dir.File("next.raw"), new RawOptions { FlushToDisk = false }, null, null, BackingFilePolicy.AllowUnder(dir.Path), spy);

        Assert.Equal(disk, File.ReadAllBytes(dir.File("next.raw")));
        Assert.Equal([dir.File("guest.raw"), dir.File("next.raw")], spy.Opened);
        Assert.True(DiskImage.TryInspect(dir.File("guest.raw"), null, out var info, out var diagnostics));
        Assert.Equal(DiskImageFormat.Raw, info.Format);
        Assert.Equal((DiagnosticIds.ProbedFormatReadAsRaw, DiagnosticSeverity.Warning), (Assert.Single(diagnostics).Id, diagnostics[0].Severity));
        Assert.Equal(DiskImageFormat.Raw, DiskImage.DetectFormat(dir.File("guest.raw")));
    }

    [Fact]
    public void Convert_GivenQcow2NamingAFileOutsideTheAllowedFolders_RefusesXH7011AndNeverOpensIt()
    {
        using var dir = new TempDirectory();
        using var outside = new TempDirectory();
        File.WriteAllText(outside.File("shadow"), "root:$6$secret");
        HostileFixtures.RawWithForgedQcow2(dir, "guest.raw", outside.File("shadow"));
        var spy = new SpyFileSystem();

        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Convert(
            dir.File("guest.raw"), dir.File("next.raw"), new RawOptions(), null, DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(dir.Path), spy));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((DiagnosticIds.BackingFileNotAllowed, dir.File("guest.raw")), (d.Id, d.Location.Path));
        Assert.Equal(outside.File("shadow"), d.Arguments[1]);
        Assert.DoesNotContain(outside.File("shadow"), spy.Opened);
        Assert.False(File.Exists(dir.File("next.raw")));
    }

    [Fact]
    public void Open_DefaultPolicy_RefusesEveryBackingFileWithoutLookingAtIt()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("base.raw"), new byte[1 << 20]);
        DiskImage.Create(dir.File("top.qcow2"), 1 << 20, new Qcow2Options { BackingFile = "base.raw", FlushToDisk = false });
        var spy = new SpyFileSystem();

        Assert.False(DiskImage.TryOpen(dir.File("top.qcow2"), DiskImageFormat.Qcow2, null, spy, out _, out var diagnostics));

        Assert.Equal(DiagnosticIds.BackingFileNotAllowed, Assert.Single(diagnostics).Id);
        Assert.Equal(dir.File("base.raw"), diagnostics[0].Arguments[1]);
        Assert.DoesNotContain(dir.File("base.raw"), spy.Statted);
        Assert.Equal([dir.File("top.qcow2")], spy.Opened);
        Assert.Equal("base.raw", Assert.IsType<Qcow2ImageInfo>(DiskImage.Inspect(dir.File("top.qcow2"), DiskImageFormat.Qcow2)).BackingFile);
    }

    [Fact]
    public void Open_LinkInsideTheAllowedFolderToAFileOutside_IsRefusedWithTheRealPath()
    {
        using var dir = new TempDirectory();
        using var outside = new TempDirectory();
        File.WriteAllBytes(outside.File("secret.raw"), new byte[4096]);
        Directory.CreateDirectory(outside.File("deep"));
        Directory.CreateDirectory(dir.File("allowed"));
        File.CreateSymbolicLink(dir.File("allowed/link.raw"), outside.File("secret.raw"));
        Directory.CreateSymbolicLink(dir.File("allowed/dir"), outside.File("deep"));
        var spy = new SpyFileSystem();
        var policy = BackingFilePolicy.AllowUnder(dir.File("allowed"));

        // A link to a file, and '..' applied after a link to a folder (allowed/dir/.. is outside, not allowed/).
        foreach (string name in new[] { "link.raw", "dir/../secret.raw" })
        {
            string top = HostileFixtures.OverlayNaming(dir.File("allowed"), "top.qcow2", name);
            Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, policy, spy, out _, out var diagnostics));
            var d = Assert.Single(diagnostics);
            Assert.Equal((DiagnosticIds.BackingFileNotAllowed, outside.File("secret.raw")), (d.Id, d.Arguments[1]));
        }

        Assert.DoesNotContain(spy.Opened, p => p.StartsWith(outside.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/dev/stdin")]
    [InlineData("/proc/self/mem")]
    [InlineData("/dev/zero")]
    public void Open_SystemPathBackingFile_IsRefusedXH7012WhateverThePolicy(string name)
    {
        using var dir = new TempDirectory();
        string top = HostileFixtures.OverlayNaming(dir.Path, "top.qcow2", name);
        var spy = new SpyFileSystem();

        Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, BackingFilePolicy.FromCallback(_ => true), spy, out _, out var diagnostics));

        Assert.Equal(DiagnosticIds.BackingFileUnsafe, Assert.Single(diagnostics).Id);
        Assert.Equal([top], spy.Opened);
    }

    [Fact]
    public void Open_FifoBackingFile_IsRefusedXH7012WithoutOpeningIt()
    {
        using var dir = new TempDirectory();
        string top = HostileFixtures.OverlayNaming(dir.Path, "top.qcow2", "pipe");
        HostileFixtures.MakeFifo(dir.File("pipe"));
        var spy = new SpyFileSystem();
        spy.NeverOpen.Add(dir.File("pipe"));

        Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(dir.Path), spy, out _, out var diagnostics));
        Assert.True(DiskImage.TryInspect(top, DiskImageFormat.Qcow2, spy, out var info, out _));

        Assert.Equal(DiagnosticIds.BackingFileUnsafe, Assert.Single(diagnostics).Id);
        Assert.Equal("pipe", Assert.IsType<Qcow2ImageInfo>(info).BackingFile);
        Assert.DoesNotContain(dir.File("pipe"), spy.Opened);
    }

    [Fact]
    public void Open_FifoAsTheImage_ReportsXH7015WithoutOpeningIt()
    {
        using var dir = new TempDirectory();
        HostileFixtures.MakeFifo(dir.File("pipe"));
        var spy = new SpyFileSystem();
        spy.NeverOpen.Add(dir.File("pipe"));

        Assert.False(DiskImage.TryOpen(dir.File("pipe"), null, null, spy, out _, out var diagnostics));

        Assert.Equal(DiagnosticIds.NotAnImageFile, Assert.Single(diagnostics).Id);
        Assert.Empty(spy.Opened);
        Assert.Equal(DiagnosticIds.NotAnImageFile, Assert.Throws<DiskImageException>(() => DiskImage.DetectFormat(dir.File("pipe"))).FirstError!.Id);
    }

    [Fact]
    public void Open_BackingLoopThroughTwoImages_IsRefusedXH7012()
    {
        using var dir = new TempDirectory();
        HostileFixtures.OverlayNaming(dir.Path, "a.qcow2", "b.qcow2", DiskImageFormat.Qcow2);
        HostileFixtures.OverlayNaming(dir.Path, "b.qcow2", "a.qcow2", DiskImageFormat.Qcow2);

        Assert.False(DiskImage.TryOpen(dir.File("a.qcow2"), DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(dir.Path), out _, out var diagnostics));

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.BackingFileUnsafe, dir.File("b.qcow2")), (d.Id, d.Location.Path));
    }

    [Fact]
    public void Open_AllowedChain_ReadsThroughAndTheCallbackSeesRealPaths()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(1 << 20);
        File.WriteAllBytes(dir.File("base.raw"), data);
        Directory.CreateDirectory(dir.File("vm"));
        DiskImage.Create(dir.File("vm/top.qcow2"), 1 << 20, new Qcow2Options { BackingFile = "../base.raw", FlushToDisk = false });
        var asked = new List<BackingFileRequest>();

        using var image = DiskImage.Open(dir.File("vm/top.qcow2"), DiskImageFormat.Qcow2, BackingFilePolicy.FromCallback(r => { asked.Add(r); return true; }));
        var back = new byte[1 << 20];
        image.ReadExactly(back);

        Assert.Equal(data, back);
        Assert.Equal([new BackingFileRequest(dir.File("vm/top.qcow2"), "../base.raw", dir.File("base.raw"))], asked);
    }

    [Fact]
    public void Policy_Factories_DescribeThemselvesAndRejectBadFolders()
    {
        using var dir = new TempDirectory();

        Assert.Same(BackingFilePolicy.None, BackingFilePolicy.AllowUnder());
        Assert.Equal("none", BackingFilePolicy.None.ToString());
        Assert.Equal("under " + dir.Path, BackingFilePolicy.AllowUnder(dir.Path, dir.Path + "/").ToString());
        Assert.Equal("callback", BackingFilePolicy.FromCallback(_ => false).ToString());
        Assert.True(BackingFilePolicy.None.AllowsNone);
        Assert.Throws<ArgumentNullException>(() => BackingFilePolicy.AllowUnder(null!));
        Assert.Throws<ArgumentNullException>(() => BackingFilePolicy.AllowUnder([null!]));
        Assert.Throws<ArgumentException>(() => BackingFilePolicy.AllowUnder(string.Empty));
        Assert.Throws<ArgumentNullException>(() => BackingFilePolicy.FromCallback(null!));
    }
}
