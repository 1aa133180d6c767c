using System.Globalization;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>
/// What libxl 4.17 refuses (or warns about) after xl has parsed the config: <c>libxl__domain_config_setdefault</c>
/// and <c>libxl__domain_build_info_setdefault</c> (libxl_create.c), the viridian and TSC setup (libxl_x86.c), the
/// device defaults (libxl_disk.c, libxl_nic.c, libxl_device.c) and the qemu argument builders (libxl_dm.c), at the
/// same conditions.
/// </summary>
internal static partial class LibxlRules
{
    public static void Run(ValidationContext c)
    {
        CheckPassthrough(c);
        CheckPopulateOnDemand(c);
        CheckVnuma(c);
        CheckNestedHvm(c);
        CheckTscMode(c);
        CheckGrantVersion(c);
        if (c.IsHvm)
        {
            CheckVideoRam(c);
            CheckBios(c);
            CheckDirectBoot(c);
            CheckTraditional(c);
            CheckSpice(c);
            CheckUsb(c);
            CheckSoundHardware(c);
            CheckViridian(c);
            CheckDeviceModelUser(c);
        }

        CheckNics(c);
        CheckDisks(c);
    }

    /// <summary>libxl_create.c: passthrough disabled with devices; libxl_x86.c: PVH passthrough, share_pt on PV.</summary>
    private static void CheckPassthrough(ValidationContext c)
    {
        DomainConfig config = c.Config;
        bool devices = config.PciDevices is { Count: > 0 } || config.DeviceTreeDevices is { Count: > 0 };
        PassthroughMode? mode = config.Passthrough?.Value;
        if (mode == PassthroughMode.Disabled && devices)
        {
            c.Report(DiagnosticDescriptors.PassthroughConflict, c.Locate("passthrough"),
                "passthrough = \"disabled\" but the guest has devices to pass through", "Remove 'passthrough', or the 'pci'/'dtdev' list");
        }
        else if (c.Guest == GuestType.Pvh && (mode is { } m ? m is not (PassthroughMode.Disabled or PassthroughMode.Default) : devices))
        {
            c.Report(DiagnosticDescriptors.PassthroughConflict, c.LocateFirst("pci", "dtdev", "passthrough"),
                "Passthrough is not yet supported for x86 PVH guests", "Remove the 'pci' list, or make the guest HVM");
        }
        else if (c.IsPv && mode == PassthroughMode.SharePt)
        {
            c.Report(DiagnosticDescriptors.PassthroughConflict, c.Locate("passthrough"),
                "passthrough = \"share_pt\" is not valid for a PV domain", "Use passthrough = \"sync_pt\", or remove it");
        }
    }

    /// <summary>libxl_create.c: populate-on-demand (memory below maxmem, not PV) refuses passthrough, vNUMA and altp2m.</summary>
    private static void CheckPopulateOnDemand(ValidationContext c)
    {
        if (!c.PopulateOnDemand)
        {
            return;
        }

        DomainConfig config = c.Config;
        bool passthrough = config.Passthrough?.Value is { } mode
            ? mode is not (PassthroughMode.Disabled or PassthroughMode.Default) || config.PciDevices is { Count: > 0 }
            : config.PciDevices is { Count: > 0 } || config.DeviceTreeDevices is { Count: > 0 };
        void Pod(string what, string key) =>
            c.Report(DiagnosticDescriptors.PodConflict, c.Locate("memory"), config.MemoryMiB, c.MaxMemoryMiB, what, "'" + key + "'");

        if (passthrough)
        {
            Pod("device passthrough (it needs an IOMMU with all memory populated)", config.PciDevices is { Count: > 0 } ? "pci" : "passthrough");
        }

        if (config.VnumaNodes is { Count: > 0 })
        {
            Pod("vNUMA", "vnuma");
        }

        if (Altp2mOn(c))
        {
            Pod("altp2m", config.Altp2mHvm == true ? "altp2mhvm" : "altp2m");
        }
    }

    private static bool Altp2mOn(ValidationContext c) =>
        (c.IsHvm && c.Config.Altp2mHvm == true) || (!c.IsPv && c.Config.Altp2m?.Value is { } mode && mode != Altp2mMode.Disabled);

    /// <summary>libxl_create.c: no vNUMA for PV; libxl_vnuma.c: every vCPU in exactly one node.</summary>
    private static void CheckVnuma(ValidationContext c)
    {
        if (c.Config.VnumaNodes is not { Count: > 0 } nodes)
        {
            return;
        }

        if (c.IsPv)
        {
            c.Report(DiagnosticDescriptors.PvVnuma, c.Locate("vnuma"));
            return;
        }

        var seen = new HashSet<ulong>();
        ulong count = 0;
        foreach (ValueList<VnumaOption> node in nodes)
        {
            foreach (VnumaOption option in node)
            {
                if (option.Key != VnumaKey.Vcpus)
                {
                    continue;
                }

                foreach (var (from, to) in option.Ranges)
                {
                    for (ulong v = from; v <= to && v - from < 4096; v++)
                    {
                        count++;
                        if (!seen.Add(v))
                        {
                            c.Report(DiagnosticDescriptors.VnumaVcpuMapping, c.Locate("vnuma"), $"vCPU {v} is in more than one node", count - 1);
                            return;
                        }
                    }
                }
            }
        }

        ulong max = c.Config.MaxVcpus is { } m && m > 0 ? (ulong)m : count;
        for (ulong v = 0; v < max && v < 4096; v++)
        {
            if (!seen.Contains(v))
            {
                c.Report(DiagnosticDescriptors.VnumaVcpuMapping, c.Locate("vnuma"), $"vCPU {v} is in no node", max - 1);
                return;
            }
        }
    }

    /// <summary>libxl_create.c: nestedhvm with altp2m.</summary>
    private static void CheckNestedHvm(ValidationContext c)
    {
        if (!c.IsPv && c.Config.NestedHvm == true && Altp2mOn(c))
        {
            c.Report(DiagnosticDescriptors.NestedHvmWithAltp2m, c.Locate("nestedhvm"), c.Config.Altp2mHvm == true ? "altp2mhvm" : "altp2m");
        }
    }

    /// <summary>libxl_x86.c: native_paravirt was removed in 4.12 (xl still accepts the name and the number 3).</summary>
    private static void CheckTscMode(ValidationContext c)
    {
        if (c.Config.TscMode is { Value: TscMode.NativeParavirt } tsc && c.Version >= new XenVersion(4, 12))
        {
            c.Report(DiagnosticDescriptors.TscModeRemoved, c.Locate("tsc_mode"), tsc.Spelling);
        }
    }

    /// <summary>libxl_create.c: an explicit max_grant_version with bits outside XEN_DOMCTL_GRANT_version_mask (0xf).</summary>
    private static void CheckGrantVersion(ValidationContext c)
    {
        if (c.Config.MaxGrantVersion is { } v && v > 15 && v <= int.MaxValue)
        {
            c.Report(DiagnosticDescriptors.LibxlValueOutOfRange, c.Locate("max_grant_version"), "max_grant_version", v, "0 to 15");
        }
    }

    /// <summary>libxl_create.c: the videoram each device model needs for each card.</summary>
    private static void CheckVideoRam(ValidationContext c)
    {
        VgaKind kind = c.VgaKind;
        if (c.IsTraditional && kind == VgaKind.Qxl)
        {
            c.Report(DiagnosticDescriptors.QxlNeedsQemuXen, c.Locate("vga"));
            return;
        }

        if (c.Config.VideoRamMiB is not { } ram)
        {
            return;
        }

        (long minimum, string card) = (c.IsTraditional, kind) switch
        {
            (_, VgaKind.None) => (0L, "none"),
            (false, VgaKind.Qxl) => (128L, "QXL"),
            (false, VgaKind.Std) => (16L, "standard VGA"),
            (false, _) => (8L, "Cirrus"),
            (true, VgaKind.Std) => (8L, "standard VGA"),
            (true, _) => (-1L, "Cirrus"),
        };
        if (minimum < 0)
        {
            if (ram != 4)
            {
                c.Report(DiagnosticDescriptors.VideoRamIgnored, c.Locate("videoram"), ram);
            }
        }
        else if (ram < minimum)
        {
            c.Report(DiagnosticDescriptors.VideoRamTooSmall, c.Locate("videoram"), ram, minimum, card, DeviceModelName(c.DeviceModel));
        }
    }

    internal static string DeviceModelName(DeviceModelVersion dm) =>
        dm == DeviceModelVersion.QemuXenTraditional ? "qemu-xen-traditional" : "qemu-xen";

    /// <summary>libxl_create.c: qemu-xen-traditional needs rombios, qemu-xen refuses it.</summary>
    private static void CheckBios(ValidationContext c)
    {
        if (c.Config.Bios is not { IsKnown: true } bios)
        {
            return;
        }

        if (c.IsTraditional && bios.Value != BiosKind.Rombios)
        {
            c.Report(DiagnosticDescriptors.BiosNotForDeviceModel, c.Locate("bios"), bios.Spelling, "qemu-xen-traditional",
                "Remove 'bios' (qemu-xen-traditional uses rombios), or use device_model_version = \"qemu-xen\"");
        }
        else if (!c.IsTraditional && bios.Value == BiosKind.Rombios)
        {
            c.Report(DiagnosticDescriptors.BiosNotForDeviceModel, c.Locate("bios"), bios.Spelling, "qemu-xen",
                c.Version < new XenVersion(4, 21)
                    ? "Use bios = \"seabios\" (or remove it), or device_model_version = \"qemu-xen-traditional\""
                    : "Use bios = \"seabios\", or remove it");
        }
    }

    /// <summary>libxl_create.c: an HVM guest may have ramdisk and cmdline (xl builds it from root and extra too) only with a kernel.</summary>
    private static void CheckDirectBoot(ValidationContext c)
    {
        if (c.EffectiveKernel is not null)
        {
            return;
        }

        foreach (string key in (string[])["ramdisk", "cmdline", "root", "extra"])
        {
            if (OptionCatalog.Get(key).GetValue(c.Config) is not null)
            {
                string why = ValidationContext.IsHvmloader(c.Config.Kernel) ? " (xl drops kernel = \"hvmloader\")" : string.Empty;
                c.Report(DiagnosticDescriptors.DirectBootWithoutKernel, c.Locate(key), key, why);
                return;
            }
        }
    }

    /// <summary>libxl_dm.c (qemu-xen-traditional): no HVM direct kernel boot, no dm_restrict.</summary>
    private static void CheckTraditional(ValidationContext c)
    {
        if (!c.IsTraditional)
        {
            return;
        }

        if (c.EffectiveKernel is { } kernel)
        {
            c.Report(DiagnosticDescriptors.NotSupportedByTraditional, c.Locate("kernel"), $"HVM direct kernel boot (kernel = \"{Clip(kernel)}\")", ", or remove 'kernel'");
        }

        if (c.Config.DeviceModelRestrict == true)
        {
            c.Report(DiagnosticDescriptors.NotSupportedByTraditional, c.Locate("dm_restrict"), "dm_restrict", ", or remove 'dm_restrict'");
        }
    }

    /// <summary>libxl_dm.c <c>dm_spice_options</c> (qemu-xen, not in a stub domain) and libxl_create.c's usbredirection reset.</summary>
    private static void CheckSpice(ValidationContext c)
    {
        DomainConfig config = c.Config;
        if (config.Spice != true)
        {
            if (config.SpiceUsbRedirection is > 0 and var redirection)
            {
                c.Report(DiagnosticDescriptors.SpiceUsbRedirectionIgnored, c.Locate("spiceusbredirection"), redirection);
            }

            return;
        }

        if (c.IsTraditional || config.DeviceModelStubdomain == true)
        {
            return;
        }

        if (config.SpicePort is null or 0 && config.SpiceTlsPort is null or 0)
        {
            c.Report(DiagnosticDescriptors.SpiceWithoutPort, c.Locate("spice"));
        }

        if (config.SpiceDisableTicketing != true)
        {
            if (config.SpicePassword is null)
            {
                c.Report(DiagnosticDescriptors.SpicePasswordMissing, c.Locate("spice"), "no spicepasswd is set");
            }
            else if (config.SpicePassword.Length == 0)
            {
                c.Report(DiagnosticDescriptors.SpicePasswordMissing, c.Locate("spicepasswd"), "spicepasswd is empty");
            }
        }
    }

    /// <summary>libxl_create.c: usbversion or usbredirection with usb/usbdevice; libxl_dm.c: their ranges (qemu-xen).</summary>
    private static void CheckUsb(ValidationContext c)
    {
        DomainConfig config = c.Config;
        long redirection = config.Spice == true ? config.SpiceUsbRedirection ?? 0 : 0;
        long version = config.UsbVersion is { } v && v != 0 ? v : redirection > 0 ? 2 : 0;
        bool usb = config.Usb == true || config.UsbDevice is not null;
        if (version == 0 && redirection == 0)
        {
            return;
        }

        if (usb)
        {
            string key = config.UsbVersion is not null and not 0 ? "usbversion" : "spiceusbredirection";
            c.Report(DiagnosticDescriptors.UsbVersionWithUsb, c.Locate(key), key, config.Usb == true ? "usb = 1" : "usbdevice");
            return;
        }

        if (c.IsTraditional)
        {
            return;
        }

        if (version is < 1 or > 3)
        {
            c.Report(DiagnosticDescriptors.LibxlValueOutOfRange, c.Locate("usbversion"), "usbversion", version, "1 to 3");
        }
        else if (redirection is < 0 or > 4)
        {
            c.Report(DiagnosticDescriptors.LibxlValueOutOfRange, c.Locate("spiceusbredirection"), "spiceusbredirection", redirection, "0 to 4");
        }
    }

    /// <summary>The sound cards of <c>libxl__qemu_soundhw</c> (libxl_types_internal.idl), matched case-insensitively.</summary>
    internal static readonly string[] SoundCards = ["ac97", "adlib", "cs4231a", "es1370", "gus", "hda", "sb16"];

    /// <summary>libxl_dm.c (qemu-xen): soundhw must name one card.</summary>
    private static void CheckSoundHardware(ValidationContext c)
    {
        if (c.IsTraditional || c.Config.SoundHardware is not { } sound ||
            SoundCards.Contains(sound, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        c.Report(DiagnosticDescriptors.UnknownSoundHardware, c.Locate("soundhw"), Clip(sound), string.Join(" ", SoundCards));
    }

    /// <summary>libxl_x86.c <c>hvm_set_viridian_features</c>: no group both enabled and disabled, and base under any other.</summary>
    private static void CheckViridian(ValidationContext c)
    {
        if (c.Config.Viridian?.Groups is not { } groups)
        {
            return;
        }

        ViridianGroup[] every = Enum.GetValues<ViridianGroup>();
        var enable = new HashSet<ViridianGroup>();
        var disable = new HashSet<ViridianGroup>();
        bool defaults = false;
        foreach (ViridianSpec item in groups)
        {
            if (item.Group is not { } g)
            {
                if (item.All)
                {
                    enable.UnionWith(every);
                }
                else
                {
                    defaults = true;
                }

                continue;
            }

            (item.Disable ? disable : enable).Add(g);
            (item.Disable ? enable : disable).Remove(g);
        }

        ViridianGroup[] both = [.. enable.Where(disable.Contains).Order()];
        if (both.Length > 0)
        {
            string name = new ViridianSpec(both[0]).ToString();
            c.Report(DiagnosticDescriptors.ViridianGroupsInvalid, c.Locate("viridian"),
                $"enable and disable '{name}' ('all' after '!{name}')", $"Put \"!{name}\" after \"all\", or remove one of them");
            return;
        }

        var on = new HashSet<ViridianGroup>(enable);
        if (defaults)
        {
            on.UnionWith([ViridianGroup.Base, ViridianGroup.Freq, ViridianGroup.TimeRefCount, ViridianGroup.ApicAssist,
                ViridianGroup.CrashCtl, ViridianGroup.NoVpLimit, ViridianGroup.CpuHotplug]);
        }

        on.ExceptWith(disable);
        if (on.Count > 0 && !on.Contains(ViridianGroup.Base))
        {
            c.Report(DiagnosticDescriptors.ViridianGroupsInvalid, c.Locate("viridian"),
                "enable groups without 'base', which every other group needs", "Add \"base\" (or use \"defaults\"), or remove \"!base\"");
        }
    }

    /// <summary>libxl_dm.c: with dm_restrict the device model may not run as root.</summary>
    private static void CheckDeviceModelUser(ValidationContext c)
    {
        if (c.Config.DeviceModelRestrict == true && c.Config.DeviceModelUser == "root")
        {
            c.Report(DiagnosticDescriptors.DeviceModelUserRoot, c.Locate("device_model_user"));
        }
    }

    /// <summary>libxl_nic.c: a PV or PVH guest cannot have an emulated (type=ioemu) interface.</summary>
    private static void CheckNics(ValidationContext c)
    {
        if (c.IsHvm || c.Config.Vifs is not { } vifs)
        {
            return;
        }

        for (int i = 0; i < vifs.Count; i++)
        {
            if (vifs[i].Type == VifType.Ioemu)
            {
                c.Report(DiagnosticDescriptors.EmulatedNicOnPv, c.LocateItem("vif", i), i, c.Guest == GuestType.Pvh ? "PVH" : "PV");
            }
        }
    }

    internal static string Clip(string text) => text.Length > 60 ? text[..57] + "..." : text;

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
