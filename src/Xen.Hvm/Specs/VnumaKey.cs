namespace Xen.Hvm.Specs;

/// <summary>The options of a vnuma node.</summary>
public enum VnumaKey
{
    /// <summary><c>pnode=N</c>: the host node backing it.</summary>
    Pnode,

    /// <summary><c>size=MB</c>: its memory.</summary>
    Size,

    /// <summary><c>vcpus=RANGES</c>: its vCPUs, e.g. <c>0-3,6</c>.</summary>
    Vcpus,

    /// <summary><c>vdistances=N,N,...</c>: its distance to each vnode.</summary>
    Vdistances,

    /// <summary>A key xl ignores.</summary>
    Other,
}
