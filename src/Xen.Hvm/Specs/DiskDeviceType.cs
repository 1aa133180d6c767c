namespace Xen.Hvm.Specs;

/// <summary>What the guest sees: a disk or a removable CD-ROM drive (<c>devtype=</c>, <c>cdrom</c>, <c>vdev:cdrom</c>).</summary>
public enum DiskDeviceType
{
    /// <summary>A fixed disk (the default).</summary>
    Disk,

    /// <summary>A removable CD-ROM drive; always read-only, and empty when there is no target.</summary>
    Cdrom,
}
