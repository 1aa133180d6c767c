using System.Buffers.Binary;
using System.Numerics;
using CommunityToolkit.HighPerformance.Buffers;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>
/// Streams a qcow2 image. Layout: header (cluster 0), L1 table (from cluster 1), then data clusters and L2 tables
/// appended in order (each L2 table after its data), then refcount blocks and the refcount table. Every cluster
/// up to the end is in use exactly once, so every refcount is 1 and nothing leaks. Memory: one L2 table and one
/// cluster for the refcount structures, which are streamed whatever the image size.
/// </summary>
internal sealed class Qcow2Writer : ImageWriter
{
    private readonly Qcow2Options _options;
    private readonly string? _backingFile;
    private readonly string? _backingFormat;
    private readonly int _clusterBits;
    private readonly int _clusterSize;
    private readonly long _l2Entries;
    private readonly long _l1Size;
    private readonly MemoryOwner<byte> _l2;
    private readonly Memory<byte> _l1Entry = new byte[8];
    private long _nextCluster;
    private long _currentL1 = -1;
    private bool _l2Dirty;

    public Qcow2Writer(IImageFile file, long capacity, Qcow2Options options, string? backingFile, string? backingFormat)
        : base(file, capacity)
    {
        _options = options;
        _backingFile = backingFile;
        _backingFormat = backingFormat;
        _clusterSize = options.ClusterSize;
        _clusterBits = BitOperations.Log2((uint)_clusterSize);
        _l2Entries = _clusterSize / 8;
        _l1Size = L1Size(capacity, _clusterSize);
        long l1Clusters = ((_l1Size * 8) + _clusterSize - 1) / _clusterSize;
        _nextCluster = 1 + l1Clusters;
        _l2 = MemoryOwner<byte>.Allocate(_clusterSize, AllocationMode.Clear);
    }

    public override int UnitSize => _clusterSize;

    public override bool WantsZeroRuns => _options.Preallocation == Qcow2Preallocation.Metadata || _backingFile is not null;

    /// <summary>Returns the number of L1 entries a disk needs: one per cluster_size²/8 bytes.</summary>
    public static long L1Size(long capacity, int clusterSize)
    {
        long perL2 = (long)clusterSize * (clusterSize / 8);
        return (capacity + perL2 - 1) / perL2;
    }

    /// <summary>Writes an empty image byte for byte as <c>qemu-img create</c> does (see <see cref="Qcow2Layout"/>).</summary>
    public static async ValueTask WriteEmptyAsync(
        IImageFile file,
        long capacity,
        Qcow2Options options,
        string? backingFile,
        string? backingFormat,
        bool async,
        CancellationToken cancellationToken)
    {
        int clusterSize = options.ClusterSize;
        int clusterBits = BitOperations.Log2((uint)clusterSize);
        long l1Size = L1Size(capacity, clusterSize);
        var layout = options.Preallocation == Qcow2Preallocation.Off ? Qcow2Layout.PlanEmpty(clusterBits, options.RefcountBits, l1Size) : null;
        if (layout is null)
        {
            using var writer = new Qcow2Writer(file, capacity, options, backingFile, backingFormat);
            await ImageCopier.CopyAsync(ContentSource.Empty, writer, null, async, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var cluster = MemoryOwner<byte>.Allocate(clusterSize, AllocationMode.Clear);
        var header = NewHeader(options, capacity, l1Size, l1Offset: 3L * clusterSize, refcountTableOffset: clusterSize, refcountTableClusters: 1);
        int used = Qcow2Header.Write(cluster.Span, header, backingFile, backingFormat);
        await file.WriteAsync(cluster.Memory[..used], 0, async, cancellationToken).ConfigureAwait(false);

        cluster.Span.Clear();
        foreach (var (index, at) in layout.RefcountBlocks)
        {
            BinaryPrimitives.WriteUInt64BigEndian(cluster.Span[(int)(index * 8)..], (ulong)(at * clusterSize));
        }

        await file.WriteAsync(cluster.Memory, clusterSize, async, cancellationToken).ConfigureAwait(false);
        long perBlock = Qcow2Refcounts.EntriesPerBlock(clusterSize, options.RefcountBits);
        foreach (var (index, at) in layout.RefcountBlocks)
        {
            long count = Math.Clamp(layout.TotalClusters - (index * perBlock), 0, perBlock);
            Qcow2Refcounts.FillOnes(cluster.Span, options.RefcountBits, count);
            await file.WriteAsync(cluster.Memory, at * clusterSize, async, cancellationToken).ConfigureAwait(false);
        }

        file.SetLength(layout.FileLength);
    }

    public override ValueTask WriteUnitAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken) =>
        WriteUnitsAsync(offset, data, async, cancellationToken);

    /// <summary>Writes a run of clusters: those of one L2 table get consecutive host clusters, so each such part is
    /// one write (the same layout as writing them one by one).</summary>
    public override async ValueTask WriteUnitsAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            long cluster = offset >> _clusterBits;
            await SelectL2Async(cluster, async, cancellationToken).ConfigureAwait(false);
            long tableEnd = ((cluster / _l2Entries) + 1) * _l2Entries;
            long count = Math.Min((data.Length + (long)_clusterSize - 1) >> _clusterBits, tableEnd - cluster);
            int bytes = (int)Math.Min(data.Length, count << _clusterBits);
            long host = _nextCluster << _clusterBits;
            _nextCluster += count;
            await SparseIo.WriteSkippingZerosAsync(File, data[..bytes], host, async, cancellationToken).ConfigureAwait(false);
            for (long i = 0; i < count; i++)
            {
                SetEntry(cluster + i, (ulong)(host + (i << _clusterBits)) | Qcow2Header.Copied);
            }

            offset += bytes;
            data = data[bytes..];
        }
    }

    public override async ValueTask WriteZerosAsync(long offset, long length, bool async, CancellationToken cancellationToken)
    {
        long first = offset >> _clusterBits;
        long end = (offset + length + _clusterSize - 1) >> _clusterBits;
        bool allocate = _options.Preallocation == Qcow2Preallocation.Metadata || _options.Version == Qcow2Version.V2;
        for (long cluster = first; cluster < end;)
        {
            // One L2 table at a time, its entries filled in a tight loop.
            await SelectL2Async(cluster, async, cancellationToken).ConfigureAwait(false);
            long stop = Math.Min(end, ((cluster / _l2Entries) + 1) * _l2Entries);
            for (; cluster < stop; cluster++)
            {
                SetEntry(cluster, allocate ? (ulong)(_nextCluster++ << _clusterBits) | Qcow2Header.Copied : Qcow2Header.ZeroFlag);
            }
        }
    }

    public override async ValueTask FinishAsync(bool async, CancellationToken cancellationToken)
    {
        await FlushL2Async(async, cancellationToken).ConfigureAwait(false);
        long used = _nextCluster;
        int refcountBits = _options.RefcountBits;
        long perBlock = Qcow2Refcounts.EntriesPerBlock(_clusterSize, refcountBits);
        long blocks = 0;
        long tableClusters = 0;
        while (true)
        {
            long total = used + blocks + tableClusters;
            long needBlocks = (total + perBlock - 1) / perBlock;
            long needTable = ((needBlocks * 8) + _clusterSize - 1) / _clusterSize;
            if (needBlocks == blocks && needTable == tableClusters)
            {
                break;
            }

            blocks = needBlocks;
            tableClusters = needTable;
        }

        long totalClusters = used + blocks + tableClusters;
        using (var block = MemoryOwner<byte>.Allocate(_clusterSize))
        {
            Qcow2Refcounts.FillOnes(block.Span, refcountBits, perBlock);
            for (long b = 0; b < blocks; b++)
            {
                long count = Math.Min(perBlock, totalClusters - (b * perBlock));
                if (count < perBlock)
                {
                    Qcow2Refcounts.FillOnes(block.Span, refcountBits, count);
                }

                await File.WriteAsync(block.Memory, (used + b) << _clusterBits, async, cancellationToken).ConfigureAwait(false);
            }
        }

        // The refcount table is streamed a cluster at a time: it grows with the image (4 MiB for 64 GiB of 512-byte clusters).
        long tableOffset = (used + blocks) << _clusterBits;
        long entriesPerCluster = _clusterSize / 8;
        using (var table = MemoryOwner<byte>.Allocate(_clusterSize))
        {
            for (long c = 0; c < tableClusters; c++)
            {
                table.Span.Clear();
                long first = c * entriesPerCluster;
                long count = Math.Clamp(blocks - first, 0, entriesPerCluster);
                for (long e = 0; e < count; e++)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(table.Span[(int)(e * 8)..], (ulong)((used + first + e) << _clusterBits));
                }

                await File.WriteAsync(table.Memory, tableOffset + (c << _clusterBits), async, cancellationToken).ConfigureAwait(false);
            }
        }

        using (var cluster = MemoryOwner<byte>.Allocate(_clusterSize, AllocationMode.Clear))
        {
            var header = NewHeader(_options, Capacity, _l1Size, _clusterSize, tableOffset, (uint)tableClusters);
            int length = Qcow2Header.Write(cluster.Span, header, _backingFile, _backingFormat);
            await File.WriteAsync(cluster.Memory[..length], 0, async, cancellationToken).ConfigureAwait(false);
        }

        File.SetLength(totalClusters << _clusterBits);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _l2.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Qcow2Header NewHeader(Qcow2Options options, long capacity, long l1Size, long l1Offset, long refcountTableOffset, uint refcountTableClusters) => new()
    {
        Version = (int)options.Version,
        ClusterBits = BitOperations.Log2((uint)options.ClusterSize),
        Size = (ulong)capacity,
        L1Size = (uint)l1Size,
        L1TableOffset = (ulong)l1Offset,
        RefcountTableOffset = (ulong)refcountTableOffset,
        RefcountTableClusters = refcountTableClusters,
        RefcountOrder = BitOperations.Log2((uint)options.RefcountBits),
    };

    // SelectL2Async and FlushL2Async run once per L2 table: they complete synchronously without allocating (no
    // async state machine, even in Debug builds) when the write is synchronous.
    private ValueTask SelectL2Async(long cluster, bool async, CancellationToken cancellationToken)
    {
        long l1 = cluster / _l2Entries;
        if (l1 == _currentL1)
        {
            return default;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var flush = FlushL2Async(async, cancellationToken);
        if (!flush.IsCompletedSuccessfully)
        {
            return SelectAfterAsync(flush, l1);
        }

        flush.GetAwaiter().GetResult();
        _currentL1 = l1;
        return default;
    }

    private async ValueTask SelectAfterAsync(ValueTask flush, long l1)
    {
        await flush.ConfigureAwait(false);
        _currentL1 = l1;
    }

    private void SetEntry(long cluster, ulong entry)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_l2.Span[(int)((cluster % _l2Entries) * 8)..], entry);
        _l2Dirty = true;
    }

    private ValueTask FlushL2Async(bool async, CancellationToken cancellationToken)
    {
        if (_currentL1 < 0 || !_l2Dirty)
        {
            return default;
        }

        long host = _nextCluster++ << _clusterBits;
        long entryAt = _clusterSize + (_currentL1 * 8);
        BinaryPrimitives.WriteUInt64BigEndian(_l1Entry.Span, (ulong)host | Qcow2Header.Copied);
        _l2Dirty = false;
        if (async)
        {
            return WriteL2Async(host, entryAt, cancellationToken);
        }

        File.WriteAsync(_l2.Memory, host, async: false, cancellationToken).GetAwaiter().GetResult();
        File.WriteAsync(_l1Entry, entryAt, async: false, cancellationToken).GetAwaiter().GetResult();
        _l2.Span.Clear();
        return default;
    }

    private async ValueTask WriteL2Async(long host, long entryAt, CancellationToken cancellationToken)
    {
        await File.WriteAsync(_l2.Memory, host, async: true, cancellationToken).ConfigureAwait(false);
        await File.WriteAsync(_l1Entry, entryAt, async: true, cancellationToken).ConfigureAwait(false);
        _l2.Span.Clear();
    }
}
