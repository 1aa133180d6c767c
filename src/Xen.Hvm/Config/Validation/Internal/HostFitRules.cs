using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>
/// Whether a host can run the guest: the guest's needs from the model's effective values
/// (<see cref="DomainConfig.GetRequirements(Toolstack, XenVersion)"/>) for <see cref="HostInfo.Check"/> (HVM, PAE,
/// memory, vCPUs, IOMMU, HAP), plus PV support; every diagnostic is moved to the config setting that makes the need.
/// </summary>
internal static class HostFitRules
{
    public static List<Diagnostic> Run(ValidationContext c, HostInfo host)
    {
        DomainConfig config = c.Config;
        // What the guest needs is what the toolstack will use, defaults included (no memory = means 32 MiB under xl).
        GuestRequirements requirements = config.GetRequirements(c.Options.Toolstack, c.Version);

        var diagnostics = new List<Diagnostic>();
        foreach (Diagnostic d in host.Check(requirements).Diagnostics)
        {
            diagnostics.Add(d.WithLocation(c.LocateFirst(KeysOf(d))));
        }

        if (c.IsPv && host.Facts.PvUsable.State == FactState.No)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.PvUnavailable, c.LocateFirst("type", "builder")));
        }

        return diagnostics;
    }

    /// <summary>The settings a host-check diagnostic is about, most specific first.</summary>
    private static string[] KeysOf(Diagnostic d) => d.Id switch
    {
        DiagnosticIds.CheckMemoryShort => ["memory", "maxmem"],
        DiagnosticIds.CheckVcpusOvercommitted => ["vcpus"],
        DiagnosticIds.CheckNoIommu => ["pci"],
        DiagnosticIds.CheckPaeUnavailable => ["pae", "type", "builder"],
        DiagnosticIds.CheckHapUnavailable => ["hap"],
        DiagnosticIds.CheckNotPossible when d.Arguments is [_, "free_memory", ..] => ["memory", "maxmem"],
        DiagnosticIds.CheckNotPossible when d.Arguments is [_, "nr_cpus", ..] => ["vcpus"],
        DiagnosticIds.CheckNotPossible when d.Arguments is ["PCI passthrough", ..] => ["pci"],
        _ => ["type", "builder"],
    };
}
