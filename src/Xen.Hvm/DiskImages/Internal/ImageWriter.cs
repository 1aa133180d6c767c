namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// Writes one image sequentially: <see cref="WriteUnitsAsync"/> (or <see cref="WriteUnitAsync"/>) is called for the
/// non-zero allocation units in increasing order, <see cref="WriteZerosAsync"/> for zero runs when <see cref="WantsZeroRuns"/> is set, then
/// <see cref="FinishAsync"/> writes the metadata. Nothing is ever rewritten except metadata at known places.
/// </summary>
internal abstract class ImageWriter : IDisposable
{
    protected ImageWriter(IImageFile file, long capacity)
    {
        File = file;
        Capacity = capacity;
    }

    /// <summary>Gets the virtual size being written.</summary>
    public long Capacity { get; }

    /// <summary>Gets the allocation unit: the qcow2 cluster, the VHD block, or a fixed chunk for raw data.</summary>
    public abstract int UnitSize { get; }

    /// <summary>Gets a value indicating whether zero runs must be recorded (a backing file, preallocation).</summary>
    public virtual bool WantsZeroRuns => false;

    protected IImageFile File { get; }

    /// <summary>Writes one unit at a unit-aligned virtual offset; the data is <c>min(UnitSize, Capacity - offset)</c> long and not all zero.</summary>
    public abstract ValueTask WriteUnitAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken);

    /// <summary>Writes a run of consecutive units, none of them all zero, from a unit-aligned virtual offset (the
    /// last one may be short at the end of the disk). Writers that place consecutive units next to each other override
    /// it to write the run at once; by default each unit is written on its own.</summary>
    public virtual async ValueTask WriteUnitsAsync(long offset, ReadOnlyMemory<byte> data, bool async, CancellationToken cancellationToken)
    {
        for (int at = 0; at < data.Length; at += UnitSize)
        {
            await WriteUnitAsync(offset + at, data.Slice(at, Math.Min(UnitSize, data.Length - at)), async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records that a unit-aligned run reads as zeros (only called when <see cref="WantsZeroRuns"/>).</summary>
    public virtual ValueTask WriteZerosAsync(long offset, long length, bool async, CancellationToken cancellationToken) => default;

    /// <summary>Writes the metadata and sets the final file length.</summary>
    public abstract ValueTask FinishAsync(bool async, CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
