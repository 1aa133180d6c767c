using System.Globalization;

namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>A VHD's cylinder/head/sector geometry, which QEMU and Virtual PC use to size most VHDs.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly struct VhdGeometry : IEquatable<VhdGeometry>
{
    /// <summary>The largest geometry, 65535/16/255; QEMU sizes such images by their stored current size instead.</summary>
    public static readonly VhdGeometry Max = new(65535, 16, 255);

    /// <summary>Constructs a geometry.</summary>
    /// <param name="cylinders">The number of cylinders.</param>
    /// <param name="heads">The number of heads.</param>
    /// <param name="sectorsPerTrack">The number of sectors per track.</param>
    public VhdGeometry(int cylinders, int heads, int sectorsPerTrack)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cylinders);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cylinders, 65535);
        ArgumentOutOfRangeException.ThrowIfNegative(heads);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heads, 255);
        ArgumentOutOfRangeException.ThrowIfNegative(sectorsPerTrack);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sectorsPerTrack, 255);
        Cylinders = cylinders;
        Heads = heads;
        SectorsPerTrack = sectorsPerTrack;
    }

    /// <summary>Gets the number of cylinders (0–65535).</summary>
    public int Cylinders { get; }

    /// <summary>Gets the number of heads (0–255).</summary>
    public int Heads { get; }

    /// <summary>Gets the number of sectors per track (0–255).</summary>
    public int SectorsPerTrack { get; }

    /// <summary>Gets the number of 512-byte sectors the geometry addresses.</summary>
    public long TotalSectors => (long)Cylinders * Heads * SectorsPerTrack;

    /// <summary>Gets the number of bytes the geometry addresses.</summary>
    public long Capacity => TotalSectors * 512;

    /// <summary>Returns the geometry the VHD specification (and QEMU's <c>calculate_geometry</c>) gives a sector
    /// count. It never addresses more sectors than asked, and often fewer.</summary>
    /// <param name="totalSectors">The number of 512-byte sectors.</param>
    /// <returns>The geometry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalSectors"/> is negative.</exception>
    public static VhdGeometry FromSectors(long totalSectors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalSectors);
        long sectors = Math.Min(totalSectors, Max.TotalSectors);
        int spt;
        int heads;
        long cylTimesHeads;
        if (sectors >= 65535L * 16 * 63)
        {
            spt = 255;
            heads = 16;
            cylTimesHeads = sectors / spt;
        }
        else
        {
            spt = 17;
            cylTimesHeads = sectors / spt;
            heads = (int)((cylTimesHeads + 1023) / 1024);
            if (heads < 4)
            {
                heads = 4;
            }

            if (cylTimesHeads >= heads * 1024L || heads > 16)
            {
                spt = 31;
                heads = 16;
                cylTimesHeads = sectors / spt;
            }

            if (cylTimesHeads >= heads * 1024L)
            {
                spt = 63;
                heads = 16;
                cylTimesHeads = sectors / spt;
            }
        }

        return new VhdGeometry((int)(cylTimesHeads / heads), heads, spt);
    }

    /// <inheritdoc/>
    public bool Equals(VhdGeometry other) =>
        Cylinders == other.Cylinders && Heads == other.Heads && SectorsPerTrack == other.SectorsPerTrack;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VhdGeometry other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Cylinders, Heads, SectorsPerTrack);

    /// <summary>Returns <c>C/H/S</c>, e.g. <c>20806/16/63</c>.</summary>
    /// <returns>The geometry as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cylinders}/{Heads}/{SectorsPerTrack}");

    /// <summary>Compares two geometries for equality.</summary>
    /// <param name="left">The first geometry.</param>
    /// <param name="right">The second geometry.</param>
    /// <returns><see langword="true"/> when all three values are equal.</returns>
    public static bool operator ==(VhdGeometry left, VhdGeometry right) => left.Equals(right);

    /// <summary>Compares two geometries for inequality.</summary>
    /// <param name="left">The first geometry.</param>
    /// <param name="right">The second geometry.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(VhdGeometry left, VhdGeometry right) => !left.Equals(right);
}
