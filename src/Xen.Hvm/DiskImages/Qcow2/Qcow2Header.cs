using System.Buffers.Binary;
using System.Text;

namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>
/// The qcow2 header (qemu <c>docs/interop/qcow2.rst</c>, "Header"): big-endian fields at fixed offsets, a 72-byte
/// version 2 part and the version 3 additions up to <c>header_length</c> = 112, then header extensions.
/// </summary>
internal sealed record Qcow2Header
{
    /// <summary>"QFI\xfb".</summary>
    public const uint Magic = 0x514649FB;

    /// <summary>Length of a version 2 header.</summary>
    public const int V2Length = 72;

    /// <summary>header_length QEMU 7.2 writes for version 3 (104 bytes plus the compression type byte and padding).</summary>
    public const int V3Length = 112;

    /// <summary>Extension type: end of the extension area.</summary>
    public const uint ExtensionEnd = 0;

    /// <summary>Extension type: backing file format name.</summary>
    public const uint ExtensionBackingFormat = 0xE2792ACA;

    /// <summary>Extension type: feature name table.</summary>
    public const uint ExtensionFeatureTable = 0x6803F857;

    /// <summary>Extension type: external data file name.</summary>
    public const uint ExtensionDataFile = 0x44415441;

    /// <summary>The largest backing file name QEMU accepts.</summary>
    public const int MaxBackingFileNameLength = 1023;

    /// <summary>QEMU's limit on the L1 table (QCOW_MAX_L1_SIZE), 32 MiB.</summary>
    public const long MaxL1Bytes = 32L * 1024 * 1024;

    /// <summary>Bits 9–55 of L1/L2 entries and refcount table entries hold offsets.</summary>
    public const ulong OffsetMask = 0x00FF_FFFF_FFFF_FE00UL;

    /// <summary>Bit 63 of L1/L2 entries: the refcount is exactly one.</summary>
    public const ulong Copied = 1UL << 63;

    /// <summary>Bit 62 of L2 entries: the cluster is compressed.</summary>
    public const ulong Compressed = 1UL << 62;

    /// <summary>Bit 0 of standard L2 entries (version 3): the cluster reads as zeros.</summary>
    public const ulong ZeroFlag = 1UL;

    /// <summary>The feature name table QEMU 7.2 writes: (type, bit, name).</summary>
    public static readonly (byte Type, byte Bit, string Name)[] FeatureNames =
    [
        (0, 0, "dirty bit"),
        (0, 1, "corrupt bit"),
        (0, 2, "external data file"),
        (0, 3, "compression type"),
        (0, 4, "extended L2 entries"),
        (1, 0, "lazy refcounts"),
        (2, 0, "bitmaps"),
        (2, 1, "raw external data"),
    ];

    public int Version { get; init; }

    public ulong BackingFileOffset { get; init; }

    public uint BackingFileSize { get; init; }

    public int ClusterBits { get; init; }

    public ulong Size { get; init; }

    public uint CryptMethod { get; init; }

    public uint L1Size { get; init; }

    public ulong L1TableOffset { get; init; }

    public ulong RefcountTableOffset { get; init; }

    public uint RefcountTableClusters { get; init; }

    public uint SnapshotCount { get; init; }

    public ulong SnapshotsOffset { get; init; }

    public ulong IncompatibleFeatures { get; init; }

    public ulong CompatibleFeatures { get; init; }

    public ulong AutoclearFeatures { get; init; }

    public int RefcountOrder { get; init; } = 4;

    public int HeaderLength { get; init; }

    public byte CompressionType { get; init; }

    /// <summary>Reads the fixed part of a header; returns an error text when it is not a usable qcow2 header.</summary>
    public static string? TryRead(ReadOnlySpan<byte> data, out Qcow2Header header)
    {
        header = new Qcow2Header();
        if (data.Length < V2Length || BinaryPrimitives.ReadUInt32BigEndian(data) != Magic)
        {
            return "the file does not start with the qcow2 magic";
        }

        int version = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (version is not (2 or 3))
        {
            return $"version {version} is not 2 or 3";
        }

        header = new Qcow2Header
        {
            Version = version,
            BackingFileOffset = BinaryPrimitives.ReadUInt64BigEndian(data[8..]),
            BackingFileSize = BinaryPrimitives.ReadUInt32BigEndian(data[16..]),
            ClusterBits = (int)BinaryPrimitives.ReadUInt32BigEndian(data[20..]),
            Size = BinaryPrimitives.ReadUInt64BigEndian(data[24..]),
            CryptMethod = BinaryPrimitives.ReadUInt32BigEndian(data[32..]),
            L1Size = BinaryPrimitives.ReadUInt32BigEndian(data[36..]),
            L1TableOffset = BinaryPrimitives.ReadUInt64BigEndian(data[40..]),
            RefcountTableOffset = BinaryPrimitives.ReadUInt64BigEndian(data[48..]),
            RefcountTableClusters = BinaryPrimitives.ReadUInt32BigEndian(data[56..]),
            SnapshotCount = BinaryPrimitives.ReadUInt32BigEndian(data[60..]),
            SnapshotsOffset = BinaryPrimitives.ReadUInt64BigEndian(data[64..]),
            HeaderLength = V2Length,
        };
        if (version == 3)
        {
            if (data.Length < 104)
            {
                return "the version 3 header is truncated";
            }

            int headerLength = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[100..]), int.MaxValue);
            if (headerLength < 104 || headerLength % 8 != 0)
            {
                return $"header_length {headerLength} is not a multiple of 8 of at least 104";
            }

            header = header with
            {
                IncompatibleFeatures = BinaryPrimitives.ReadUInt64BigEndian(data[72..]),
                CompatibleFeatures = BinaryPrimitives.ReadUInt64BigEndian(data[80..]),
                AutoclearFeatures = BinaryPrimitives.ReadUInt64BigEndian(data[88..]),
                RefcountOrder = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[96..]), 64),
                HeaderLength = headerLength,
                CompressionType = headerLength > 104 && data.Length > 104 ? data[104] : (byte)0,
            };
        }

        if (header.ClusterBits is < 9 or > 21)
        {
            return $"cluster_bits {header.ClusterBits} is outside 9–21";
        }

        if (header.HeaderLength > 1 << header.ClusterBits)
        {
            return "the header is longer than a cluster";
        }

        return null;
    }

    /// <summary>
    /// Writes the header, the extensions QEMU 7.2 writes (backing format, then the feature name table for version 3
    /// with clusters over 4 KiB), the end marker and the backing file name, into <paramref name="cluster"/>.
    /// </summary>
    /// <returns>The number of bytes used.</returns>
    public static int Write(Span<byte> cluster, Qcow2Header header, string? backingFile, string? backingFormat)
    {
        cluster.Clear();
        int length = header.Version == 2 ? V2Length : V3Length;
        int pos = length;
        if (backingFormat is not null)
        {
            pos = WriteExtension(cluster, pos, ExtensionBackingFormat, Encoding.ASCII.GetBytes(backingFormat));
        }

        if (header.Version == 3 && cluster.Length > 4096)
        {
            var table = new byte[FeatureNames.Length * 48];
            for (int i = 0; i < FeatureNames.Length; i++)
            {
                table[i * 48] = FeatureNames[i].Type;
                table[(i * 48) + 1] = FeatureNames[i].Bit;
                Encoding.ASCII.GetBytes(FeatureNames[i].Name, table.AsSpan((i * 48) + 2));
            }

            pos = WriteExtension(cluster, pos, ExtensionFeatureTable, table);
        }

        pos += 8; // end of the extension area: type 0, length 0
        ulong backingOffset = 0;
        uint backingSize = 0;
        if (backingFile is not null)
        {
            byte[] name = Encoding.UTF8.GetBytes(backingFile);
            name.CopyTo(cluster[pos..]);
            backingOffset = (ulong)pos;
            backingSize = (uint)name.Length;
            pos += name.Length;
        }

        BinaryPrimitives.WriteUInt32BigEndian(cluster, Magic);
        BinaryPrimitives.WriteUInt32BigEndian(cluster[4..], (uint)header.Version);
        BinaryPrimitives.WriteUInt64BigEndian(cluster[8..], backingOffset);
        BinaryPrimitives.WriteUInt32BigEndian(cluster[16..], backingSize);
        BinaryPrimitives.WriteUInt32BigEndian(cluster[20..], (uint)header.ClusterBits);
        BinaryPrimitives.WriteUInt64BigEndian(cluster[24..], header.Size);
        BinaryPrimitives.WriteUInt32BigEndian(cluster[32..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(cluster[36..], header.L1Size);
        BinaryPrimitives.WriteUInt64BigEndian(cluster[40..], header.L1TableOffset);
        BinaryPrimitives.WriteUInt64BigEndian(cluster[48..], header.RefcountTableOffset);
        BinaryPrimitives.WriteUInt32BigEndian(cluster[56..], header.RefcountTableClusters);
        if (header.Version == 3)
        {
            BinaryPrimitives.WriteUInt32BigEndian(cluster[96..], (uint)header.RefcountOrder);
            BinaryPrimitives.WriteUInt32BigEndian(cluster[100..], V3Length);
        }

        return pos;
    }

    /// <summary>Returns how many bytes of cluster 0 the header, extensions and backing name take.</summary>
    public static int MeasureLength(int version, int clusterSize, string? backingFile, string? backingFormat)
    {
        int pos = version == 2 ? V2Length : V3Length;
        if (backingFormat is not null)
        {
            pos += 8 + Align8(Encoding.ASCII.GetByteCount(backingFormat));
        }

        if (version == 3 && clusterSize > 4096)
        {
            pos += 8 + (FeatureNames.Length * 48);
        }

        pos += 8;
        return pos + (backingFile is null ? 0 : Encoding.UTF8.GetByteCount(backingFile));
    }

    private static int WriteExtension(Span<byte> cluster, int pos, uint type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteUInt32BigEndian(cluster[pos..], type);
        BinaryPrimitives.WriteUInt32BigEndian(cluster[(pos + 4)..], (uint)data.Length);
        data.CopyTo(cluster[(pos + 8)..]);
        return pos + 8 + Align8(data.Length);
    }

    private static int Align8(int n) => (n + 7) & ~7;
}
