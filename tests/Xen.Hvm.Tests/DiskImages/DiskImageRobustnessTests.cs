using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Damaged images give diagnostics, never crashes: headers are mutated at random and then opened and read.</summary>
public sealed class DiskImageRobustnessTests
{
    [Theory]
    [InlineData("qcow2")]
    [InlineData("qcow2-v2-overlay")]
    [InlineData("vhd")]
    [InlineData("vhd-fixed")]
    public void TryOpen_MutatedHeaders_ReportsDiagnosticsOrReads(string kind)
    {
        using var dir = new TempDirectory();
        string pristine = dir.File("pristine.img");
        var data = TestData.InMemory(3 << 20);
        File.WriteAllBytes(dir.File("base.raw"), data);
        DiskImageOptions options = kind switch
        {
            "qcow2" => new Qcow2Options { ClusterSize = 4096 },
            "qcow2-v2-overlay" => new Qcow2Options { Version = Qcow2Version.V2, BackingFile = "base.raw" },
            "vhd" => new VhdOptions(),
            _ => new VhdOptions { Subformat = VhdSubformat.Fixed },
        };
        var format = kind.StartsWith("qcow2", StringComparison.Ordinal) ? DiskImageFormat.Qcow2 : DiskImageFormat.Vhd;
        DiskImage.CreateFrom(pristine, new MemoryStream(data), options with { FlushToDisk = false });
        byte[] image = File.ReadAllBytes(pristine);
        string mutated = dir.File("mutated.img");
        int[] regions = format == DiskImageFormat.Qcow2 ? [0, 4096, 8192] : [0, 512, 1536, image.Length - 512];

        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<byte>(), ArbMap.Default.ArbFor<int>(), (where, value, count) =>
        {
            byte[] copy = (byte[])image.Clone();
            var random = new Random(where ^ count);
            for (int i = 0; i < 1 + (Math.Abs(count) % 4); i++)
            {
                int region = regions[random.Next(regions.Length)];
                copy[Math.Min(copy.Length - 1, region + random.Next(512))] = i == 0 ? value : (byte)random.Next(256);
            }

            File.WriteAllBytes(mutated, copy);
            if (!DiskImage.TryOpen(mutated, format, null, out var stream, out var diagnostics))
            {
                return diagnostics.Count > 0 && diagnostics.All(d => d.Id.StartsWith("XH70", StringComparison.Ordinal));
            }

            using (stream)
            {
                var buffer = new byte[1 << 20];
                try
                {
                    stream.ReadAt(0, buffer);
                    stream.ReadAt(Math.Max(0, stream.Length - buffer.Length), buffer);
                }
                catch (DiskImageException ex) when (ex.FirstError?.Id == Xen.Hvm.Diagnostics.DiagnosticIds.ImageDataUnreadable)
                {
                    // A damaged compressed cluster: a read error with an ID, never the runtime's text.
                }

                return stream.GetExtents().Take(10_000).All(e => e.Length > 0);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryOpen_SelfReferencingBackingFile_ReportsXH7012()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("loop.qcow2"), new byte[512]);
        DiskImage.Create(dir.File("loop.qcow2"), 1 << 20, new Qcow2Options { BackingFile = "loop.qcow2", BackingFormat = DiskImageFormat.Qcow2, Overwrite = true });

        Assert.False(DiskImage.TryOpen(dir.File("loop.qcow2"), DiskImageFormat.Qcow2, BackingFilePolicy.AllowUnder(dir.Path), out _, out var diagnostics));
        Assert.Equal(Xen.Hvm.Diagnostics.DiagnosticIds.BackingFileUnsafe, Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData(new byte[] { 0x51, 0x46, 0x49, 0xFB, 0, 0, 0, 1 }, "XH7007")]
    [InlineData(new byte[] { 0x51, 0x46, 0x49, 0xFB, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30 }, "XH7007")]
    public void TryOpen_BadQcow2Header_ReportsXH7007(byte[] head, string id)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("bad.qcow2"), [.. head, .. new byte[1024]]);

        Assert.False(DiskImage.TryOpen(dir.File("bad.qcow2"), null, null, out _, out var diagnostics));
        Assert.Equal(id, Assert.Single(diagnostics).Id);
        Assert.Equal(dir.File("bad.qcow2"), diagnostics[0].Location.Path);
    }

    [Fact]
    public void TryOpen_VhdWithOneBadFooterCopy_WarnsXH7009AndReads()
    {
        using var dir = new TempDirectory();
        string path = dir.File("d.vhd");
        DiskImage.Create(path, 1 << 20, new VhdOptions());
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^400] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        Assert.True(DiskImage.TryOpen(path, null, null, out var stream, out var diagnostics));
        stream.Dispose();
        var d = Assert.Single(diagnostics);
        Assert.Equal((Xen.Hvm.Diagnostics.DiagnosticIds.VhdChecksumMismatch, Xen.Hvm.Diagnostics.DiagnosticSeverity.Warning), (d.Id, d.Severity));

        bytes[400] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<DiskImageException>(() => DiskImage.Open(path, DiskImageFormat.Vhd));
        Assert.Equal(Xen.Hvm.Diagnostics.DiagnosticIds.VhdChecksumMismatch, ex.FirstError!.Id);
    }

    [Fact]
    public void TryOpen_DifferencingVhd_ReportsXH7008()
    {
        using var dir = new TempDirectory();
        string path = dir.File("child.vhd");
        DiskImage.Create(path, 1 << 20, new VhdOptions { Subformat = VhdSubformat.Fixed });
        byte[] bytes = File.ReadAllBytes(path);
        var footer = bytes.AsSpan(bytes.Length - 512);
        footer[63] = 4; // disk type: differencing
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(footer[64..], 0);
        uint sum = 0;
        foreach (byte b in footer)
        {
            sum += b;
        }

        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(footer[64..], ~sum);
        File.WriteAllBytes(path, bytes);

        Assert.False(DiskImage.TryOpen(path, DiskImageFormat.Vhd, null, out _, out var diagnostics));
        Assert.Equal(Xen.Hvm.Diagnostics.DiagnosticIds.UnsupportedImageFeature, Assert.Single(diagnostics).Id);
    }
}
