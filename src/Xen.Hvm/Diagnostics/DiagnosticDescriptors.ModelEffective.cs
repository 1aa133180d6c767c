namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor CheckHapUnavailable = new(
        DiagnosticIds.CheckHapUnavailable,
        "HAP unavailable",
        "The guest sets hap = 1 but the host has no hardware-assisted paging (EPT/NPT): Xen refuses to build it. Remove hap = 1 (libxl then uses shadow paging) or use a host whose CPU has EPT/NPT",
        DiagnosticSeverity.Error,
        "Model");
}
