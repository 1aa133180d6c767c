using System.Buffers.Binary;

namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>
/// The VHD dynamic disk header (specification v1.0, "Dynamic Disk Header Format"): 1024 big-endian bytes at the
/// footer's data offset, locating the block allocation table.
/// </summary>
internal sealed record VhdDynamicHeader
{
    /// <summary>The header's length.</summary>
    public const int Size = 1024;

    /// <summary>Header version 1.0.</summary>
    public const uint HeaderVersion = 0x0001_0000;

    /// <summary>The block size qemu-img and Virtual PC use, 2 MiB.</summary>
    public const int DefaultBlockSize = 2 * 1024 * 1024;

    /// <summary>Where qemu-img puts the block allocation table: right after the footer copy and this header.</summary>
    public const long DefaultTableOffset = VhdFooter.Size + Size;

    /// <summary>BAT entry of an unallocated block.</summary>
    public const uint Unallocated = 0xFFFF_FFFF;

    /// <summary>Gets "cxsparse".</summary>
    public static ReadOnlySpan<byte> Cookie => "cxsparse"u8;

    public ulong TableOffset { get; init; } = DefaultTableOffset;

    public uint MaxTableEntries { get; init; }

    public uint BlockSize { get; init; } = DefaultBlockSize;

    public uint Checksum { get; init; }

    /// <summary>Reads a header; false when the cookie is missing.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out VhdDynamicHeader header, out bool checksumValid)
    {
        header = new VhdDynamicHeader();
        checksumValid = false;
        if (data.Length < Size || !data[..8].SequenceEqual(Cookie))
        {
            return false;
        }

        header = new VhdDynamicHeader
        {
            TableOffset = BinaryPrimitives.ReadUInt64BigEndian(data[16..]),
            MaxTableEntries = BinaryPrimitives.ReadUInt32BigEndian(data[28..]),
            BlockSize = BinaryPrimitives.ReadUInt32BigEndian(data[32..]),
            Checksum = BinaryPrimitives.ReadUInt32BigEndian(data[36..]),
        };
        checksumValid = VhdFooter.ComputeChecksum(data[..Size], 36) == header.Checksum;
        return true;
    }

    /// <summary>Writes the header with its checksum into 1024 bytes.</summary>
    public void WriteTo(Span<byte> data)
    {
        data = data[..Size];
        data.Clear();
        Cookie.CopyTo(data);
        BinaryPrimitives.WriteUInt64BigEndian(data[8..], ulong.MaxValue);
        BinaryPrimitives.WriteUInt64BigEndian(data[16..], TableOffset);
        BinaryPrimitives.WriteUInt32BigEndian(data[24..], HeaderVersion);
        BinaryPrimitives.WriteUInt32BigEndian(data[28..], MaxTableEntries);
        BinaryPrimitives.WriteUInt32BigEndian(data[32..], BlockSize);
        BinaryPrimitives.WriteUInt32BigEndian(data[36..], VhdFooter.ComputeChecksum(data, 36));
    }
}
