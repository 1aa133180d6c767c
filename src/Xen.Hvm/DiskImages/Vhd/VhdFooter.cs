using System.Buffers.Binary;
using System.Text;

namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>
/// The VHD hard disk footer (Microsoft "Virtual Hard Disk Image Format Specification" v1.0, "Hard Disk Footer
/// Format"): 512 big-endian bytes at the end of every VHD, copied to offset 0 in dynamic disks.
/// </summary>
internal sealed record VhdFooter
{
    /// <summary>The footer's length.</summary>
    public const int Size = 512;

    /// <summary>Features: the reserved bit 0x2 that must always be set.</summary>
    public const uint FeaturesReserved = 0x2;

    /// <summary>File format version 1.0.</summary>
    public const uint FormatVersion = 0x0001_0000;

    /// <summary>The version qemu-img writes as creator version (Virtual PC 2007, 5.3).</summary>
    public const uint QemuCreatorVersion = 0x0005_0003;

    /// <summary>Disk type: fixed.</summary>
    public const uint TypeFixed = 2;

    /// <summary>Disk type: dynamic.</summary>
    public const uint TypeDynamic = 3;

    /// <summary>Disk type: differencing.</summary>
    public const uint TypeDifferencing = 4;

    /// <summary>VHD time stamps count seconds from 2000-01-01 00:00:00 UTC.</summary>
    public static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets "conectix".</summary>
    public static ReadOnlySpan<byte> Cookie => "conectix"u8;

    public uint Features { get; init; } = FeaturesReserved;

    public uint Version { get; init; } = FormatVersion;

    public ulong DataOffset { get; init; } = ulong.MaxValue;

    public uint Timestamp { get; init; }

    public string CreatorApplication { get; init; } = "qemu";

    public uint CreatorVersion { get; init; } = QemuCreatorVersion;

    public string CreatorHostOs { get; init; } = "Wi2k";

    public ulong OriginalSize { get; init; }

    public ulong CurrentSize { get; init; }

    public VhdGeometry Geometry { get; init; }

    public uint DiskType { get; init; }

    public uint Checksum { get; init; }

    public Guid UniqueId { get; init; }

    public byte SavedState { get; init; }

    /// <summary>The ones' complement of the byte sum, with the checksum field (bytes 64–67) counted as zero.</summary>
    public static uint ComputeChecksum(ReadOnlySpan<byte> structure, int checksumOffset)
    {
        uint sum = 0;
        for (int i = 0; i < structure.Length; i++)
        {
            if (i < checksumOffset || i >= checksumOffset + 4)
            {
                sum += structure[i];
            }
        }

        return ~sum;
    }

    public static DateTimeOffset ToDateTime(uint timestamp) => Epoch.AddSeconds(timestamp);

    public static uint FromDateTime(DateTimeOffset time) =>
        (uint)Math.Clamp((long)(time - Epoch).TotalSeconds, 0, uint.MaxValue);

    /// <summary>Reads a footer; false when the cookie is missing. <paramref name="checksumValid"/> tells whether the checksum matches.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out VhdFooter footer, out bool checksumValid)
    {
        footer = new VhdFooter();
        checksumValid = false;
        if (data.Length < Size || !data[..8].SequenceEqual(Cookie))
        {
            return false;
        }

        footer = new VhdFooter
        {
            Features = BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            Version = BinaryPrimitives.ReadUInt32BigEndian(data[12..]),
            DataOffset = BinaryPrimitives.ReadUInt64BigEndian(data[16..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(data[24..]),
            CreatorApplication = Encoding.Latin1.GetString(data.Slice(28, 4)),
            CreatorVersion = BinaryPrimitives.ReadUInt32BigEndian(data[32..]),
            CreatorHostOs = Encoding.Latin1.GetString(data.Slice(36, 4)),
            OriginalSize = BinaryPrimitives.ReadUInt64BigEndian(data[40..]),
            CurrentSize = BinaryPrimitives.ReadUInt64BigEndian(data[48..]),
            Geometry = new VhdGeometry(BinaryPrimitives.ReadUInt16BigEndian(data[56..]), data[58], data[59]),
            DiskType = BinaryPrimitives.ReadUInt32BigEndian(data[60..]),
            Checksum = BinaryPrimitives.ReadUInt32BigEndian(data[64..]),
            UniqueId = new Guid(data.Slice(68, 16), bigEndian: true),
            SavedState = data[84],
        };
        checksumValid = ComputeChecksum(data[..Size], 64) == footer.Checksum;
        return true;
    }

    /// <summary>Writes the footer with its checksum into 512 bytes.</summary>
    public void WriteTo(Span<byte> data)
    {
        data = data[..Size];
        data.Clear();
        Cookie.CopyTo(data);
        BinaryPrimitives.WriteUInt32BigEndian(data[8..], Features);
        BinaryPrimitives.WriteUInt32BigEndian(data[12..], Version);
        BinaryPrimitives.WriteUInt64BigEndian(data[16..], DataOffset);
        BinaryPrimitives.WriteUInt32BigEndian(data[24..], Timestamp);
        Encoding.Latin1.GetBytes(CreatorApplication.AsSpan(0, 4), data.Slice(28, 4));
        BinaryPrimitives.WriteUInt32BigEndian(data[32..], CreatorVersion);
        Encoding.Latin1.GetBytes(CreatorHostOs.AsSpan(0, 4), data.Slice(36, 4));
        BinaryPrimitives.WriteUInt64BigEndian(data[40..], OriginalSize);
        BinaryPrimitives.WriteUInt64BigEndian(data[48..], CurrentSize);
        BinaryPrimitives.WriteUInt16BigEndian(data[56..], (ushort)Geometry.Cylinders);
        data[58] = (byte)Geometry.Heads;
        data[59] = (byte)Geometry.SectorsPerTrack;
        BinaryPrimitives.WriteUInt32BigEndian(data[60..], DiskType);
        UniqueId.TryWriteBytes(data.Slice(68, 16), bigEndian: true, out _);
        data[84] = SavedState;
        BinaryPrimitives.WriteUInt32BigEndian(data[64..], ComputeChecksum(data, 64));
    }
}
