namespace Xen.Hvm.Config.Model;

/// <summary>The emulated graphics card of an HVM guest (<c>vga</c>; xm's <c>stdvga</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum VgaKind
{
    /// <summary>No emulated graphics card (<c>none</c>).</summary>
    None,

    /// <summary>The standard VGA card (<c>stdvga</c>).</summary>
    Std,

    /// <summary>The Cirrus Logic card (<c>cirrus</c>), the default.</summary>
    Cirrus,

    /// <summary>The QXL paravirtual card (<c>qxl</c>), for SPICE.</summary>
    Qxl,
}
