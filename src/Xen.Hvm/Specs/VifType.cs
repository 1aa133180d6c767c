namespace Xen.Hvm.Specs;

/// <summary>What NIC an HVM guest gets for a vif (<c>type=</c>).</summary>
public enum VifType
{
    /// <summary><c>ioemu</c>: an emulated NIC and a PV one (the HVM default).</summary>
    Ioemu,

    /// <summary><c>vif</c>: PV only.</summary>
    Vif,
}
