namespace Xen.Hvm.Capabilities;

/// <summary>Names for <see cref="CpuidRegister"/> values.</summary>
public static class CpuidRegisterExtensions
{
    /// <summary>Returns Xen's short featureset name of a register: <c>1d</c>, <c>1c</c>, <c>e1d</c>, <c>e1c</c>, <c>Da1</c>,
    /// <c>7b0</c>, <c>7c0</c>, <c>e7d</c>, or <c>transmeta</c>, <c>xen</c>, <c>via</c> for the layout-A-only words.</summary>
    /// <param name="register">The register.</param>
    /// <returns>The short name, or <c>-</c> for <see cref="CpuidRegister.None"/>.</returns>
    public static string ToShortName(this CpuidRegister register) => register switch
    {
        CpuidRegister.Leaf1Edx => "1d",
        CpuidRegister.Leaf1Ecx => "1c",
        CpuidRegister.Extended1Edx => "e1d",
        CpuidRegister.Extended1Ecx => "e1c",
        CpuidRegister.LeafDSub1Eax => "Da1",
        CpuidRegister.Leaf7Sub0Ebx => "7b0",
        CpuidRegister.Leaf7Sub0Ecx => "7c0",
        CpuidRegister.Extended7Edx => "e7d",
        CpuidRegister.TransmetaEdx => "transmeta",
        CpuidRegister.XenSynthetic => "xen",
        CpuidRegister.CentaurEdx => "via",
        _ => "-",
    };
}
