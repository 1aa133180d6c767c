namespace Xen.Hvm.DiskImages;

/// <summary>A run of a virtual disk that either holds data or is known to read as zeros without being read.</summary>
/// <param name="Offset">The virtual offset of the run, in bytes.</param>
/// <param name="Length">The length of the run, in bytes.</param>
/// <param name="IsZero">
/// <see langword="true"/> when the run is unallocated (a hole, an unallocated cluster or block, a zero cluster) and so
/// reads as zeros; <see langword="false"/> when it is stored (and may still happen to hold zeros).
/// </param>
public readonly record struct DiskImageExtent(long Offset, long Length, bool IsZero)
{
    /// <summary>Gets the offset just past the run.</summary>
    public long End => Offset + Length;
}
