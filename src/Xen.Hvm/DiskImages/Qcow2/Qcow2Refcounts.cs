using System.Buffers.Binary;

namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>Refcount block contents (qcow2.rst "Host cluster management"): entries of 1–64 bits, big-endian when 8
/// bits or wider, and packed from the least significant bit of each byte when narrower (as QEMU reads them).</summary>
internal static class Qcow2Refcounts
{
    /// <summary>Fills a refcount block with refcount 1 for its first <paramref name="count"/> entries and 0 after.</summary>
    public static void FillOnes(Span<byte> block, int refcountBits, long count)
    {
        block.Clear();
        if (refcountBits >= 8)
        {
            int width = refcountBits / 8;
            for (long i = 0; i < count; i++)
            {
                block[(int)(((i + 1) * width) - 1)] = 1;
            }

            return;
        }

        int perByte = 8 / refcountBits;
        byte full = 0;
        for (int j = 0; j < perByte; j++)
        {
            full |= (byte)(1 << (j * refcountBits));
        }

        int wholeBytes = (int)(count / perByte);
        block[..wholeBytes].Fill(full);
        int rest = (int)(count % perByte);
        for (int j = 0; j < rest; j++)
        {
            block[wholeBytes] |= (byte)(1 << (j * refcountBits));
        }
    }

    /// <summary>Returns the refcount of entry <paramref name="index"/> of a block.</summary>
    public static ulong Get(ReadOnlySpan<byte> block, int refcountBits, long index)
    {
        if (refcountBits >= 8)
        {
            int width = refcountBits / 8;
            var entry = block.Slice((int)(index * width), width);
            return width switch
            {
                1 => entry[0],
                2 => BinaryPrimitives.ReadUInt16BigEndian(entry),
                4 => BinaryPrimitives.ReadUInt32BigEndian(entry),
                _ => BinaryPrimitives.ReadUInt64BigEndian(entry),
            };
        }

        int perByte = 8 / refcountBits;
        int shift = (int)(index % perByte) * refcountBits;
        return (ulong)((block[(int)(index / perByte)] >> shift) & ((1 << refcountBits) - 1));
    }

    /// <summary>Entries per refcount block.</summary>
    public static long EntriesPerBlock(int clusterSize, int refcountBits) => (long)clusterSize * 8 / refcountBits;
}
