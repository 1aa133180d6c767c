using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Zero detection and hole-preserving writes: all-zero pieces are skipped so outputs stay sparse.</summary>
internal static class SparseIo
{
    /// <summary>The granularity of zero detection inside written data, as <c>qemu-img convert -S 4k</c>.</summary>
    public const int Granularity = 4096;

    /// <summary>Returns whether every byte is zero: four 16-byte vectors OR-ed together per step, the last step the
    /// final 64 bytes (overlapping the one before), so data usually shows a non-zero byte in the first step. A native
    /// build lacks the wide vectors that <see cref="MemoryExtensions.IndexOfAnyExcept{T}(ReadOnlySpan{T}, T)"/> uses
    /// under the JIT, and that tests one vector per step; 64 bytes a step already outrun the page-cache copy that
    /// filled the buffer.</summary>
    public static bool IsZero(ReadOnlySpan<byte> data)
    {
        const int Step = 4 * 16;
        if (!Vector128.IsHardwareAccelerated || data.Length < Step)
        {
            return data.IndexOfAnyExcept((byte)0) < 0;
        }

        ref byte start = ref MemoryMarshal.GetReference(data);
        nuint last = (nuint)(data.Length - Step);
        for (nuint i = 0; ; i += Step)
        {
            nuint at = i < last ? i : last;
            var any = Vector128.LoadUnsafe(ref start, at) | Vector128.LoadUnsafe(ref start, at + 16)
                | Vector128.LoadUnsafe(ref start, at + 32) | Vector128.LoadUnsafe(ref start, at + 48);
            if (any != Vector128<byte>.Zero)
            {
                return false;
            }

            if (at == last)
            {
                return true;
            }
        }
    }

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
