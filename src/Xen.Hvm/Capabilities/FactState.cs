namespace Xen.Hvm.Capabilities;

/// <summary>How sure a <see cref="HostFact"/> is.</summary>
public enum FactState
{
    /// <summary>The output does not tell.</summary>
    Unknown = 0,

    /// <summary>Known false.</summary>
    No = 1,

    /// <summary>Known true.</summary>
    Yes = 2,

    /// <summary>Probably true: inferred from indirect evidence (see the fact's caveat).</summary>
    Probable = 3,

    /// <summary>Probably false: inferred from indirect evidence (see the fact's caveat), e.g. hardware-assisted paging on
    /// a CPU generation that predates EPT/NPT.</summary>
    Unlikely = 4,

    /// <summary>The question does not apply to this host: an x86 CPU feature (VT-x, PAE, NX ...) on an ARM host.</summary>
    NotApplicable = 5,
}
