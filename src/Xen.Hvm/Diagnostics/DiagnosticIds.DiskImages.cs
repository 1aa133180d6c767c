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
}
