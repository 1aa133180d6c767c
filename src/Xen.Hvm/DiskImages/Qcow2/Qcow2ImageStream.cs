using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>
/// Reads the active layer of a qcow2 image (version 2 or 3): standard, zero and deflate-compressed clusters, and
/// unallocated clusters from the backing file. Snapshots are ignored.
/// </summary>
/// <remarks>
/// Memory is bounded whatever the declared size and however long the chain: the L1 table is read lazily in 4 KiB
/// chunks (16 cached), at most 4 MiB of L2 tables are cached (at least one), and a summary of whole-table kinds
/// lets a table that is all unallocated or all zero be skipped in one step. Extent walks skip runs of unallocated L1
/// entries in one step too, using the file's holes where it has them, so an empty 2^61-byte disk is one extent.
/// </remarks>
internal sealed class Qcow2ImageStream : DiskImageStream
{
    /// <summary>The bytes of the L1 table read at once.</summary>
    public const int L1ChunkBytes = 4096;

    /// <summary>The L1 chunks cached.</summary>
    public const int L1CachedChunks = 16;

    /// <summary>The bytes of L2 tables cached (at least one table).</summary>
    public const int L2CacheBytes = 4 * 1024 * 1024;

    /// <summary>The whole-table summaries remembered (16 bytes each).</summary>
    public const int SummaryEntries = 65536;

    /// <summary>The longest run of data one extent reports (zero runs are not limited).</summary>
    private const long MaxDataRun = 1L << 30;

    /// <summary>How much of cluster 0 is read for the header extensions and the backing file name.</summary>
    private const int HeaderReadBytes = 64 * 1024;

    private readonly IImageReadFile _file;
    private readonly string? _path;
    private readonly Qcow2Header _header;
    private readonly long _l1Offset;
    private readonly long _l1Size;
    private readonly int _clusterBits;
    private readonly int _clusterSize;
    private readonly long _l2Entries;
    private readonly long _totalClusters;
    private readonly DiskImageStream? _backing;
    private readonly List<(long Chunk, byte[] Data)> _l1Cache = [];
    private readonly List<(ulong Offset, byte[] Table)> _l2Cache = [];
    private readonly int _l2Cached;
    private readonly Dictionary<ulong, Kind> _uniform = [];
    private byte[]? _inflated;
    private byte[]? _compressed;
    private ulong _inflatedEntry;

    private Qcow2ImageStream(IImageReadFile file, string? path, Qcow2Header header, DiskImageStream? backing, Qcow2ImageInfo info)
        : base(info)
    {
        _file = file;
        _path = path;
        _header = header;
        _l1Offset = (long)header.L1TableOffset;
        _l1Size = header.L1Size;
        _clusterBits = header.ClusterBits;
        _clusterSize = 1 << header.ClusterBits;
        _l2Entries = _clusterSize / 8;
        _totalClusters = (info.Capacity + _clusterSize - 1) >> _clusterBits;
        _l2Cached = Math.Max(1, L2CacheBytes / _clusterSize);
        _backing = backing;
    }

    private enum Kind
    {
        Unallocated,
        Zero,
        Data,
        Compressed,
        Mixed,
    }

    /// <summary>What a run of clusters reads as, for extent walks: data, zeros, or the backing file's bytes.</summary>
    private enum RunClass
    {
        Zero,
        Data,
        Backing,
    }

    /// <summary>Opens a qcow2 image; problems are added to the opener's list and make the result null.</summary>
    /// <param name="file">The image file (not disposed when the result is null).</param>
    /// <param name="path">The image's real path (where diagnostics point), or null for a stream.</param>
    /// <param name="namePath">The path the image was opened by, for the backing file's folder; null for a stream.</param>
    /// <param name="fileLength">The length of the image in the file.</param>
    /// <param name="opener">Opens (or only names) the backing file.</param>
    /// <param name="depth">The image's depth in the backing chain (0 for the image opened).</param>
    public static Qcow2ImageStream? Open(IImageReadFile file, string? path, string? namePath, long fileLength, IBackingFileOpener opener, int depth)
    {
        var problems = opener.Problems;
        var probe = new byte[Math.Min(fileLength, 4096)];
        FileExtents.ReadOrZero(file, probe, 0);
        if (Qcow2Header.TryRead(probe, out var header) is { } error)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "qcow2", error));
            return null;
        }

        int clusterSize = 1 << header.ClusterBits;
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

        // Header extensions and the backing file name live in cluster 0; read no more of it than they need.
        var head = new byte[Math.Min(clusterSize, HeaderReadBytes)];
        FileExtents.ReadOrZero(file, head, 0);
        var (backingName, backingFormat, extError) = ReadExtensions(file, head, clusterSize, header);
        if (extError is not null)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "qcow2", extError));
            return null;
        }

        DiskImageStream? backing = null;
        if (backingName is not null && opener.OpensBackingFiles)
        {
            backing = opener.OpenBacking(path, namePath, backingName, backingFormat, depth + 1);
            if (backing is null)
            {
                return null;
            }
        }

        var info = new Qcow2ImageInfo
        {
            Path = path,
            Capacity = capacity,
            FileLength = fileLength,
            ClusterSize = clusterSize,
            Version = (Qcow2Version)header.Version,
            RefcountBits = 1 << header.RefcountOrder,
            BackingFile = backingName,
            BackingFormat = backingFormat,
        };
        return new Qcow2ImageStream(file, path, header, backing, info);
    }

    private protected override void ReadCore(Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            long cluster = offset >> _clusterBits;
            int inCluster = (int)(offset & (_clusterSize - 1));
            int n = Math.Min(buffer.Length, _clusterSize - inCluster);
            ulong entry = Entry(cluster);
            var kind = KindOf(entry);
            if (kind == Kind.Data)
            {
                // Clusters stored one after another in the file are read at once.
                long host = (long)(entry & Qcow2Header.OffsetMask);
                for (long next = cluster + 1; n < buffer.Length; next++)
                {
                    ulong following = Entry(next);
                    if (KindOf(following) != Kind.Data || (long)(following & Qcow2Header.OffsetMask) != host + ((next - cluster) << _clusterBits))
                    {
                        break;
                    }

                    n += Math.Min(buffer.Length - n, _clusterSize);
                }
            }

            var part = buffer[..n];
            switch (kind)
            {
                case Kind.Data:
                    FileExtents.ReadOrZero(_file, part, (long)(entry & Qcow2Header.OffsetMask) + inCluster);
                    break;
                case Kind.Compressed:
                    Inflate(entry, offset - inCluster).AsSpan(inCluster, n).CopyTo(part);
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
        long cluster = offset >> _clusterBits;
        var (kind, end) = RunAt(cluster);
        while (end < _totalClusters && (kind == RunClass.Zero || (end - cluster) << _clusterBits < MaxDataRun))
        {
            var (next, nextEnd) = RunAt(end);
            if (next != kind)
            {
                break;
            }

            end = nextEnd;
        }

        long endOffset = Math.Min(end << _clusterBits, Length);
        if (kind != RunClass.Backing)
        {
            return new DiskImageExtent(offset, endOffset - offset, kind == RunClass.Zero);
        }

        // Unallocated here: the backing file's bytes, which may be known zeros there (or lie past its end).
        if (offset >= _backing!.Length)
        {
            return new DiskImageExtent(offset, endOffset - offset, IsZero: true);
        }

        var below = _backing.GetExtent(offset);
        return new DiskImageExtent(offset, Math.Min(endOffset, below.End) - offset, below.IsZero);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
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

    private static (string? Name, DiskImageFormat? Format, string? Error) ReadExtensions(IImageReadFile file, byte[] head, int clusterSize, Qcow2Header header)
    {
        string? format = null;
        int pos = header.HeaderLength;
        int limit = header.BackingFileOffset is > 0 and var b && b < (ulong)head.Length ? (int)b : head.Length;
        while (pos + 8 <= limit)
        {
            uint type = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(pos));
            uint length = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(pos + 4));
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
                format = Encoding.ASCII.GetString(head, pos, (int)length);
            }

            pos += (int)Math.Min((length + 7) & ~7u, (uint)(limit - pos));
        }

        if (header.BackingFileOffset == 0)
        {
            return (null, null, null);
        }

        // Each term is checked on its own, so that no sum can wrap around.
        if (header.BackingFileSize is 0 or > Qcow2Header.MaxBackingFileNameLength
            || header.BackingFileOffset >= (ulong)clusterSize
            || header.BackingFileOffset + header.BackingFileSize > (ulong)clusterSize)
        {
            return (null, null, "the backing file name is not inside the first cluster or longer than 1023 bytes");
        }

        var nameBytes = new byte[header.BackingFileSize];
        FileExtents.ReadOrZero(file, nameBytes, (long)header.BackingFileOffset);
        string name = Encoding.UTF8.GetString(nameBytes);
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

    private Kind KindOf(ulong entry)
    {
        if ((entry & Qcow2Header.Compressed) != 0)
        {
            return Kind.Compressed;
        }

        if (_header.Version >= 3 && (entry & Qcow2Header.ZeroFlag) != 0)
        {
            return Kind.Zero;
        }

        return (entry & Qcow2Header.OffsetMask) == 0 ? Kind.Unallocated : Kind.Data;
    }

    private RunClass ClassOf(Kind kind) => kind switch
    {
        Kind.Zero => RunClass.Zero,
        Kind.Unallocated => _backing is null ? RunClass.Zero : RunClass.Backing,
        _ => RunClass.Data,
    };

    /// <summary>Returns the class of a cluster and the cluster where a run of that class may end (a whole L2 range,
    /// or a run of unallocated L1 entries, at once when possible).</summary>
    private (RunClass Class, long End) RunAt(long cluster)
    {
        long l1 = cluster / _l2Entries;
        ulong l2Offset = L1Entry(l1);
        if (l2Offset == 0)
        {
            long next = NextAllocatedL1(l1 + 1);
            return (ClassOf(Kind.Unallocated), Math.Min(next * _l2Entries, _totalClusters));
        }

        var (table, uniform) = Table(l2Offset);
        long tableEnd = Math.Min((l1 + 1) * _l2Entries, _totalClusters);
        if (uniform != Kind.Mixed)
        {
            return (ClassOf(uniform), tableEnd);
        }

        int i = (int)(cluster % _l2Entries);
        int limit = (int)(tableEnd - (l1 * _l2Entries));
        var kind = ClassOf(KindOf(EntryAt(table, i)));
        for (i++; i < limit && ClassOf(KindOf(EntryAt(table, i))) == kind; i++)
        {
        }

        return (kind, (l1 * _l2Entries) + i);
    }

    private ulong Entry(long cluster)
    {
        long l1 = cluster / _l2Entries;
        ulong l2Offset = L1Entry(l1);
        return l2Offset == 0 ? 0 : EntryAt(Table(l2Offset).Table, (int)(cluster % _l2Entries));
    }

    private static ulong EntryAt(byte[] table, int index) => BinaryPrimitives.ReadUInt64BigEndian(table.AsSpan(index * 8));

    /// <summary>Returns the L2 table offset of an L1 entry (0 when unallocated), reading the L1 table lazily.</summary>
    private ulong L1Entry(long index)
    {
        if (index >= _l1Size)
        {
            return 0;
        }

        long byteIndex = index * 8;
        var chunk = L1Chunk(byteIndex / L1ChunkBytes);
        return BinaryPrimitives.ReadUInt64BigEndian(chunk.AsSpan((int)(byteIndex % L1ChunkBytes))) & Qcow2Header.OffsetMask;
    }

    /// <summary>Returns the first allocated L1 entry at or after <paramref name="index"/>, or the L1 size: holes in the
    /// file are skipped without reading, and the rest is scanned a cached chunk at a time.</summary>
    private long NextAllocatedL1(long index)
    {
        long end = _l1Offset + (_l1Size * 8);
        while (index < _l1Size)
        {
            long at = _l1Offset + (index * 8);
            var (isHole, length) = _file.Probe(at, end);
            if (isHole && length > 0)
            {
                long next = (at + length - _l1Offset) / 8;
                if (next > index)
                {
                    index = next;
                    continue;
                }
            }

            long chunkEnd = Math.Min(_l1Size, ((index * 8 / L1ChunkBytes) + 1) * L1ChunkBytes / 8);
            for (; index < chunkEnd; index++)
            {
                if (L1Entry(index) != 0)
                {
                    return index;
                }
            }
        }

        return _l1Size;
    }

    private byte[] L1Chunk(long chunk)
    {
        for (int i = 0; i < _l1Cache.Count; i++)
        {
            if (_l1Cache[i].Chunk == chunk)
            {
                return _l1Cache[i].Data;
            }
        }

        byte[] data;
        if (_l1Cache.Count == L1CachedChunks)
        {
            data = _l1Cache[0].Data;
            _l1Cache.RemoveAt(0);
        }
        else
        {
            data = new byte[L1ChunkBytes];
        }

        long at = chunk * L1ChunkBytes;
        int n = (int)Math.Min(L1ChunkBytes, (_l1Size * 8) - at);
        FileExtents.ReadOrZero(_file, data.AsSpan(0, n), _l1Offset + at);
        data.AsSpan(n).Clear();
        _l1Cache.Add((chunk, data));
        return data;
    }

    private (byte[] Table, Kind Uniform) Table(ulong offset)
    {
        for (int i = 0; i < _l2Cache.Count; i++)
        {
            if (_l2Cache[i].Offset == offset)
            {
                var hit = _l2Cache[i];
                if (i != _l2Cache.Count - 1)
                {
                    _l2Cache.RemoveAt(i);
                    _l2Cache.Add(hit);
                }

                return (hit.Table, _uniform.GetValueOrDefault(offset, Kind.Mixed));
            }
        }

        byte[] table;
        if (_l2Cache.Count == _l2Cached)
        {
            table = _l2Cache[0].Table;
            _l2Cache.RemoveAt(0);
        }
        else
        {
            table = new byte[_clusterSize];
        }

        FileExtents.ReadOrZero(_file, table, (long)offset);
        _l2Cache.Add((offset, table));
        if (!_uniform.ContainsKey(offset))
        {
            if (_uniform.Count == SummaryEntries)
            {
                _uniform.Clear();
            }

            _uniform[offset] = Summarize(table);
        }

        return (table, _uniform[offset]);
    }

    /// <summary>Returns the kind every entry of a table has, or <see cref="Kind.Mixed"/>.</summary>
    private Kind Summarize(byte[] table)
    {
        var first = KindOf(EntryAt(table, 0));
        if (first is Kind.Data or Kind.Compressed)
        {
            return Kind.Mixed; // data runs are walked entry by entry anyway
        }

        for (int i = 1; i < _l2Entries; i++)
        {
            if (KindOf(EntryAt(table, i)) != first)
            {
                return Kind.Mixed;
            }
        }

        return first;
    }

    private byte[] Inflate(ulong entry, long virtualOffset)
    {
        if (_inflated is not null && _inflatedEntry == entry)
        {
            return _inflated;
        }

        int x = 62 - (_clusterBits - 8);
        ulong descriptor = entry & ~(Qcow2Header.Copied | Qcow2Header.Compressed);
        long hostOffset = (long)(descriptor & ((1UL << x) - 1));
        long sectors = (long)(descriptor >> x) + 1;
        int compressedLength = (int)Math.Min((sectors * 512) - (hostOffset & 511), 2L * _clusterSize);
        _compressed ??= new byte[2 * _clusterSize];
        FileExtents.ReadOrZero(_file, _compressed.AsSpan(0, compressedLength), hostOffset);
        var output = _inflated ?? new byte[_clusterSize];
        _inflated = null;
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(_compressed, 0, compressedLength), CompressionMode.Decompress);
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
        catch (InvalidDataException)
        {
            _inflated = output;
            _inflatedEntry = 0; // never a compressed entry
            throw new DiskImageException([ImageDiagnostics.DataUnreadable(_path, "compressed cluster", virtualOffset)]);
        }

        _inflated = output;
        _inflatedEntry = entry;
        return output;
    }
}
