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

    /// <summary>XH7011. Arguments: the backing file as stored, the resolved path, the policy.</summary>
    internal static readonly DiagnosticDescriptor BackingFileNotAllowed = new(
        DiagnosticIds.BackingFileNotAllowed,
        "Backing file not allowed",
        "The backing file '{0}' (resolved to '{1}') is not opened: the backing-file policy ({2}) does not allow it",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7012. Arguments: the backing file as stored, the resolved path, the reason.</summary>
    internal static readonly DiagnosticDescriptor BackingFileUnsafe = new(
        DiagnosticIds.BackingFileUnsafe,
        "Backing file refused",
        "The backing file '{0}' (resolved to '{1}') is never opened: {2}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7013. Arguments: the format it looks like, why it is not probed, the format name to pass.</summary>
    internal static readonly DiagnosticDescriptor ProbedFormatReadAsRaw = new(
        DiagnosticIds.ProbedFormatReadAsRaw,
        "Probed format read as raw",
        "The file looks like a {0} image but {1}, so without an explicit format it is read as raw; pass the format ({2}) to read it as {0}",
        DiagnosticSeverity.Warning,
        DiskImagesCategory);

    /// <summary>XH7014. Arguments: the footer's size, the data length, what is done.</summary>
    internal static readonly DiagnosticDescriptor VhdSizeMismatch = new(
        DiagnosticIds.VhdSizeMismatch,
        "VHD size mismatch",
        "The fixed VHD footer gives a disk of {0} bytes but the file holds {1} bytes of data: {2}",
        DiagnosticSeverity.Warning,
        DiskImagesCategory);

    /// <summary>XH7015. Arguments: what the path is.</summary>
    internal static readonly DiagnosticDescriptor NotAnImageFile = new(
        DiagnosticIds.NotAnImageFile,
        "Not an image file",
        "The path is {0}, not a regular file or a block device, so it is not opened as an image",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7016. Arguments: what the target is, what to do.</summary>
    internal static readonly DiagnosticDescriptor TargetIsDevice = new(
        DiagnosticIds.TargetIsDevice,
        "Target is a device",
        "The target is {0}: {1}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7017. No arguments.</summary>
    internal static readonly DiagnosticDescriptor EmptySourceImage = new(
        DiagnosticIds.EmptySourceImage,
        "Empty source image",
        "The source image has a virtual size of 0 bytes: there is nothing to convert",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7018. Arguments: what cannot be decoded, the virtual offset.</summary>
    internal static readonly DiagnosticDescriptor ImageDataUnreadable = new(
        DiagnosticIds.ImageDataUnreadable,
        "Image data unreadable",
        "The {0} at virtual offset {1} cannot be decoded: the image is damaged",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7019. Arguments: the operation (read, write), the reason.</summary>
    internal static readonly DiagnosticDescriptor ImageFileAccess = new(
        DiagnosticIds.ImageFileAccess,
        "Image file access failed",
        "The file cannot be {0}: {1}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7020. Arguments: what is wrong.</summary>
    internal static readonly DiagnosticDescriptor InvalidImageRequest = new(
        DiagnosticIds.InvalidImageRequest,
        "Invalid image request",
        "{0}",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7021. No arguments (the location is the target).</summary>
    internal static readonly DiagnosticDescriptor ImageTargetExists = new(
        DiagnosticIds.ImageTargetExists,
        "Image target exists",
        "The target already exists, and replacing it was not asked for",
        DiagnosticSeverity.Error,
        DiskImagesCategory);

    /// <summary>XH7022. Arguments: the backing file as stored.</summary>
    internal static readonly DiagnosticDescriptor BackingFileNeedsStream = new(
        DiagnosticIds.BackingFileNeedsStream,
        "Backing file needs a stream",
        "The backing file '{0}' is not opened: the image was read from a stream, so there is no folder to find it in; only a policy that hands streams (BackingFilePolicy.FromStreams) opens it",
        DiagnosticSeverity.Error,
        DiskImagesCategory);
}
