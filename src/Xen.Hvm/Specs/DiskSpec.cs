namespace Xen.Hvm.Specs;

/// <summary>
/// One disk of a guest, as a <c>disk = [ ... ]</c> item describes it (libxl <c>libxl_device_disk</c>).
/// </summary>
/// <remarks>
/// <para>Values are what Xen's parser ends up with: <see cref="Format"/> is <see cref="DiskFormat.Raw"/> unless given,
/// and <see cref="DiskFormat.Empty"/> for a CD-ROM without target; a CD-ROM is always read-only.</para>
/// <para>Equality is by value. Immutable; safe to share across threads.</para>
/// </remarks>
public sealed partial record DiskSpec
{
    /// <summary>Gets the target: a path, device or script argument; <see langword="null"/> when not given, empty for an
    /// empty drive.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the image format.</summary>
    public DiskFormat Format { get; init; }

    /// <summary>Gets the guest device name (<c>xvda</c>, <c>hdc</c>, <c>sda1</c>, <c>d0p1</c>, <c>0x301</c>); see
    /// <see cref="VirtualDevice"/>.</summary>
    public string? Vdev { get; init; }

    /// <summary>Gets the access mode.</summary>
    public DiskAccess Access { get; init; }

    /// <summary>Gets whether this is a disk or a CD-ROM drive.</summary>
    public DiskDeviceType DeviceType { get; init; }

    /// <summary>Gets the backend implementation (<c>backendtype=</c>); in the xm dialect <c>phy:</c> sets
    /// <see cref="DiskBackendType.Phy"/>.</summary>
    public DiskBackendType BackendType { get; init; }

    /// <summary>Gets the frontend protocol (<c>specification=</c>, Xen 4.17+).</summary>
    public DiskSpecification Specification { get; init; }

    /// <summary>Gets the driver domain (<c>backend=</c>, Xen 4.3+; xm's fourth field).</summary>
    public string? BackendDomain { get; init; }

    /// <summary>Gets the block hotplug script (<c>script=</c>, or <c>block-NAME</c> from a <c>NAME:</c> prefix such as
    /// <c>nbd:</c>).</summary>
    public string? Script { get; init; }

    /// <summary>Gets a value indicating whether <c>direct-io-safe</c> is given (Xen 4.5+).</summary>
    public bool DirectIoSafe { get; init; }

    /// <summary>Gets <c>discard</c> (true) / <c>no-discard</c> (false), or <see langword="null"/> (Xen 4.5+).</summary>
    public bool? Discard { get; init; }

    /// <summary>Gets <c>colo</c> (true) / <c>no-colo</c> (false), or <see langword="null"/> (Xen 4.8+, unstable).</summary>
    public bool? Colo { get; init; }

    /// <summary>Gets <c>colo-host=</c> (Xen 4.8+).</summary>
    public string? ColoHost { get; init; }

    /// <summary>Gets <c>colo-port=</c> (Xen 4.8+).</summary>
    public int? ColoPort { get; init; }

    /// <summary>Gets <c>colo-export=</c> (Xen 4.8+).</summary>
    public string? ColoExport { get; init; }

    /// <summary>Gets <c>active-disk=</c> (Xen 4.8+).</summary>
    public string? ActiveDisk { get; init; }

    /// <summary>Gets <c>hidden-disk=</c> (Xen 4.8+).</summary>
    public string? HiddenDisk { get; init; }

    /// <summary>Gets <c>trusted</c> (true) / <c>untrusted</c> (false), or <see langword="null"/> (Xen 4.17+).</summary>
    public bool? Trusted { get; init; }

    /// <summary>Gets <c>grant_usage=1</c> (true) / <c>grant_usage=0</c> (false), or <see langword="null"/> (Xen 4.19+).</summary>
    public bool? GrantUsage { get; init; }

    /// <summary>Gets the xm uname type as written (<c>phy</c>, <c>file</c>, <c>tap:aio</c>, <c>nbd</c> ...) when the spec
    /// was read in the xm dialect; read as xl, the deprecated prefixes written before the target when xl ignores all of
    /// them (<c>phy</c> for <c>phy:/dev/x,xvda,w</c>, <c>tap:aio</c>), which xm reads as the backend; otherwise
    /// <see langword="null"/>. Both printers keep it.</summary>
    public string? XmUnameType { get; init; }

    /// <summary>Gets xm's fifth field (the block protocol, e.g. <c>x86_32-abi</c>); xl has no equivalent.</summary>
    public string? XmProtocol { get; init; }

    /// <summary>Gets a value indicating whether the device is removable (a CD-ROM).</summary>
    public bool IsRemovable => DeviceType == DiskDeviceType.Cdrom;

    /// <summary>Gets a value indicating whether the guest may not write.</summary>
    public bool IsReadOnly => Access == DiskAccess.ReadOnly;

    /// <summary>Gets the decoded device name, or <see langword="null"/> when <see cref="Vdev"/> is not a valid name.</summary>
    public VirtualDevice? VirtualDevice => Specs.VirtualDevice.TryParse(Vdev, out var device) ? device : null;

    /// <summary>Returns the canonical xl form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}
