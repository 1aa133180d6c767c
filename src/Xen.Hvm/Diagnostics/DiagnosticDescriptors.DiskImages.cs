namespace Xen.Hvm.Diagnostics;

/// <content>The descriptors of the disk-image area (<c>XH7xxx</c>).</content>
internal static partial class DiagnosticDescriptors
{
    private const string DiskImagesCategory = "DiskImages";

    /// <summary>XH7001. Arguments: the text.</summary>
    internal static readonly DiagnosticDescriptor InvalidSize = new(
        DiagnosticIds.InvalidSize,
        "Invalid size",
        "'{0}' is not a size: expected a number with an optional suffix (k, M, G, T, P, E, KiB, MiB, GiB ...) or dd operands such as 'bs=1M count=4096'",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7002. Arguments: the text, the largest size in bytes.</summary>
    internal static readonly DiagnosticDescriptor SizeOverflow = new(
        DiagnosticIds.SizeOverflow,
        "Size too large",
        "'{0}' is larger than the largest size, {1} bytes",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7003. Arguments: the text.</summary>
    internal static readonly DiagnosticDescriptor NegativeSize = new(
        DiagnosticIds.NegativeSize,
        "Negative size",
        "'{0}' is negative; a size must be greater than zero",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7004. Arguments: the text.</summary>
    internal static readonly DiagnosticDescriptor ZeroSize = new(
        DiagnosticIds.ZeroSize,
        "Zero size",
        "'{0}' is zero; a size must be greater than zero",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7005. Arguments: the key, the format, the known keys.</summary>
    internal static readonly DiagnosticDescriptor UnknownImageOption = new(
        DiagnosticIds.UnknownImageOption,
        "Unknown image option",
        "Unknown option '{0}' for format {1}; known options: {2}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7006. Arguments: the key, the value, what is accepted.</summary>
    internal static readonly DiagnosticDescriptor InvalidImageOptionValue = new(
        DiagnosticIds.InvalidImageOptionValue,
        "Invalid image option value",
        "Invalid value '{1}' for option '{0}': expected {2}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7007. Arguments: the format, what is wrong.</summary>
    internal static readonly DiagnosticDescriptor InvalidImageHeader = new(
        DiagnosticIds.InvalidImageHeader,
        "Invalid image header",
        "The {0} image is invalid: {1}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7008. Arguments: the format, the feature.</summary>
    internal static readonly DiagnosticDescriptor UnsupportedImageFeature = new(
        DiagnosticIds.UnsupportedImageFeature,
        "Unsupported image feature",
        "The {0} image uses {1}, which this library does not read",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7009. Arguments: the structure, the stored checksum, the computed checksum.</summary>
    internal static readonly DiagnosticDescriptor VhdChecksumMismatch = new(
        DiagnosticIds.VhdChecksumMismatch,
        "VHD checksum mismatch",
        "The VHD {0} checksum is 0x{1:X8}, but its content sums to 0x{2:X8}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7010. Arguments: the backing file as stored, the resolved path, the reason.</summary>
    internal static readonly DiagnosticDescriptor BackingFileUnavailable = new(
        DiagnosticIds.BackingFileUnavailable,
        "Backing file unavailable",
        "The backing file '{0}' (resolved to '{1}') cannot be used: {2}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);
}
