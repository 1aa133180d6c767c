using System.Buffers.Binary;
using CommunityToolkit.HighPerformance.Buffers;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>
/// Streams a VHD as qemu-img lays it out. Dynamic: footer copy (0), dynamic header (512), block allocation table
/// (1536), then 2 MiB blocks (a 512-byte sector bitmap of 0xFF, then the data) appended in order, then the footer.
/// Fixed: the data, then the footer. Memory: the BAT (at most 4 MiB for 2040 GiB).
/// </summary>
internal sealed class VhdWriter : ImageWriter
{
    private const int FixedUnit = 1024 * 1024;
    private const int BitmapSize = 512;
    private static readonly byte[] s_fullBitmap = CreateFullBitmap();

    private readonly VhdFooter _footer;
    private readonly bool _dynamic;
    private readonly uint _entries;
    private readonly int _batBytes;
    private readonly MemoryOwner<byte>? _bat;
    private long _nextSector;

    public VhdWriter(IImageFile file, long capacity, VhdGeometry geometry, VhdOptions options)
        : base(file, capacity)
    {
        _dynamic = options.Subformat == VhdSubformat.Dynamic;
        _footer = new VhdFooter
        {
            DataOffset = _dynamic ? VhdFooter.Size : ulong.MaxValue,
            Timestamp = VhdFooter.FromDateTime(options.Timestamp ?? DateTimeOffset.UtcNow),
            CreatorApplication = options.ForceSize ? "qem2" : "qemu",
            OriginalSize = (ulong)capacity,
            CurrentSize = (ulong)capacity,
            Geometry = geometry,
            DiskType = _dynamic ? VhdFooter.TypeDynamic : VhdFooter.TypeFixed,
            UniqueId = options.UniqueId ?? Guid.NewGuid(),
        };
        if (_dynamic)
        {
            _entries = (uint)((capacity + VhdDynamicHeader.DefaultBlockSize - 1) / VhdDynamicHeader.DefaultBlockSize);
            _batBytes = (int)((((long)_entries * 4) + 511) / 512 * 512);
            _bat = MemoryOwner<byte>.Allocate(_batBytes);
            _bat.Span.Fill(0xFF);
            _nextSector = (VhdDynamicHeader.DefaultTableOffset + _batBytes) / 512;
        }
    }

    public override int UnitSize => _dynamic ? VhdDynamicHeader.DefaultBlockSize : FixedUnit;

    public override async ValueTask WriteUnitAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken)
    {
        if (!_dynamic)
        {
            await SparseIo.WriteSkippingZerosAsync(File, data, offset, async, cancellationToken).ConfigureAwait(false);
            return;
        }

        long block = offset / VhdDynamicHeader.DefaultBlockSize;
        long at = _nextSector * 512;
        _nextSector += (BitmapSize + VhdDynamicHeader.DefaultBlockSize) / 512;

        // The bitmap and the data before the first zero piece go in one gathered write; the rest stays sparse.
        int lead = SparseIo.LeadingDataLength(data.Span);
        await File.WriteAsync(s_fullBitmap, data[..lead], at, async, cancellationToken).ConfigureAwait(false);
        await SparseIo.WriteSkippingZerosAsync(File, data[lead..], at + BitmapSize + lead, async, cancellationToken).ConfigureAwait(false);
        BinaryPrimitives.WriteUInt32BigEndian(_bat!.Span[(int)(block * 4)..], (uint)(at / 512));
    }

    /// <summary>Writes a run of units: a fixed disk's data lies at the same offsets in the file, so at once; a
    /// dynamic disk's blocks each follow their own bitmap.</summary>
    public override ValueTask WriteUnitsAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken) =>
        _dynamic ? base.WriteUnitsAsync(offset, data, async, cancellationToken) : SparseIo.WriteSkippingZerosAsync(File, data, offset, async, cancellationToken);

    public override async ValueTask FinishAsync(bool async, CancellationToken cancellationToken)
    {
        var footer = new byte[VhdFooter.Size];
        _footer.WriteTo(footer);
        if (!_dynamic)
        {
            await File.WriteAsync(footer, Capacity, async, cancellationToken).ConfigureAwait(false);
            File.SetLength(Capacity + VhdFooter.Size);
            return;
        }

        var header = new byte[VhdDynamicHeader.Size];
        new VhdDynamicHeader { MaxTableEntries = _entries }.WriteTo(header);
        long end = _nextSector * 512;
        await File.WriteAsync(_bat!.Memory, VhdDynamicHeader.DefaultTableOffset, async, cancellationToken).ConfigureAwait(false);
        await File.WriteAsync(header, VhdFooter.Size, async, cancellationToken).ConfigureAwait(false);
        await File.WriteAsync(footer, 0, async, cancellationToken).ConfigureAwait(false);
        await File.WriteAsync(footer, end, async, cancellationToken).ConfigureAwait(false);
        File.SetLength(end + VhdFooter.Size);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bat?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static byte[] CreateFullBitmap()
    {
        var bitmap = new byte[BitmapSize];
        bitmap.AsSpan().Fill(0xFF);
        return bitmap;
    }
}
