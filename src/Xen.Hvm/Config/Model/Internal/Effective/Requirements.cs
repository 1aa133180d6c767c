using Xen.Hvm.Capabilities;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Effective;

/// <summary>Builds the <see cref="GuestRequirements"/> of <see cref="HostInfo.Check"/> from a model's effective values.</summary>
internal static class Requirements
{
    public static GuestRequirements From(EffectiveConfig effective)
    {
        bool hardware = effective.GuestType is GuestType.Hvm or GuestType.Pvh;
        long? vcpus = effective.GetValue("vcpus") as long?;
        return new GuestRequirements
        {
            // PVH runs in an HVM container: it needs VT-x/AMD-V and the hvm-* guest ABIs as HVM does.
            Hvm = hardware,
            Architecture = null,
            Pae = effective.GuestType == GuestType.Hvm && effective.GetValue("pae") is true,
            MemoryMiB = effective.GetValue("memory") as long?,
            Vcpus = vcpus is { } v and >= 0 and <= int.MaxValue ? (int)v : null,
            PciPassthrough = effective.GetValue("pci") is ValueList<PciSpec> { Count: > 0 },
            Hap = hardware && effective.TryGet("hap", out EffectiveValue? hap) && hap is { Source: EffectiveValueSource.File, Value: true },
        };
    }
}
