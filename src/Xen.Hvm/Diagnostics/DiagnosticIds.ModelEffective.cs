namespace Xen.Hvm.Diagnostics;

// Model: effective values and host requirements (XH3150-XH3199).
public static partial class DiagnosticIds
{
    /// <summary>XH3150: The model asks for hap = 1 and the host has no hardware-assisted paging (error; model requirements, <c>HostInfo.Check</c>).</summary>
    public const string CheckHapUnavailable = "XH3150";
}
