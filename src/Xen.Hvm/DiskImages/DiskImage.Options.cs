using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;

namespace Xen.Hvm.DiskImages;

/// <content>Options for a format known only at run time, sizes, and the plan of a path write.</content>
public static partial class DiskImage
{
    /// <summary>Returns the default options of a format (those of <c>qemu-img create</c>).</summary>
    /// <param name="format">The format.</param>
    /// <returns>A <see cref="RawOptions"/>, <see cref="Qcow2Options"/> or <see cref="VhdOptions"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    public static DiskImageOptions DefaultOptions(DiskImageFormat format) => format switch
    {
        DiskImageFormat.Raw => new RawOptions(),
        DiskImageFormat.Qcow2 => new Qcow2Options(),
        DiskImageFormat.Vhd => new VhdOptions(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Value should be Raw, Qcow2 or Vhd."),
    };

    /// <summary>
    /// Parses <c>qemu-img</c>-style options (<c>-o key=value,key=value</c>) for a format known only at run time: the
    /// same as <see cref="RawOptions.Parse"/>, <see cref="Qcow2Options.Parse"/> or <see cref="VhdOptions.Parse"/>.
    /// </summary>
    /// <param name="format">The format the options are for.</param>
    /// <param name="text">The option string; empty means defaults.</param>
    /// <returns>The options, of the record type that belongs to <paramref name="format"/>, or the problems
    /// (<c>XH7005</c>, <c>XH7006</c>) with spans into <paramref name="text"/>; its <see cref="ParseResult{T}.Value"/>
    /// throws a <see cref="DiskImageException"/> then.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    public static ParseResult<DiskImageOptions> ParseOptions(DiskImageFormat format, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return format switch
        {
            DiskImageFormat.Raw => RawOptions.Parse(text).Convert<DiskImageOptions>(static o => o),
            DiskImageFormat.Qcow2 => Qcow2Options.Parse(text).Convert<DiskImageOptions>(static o => o),
            DiskImageFormat.Vhd => VhdOptions.Parse(text).Convert<DiskImageOptions>(static o => o),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Value should be Raw, Qcow2 or Vhd."),
        };
    }

    /// <summary>Returns the virtual size an image of the requested size gets: rounded up to 512 bytes, and for VHD
    /// up to a CHS geometry unless <see cref="VhdOptions.ForceSize"/> is set.</summary>
    /// <param name="capacity">The requested size in bytes.</param>
    /// <param name="options">The format's options.</param>
    /// <returns>The virtual size in bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive, or too large for the format.</exception>
    public static long GetCapacity(long capacity, DiskImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options is VhdOptions vhd ? VhdImage.RoundCapacity(capacity, vhd.ForceSize).Capacity : ImagePreconditions.RoundCapacity(capacity);
    }

    /// <summary>Checks every option and plans the write of the file <paramref name="fullPath"/>.</summary>
    private static ImageWritePlan CreatePlan(string fullPath, long capacity, DiskImageOptions options, IImageFileSystem fileSystem) => options switch
    {
        RawOptions raw => RawImage.CreatePlan(capacity, raw, onStream: false),
        Qcow2Options qcow2 => Qcow2Image.CreatePlan(capacity, qcow2, (name, given) => CheckBackingFile(fullPath, name, given, fileSystem)),
        VhdOptions vhd => VhdImage.CreatePlan(capacity, vhd),
        _ => throw new ArgumentException($"{options.GetType().Name} are not the options of a format this library writes.", nameof(options)),
    };

    /// <summary>Checks that the backing file a new overlay names exists (relative to the overlay's folder, as QEMU
    /// resolves it) and returns its format, probed by QEMU's rule when not given.</summary>
    /// <exception cref="DiskImageException">The file does not exist or is not a regular file or block device (<c>XH7010</c>).</exception>
    private static DiskImageFormat CheckBackingFile(string fullPath, string name, DiskImageFormat? given, IImageFileSystem fileSystem)
    {
        string resolved = Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Join(Path.GetDirectoryName(fullPath), name));
        var status = fileSystem.GetStatus(resolved, followLinks: true);
        if (status.Kind == ImageFileKind.Missing)
        {
            throw new DiskImageException([ImageDiagnostics.Backing(fullPath, name, resolved, "the file does not exist")]);
        }

        if (status.Kind is not (ImageFileKind.Regular or ImageFileKind.BlockDevice))
        {
            throw new DiskImageException([ImageDiagnostics.Backing(fullPath, name, resolved, $"it is {status.Describe()}, not a regular file or block device")]);
        }

        // Probed by QEMU's rule, so that a raw base whose content looks like an overlay is recorded as raw.
        return given ?? DetectFormat(resolved, fileSystem);
    }
}
