using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>
/// Byte-exact comparisons of our empty images with golden dumps of what <c>qemu-img create</c> (QEMU 7.2) writes.
/// The fixtures were dumped from qemu-img here; the interop class re-checks them against the local qemu-img.
/// </summary>
public sealed class DiskImageGoldenTests
{
    public static TheoryData<string> Fixtures => new(Cases.Keys.Order(StringComparer.Ordinal));

    /// <summary>Fixture name → (format, qemu-img size and options, our options).</summary>
    internal static Dictionary<string, (DiskImageFormat Format, string Size, string[] QemuArgs, Func<HexFixture.Fixture, DiskImageOptions> Options)> Cases { get; } = new()
    {
        ["qcow2-v3-10G"] = (DiskImageFormat.Qcow2, "10G", ["-f", "qcow2"], _ => new Qcow2Options()),
        ["qcow2-v2-10G"] = (DiskImageFormat.Qcow2, "10G", ["-f", "qcow2", "-o", "compat=0.10"], _ => new Qcow2Options { Version = Qcow2Version.V2 }),
        ["qcow2-v3-1T"] = (DiskImageFormat.Qcow2, "1T", ["-f", "qcow2"], _ => new Qcow2Options()),
        ["qcow2-c512-1G"] = (DiskImageFormat.Qcow2, "1G", ["-f", "qcow2", "-o", "cluster_size=512"], _ => new Qcow2Options { ClusterSize = 512 }),
        ["qcow2-c4k-1G"] = (DiskImageFormat.Qcow2, "1G", ["-f", "qcow2", "-o", "cluster_size=4096"], _ => new Qcow2Options { ClusterSize = 4096 }),
        ["qcow2-c2M-10G"] = (DiskImageFormat.Qcow2, "10G", ["-f", "qcow2", "-o", "cluster_size=2M"], _ => new Qcow2Options { ClusterSize = 2 << 20 }),
        ["qcow2-rb1-1G"] = (DiskImageFormat.Qcow2, "1G", ["-f", "qcow2", "-o", "refcount_bits=1"], _ => new Qcow2Options { RefcountBits = 1 }),
        ["qcow2-rb64-1G"] = (DiskImageFormat.Qcow2, "1G", ["-f", "qcow2", "-o", "refcount_bits=64"], _ => new Qcow2Options { RefcountBits = 64 }),
        ["qcow2-overlay-1G"] = (DiskImageFormat.Qcow2, "1G", ["-f", "qcow2", "-b", "base.raw", "-F", "raw"], _ => new Qcow2Options { BackingFile = "base.raw", BackingFormat = DiskImageFormat.Raw }),
        ["qcow2-v2-overlay-1G"] = (DiskImageFormat.Qcow2, "1G", ["-f", "qcow2", "-o", "compat=0.10", "-b", "base.raw", "-F", "raw"], _ => new Qcow2Options { Version = Qcow2Version.V2, BackingFile = "base.raw", BackingFormat = DiskImageFormat.Raw }),
        ["vhd-dynamic-10G"] = (DiskImageFormat.Vhd, "10G", ["-f", "vpc"], f => new VhdOptions { UniqueId = f.UniqueId, Timestamp = f.Timestamp }),
        ["vhd-dynamic-1M"] = (DiskImageFormat.Vhd, "1M", ["-f", "vpc"], f => new VhdOptions { UniqueId = f.UniqueId, Timestamp = f.Timestamp }),
        ["vhd-fixed-1M"] = (DiskImageFormat.Vhd, "1M", ["-f", "vpc", "-o", "subformat=fixed"], f => new VhdOptions { Subformat = VhdSubformat.Fixed, UniqueId = f.UniqueId, Timestamp = f.Timestamp }),
        ["vhd-fixed-force-100M"] = (DiskImageFormat.Vhd, "100M", ["-f", "vpc", "-o", "subformat=fixed,force_size=on"], f => new VhdOptions { Subformat = VhdSubformat.Fixed, ForceSize = true, UniqueId = f.UniqueId, Timestamp = f.Timestamp }),
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Create_EmptyImage_MatchesQemuImgBytes(string fixture)
    {
        using var dir = new TempDirectory();
        var expected = HexFixture.Load(fixture);
        string path = CreateOurs(dir, fixture, expected);

        Assert.Equal(expected.Body, HexFixture.Dump(path));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CreateOnStream_EmptyImage_MatchesQemuImgBytes(string fixture)
    {
        // The per-format stream writers are what the path methods run: same bytes, and no backing file is looked up.
        using var dir = new TempDirectory();
        var expected = HexFixture.Load(fixture);
        var (_, size, _, options) = Cases[fixture];
        using var stream = new FileStream(dir.File("stream.img"), FileMode.CreateNew, FileAccess.ReadWrite);

        ImageStreamTests.CreateOnStream(stream, ByteSize.Parse(size), options(expected), leaveOpen: true);

        Assert.Equal(expected.Body, HexFixture.Dump(stream));
        Assert.Equal([dir.File("stream.img")], Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Fixture_Qcow2V3TenGiB_AgreesWithTheReferenceLayout()
    {
        // Reference §2.6/§8.1: 196,768 bytes; refcount table at 0x10000 -> 0x20000; refcounts of clusters 0-3; L1 at 0x30000.
        string body = HexFixture.Load("qcow2-v3-10G").Body;
        Assert.StartsWith("length: 196768\n00000000: 514649fb000000030000000000000000\n", body, StringComparison.Ordinal);
        Assert.Contains("00000020: 00000000000000140000000000030000", body, StringComparison.Ordinal);
        Assert.Contains("00000060: 00000004000000700000000000000000", body, StringComparison.Ordinal);
        Assert.Contains("00000070: 6803f857000001800000646972747920", body, StringComparison.Ordinal);
        Assert.Contains("00010000: 00000000000200000000000000000000", body, StringComparison.Ordinal);
        Assert.Contains("00020000: 00010001000100010000000000000000", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixture_VhdDynamicTenGiB_AgreesWithTheReferenceLayout()
    {
        // Reference §8.3: 23,040 bytes; size 10,737,893,376 (0x280074000); CHS 20806/16/63; BAT at 0x600 with 5121 entries.
        string body = HexFixture.Load("vhd-dynamic-10G").Body;
        Assert.StartsWith("length: 23040\n", body, StringComparison.Ordinal);
        Assert.Contains("00000030: 00000002800740005146103f00000003", body, StringComparison.Ordinal);
        Assert.Contains("00000210: 00000000000006000001000000001401", body, StringComparison.Ordinal);
        Assert.Contains("00000600-00005800: ffffffffffffffffffffffffffffffff", body, StringComparison.Ordinal);
    }

    internal static string CreateOurs(TempDirectory dir, string fixture, HexFixture.Fixture expected)
    {
        var (format, size, _, options) = Cases[fixture];
        if (fixture.Contains("overlay", StringComparison.Ordinal))
        {
            DiskImage.Create(dir.File("base.raw"), ByteSize.GiB, new RawOptions());
        }

        string path = dir.File("ours.img");
        DiskImage.Create(path, ByteSize.Parse(size), options(expected));
        return path;
    }
}
