namespace Xen.Hvm.Specs;

/// <summary>The protocol the frontend speaks (<c>specification=</c>, Xen 4.17+).</summary>
public enum DiskSpecification
{
    /// <summary>Not given: Xen's own block protocol.</summary>
    Unknown,

    /// <summary>Xen's block protocol (<c>xen</c>).</summary>
    Xen,

    /// <summary>virtio-blk (<c>virtio</c>).</summary>
    Virtio,
}
