using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>
/// What neither xl nor libxl checks but users need: keys nobody reads (with the key they probably meant), options the
/// guest type ignores, memory above maxmem, duplicate MACs, pae = 0 with more than 4 GiB, a CD-ROM still first in the
/// boot order; with a probe, bridges and disk targets that do not exist.
/// </summary>
internal static class RecommendedRules
{
    public static void Run(ValidationContext c)
    {
        CheckKeys(c);
        CheckValueSpellings(c);
        CheckMemory(c);
        CheckBootOrder(c);
        CheckMacs(c);
        if (c.Options.Probe is { } probe)
        {
            CheckBridges(c, probe);
            CheckDiskTargets(c, probe);
        }
    }

    /// <summary>Unknown keys (with a suggestion) and options for another guest type.</summary>
    private static void CheckKeys(ValidationContext c)
    {
        bool xm = c.Binding.Document.Dialect == ConfigDialect.Xm;
        GuestTypes guest = c.Guest switch
        {
            GuestType.Hvm => GuestTypes.Hvm,
            GuestType.Pvh => GuestTypes.Pvh,
            _ => GuestTypes.Pv,
        };
        foreach (string key in c.Binding.LocatedKeys.Order(StringComparer.Ordinal))
        {
            if (!OptionCatalog.TryGet(key, out OptionDefinition? option))
            {
                string? guess = Suggestions.Closest(key, OptionCatalog.All.Select(static o => o.Name));
                // Python files keep helper variables at the top level: only a near miss of an option is likely a mistake there.
                DiagnosticSeverity severity = xm && guess is null ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
                c.Report(DiagnosticDescriptors.UnknownKey, severity, c.Locate(key), key, c.Tool, guess is null ? string.Empty : $"; did you mean '{guess}'?");
                continue;
            }

            if (option.GuestTypes != GuestTypes.All && (option.GuestTypes & guest) == 0 && option.Group != OptionGroup.XmOnly &&
                option.IsReadBy(c.Options.Toolstack, c.Version) && option.GetValue(c.Config) is not null)
            {
                c.Report(DiagnosticDescriptors.OptionNotForGuestType, c.Locate(key), key, GuestTypeNames(option.GuestTypes), c.Guest switch
                {
                    GuestType.Hvm => "HVM",
                    GuestType.Pvh => "PVH",
                    _ => "PV",
                });
            }
        }
    }

    private static string GuestTypeNames(GuestTypes types) => string.Join(" and ", new[]
    {
        types.HasFlag(GuestTypes.Pv) ? "PV" : null,
        types.HasFlag(GuestTypes.Pvh) ? "PVH" : null,
        types.HasFlag(GuestTypes.Hvm) ? "HVM" : null,
    }.Where(static t => t is not null));

    /// <summary>"Did you mean" for a value outside its set (binding's XH3011, and soundhw).</summary>
    private static void CheckValueSpellings(ValidationContext c)
    {
        foreach (Diagnostic d in c.Binding.Diagnostics.Concat(c.Diagnostics.ToArray()))
        {
            (string? option, string? value, IEnumerable<string>? candidates) = d.Id switch
            {
                DiagnosticIds.UnknownSetValue when d.Arguments is [string o, string v, string expected, ..] => (o, v, expected.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                DiagnosticIds.UnknownSoundHardware when d.Arguments is [string v, ..] => ("soundhw", v, LibxlRules.SoundCards),
                _ => (null, null, null),
            };
            if (option is not null && value is not null && candidates is not null && Suggestions.Closest(value, candidates) is { } guess)
            {
                c.Report(DiagnosticDescriptors.DidYouMeanValue, d.Location, value, option, guess);
            }
        }
    }

    /// <summary>memory above maxmem; pae = 0 with more than 4 GiB.</summary>
    private static void CheckMemory(ValidationContext c)
    {
        DomainConfig config = c.Config;
        if (config.MemoryMiB is { } memory && config.MaxMemoryMiB is { } max && memory > max)
        {
            c.Report(DiagnosticDescriptors.MemoryAboveMaxmem, c.Locate("memory"), memory, max);
        }

        long largest = Math.Max(config.MemoryMiB ?? 0, config.MaxMemoryMiB ?? 0);
        if (c.IsHvm && config.Pae == false && largest > 4096)
        {
            c.Report(DiagnosticDescriptors.PaeOffWithLargeMemory, c.Locate("pae"), largest);
        }
    }

    /// <summary>An HVM guest that boots from the CD-ROM first while it has an installed disk.</summary>
    private static void CheckBootOrder(ValidationContext c)
    {
        if (!c.IsHvm || c.Config.Boot is not { Length: > 0 } boot || boot[0] != 'd' || c.Config.Disks is not { } disks)
        {
            return;
        }

        if (disks.FirstOrDefault(static d => !d.IsRemovable && !string.IsNullOrEmpty(d.Target)) is { } installed)
        {
            c.Report(DiagnosticDescriptors.CdromFirstInBoot, c.Locate("boot"), LibxlRules.Clip(boot), installed.Vdev ?? installed.Target);
        }
    }

    /// <summary>Two interfaces with one MAC address.</summary>
    private static void CheckMacs(ValidationContext c)
    {
        if (c.Config.Vifs is not { } vifs)
        {
            return;
        }

        var seen = new Dictionary<MacAddress, int>();
        for (int i = 0; i < vifs.Count; i++)
        {
            if (vifs[i].Mac is not { } mac)
            {
                continue;
            }

            if (seen.TryGetValue(mac, out int first))
            {
                c.Report(DiagnosticDescriptors.DuplicateMac, c.LocateItem("vif", i), i, mac.ToString(), first);
            }
            else
            {
                seen[mac] = i;
            }
        }
    }

    /// <summary>With a probe: the bridge each vif joins (xenbr0 when none is given and the script is vif-bridge).</summary>
    private static void CheckBridges(ValidationContext c, IValidationProbe probe)
    {
        if (c.Config.Vifs is not { } vifs)
        {
            return;
        }

        for (int i = 0; i < vifs.Count; i++)
        {
            VifSpec vif = vifs[i];
            if (vif.Script is { } script && !script.Contains("vif-bridge", StringComparison.Ordinal))
            {
                continue;
            }

            string bridge = vif.Bridge ?? "xenbr0";
            if (probe.BridgeExists(bridge) == false)
            {
                c.Report(DiagnosticDescriptors.BridgeNotFound, c.LocateItem("vif", i), i, bridge);
            }
        }
    }

    /// <summary>With a probe: the target of each local disk without a script (what libxl stats).</summary>
    private static void CheckDiskTargets(ValidationContext c, IValidationProbe probe)
    {
        if (c.Config.Disks is not { } disks)
        {
            return;
        }

        for (int i = 0; i < disks.Count; i++)
        {
            DiskSpec disk = disks[i];
            if (disk.Target is { Length: > 0 } target && disk.Format != DiskFormat.Empty && disk.Script is null && disk.BackendDomain is null &&
                probe.PathExists(target) == false)
            {
                c.Report(DiagnosticDescriptors.DiskTargetNotFound, c.LocateItem("disk", i), disk.Vdev ?? string.Empty, LibxlRules.Clip(target));
            }
        }
    }
}
