namespace Xen.Hvm.DiskImages.Internal;

/// <summary>The names QEMU and xl use for formats.</summary>
internal static class FormatNames
{
    /// <summary>QEMU's driver name: <c>raw</c>, <c>qcow2</c> or <c>vpc</c>.</summary>
    public static string Qemu(DiskImageFormat format) => format switch
    {
        DiskImageFormat.Qcow2 => "qcow2",
        DiskImageFormat.Vhd => "vpc",
        _ => "raw",
    };

    /// <summary>Parses <c>raw</c>, <c>qcow2</c>, <c>vhd</c> or <c>vpc</c> (case-insensitive).</summary>
    public static DiskImageFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "raw" => DiskImageFormat.Raw,
        "qcow2" => DiskImageFormat.Qcow2,
        "vhd" or "vpc" => DiskImageFormat.Vhd,
        _ => null,
    };
}
