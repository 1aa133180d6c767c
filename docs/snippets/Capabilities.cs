#region usings
using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;
#endregion

namespace Xen.Hvm.Snippets;

/// <summary>docs/articles/capabilities.md, run on fixtures/info.txt (xl info of a Xen 4.17 host).</summary>
internal static class Capabilities
{
    public static void Run()
    {
        #region host-info
        ParseResult<HostInfo> result = HostInfo.Parse(File.ReadAllText("info.txt"), new HostInfoParseOptions { Path = "info.txt" });
        foreach (var d in result.Diagnostics) Console.WriteLine(d);   // info.txt(12,26): warning XH5022: ...
        HostInfo info = result.Value;                                  // throws HostCapabilitiesException only for non-info text

        Console.WriteLine(info.XenVersion);                            // 4.17.5
        Console.WriteLine(info.FreeMemoryMiB);                         // MiB, as xl prints it
        Console.WriteLine(info.HwCaps!.Has("vmx"));                    // Linux /proc/cpuinfo names
        Console.WriteLine(info.HwCaps.GetFeatureState("itsc"));        // Yes, No or Unknown (that word was not printed)
        Console.WriteLine(info.Facts.HvmUsable.State);                 // Yes: virt_caps has hvm
        foreach (HostFact fact in info.Facts) Console.WriteLine($"{fact.Title}: {fact.State}");

        HostCheckResult check = info.Check(new GuestRequirements
        {
            Architecture = GuestArchitecture.X86_64, MemoryMiB = 4096, Vcpus = 4, PciPassthrough = true,
        });
        if (!check.CanRun)
        {
            foreach (var d in check.Diagnostics) Console.WriteLine(d); // error XH5040: ... Enable Intel VT-x (vmx) in the BIOS/UEFI setup ...
        }
        #endregion

        Check.That(info.HwCaps.Has("vmx") && info.Facts.HvmUsable.State == FactState.Yes, "capabilities: an HVM host");
    }
}
