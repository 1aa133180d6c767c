using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>
/// Reads the active layer of a qcow2 image (version 2 or 3): standard, zero and deflate-compressed clusters, and
/// unallocated clusters from the backing file. Snapshots are ignored. Memory: the L1 table plus a few L2 tables.
/// </summary>
internal sealed class Qcow2ImageStream : DiskImageStream
{
    private const int CachedTables = 4;

    private readonly SafeFileHandle _handle;
    private readonly Qcow2Header _header;
    private readonly ulong[] _l1;
    private readonly int _clusterBits;
    private readonly int _clusterSize;
    private readonly long _l2Entries;
    private readonly DiskImageStream? _backing;
    private readonly List<(ulong Offset, ulong[] Table)> _l2Cache = [];
    private byte[]? _inflated;
    private ulong _inflatedEntry;

    private Qcow2ImageStream(SafeFileHandle handle, Qcow2Header header, ulong[] l1, DiskImageStream? backing, DiskImageInfo info)
        : base(info)
    {
        _handle = handle;
        _header = header;
        _l1 = l1;
        _clusterBits = header.ClusterBits;
        _clusterSize = 1 << header.ClusterBits;
        _l2Entries = _clusterSize / 8;
        _backing = backing;
    }

    private enum Kind
    {
        Unallocated,
        Zero,
        Data,
        Compressed,
    }

    /// <summary>Opens a qcow2 image; problems are added to <paramref name="problems"/> and make the result null.</summary>
    public static Qcow2ImageStream? Open(SafeFileHandle handle, string path, long fileLength, ImageOpener opener, int depth, List<Xen.Hvm.Diagnostics.Diagnostic> problems)
    {
        var probe = new byte[Math.Min(fileLength, 4096)];
        FileExtents.ReadOrZero(handle, probe, 0);
        if (Qcow2Header.TryRead(probe, out var header) is { } error)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "qcow2", error));
            return null;
        }

        int clusterSize = 1 << header.ClusterBits;
        var cluster0 = new byte[clusterSize];
        FileExtents.ReadOrZero(handle, cluster0, 0);
        if (Unsupported(header) is { } feature)
        {
            problems.Add(ImageDiagnostics.Unsupported(path, "qcow2", feature));
            return null;
        }

        long perL2 = (long)clusterSize * (clusterSize / 8);
        if (header.Size > long.MaxValue / 2)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "qcow2", $"the virtual size {header.Size} is too large"));
            return null;
        }

        long capacity = (long)header.Size;
        long needL1 = (capacity + perL2 - 1) / perL2;
        if (header.L1Size < needL1 || (long)header.L1Size * 8 > Qcow2Header.MaxL1Bytes)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "qcow2", $"the L1 table has {header.L1Size} entries; the disk needs {needL1} and QEMU allows at most {Qcow2Header.MaxL1Bytes / 8}"));
            return null;
        }

        if ((header.L1TableOffset & (ulong)(clusterSize - 1)) != 0 || header.L1TableOffset > long.MaxValue / 2)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "qcow2", "the L1 table offset is not cluster aligned"));
            return null;
        }

        var l1Bytes = new byte[header.L1Size * 8];
        FileExtents.ReadOrZero(handle, l1Bytes, (long)header.L1TableOffset);
        var l1 = new ulong[header.L1Size];
        for (int i = 0; i < l1.Length; i++)
        {
            l1[i] = BinaryPrimitives.ReadUInt64BigEndian(l1Bytes.AsSpan(i * 8)) & Qcow2Header.OffsetMask;
        }

        var (backingName, backingFormat, extError) = ReadExtensions(cluster0, header);
        if (extError is not null)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "qcow2", extError));
            return null;
        }

        DiskImageStream? backing = null;
        if (backingName is not null && opener.OpensBackingFiles)
        {
            backing = opener.OpenBacking(path, backingName, backingFormat, depth + 1, problems);
            if (backing is null)
            {
                return null;
            }
        }

        var info = new DiskImageInfo
        {
            Path = path,
            Format = DiskImageFormat.Qcow2,
            Capacity = capacity,
            FileLength = fileLength,
            ClusterSize = clusterSize,
            Qcow2Version = header.Version,
            RefcountBits = 1 << header.RefcountOrder,
            BackingFile = backingName,
            BackingFormat = backingFormat,
        };
        return new Qcow2ImageStream(handle, header, l1, backing, info);
    }

    private protected override void ReadCore(Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            long cluster = offset >> _clusterBits;
            int inCluster = (int)(offset & (_clusterSize - 1));
            int n = Math.Min(buffer.Length, _clusterSize - inCluster);
            var part = buffer[..n];
            var (kind, entry) = Lookup(cluster);
            switch (kind)
            {
                case Kind.Data:
                    FileExtents.ReadOrZero(_handle, part, (long)(entry & Qcow2Header.OffsetMask) + inCluster);
                    break;
                case Kind.Compressed:
                    Inflate(entry).AsSpan(inCluster, n).CopyTo(part);
                    break;
                case Kind.Unallocated when _backing is not null:
                    int got = _backing.ReadAt(offset, part);
                    part[got..].Clear();
                    break;
                default:
                    part.Clear();
                    break;
            }

            buffer = buffer[n..];
            offset += n;
        }
    }

    private protected override DiskImageExtent GetExtentCore(long offset)
    {
        const long MaxRun = 1L << 30;
        long cluster = offset >> _clusterBits;
        bool zero = IsKnownZero(cluster, offset);
        long end = (cluster + 1) << _clusterBits;
        while (end < Length && end - offset < MaxRun)
        {
            long next = end >> _clusterBits;
            long l1Index = next / _l2Entries;
            if (l1Index < _l1.Length && _l1[l1Index] == 0 && next % _l2Entries == 0)
            {
                // A whole unallocated L2 range: skip it at once.
                if (zero != IsKnownZero(next, end))
                {
                    break;
                }

                end = (next + _l2Entries) << _clusterBits;
                continue;
            }

            if (zero != IsKnownZero(next, end))
            {
                break;
            }

            end += _clusterSize;
        }

        return new DiskImageExtent(offset, Math.Min(end, Length) - offset, zero);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
            _backing?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string? Unsupported(Qcow2Header header)
    {
        if (header.CryptMethod != 0)
        {
            return "encryption";
        }

        if ((header.IncompatibleFeatures & (1UL << 2)) != 0)
        {
            return "an external data file";
        }

        if ((header.IncompatibleFeatures & (1UL << 3)) != 0 && header.CompressionType != 0)
        {
            return "zstd compression";
        }

        if ((header.IncompatibleFeatures & (1UL << 4)) != 0)
        {
            return "extended L2 entries";
        }

        ulong unknown = header.IncompatibleFeatures & ~0x1FUL;
        return unknown != 0 ? $"unknown incompatible features 0x{unknown:X}" : null;
    }

    private static (string? Name, DiskImageFormat? Format, string? Error) ReadExtensions(byte[] cluster0, Qcow2Header header)
    {
        string? format = null;
        int pos = header.HeaderLength;
        int limit = header.BackingFileOffset is > 0 and var b && b < (ulong)cluster0.Length ? (int)b : cluster0.Length;
        while (pos + 8 <= limit)
        {
            uint type = BinaryPrimitives.ReadUInt32BigEndian(cluster0.AsSpan(pos));
            uint length = BinaryPrimitives.ReadUInt32BigEndian(cluster0.AsSpan(pos + 4));
            pos += 8;
            if (type == Qcow2Header.ExtensionEnd)
            {
                break;
            }

            if (length > (uint)(limit - pos))
            {
                return (null, null, "a header extension is too large");
            }

            if (type == Qcow2Header.ExtensionBackingFormat)
            {
                format = Encoding.ASCII.GetString(cluster0, pos, (int)length);
            }

            pos += (int)((length + 7) & ~7u);
        }

        if (header.BackingFileOffset == 0)
        {
            return (null, null, null);
        }

        if (header.BackingFileSize is 0 or > Qcow2Header.MaxBackingFileNameLength || header.BackingFileOffset + header.BackingFileSize > (ulong)cluster0.Length)
        {
            return (null, null, "the backing file name is not inside the first cluster or longer than 1023 bytes");
        }

        string name = Encoding.UTF8.GetString(cluster0, (int)header.BackingFileOffset, (int)header.BackingFileSize);
        DiskImageFormat? parsed = format switch
        {
            null => null,
            "raw" => DiskImageFormat.Raw,
            "qcow2" => DiskImageFormat.Qcow2,
            "vpc" or "vhd" => DiskImageFormat.Vhd,
            _ => null,
        };
        if (format is not null && parsed is null)
        {
            return (null, null, $"the backing format '{format}' is not raw, qcow2 or vpc");
        }

        return (name, parsed, null);
    }

    private bool IsKnownZero(long cluster, long offset)
    {
        var (kind, _) = Lookup(cluster);
        return kind switch
        {
            Kind.Zero => true,
            Kind.Unallocated => _backing is null || offset >= _backing.Length,
            _ => false,
        };
    }

    private (Kind Kind, ulong Entry) Lookup(long cluster)
    {
        long l1Index = cluster / _l2Entries;
        if (l1Index >= _l1.Length || _l1[l1Index] == 0)
        {
            return (Kind.Unallocated, 0);
        }

        ulong entry = Table(_l1[l1Index])[cluster % _l2Entries];
        if ((entry & Qcow2Header.Compressed) != 0)
        {
            return (Kind.Compressed, entry);
        }

        if (_header.Version >= 3 && (entry & Qcow2Header.ZeroFlag) != 0)
        {
            return (Kind.Zero, entry);
        }

        return (entry & Qcow2Header.OffsetMask) == 0 ? (Kind.Unallocated, entry) : (Kind.Data, entry);
    }

    private ulong[] Table(ulong offset)
    {
        for (int i = 0; i < _l2Cache.Count; i++)
        {
            if (_l2Cache[i].Offset == offset)
            {
                var hit = _l2Cache[i];
                _l2Cache.RemoveAt(i);
                _l2Cache.Add(hit);
                return hit.Table;
            }
        }

        var bytes = new byte[_clusterSize];
        FileExtents.ReadOrZero(_handle, bytes, (long)offset);
        var table = new ulong[_l2Entries];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(i * 8));
        }

        if (_l2Cache.Count == CachedTables)
        {
            _l2Cache.RemoveAt(0);
        }

        _l2Cache.Add((offset, table));
        return table;
    }

    private byte[] Inflate(ulong entry)
    {
        if (_inflated is not null && _inflatedEntry == entry)
        {
            return _inflated;
        }

        int x = 62 - (_clusterBits - 8);
        ulong descriptor = entry & ~(Qcow2Header.Copied | Qcow2Header.Compressed);
        long hostOffset = (long)(descriptor & ((1UL << x) - 1));
        long sectors = (long)(descriptor >> x) + 1;
        long compressedLength = Math.Min((sectors * 512) - (hostOffset & 511), 2L * _clusterSize);
        var compressed = new byte[compressedLength];
        FileExtents.ReadOrZero(_handle, compressed, hostOffset);
        var output = _inflated ?? new byte[_clusterSize];
        using (var deflate = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            int done = 0;
            while (done < output.Length)
            {
                int n = deflate.Read(output, done, output.Length - done);
                if (n <= 0)
                {
                    break;
                }

                done += n;
            }

            output.AsSpan(done).Clear();
        }

        _inflated = output;
        _inflatedEntry = entry;
        return output;
    }
}
