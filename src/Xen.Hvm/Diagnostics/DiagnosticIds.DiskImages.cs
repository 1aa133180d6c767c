namespace Xen.Hvm.Diagnostics;

/// <content>The IDs of the disk-image area (<c>XH7xxx</c>).</content>
public static partial class DiagnosticIds
{
    /// <summary>XH7001: a size is not a number with a known suffix, nor dd operands.</summary>
    public const string InvalidSize = "XH7001";

    /// <summary>XH7002: a size is larger than a 64-bit signed byte count.</summary>
    public const string SizeOverflow = "XH7002";

    /// <summary>XH7003: a size is negative.</summary>
    public const string NegativeSize = "XH7003";

    /// <summary>XH7004: a size is zero.</summary>
    public const string ZeroSize = "XH7004";

    /// <summary>XH7005: an image option (<c>-o key=value</c>) is not known for the format.</summary>
    public const string UnknownImageOption = "XH7005";

    /// <summary>XH7006: an image option has a value the format does not accept.</summary>
    public const string InvalidImageOptionValue = "XH7006";

    /// <summary>XH7007: an image header or table is inconsistent, so the image cannot be read.</summary>
    public const string InvalidImageHeader = "XH7007";

    /// <summary>XH7008: an image uses a feature this library does not read (encryption, differencing VHD ...).</summary>
    public const string UnsupportedImageFeature = "XH7008";

    /// <summary>XH7009: a VHD footer or dynamic header checksum does not match its content.</summary>
    public const string VhdChecksumMismatch = "XH7009";

    /// <summary>XH7010: the backing file of a qcow2 image cannot be found or opened.</summary>
    public const string BackingFileUnavailable = "XH7010";

    /// <summary>XH7011: a qcow2 backing file is not opened because the backing-file policy does not allow it.</summary>
    public const string BackingFileNotAllowed = "XH7011";

    /// <summary>XH7012: a qcow2 backing file is refused whatever the policy: not a regular file, a system path, the image itself or a cycle.</summary>
    public const string BackingFileUnsafe = "XH7012";

    /// <summary>XH7013: the content looks like a format that is only read when given explicitly, so the file is read as raw.</summary>
    public const string ProbedFormatReadAsRaw = "XH7013";

    /// <summary>XH7014: a fixed VHD's footer gives a size that differs from the data the file holds.</summary>
    public const string VhdSizeMismatch = "XH7014";

    /// <summary>XH7015: an image path names a FIFO, socket, character device or directory, not a file or block device.</summary>
    public const string NotAnImageFile = "XH7015";

    /// <summary>XH7016: a write target is (or links to) a device and writing devices was not asked for, or cannot be done.</summary>
    public const string TargetIsDevice = "XH7016";

    /// <summary>XH7017: a source image holds no bytes, so there is nothing to convert.</summary>
    public const string EmptySourceImage = "XH7017";

    /// <summary>XH7018: data inside an image (a compressed qcow2 cluster) cannot be decoded.</summary>
    public const string ImageDataUnreadable = "XH7018";

    /// <summary>XH7019: an image file cannot be read or written (missing, no permission, disk full, I/O error).</summary>
    public const string ImageFileAccess = "XH7019";

    /// <summary>XH7020: a request to write an image is invalid (options that do not go together, same source and target ...).</summary>
    public const string InvalidImageRequest = "XH7020";

    /// <summary>XH7021: the target of a write exists, and replacing it was not asked for.</summary>
    public const string ImageTargetExists = "XH7021";

    /// <summary>XH7022: an image read from a stream names a backing file, and only a policy that hands streams can open it.</summary>
    public const string BackingFileNeedsStream = "XH7022";
}
