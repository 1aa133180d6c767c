using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary><see cref="SparseIo.IsZero"/> (four 16-byte vectors per step, the last step overlapping the one before) against
/// a byte-by-byte reading of the same buffer.</summary>
public sealed class SparseIoTests
{
    /// <summary>Zero buffers of lengths around the vector and step sizes (and whole 4 KiB pieces), with at most a few
    /// non-zero bytes, often at the first or last byte or at a step's edge.</summary>
    private static Gen<byte[]> Buffers() =>
        from length in Gen.Frequency(
            (3, Gen.Choose(0, 300)),
            (1, Gen.Elements(15, 16, 63, 64, 65, 127, 128, 129, 4095, 4096, 4097, 65536)))
        from marks in Gen.Choose(0, 3)
        from positions in Gen.Frequency(
            (2, Gen.Choose(0, Math.Max(0, length - 1))),
            (1, Gen.Elements(0, length - 1, length - 16, length - 64, length - 65, 63, 64, 127, 128)))
            .ListOf(marks)
        from value in Gen.Elements<byte>(1, 0x80, 0xFF)
        select Mark(length, positions, value);

    [Fact]
    public void IsZero_RandomBuffers_AgreesWithByteWalk()
    {
        Prop.ForAll(Arb.From(Buffers()), buffer =>
        {
            bool expected = Array.TrueForAll(buffer, b => b == 0);
            Assert.Equal(expected, SparseIo.IsZero(buffer));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(64, 63)]
    [InlineData(65, 64)]
    [InlineData(129, 128)]
    [InlineData(200, 71)]
    [InlineData(4096, 4095)]
    [InlineData(2 * 1024 * 1024, 2 * 1024 * 1024 - 1)]
    [InlineData(2 * 1024 * 1024, 1024 * 1024)]
    public void IsZero_OneByteSet_IsFalse(int length, int at)
    {
        var buffer = new byte[length];
        Assert.True(SparseIo.IsZero(buffer));
        buffer[at] = 1;
        Assert.False(SparseIo.IsZero(buffer));
    }

    private static byte[] Mark(int length, IEnumerable<int> positions, byte value)
    {
        var buffer = new byte[length];
        foreach (int at in positions)
        {
            if (at >= 0 && at < length)
            {
                buffer[at] = value;
            }
        }

        return buffer;
    }
}
