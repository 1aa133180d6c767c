using CommunityToolkit.HighPerformance.Buffers;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Raw;

/// <summary>Streams a raw image: data at the same offsets, zero pieces left as holes (or written, with full preallocation).</summary>
internal sealed class RawWriter : ImageWriter
{
    private const int Unit = 1024 * 1024;
    private readonly RawPreallocation _preallocation;

    public RawWriter(IImageFile file, long capacity, RawPreallocation preallocation)
        : base(file, capacity)
    {
        _preallocation = preallocation;
    }

    public override int UnitSize => Unit;

    public override bool WantsZeroRuns => _preallocation == RawPreallocation.Full;

    public override ValueTask WriteUnitAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken) =>
        WriteUnitsAsync(offset, data, async, cancellationToken);

    /// <summary>Writes a run of units at once: the data lies at the same offsets in the file.</summary>
    public override ValueTask WriteUnitsAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken) =>
        _preallocation == RawPreallocation.Full
            ? File.WriteAsync(data, offset, async, cancellationToken)
            : SparseIo.WriteSkippingZerosAsync(File, data, offset, async, cancellationToken);

    public override async ValueTask WriteZerosAsync(long offset, long length, bool async, CancellationToken cancellationToken)
    {
        using var zeros = MemoryOwner<byte>.Allocate((int)Math.Min(Unit, length), AllocationMode.Clear);
        for (long done = 0; done < length; done += zeros.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = (int)Math.Min(zeros.Length, length - done);
            await File.WriteAsync(zeros.Memory[..n], offset + done, async, cancellationToken).ConfigureAwait(false);
        }
    }

    public override ValueTask FinishAsync(bool async, CancellationToken cancellationToken)
    {
        File.SetLength(Capacity);
        return default;
    }
}
