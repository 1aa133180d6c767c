using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>
/// Options and values against the target toolstack and version: read only by the other toolstack, not yet or no
/// longer read, deprecated; values a version does not know (qemu-xen-traditional from 4.21, viridian groups before
/// they existed).
/// </summary>
internal static class VersionRules
{
    // What xm keys became in xl, for the fix of XH8105.
    private static readonly Dictionary<string, string> s_xlEquivalents = new(StringComparer.Ordinal)
    {
        ["cdrom"] = "Add the image to 'disk' with devtype=cdrom (e.g. \"/iso/x.iso,raw,hdc,ro,devtype=cdrom\")",
        ["ne2000"] = "Set model=ne2k_pci in the 'vif' spec",
        ["vncconsole"] = "Use 'xl create -V' to start a VNC viewer",
        ["audio"] = "Use soundhw",
        ["vfb"] = "xl reads 'vfb' too: check its spelling",
        ["extid"] = "xl sets no Viridian ID this way: use viridian",
        ["bootargs"] = "Use bootloader_args",
    };

    // The viridian groups by the first release whose libxl knows them (libxl_types.idl, libxl_viridian_enlightenment).
    private static readonly Dictionary<ViridianGroup, XenVersion> s_viridianSince = new()
    {
        [ViridianGroup.Base] = new(4, 5),
        [ViridianGroup.Freq] = new(4, 5),
        [ViridianGroup.TimeRefCount] = new(4, 5),
        [ViridianGroup.ReferenceTsc] = new(4, 6),
        [ViridianGroup.HcallRemoteTlbFlush] = new(4, 7),
        [ViridianGroup.ApicAssist] = new(4, 7),
        [ViridianGroup.CrashCtl] = new(4, 9),
        [ViridianGroup.Synic] = new(4, 13),
        [ViridianGroup.Stimer] = new(4, 13),
        [ViridianGroup.HcallIpi] = new(4, 13),
        [ViridianGroup.ExProcessorMasks] = new(4, 15),
        [ViridianGroup.NoVpLimit] = new(4, 15),
        [ViridianGroup.CpuHotplug] = new(4, 15),
    };

    // What binding already says about an option xl ignores or deprecates: no second diagnostic at the same place.
    private static readonly HashSet<string> s_bindingSays = new(StringComparer.Ordinal)
    {
        DiagnosticIds.DeviceModelIgnored,
        DiagnosticIds.OptionIgnored,
        DiagnosticIds.DeprecatedOption,
        DiagnosticIds.HvmloaderKernelIgnored,
        DiagnosticIds.DeprecatedIntegerForm,
    };

    // Options whose deprecation concerns a form (an integer, a string instead of a list) binding already reports.
    private static readonly HashSet<string> s_formDeprecated = new(StringComparer.Ordinal) { "bootloader_args", "tsc_mode", "timer_mode" };

    public static void Run(ValidationContext c)
    {
        CheckOptions(c);
        if (c.Options.Toolstack == Toolstack.Xl)
        {
            CheckDeviceModelVersion(c);
            CheckViridianGroups(c);
        }
    }

    private static void CheckOptions(ValidationContext c)
    {
        Toolstack toolstack = c.Options.Toolstack;
        Toolstacks mine = toolstack == Toolstack.Xm ? Toolstacks.Xm : Toolstacks.Xl;
        string tool = c.Tool;
        string other = toolstack == Toolstack.Xm ? "xl" : "xm";
        var said = c.Binding.Diagnostics.Where(static d => s_bindingSays.Contains(d.Id)).Select(static d => d.Span).ToHashSet();
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            if (!c.Binding.TryGetLocation(option, out Text.SourceLocation where) || said.Contains(where.Span))
            {
                continue;
            }

            OptionHistory history = toolstack == Toolstack.Xm ? option.Xm : option.Xl;
            if (!option.ReadBy.HasFlag(mine))
            {
                string fix = s_xlEquivalents.TryGetValue(option.Name, out string? equivalent) && toolstack == Toolstack.Xl ? equivalent : "Remove it";
                c.Report(DiagnosticDescriptors.OptionOfOtherToolstack, where, option.Name, other, tool, fix);
            }
            else if (history.Introduced is { } introduced && c.Version < introduced)
            {
                c.Report(DiagnosticDescriptors.OptionNotYetAvailable, where, option.Name, tool, Short(introduced), Short(c.Version));
            }
            else if (history.Removed is { } removed && c.Version >= removed)
            {
                c.Report(DiagnosticDescriptors.OptionRemoved, where, option.Name, tool, Short(removed), Short(c.Version), "Remove it");
            }
            else if (history.IsDeprecatedAt(c.Version) && history.Deprecated is { } deprecated &&
                     !s_formDeprecated.Contains(option.Name) && option.GetValue(c.Config) is not null)
            {
                c.Report(DiagnosticDescriptors.OptionDeprecated, where, option.Name, tool, Short(deprecated), Replacement(option.Name));
            }
        }
    }

    private static string Replacement(string name) => name switch
    {
        "builder" => "Use type = \"hvm\" (or \"pv\", \"pvh\") instead",
        "stdvga" => "Use vga = \"stdvga\" instead",
        _ => "See xl.cfg(5) for its replacement",
    };

    private static string Short(XenVersion v) => v.ToString("M", null);

    /// <summary>xl of Xen 4.21 knows only qemu-xen.</summary>
    private static void CheckDeviceModelVersion(ValidationContext c)
    {
        if (c.Config.DeviceModelVersion is { Value: DeviceModelVersion.QemuXenTraditional } dm && c.Version >= new XenVersion(4, 21))
        {
            c.Report(DiagnosticDescriptors.ValueNotAvailableAtVersion, c.Locate("device_model_version"), "device_model_version", dm.Spelling,
                "was removed in Xen 4.21", $"xl of Xen {Short(c.Version)} refuses the config. Use device_model_version = \"qemu-xen\" (a stub domain is then Linux-based)");
        }
    }

    /// <summary>A viridian group the target's xl does not know yet; before 4.5 xl reads viridian as a boolean only.</summary>
    private static void CheckViridianGroups(ValidationContext c)
    {
        if (!c.IsHvm || c.Config.Viridian?.Groups is not { } groups)
        {
            return;
        }

        for (int i = 0; i < groups.Count; i++)
        {
            ViridianSpec item = groups[i];
            XenVersion since = item.Group is { } g ? s_viridianSince[g] : new XenVersion(4, 5);
            if (c.Version >= since)
            {
                continue;
            }

            if (c.Version < new XenVersion(4, 5))
            {
                c.Report(DiagnosticDescriptors.ValueNotAvailableAtVersion, DiagnosticSeverity.Warning, c.Locate("viridian"), "viridian", item.ToString(),
                    "is a list of groups, known to xl only since Xen 4.5", $"xl of Xen {Short(c.Version)} reads only viridian = 0 or 1 and ignores the list. Use viridian = 1");
                return;
            }

            c.Report(DiagnosticDescriptors.ValueNotAvailableAtVersion, c.LocateItem("viridian", i), "viridian", item.ToString(),
                $"names a group known to xl only since Xen {Short(since)}", $"xl of Xen {Short(c.Version)} refuses the config. Remove the group, or target a newer Xen");
        }
    }
}
