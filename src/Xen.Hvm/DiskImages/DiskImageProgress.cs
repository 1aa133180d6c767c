namespace Xen.Hvm.DiskImages;

/// <summary>How far a fill or conversion has come: bytes of the virtual disk handled so far, out of its capacity.</summary>
/// <param name="BytesProcessed">The virtual bytes read or skipped as zero so far.</param>
/// <param name="TotalBytes">The capacity of the image being written.</param>
public readonly record struct DiskImageProgress(long BytesProcessed, long TotalBytes)
{
    /// <summary>Gets the fraction done, from 0 to 1.</summary>
    public double Fraction => TotalBytes <= 0 ? 1 : (double)BytesProcessed / TotalBytes;
}
