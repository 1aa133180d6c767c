#region usings
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
#endregion

namespace Xen.Hvm.Snippets;

/// <summary>docs/articles/spec-strings.md.</summary>
internal static class SpecStrings
{
    public static void Run()
    {
        #region specs
        ParseResult<DiskSpec> r = DiskSpec.Parse("phy:/dev/vg/xp,ioemu:hda,w");     // xl by default; never throws for bad text
        DiskSpec disk = r.Value;                        // Target "/dev/vg/xp", Vdev "hda", Format Raw, Access ReadWrite
                                                        // (Value throws SpecParseException with every diagnostic on errors)
        Console.WriteLine(disk.ToSpecString());         // format=raw, vdev=hda, access=rw, phy:/dev/vg/xp (the prefix kept)
        Console.WriteLine((disk with { Vdev = "hdb" }).ToSpecString(ConfigDialect.Xm));   // phy:/dev/vg/xp,hdb,w
        Console.WriteLine(disk.VirtualDevice?.DeviceNumber);   // 768 (3 << 8): emulated IDE for HVM guests

        var xm = DiskSpec.Parse("phy:/dev/vg/xp,hda,w!", ConfigDialect.Xm);   // xend's reading; w! = SharedWrite
        if (VifSpec.TryParse("bridge=xenbr0,mac=00:16:3e:00:00:01", ConfigDialect.Xl, out VifSpec? vif)) { /* ... */ }

        CpuListSpec cpus = [CpuListTerm.Range(0, 3), CpuListTerm.Single(5)];  // collection expression: "0-3,5"
        var nic = new VifSpec { Bridge = "xenbr0", Other = [new SpecSetting("forwarddev", "eth1")] };
        MacAddress mac = MacAddress.Parse("00:16:3e:00:00:01");        // BCL style: FormatException, TryParse, IParsable
        #endregion

        Check.That(disk.ToSpecString() == "format=raw, vdev=hda, access=rw, phy:/dev/vg/xp", "specs: canonical xl form");
        Check.That((disk with { Vdev = "hdb" }).ToSpecString(ConfigDialect.Xm) == "phy:/dev/vg/xp,hdb,w", "specs: xm form");
        Check.That(disk.VirtualDevice?.DeviceNumber == 768, "specs: device number");
        Check.That(xm.Value.Access == DiskAccess.SharedWrite, "specs: w! in xm");
        Check.That(vif?.Mac == mac && nic.Bridge == "xenbr0", "specs: vif");
        Check.That(cpus.ToString() == "0-3,5", "specs: cpu list");
    }
}
