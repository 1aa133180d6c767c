namespace Xen.Hvm.DiskImages.Internal;

/// <summary>The checks every writer makes on its options before a byte is written (programmer errors, so BCL exceptions).</summary>
internal static class ImagePreconditions
{
    /// <summary>Rounds a requested capacity up to a multiple of 512 bytes, as qemu-img does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive or too large.</exception>
    public static long RoundCapacity(long capacity)
    {
        if (capacity <= 0 || capacity > long.MaxValue - 511)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be positive and at most 8 EiB.");
        }

        return (capacity + 511) / 512 * 512;
    }

    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the enum's.</exception>
    public static void CheckDefined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value should be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }
}
