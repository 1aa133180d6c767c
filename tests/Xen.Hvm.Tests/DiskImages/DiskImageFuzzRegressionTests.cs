using Xen.Hvm.DiskImages;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Inputs the image fuzzer (tests/Xen.Hvm.Fuzz, docs/fuzzing.md) found crashing, kept as they were found.
/// Each is a qcow2 whose table entries point far past its end, read from a <see cref="MemoryStream"/>, which cannot
/// take a position past 2 GiB: reading there threw ArgumentOutOfRangeException out of TryOpen and Read.</summary>
public sealed class DiskImageFuzzRegressionTests
{
    /// <summary>A 72-byte qcow2 v2 header whose L1 table is at offset 0: its first entry (the magic) is an L2 table
    /// at about 5.8 EiB.</summary>
    private const string L1AtOffsetZero = "514649fb0000000200000000000000000000000000000009000000000001000000000000000000640000000000000000000000000000000000000000fffffffb0000000000000000";

    /// <summary>A 523-byte qcow2 v3 header (AFL's mutation of one of our seeds) with table offsets past the end.</summary>
    private const string TablesPastTheEnd = "514649fb0000000300000000000000000000180000000009000000000001000000000000000000020000000000000200000000000000280000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000ffffffff00000000000000000000000000000000000000000000000000000000000000f3000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000019000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f7000000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000008000000000002400";

    [Theory]
    [InlineData(L1AtOffsetZero)]
    [InlineData(TablesPastTheEnd)]
    public void TryOpen_FuzzCrashOnMemoryStream_OpensOrReportsAndReadsWithoutException(string hex)
    {
        using var source = new MemoryStream(Convert.FromHexString(hex), writable: false);

        bool opened = DiskImage.TryOpen(source, null, null, leaveOpen: true, out var disk, out var diagnostics);

        Assert.Equal(opened, disk is not null);
        Assert.All(diagnostics, d => Assert.StartsWith("XH7", d.Id, StringComparison.Ordinal));
        if (disk is null)
        {
            Assert.NotEmpty(diagnostics);
            return;
        }

        using (disk)
        {
            _ = disk.GetExtents().Take(1000).ToArray();
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while (total < disk.Length && (read = disk.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }

            Assert.Equal(disk.Length, total);
        }
    }
}
