namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>
/// How qemu-img sizes a new VHD (<c>calculate_rounded_image_size</c> in QEMU's <c>block/vpc.c</c>): the request is
/// rounded up to 512, then up to the next size a CHS geometry can address, so that QEMU, which sizes most VHDs by
/// their geometry, sees every byte. Geometries that saturate at 65535/16/255 keep the exact size.
/// </summary>
internal static class VhdSizing
{
    /// <summary>The largest disk QEMU creates and opens: 0xFF000000 sectors (2040 GiB).</summary>
    public const long MaxSectors = 0xFF00_0000L;

    /// <summary>The largest capacity, in bytes (2040 GiB).</summary>
    public const long MaxCapacity = MaxSectors * 512;

    /// <summary>Returns the capacity and geometry a VHD of the requested size gets.</summary>
    public static (long Capacity, VhdGeometry Geometry) Round(long requested, bool forceSize)
    {
        long sectors = (requested + 511) / 512;
        if (forceSize || sectors >= VhdGeometry.Max.TotalSectors)
        {
            return (sectors * 512, VhdGeometry.Max);
        }

        var geometry = default(VhdGeometry);
        for (long i = 0; sectors > geometry.TotalSectors; i++)
        {
            geometry = VhdGeometry.FromSectors(sectors + i);
        }

        return geometry == VhdGeometry.Max ? (sectors * 512, geometry) : (geometry.Capacity, geometry);
    }

    /// <summary>Returns the capacity QEMU gives an existing VHD (<c>vpc_open</c>): the CHS size, except for creators
    /// known to use the stored current size and for the maximum geometry.</summary>
    public static long CapacityOf(VhdFooter footer)
    {
        bool useCurrentSize = footer.CreatorApplication is "win " or "qem2" or "d2v " or "CTXS" or "tap\0"
            || footer.Geometry == VhdGeometry.Max;
        return useCurrentSize ? (long)Math.Min(footer.CurrentSize / 512 * 512, long.MaxValue / 2) : footer.Geometry.Capacity;
    }
}
