namespace Xen.Hvm.Specs;

/// <summary>What to do when a reserved device memory region conflicts with guest memory (<c>rdm_policy=</c>).</summary>
public enum PciRdmPolicy
{
    /// <summary><c>strict</c>: fail.</summary>
    Strict,

    /// <summary><c>relaxed</c>: warn and continue.</summary>
    Relaxed,
}
