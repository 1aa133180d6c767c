namespace Xen.Hvm.DiskImages;

/// <summary>
/// What every image writer accepts, and the base of the per-format options: <see cref="Raw.RawOptions"/>,
/// <see cref="Qcow2.Qcow2Options"/> and <see cref="Vhd.VhdOptions"/>. The type of the options chooses the format, so
/// options and format cannot disagree: <c>DiskImage.Create(path, 10 * ByteSize.GiB, new Qcow2Options())</c>.
/// </summary>
/// <remarks>
/// <para>The defaults of each format are those of <c>qemu-img create</c>; <see cref="DiskImage.DefaultOptions"/>
/// gives them for a format known only at run time, and <see cref="DiskImage.ParseOptions"/> reads qemu-img's
/// <c>-o</c> strings.</para>
/// <para><see cref="Overwrite"/> and <see cref="WriteToDevice"/> say what may happen to an existing file at the target
/// path, so they only matter to the path methods of <see cref="DiskImage"/>; a stream handed to a format's
/// <c>Create</c> is the caller's and is simply written.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public abstract record DiskImageOptions
{
    /// <summary>Constructs the options; only the library's per-format records derive from this type.</summary>
    private protected DiskImageOptions()
    {
    }

    /// <summary>Gets the format these options are for.</summary>
    public abstract DiskImageFormat Format { get; }

    /// <summary>Gets a value indicating whether an existing file at the target path may be replaced (its mode, owner
    /// and group are kept, and a symbolic link is followed). Without it, writing to an existing path throws a
    /// <see cref="DiskImageException"/> (<c>XH7021</c>) and leaves the file untouched.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Gets a value indicating whether the new image is flushed to stable storage (default
    /// <see langword="true"/>): a file before it is renamed into place, so that a crash never leaves a half-written image
    /// under the target name; a device or a stream once written.</summary>
    /// <remarks>On Linux a flushed file or device also hands what it has written to the kernel's write-back every
    /// 8 MiB as the copy goes (<c>sync_file_range</c>, which starts the writes and does not wait for them), so the device
    /// writes during the copy and the closing flush waits only for the last few MiB; without a flush that is not done,
    /// and the written pages stay in the page cache until the system writes them.</remarks>
    public bool FlushToDisk { get; init; } = true;

    /// <summary>Gets a value indicating whether a target that is a block device (or a symbolic link to one, such as
    /// <c>/dev/vg/lv</c>) is written in place: no temporary file, no rename, the link left as it is. Without it such a
    /// target is refused with <c>XH7016</c>, even with <see cref="Overwrite"/>, so that a device is never replaced by a
    /// file. Character devices, FIFOs and sockets are always refused.</summary>
    public bool WriteToDevice { get; init; }
}
