using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

public sealed class DiskImageTests
{
    public static TheoryData<string> Variants => new(VariantOptions.Keys.Order(StringComparer.Ordinal));

    internal static Dictionary<string, DiskImageOptions> VariantOptions { get; } = new()
    {
        ["raw"] = new RawOptions(),
        ["raw-full"] = new RawOptions { Preallocation = RawPreallocation.Full },
        ["raw-falloc"] = new RawOptions { Preallocation = RawPreallocation.Falloc },
        ["qcow2"] = new Qcow2Options(),
        ["qcow2-v2"] = new Qcow2Options { Version = Qcow2Version.V2 },
        ["qcow2-c512-rb1"] = new Qcow2Options { ClusterSize = 512, RefcountBits = 1 },
        ["qcow2-c2M-rb64"] = new Qcow2Options { ClusterSize = 2 << 20, RefcountBits = 64 },
        ["qcow2-c4k-rb8"] = new Qcow2Options { ClusterSize = 4096, RefcountBits = 8 },
        ["qcow2-metadata"] = new Qcow2Options { Preallocation = Qcow2Preallocation.Metadata },
        ["vhd"] = new VhdOptions(),
        ["vhd-fixed"] = new VhdOptions { Subformat = VhdSubformat.Fixed },
        ["vhd-force"] = new VhdOptions { ForceSize = true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void CreateFrom_RandomAndZeroBlocks_ReadsBackEqual(string variant)
    {
        using var dir = new TempDirectory();
        var options = VariantOptions[variant];
        var format = options.Format;
        byte[] data = TestData.InMemory((5 << 20) + 1536);
        string path = dir.File("disk.img");

        var info = DiskImage.CreateFrom(path, new MemoryStream(data), options);

        Assert.Equal(format, info.Format);
        Assert.Equal(options is VhdOptions { ForceSize: false } ? 5_257_216 : data.Length, info.Capacity); // qemu-img create -f vpc gives 5257216
        using var image = DiskImage.Open(path, format);
        Assert.Equal(format, image.Format);
        var back = new byte[info.Capacity];
        image.ReadExactly(back);
        Assert.True(data.AsSpan().SequenceEqual(back.AsSpan(0, data.Length)), "The image reads back what was written.");
        Assert.True(back.AsSpan(data.Length).IndexOfAnyExcept((byte)0) < 0, "The padding reads as zeros.");
        Assert.Equal(0, image.Read(new byte[1]));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task CreateAsync_EachVariant_InspectReportsFormatAndCapacity(string variant)
    {
        using var dir = new TempDirectory();
        var options = VariantOptions[variant];
        var format = options.Format;
        string path = dir.File("empty.img");

        var info = await DiskImage.CreateAsync(path, (64L << 20) + 512, options);

        Assert.Equal(DiskImage.Inspect(path, format), info);
        AssertDescribes(options, info);
        Assert.Equal(variant == "vhd-fixed" ? DiskImageFormat.Raw : format, DiskImage.DetectFormat(path)); // footer-only VHDs are not probed
        Assert.Equal(format == DiskImageFormat.Vhd && options is VhdOptions { ForceSize: false } ? 67_125_248 : (64L << 20) + 512, info.Capacity);
        using var image = DiskImage.Open(path, format);
        var extents = image.GetExtents().ToList();
        Assert.Equal(info.Capacity, extents.Sum(e => e.Length));
        if (variant is not ("raw-full" or "raw-falloc" or "qcow2-metadata"))
        {
            Assert.All(extents, e => Assert.True(e.IsZero));
        }
    }

    [Fact]
    public void CreateFrom_ZeroClusters_AreLeftUnallocated()
    {
        using var dir = new TempDirectory();
        var data = new byte[16 << 20];
        data[5 << 20] = 0xAB;
        data[(16 << 20) - 1] = 0xCD;

        var qcow2 = DiskImage.CreateFrom(dir.File("a.qcow2"), new MemoryStream(data), new Qcow2Options());
        var vhd = DiskImage.CreateFrom(dir.File("a.vhd"), new MemoryStream(data), new VhdOptions());

        // Two data clusters, one L2, header, L1, one refcount block and the table: 7 clusters of 64 KiB.
        Assert.Equal(7 * 65536, qcow2.FileLength);
        // Footer copy, header, BAT (512), two blocks of 512 + 2 MiB, footer.
        Assert.Equal(512 + 1024 + 512 + (2 * (512 + (2 << 20))) + 512, vhd.FileLength);
        using var image = DiskImage.Open(dir.File("a.qcow2"));
        var dataExtents = image.GetExtents().Where(e => !e.IsZero).ToList();
        Assert.Equal([new DiskImageExtent(5 << 20, 65536, false), new DiskImageExtent((16 << 20) - 65536, 65536, false)], dataExtents);
    }

    [Fact]
    public void Convert_AnyToAny_ReadsBackEqual()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(3 << 20);
        File.WriteAllBytes(dir.File("a.raw"), data);
        var progress = new List<DiskImageProgress>();

        DiskImage.Convert(dir.File("a.raw"), dir.File("b.qcow2"), new Qcow2Options { ClusterSize = 4096 }, progress: new SyncProgress(progress));
        DiskImage.Convert(dir.File("b.qcow2"), dir.File("c.vhd"), new VhdOptions());
        DiskImage.Convert(dir.File("c.vhd"), dir.File("d.qcow2"), new Qcow2Options { Version = Qcow2Version.V2 });
        DiskImage.Convert(dir.File("d.qcow2"), dir.File("e.raw"), new RawOptions());

        byte[] back = File.ReadAllBytes(dir.File("e.raw"));
        Assert.Equal(data, back.AsSpan(0, data.Length).ToArray());
        Assert.Equal(new DiskImageProgress(data.Length, data.Length), progress[^1]);
        Assert.Equal(1.0, progress[^1].Fraction);
    }

    [Fact]
    public async Task CreateFromAsync_ForwardOnlyStream_NeedsACapacityAndPadsWithZeros()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(1_000_000);

        Assert.Throws<ArgumentException>(() => DiskImage.CreateFrom(dir.File("x.qcow2"), new TestData.ForwardOnlyStream(new MemoryStream(data)), new Qcow2Options()));
        var info = await DiskImage.CreateFromAsync(dir.File("x.qcow2"), new TestData.ForwardOnlyStream(new MemoryStream(data)), new Qcow2Options(), capacity: 2 << 20);

        Assert.Equal(2 << 20, info.Capacity);
        using var image = DiskImage.Open(dir.File("x.qcow2"));
        var back = new byte[2 << 20];
        await image.ReadExactlyAsync(back);
        Assert.Equal(data, back[..data.Length]);
        Assert.Equal(-1, Array.FindIndex(back, data.Length, b => b != 0));
    }

    [Fact]
    public void CreateFrom_ForwardOnlySourceLongerThanCapacity_ThrowsAndLeavesNothing()
    {
        using var dir = new TempDirectory();
        var source = new TestData.ForwardOnlyStream(new MemoryStream(new byte[5000]));

        Assert.Throws<InvalidDataException>(() => DiskImage.CreateFrom(dir.File("x.raw"), source, new RawOptions(), capacity: 4096));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
        Assert.Throws<ArgumentException>(() => DiskImage.CreateFrom(dir.File("y.raw"), new MemoryStream(new byte[5000]), new RawOptions(), capacity: 4096));
    }

    [Fact]
    public void CreateFrom_QcowOverlay_ZeroClustersHideTheBackingFile()
    {
        using var dir = new TempDirectory();
        var ones = new byte[1 << 20];
        ones.AsSpan().Fill(0x11);
        File.WriteAllBytes(dir.File("base.raw"), ones);
        var data = new byte[1 << 20];
        data[70_000] = 0x22;

        foreach (var version in new[] { Qcow2Version.V3, Qcow2Version.V2 })
        {
            string path = dir.File($"overlay-{version}.qcow2");
            var info = DiskImage.CreateFrom(path, new MemoryStream(data), new Qcow2Options { Version = version, BackingFile = "base.raw" });
            var qcow2 = Assert.IsType<Qcow2ImageInfo>(info);
            Assert.Equal(("base.raw", DiskImageFormat.Raw), (qcow2.BackingFile, qcow2.BackingFormat));
            using var image = DiskImage.Open(path, DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(dir.Path));
            var back = new byte[1 << 20];
            image.ReadExactly(back);
            Assert.Equal(data, back);
        }
    }

    [Fact]
    public void Open_EmptyOverlay_ReadsTheBackingFile()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(1 << 20);
        DiskImage.CreateFrom(dir.File("base.vhd"), new MemoryStream(data), new VhdOptions());
        var info = Assert.IsType<Qcow2ImageInfo>(DiskImage.Create(dir.File("top.qcow2"), 2 << 20, new Qcow2Options { BackingFile = "base.vhd" }));
        Assert.Equal(DiskImageFormat.Vhd, info.BackingFormat);

        using var image = DiskImage.Open(dir.File("top.qcow2"), DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(dir.Path));
        var back = new byte[2 << 20];
        image.ReadExactly(back);

        Assert.Equal(data, back[..data.Length]);
        Assert.Equal(-1, Array.FindIndex(back, data.Length, b => b != 0));
        var lastExtent = image.GetExtents().Last();
        Assert.True(lastExtent.IsZero && lastExtent.End == 2 << 20);
    }

    [Fact]
    public void Stream_SeekAndReadAt_FollowTheStreamContract()
    {
        using var dir = new TempDirectory();
        byte[] data = TestData.InMemory(1 << 20);
        DiskImage.CreateFrom(dir.File("a.qcow2"), new MemoryStream(data), new Qcow2Options());
        using var image = DiskImage.Open(dir.File("a.qcow2"));

        Assert.True(image.CanRead && image.CanSeek && !image.CanWrite);
        Assert.Equal(100, image.Seek(100, SeekOrigin.Begin));
        Assert.Equal(data[100], (byte)image.ReadByte());
        Assert.Equal((1 << 20) - 10, image.Seek(-10, SeekOrigin.End));
        var tail = new byte[20];
        Assert.Equal(10, image.Read(tail, 0, 20));
        Assert.Equal(data[^10..], tail[..10]);
        Assert.Throws<NotSupportedException>(() => image.Write([1], 0, 1));
        Assert.Throws<NotSupportedException>(() => image.SetLength(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.GetExtent(1 << 20));
        image.Dispose();
        Assert.Throws<ObjectDisposedException>(() => image.ReadAt(0, new byte[1]));
    }

    [Fact]
    public void CreateFrom_LargeRandomSource_AllocatesLittleMemory()
    {
        using var dir = new TempDirectory();
        var source = new TestData.GeneratedStream(96 << 20, seed: 3);
        long before = GC.GetAllocatedBytesForCurrentThread();

        DiskImage.CreateFrom(dir.File("big.qcow2"), source, new Qcow2Options { FlushToDisk = false }, capacity: 96 << 20);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 8 << 20, $"Converting 96 MiB allocated {allocated} bytes; buffers must be pooled and bounded.");
    }

    [Theory]
    [InlineData(1L << 20, 1_079_296L, 31, 4, 17)]
    [InlineData(100L << 20, 104_865_792L, 1004, 12, 17)]
    [InlineData(1L << 30, 1_073_995_776L, 2081, 16, 63)]
    [InlineData(4L << 30, 4_295_467_008L, 8323, 16, 63)]
    [InlineData(10L << 30, 10_737_893_376L, 20806, 16, 63)]
    [InlineData(127L << 30, 136_365_219_840L, 65279, 16, 255)]
    [InlineData(128L << 30, 137_438_953_472L, 65535, 16, 255)]
    [InlineData(2000L << 30, 2_147_483_648_000L, 65535, 16, 255)]
    public void Create_Vhd_RoundsCapacityUpToAChsGeometryAsQemuImgDoes(long requested, long capacity, int c, int h, int s)
    {
        using var dir = new TempDirectory();
        var info = Assert.IsType<VhdImageInfo>(DiskImage.Create(dir.File("d.vhd"), requested, new VhdOptions { FlushToDisk = false }));

        Assert.Equal(capacity, info.Capacity);
        Assert.Equal(new VhdGeometry(c, h, s), info.Geometry);
        Assert.True(info.Geometry.Capacity >= requested || info.Geometry == VhdGeometry.Max, "QEMU sizes such VHDs by CHS: no byte may be cut off.");
        Assert.Equal("qemu", info.CreatorApplication);
    }

    [Fact]
    public void VhdGeometry_FromSectors_NeverExceedsTheRequest()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), n =>
        {
            long sectors = Math.Abs((long)n) % VhdGeometry.Max.TotalSectors;
            return VhdGeometry.FromSectors(sectors).TotalSectors <= sectors;
        }).QuickCheckThrowOnFailure();
        Assert.Equal("65535/16/255", VhdGeometry.Max.ToString());
    }

    /// <summary>Checks the description against the options it was written with (not against another read of the same file).</summary>
    internal static void AssertDescribes(DiskImageOptions options, DiskImageInfo info)
    {
        switch (options, info)
        {
            case (RawOptions, RawImageInfo raw):
                Assert.Null(raw.ClusterSize);
                break;
            case (Qcow2Options q, Qcow2ImageInfo i):
                Assert.Equal((q.Version, q.ClusterSize, q.RefcountBits, q.BackingFile), (i.Version, i.ClusterSize!.Value, i.RefcountBits, i.BackingFile));
                break;
            case (VhdOptions v, VhdImageInfo i):
                int? block = v.Subformat == VhdSubformat.Dynamic ? 2 << 20 : null;
                Assert.Equal((v.Subformat, v.ForceSize ? "qem2" : "qemu", block), (i.Subformat, i.CreatorApplication, i.ClusterSize));
                Assert.Equal(v.ForceSize, i.Geometry == VhdGeometry.Max);
                break;
            default:
                Assert.Fail($"{options.GetType().Name} wrote a {info.GetType().Name}.");
                break;
        }
    }

    private sealed class SyncProgress(List<DiskImageProgress> list) : IProgress<DiskImageProgress>
    {
        public void Report(DiskImageProgress value) => list.Add(value);
    }
}
