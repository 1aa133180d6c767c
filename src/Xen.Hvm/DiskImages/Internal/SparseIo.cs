namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Zero detection and hole-preserving writes: all-zero pieces are skipped so outputs stay sparse.</summary>
internal static class SparseIo
{
    /// <summary>The granularity of zero detection inside written data, as <c>qemu-img convert -S 4k</c>.</summary>
    public const int Granularity = 4096;

    public static bool IsZero(ReadOnlySpan<byte> data) => data.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/>, skipping all-zero 4 KiB pieces; the
    /// file must already read as zeros there (a hole in a fresh file).</summary>
    public static async ValueTask WriteSkippingZerosAsync(
        IImageFile file,
        ReadOnlyMemory<byte> data,
        long offset,
        bool async,
        CancellationToken cancellationToken)
    {
        int pos = 0;
        while (pos < data.Length)
        {
            while (pos < data.Length && IsZero(Piece(data.Span, pos)))
            {
                pos += Math.Min(Granularity, data.Length - pos);
            }

            int start = pos;
            while (pos < data.Length && !IsZero(Piece(data.Span, pos)))
            {
                pos += Math.Min(Granularity, data.Length - pos);
            }

            if (pos > start)
            {
                await file.WriteAsync(data[start..pos], offset + start, async, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Returns how many bytes from the start of <paramref name="data"/> come before its first all-zero 4 KiB piece.</summary>
    public static int LeadingDataLength(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        while (pos < data.Length && !IsZero(Piece(data, pos)))
        {
            pos += Math.Min(Granularity, data.Length - pos);
        }

        return pos;
    }

    private static ReadOnlySpan<byte> Piece(ReadOnlySpan<byte> data, int pos) => data.Slice(pos, Math.Min(Granularity, data.Length - pos));
}
