namespace Xen.Hvm.Config.Model;

/// <summary>The emulated disk controller of an HVM guest (<c>hdtype</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum HdType
{
    /// <summary>IDE (<c>ide</c>), the default.</summary>
    Ide,

    /// <summary>AHCI/SATA (<c>ahci</c>).</summary>
    Ahci,
}
