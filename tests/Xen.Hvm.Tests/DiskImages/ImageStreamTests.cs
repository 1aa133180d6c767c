using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Images on streams: the per-format writers (RawImage, Qcow2Image, VhdImage) and the facade's stream readers.</summary>
public sealed class ImageStreamTests
{
    private static readonly Guid s_id = new("6a1b4c3d-2e5f-4a7b-8c9d-0e1f2a3b4c5d");
    private static readonly DateTimeOffset s_time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    /// <summary>The variants that can be written to a stream (raw falloc needs a file being created).</summary>
    public static TheoryData<string> Variants => new(DiskImageTests.VariantOptions.Keys.Where(k => k != "raw-falloc").Order(StringComparer.Ordinal));

    /// <summary>Writes an image with the writer of the options' format.</summary>
    internal static DiskImageInfo CreateOnStream(Stream target, long capacity, DiskImageOptions options, bool leaveOpen, Stream? source = null) => options switch
    {
        RawOptions raw => source is null ? RawImage.Create(target, capacity, raw, leaveOpen) : RawImage.CreateFrom(target, source, capacity, raw, leaveOpen),
        Qcow2Options qcow2 => source is null ? Qcow2Image.Create(target, capacity, qcow2, leaveOpen) : Qcow2Image.CreateFrom(target, source, capacity, qcow2, leaveOpen),
        VhdOptions vhd => source is null ? VhdImage.Create(target, capacity, vhd, leaveOpen) : VhdImage.CreateFrom(target, source, capacity, vhd, leaveOpen),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void CreateFrom_OnStream_WritesTheBytesThePathMethodWrites(string variant)
    {
        using var dir = new TempDirectory();
        var options = Pinned(DiskImageTests.VariantOptions[variant]);
        byte[] data = TestData.InMemory((3 << 20) + 1536);
        using var stream = new MemoryStream();
        stream.Write(new byte[9 << 20]); // old content longer than the image: replaced, not overwritten in part

        var onStream = CreateOnStream(stream, data.Length, options, leaveOpen: true, new MemoryStream(data));
        var onFile = DiskImage.CreateFrom(dir.File("disk.img"), new MemoryStream(data), options with { FlushToDisk = false });

        Assert.Equal(File.ReadAllBytes(dir.File("disk.img")), stream.ToArray());
        Assert.Equal(onFile with { Path = null }, onStream);
        Assert.Null(onStream.Path);
        using var image = DiskImage.Open(stream, options.Format, leaveOpen: true);
        var back = new byte[image.Length];
        image.ReadExactly(back);
        Assert.True(data.AsSpan().SequenceEqual(back.AsSpan(0, data.Length)), "The stream's image reads back what was written.");
        Assert.True(back.AsSpan(data.Length).IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public async Task CreateAsync_LeaveOpen_DisposesTheTargetOnlyWhenAsked()
    {
        var kept = new MemoryStream();
        var given = new MemoryStream();

        var info = await Qcow2Image.CreateAsync(kept, 1 << 20, leaveOpen: true);
        await VhdImage.CreateAsync(given, 1 << 20);

        Assert.Equal(kept.Length, info.FileLength);
        Assert.True(kept.CanWrite);
        Assert.False(given.CanWrite);
        Assert.Throws<ObjectDisposedException>(() => given.Length);
    }

    [Fact]
    public async Task CreateFromAsync_CancelledOnStream_DisposesTheTargetAndThrows()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var target = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RawImage.CreateFromAsync(target, new MemoryStream(new byte[4096]), cancellationToken: cts.Token));

        Assert.False(target.CanWrite);
    }

    [Fact]
    public void Create_UnusableTargetOrOptions_ThrowBeforeTouchingTheStream()
    {
        var readOnly = new MemoryStream(new byte[512], writable: false);
        var forward = new TestData.ForwardOnlyStream(new MemoryStream());
        var blank = new MemoryStream();
        blank.Write([1, 2, 3]);

        Assert.Throws<ArgumentNullException>(() => RawImage.Create(null!, 512));
        Assert.Throws<ArgumentException>(() => RawImage.Create(readOnly, 512));
        Assert.Throws<ArgumentException>(() => VhdImage.Create(forward, 512));
        Assert.Throws<ArgumentException>(() => RawImage.Create(blank, 512, new RawOptions { Preallocation = RawPreallocation.Falloc }));
        Assert.Throws<ArgumentException>(() => Qcow2Image.Create(blank, 1 << 20, new Qcow2Options { BackingFile = "base.raw" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Qcow2Image.Create(blank, 1 << 20, new Qcow2Options { ClusterSize = 3000 }));

        Assert.Equal([1, 2, 3], blank.ToArray());
        Assert.True(readOnly.CanRead && blank.CanWrite, "A stream refused before writing is not disposed.");
    }

    [Fact]
    public void Create_Qcow2OverlayOnStream_StoresTheNameWithoutLookingItUp()
    {
        using var stream = new MemoryStream();

        var info = Qcow2Image.Create(stream, 1 << 20, new Qcow2Options { BackingFile = "/no/such/base.qcow2", BackingFormat = DiskImageFormat.Qcow2 }, leaveOpen: true);

        Assert.Equal(("/no/such/base.qcow2", DiskImageFormat.Qcow2), (info.BackingFile, info.BackingFormat));
        Assert.Equal(info, DiskImage.Inspect(stream, DiskImageFormat.Qcow2));
    }

    [Fact]
    public void Open_StreamOverlay_OpensBackingImagesOnlyFromStreamsItIsHanded()
    {
        byte[] data = TestData.InMemory(1 << 20);
        var baseImage = new MemoryStream();
        VhdImage.CreateFrom(baseImage, new MemoryStream(data), leaveOpen: true);
        var top = new MemoryStream();
        Qcow2Image.Create(top, 2 << 20, new Qcow2Options { BackingFile = "base.vhd", BackingFormat = DiskImageFormat.Vhd }, leaveOpen: true);
        var asked = new List<BackingStreamRequest>();
        var policy = BackingFilePolicy.FromStreams(r =>
        {
            asked.Add(r);
            return r.Name == "base.vhd" ? new MemoryStream(baseImage.ToArray()) : null;
        });

        Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, null, leaveOpen: true, out _, out var none));
        Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(Path.GetTempPath()), leaveOpen: true, out _, out var files));
        using (var image = DiskImage.Open(top, DiskImageFormat.Qcow2, policy, leaveOpen: true))
        {
            var back = new byte[image.Length];
            image.ReadExactly(back);
            Assert.Equal(data, back[..data.Length]);
            Assert.True(back.AsSpan(data.Length).IndexOfAnyExcept((byte)0) < 0);
        }

        Assert.Equal(DiagnosticIds.BackingFileNotAllowed, Assert.Single(none).Id);
        var needsStream = Assert.Single(files);
        Assert.Equal((DiagnosticIds.BackingFileNeedsStream, null), (needsStream.Id, needsStream.Location.Path));
        Assert.Equal([new BackingStreamRequest(null, "base.vhd", DiskImageFormat.Vhd, 1)], asked);
        Assert.Equal("streams", policy.ToString());
        Assert.False(policy.AllowsNone);
    }

    [Fact]
    public void Open_StreamHandedForABackingImage_IsRefusedWhenUnusableAndOwnedOtherwise()
    {
        var top = new MemoryStream();
        Qcow2Image.Create(top, 1 << 20, new Qcow2Options { BackingFile = "b", BackingFormat = DiskImageFormat.Raw }, leaveOpen: true);
        var forward = new TestData.ForwardOnlyStream(new MemoryStream(new byte[4096]));
        var handed = new MemoryStream(new byte[4096]);
        int asked = 0;

        Assert.True(DiskImage.TryOpen(top, null, BackingFilePolicy.FromStreams(_ => { asked++; return handed; }), leaveOpen: true, out var probed, out var asRaw));
        probed.Dispose();
        Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, BackingFilePolicy.FromStreams(_ => null), leaveOpen: true, out _, out var notHanded));
        Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, BackingFilePolicy.FromStreams(_ => forward), leaveOpen: true, out _, out var unusable));
        DiskImage.Open(top, DiskImageFormat.Qcow2, BackingFilePolicy.FromStreams(_ => handed), leaveOpen: true).Dispose();

        // Probed, an overlay reads as raw (QEMU's rule) and nothing is asked for.
        Assert.Equal((DiskImageFormat.Raw, DiagnosticIds.ProbedFormatReadAsRaw, 0), (probed.Format, Assert.Single(asRaw).Id, asked));
        Assert.Equal(DiagnosticIds.BackingFileNotAllowed, Assert.Single(notHanded).Id);
        Assert.Equal(DiagnosticIds.BackingFileUnavailable, Assert.Single(unusable).Id);
        Assert.Throws<ObjectDisposedException>(() => handed.Length);
        Assert.True(top.CanRead, "leaveOpen keeps the caller's stream.");
    }

    [Fact]
    public void Open_CallbackHandingTheSameOverlayForEver_StopsAtSixteen()
    {
        var top = new MemoryStream();
        Qcow2Image.Create(top, 1 << 20, new Qcow2Options { BackingFile = "self", BackingFormat = DiskImageFormat.Qcow2 }, leaveOpen: true);
        byte[] bytes = top.ToArray();
        int asked = 0;

        Assert.False(DiskImage.TryOpen(top, DiskImageFormat.Qcow2, BackingFilePolicy.FromStreams(_ => { asked++; return new MemoryStream(bytes); }), leaveOpen: true, out _, out var diagnostics));

        Assert.Equal(DiagnosticIds.BackingFileUnavailable, Assert.Single(diagnostics).Id);
        Assert.Equal(16, asked);
    }

    [Fact]
    public void Open_LeaveOpenFalse_TheImageOwnsTheStreamAlsoWhenItCannotBeOpened()
    {
        var good = new MemoryStream();
        RawImage.Create(good, 4096, leaveOpen: true);
        var bad = new MemoryStream([0x51, 0x46, 0x49, 0xFB, 0, 0, 0, 9, .. new byte[504]]);

        DiskImage.Open(good).Dispose();
        Assert.False(DiskImage.TryOpen(bad, DiskImageFormat.Qcow2, null, leaveOpen: false, out _, out var diagnostics));

        Assert.Throws<ObjectDisposedException>(() => good.Length);
        Assert.Throws<ObjectDisposedException>(() => bad.Length);
        Assert.Equal(DiagnosticIds.InvalidImageHeader, Assert.Single(diagnostics).Id);
        Assert.Throws<ArgumentException>(() => DiskImage.Open(new TestData.ForwardOnlyStream(new MemoryStream())));
    }

    [Fact]
    public void InspectAndDetectFormat_OnStream_LeaveItOpenWhereItWas()
    {
        var stream = new MemoryStream();
        VhdImage.Create(stream, 1 << 20, new VhdOptions { Subformat = VhdSubformat.Fixed }, leaveOpen: true);
        stream.Position = 123;

        var info = Assert.IsType<VhdImageInfo>(DiskImage.Inspect(stream, DiskImageFormat.Vhd));
        var probed = DiskImage.DetectFormat(stream);
        Assert.True(DiskImage.TryInspect(stream, null, out var asRaw, out var warnings));

        Assert.Equal((VhdSubformat.Fixed, DiskImageFormat.Raw, DiskImageFormat.Raw), (info.Subformat, probed, asRaw.Format));
        Assert.Equal(DiagnosticIds.ProbedFormatReadAsRaw, Assert.Single(warnings).Id);
        Assert.Equal(123, stream.Position);
    }

    [Fact]
    public void Open_FileStream_FindsTheHolesOfASparseImage()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(1 << 20);
        DiskImage.CreateFrom(dir.File("sparse.raw"), new MemoryStream(data), new RawOptions { FlushToDisk = false }, capacity: 64L << 20);

        using var image = DiskImage.Open(File.OpenRead(dir.File("sparse.raw")), DiskImageFormat.Raw);

        Assert.Equal(dir.File("sparse.raw"), image.Info.Path);
        var extents = image.GetExtents().ToList();
        Assert.Equal(64L << 20, extents.Sum(e => e.Length));
        Assert.Contains(extents, e => e.IsZero && e.Length >= 32L << 20);
    }

    /// <summary>Fixes what a VHD takes at random (unique ID, time stamp), so that two writes can be compared byte for byte.</summary>
    private static DiskImageOptions Pinned(DiskImageOptions options) =>
        options is VhdOptions vhd ? vhd with { UniqueId = s_id, Timestamp = s_time } : options;
}
