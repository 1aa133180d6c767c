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
}
