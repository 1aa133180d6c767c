using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages;

/// <summary>
/// What every image writer accepts. Use the per-format records (<see cref="Raw.RawOptions"/>,
/// <see cref="Qcow2.Qcow2Options"/>, <see cref="Vhd.VhdOptions"/>) for format settings; a plain
/// <see cref="DiskImageOptions"/> means the format's defaults (those of <c>qemu-img create</c>).
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public record DiskImageOptions
{
    /// <summary>Gets a value indicating whether an existing file at the target path may be replaced.
    /// Without it, writing to an existing path throws <see cref="IOException"/> and leaves the file untouched.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Gets a value indicating whether the new file is flushed to stable storage before it is renamed into place
    /// (default <see langword="true"/>), so that a crash never leaves a half-written image under the target name.</summary>
    public bool FlushToDisk { get; init; } = true;

    /// <summary>Gets a value indicating whether a target that is a block device (or a symbolic link to one, such as
    /// <c>/dev/vg/lv</c>) is written in place: no temporary file, no rename, the link left as it is. Without it such a
    /// target is refused with <c>XH7016</c>, even with <see cref="Overwrite"/>, so that a device is never replaced by a
    /// file. Character devices, FIFOs and sockets are always refused.</summary>
    public bool WriteToDevice { get; init; }

    /// <summary>Gets the file system to write (and, for conversions, read) through; tests inject failures here.</summary>
    internal IImageFileSystem? FileSystem { get; init; }

    /// <summary>
    /// Parses <c>qemu-img</c>-style options (<c>-o key=value,key=value</c>) for a format: raw <c>preallocation</c>;
    /// qcow2 <c>compat</c>, <c>cluster_size</c>, <c>refcount_bits</c>, <c>backing_file</c>, <c>backing_fmt</c>,
    /// <c>preallocation</c>; VHD <c>subformat</c>, <c>force_size</c>. A doubled comma stands for a literal comma.
    /// </summary>
    /// <param name="format">The format the options are for.</param>
    /// <param name="options">The option string; empty means defaults.</param>
    /// <returns>The options, of the record type that belongs to <paramref name="format"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="DiskImageException">A key is unknown (<c>XH7005</c>) or a value is invalid (<c>XH7006</c>).</exception>
    public static DiskImageOptions Parse(DiskImageFormat format, string options)
    {
        if (!TryParse(format, options, out var result, out var diagnostics))
        {
            throw new DiskImageException(diagnostics);
        }

        return result;
    }

    /// <summary>Tries to parse <c>qemu-img</c>-style options; see <see cref="Parse"/>.</summary>
    /// <param name="format">The format the options are for.</param>
    /// <param name="options">The option string.</param>
    /// <param name="result">The options, when valid.</param>
    /// <param name="diagnostics">The problems found (<c>XH7005</c>, <c>XH7006</c>), with spans into <paramref name="options"/>.</param>
    /// <returns><see langword="true"/> when there is no error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    public static bool TryParse(
        DiskImageFormat format,
        string options,
        [NotNullWhen(true)] out DiskImageOptions? result,
        out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        return QemuOptionParser.TryParse(format, options, out result, out diagnostics);
    }
}
