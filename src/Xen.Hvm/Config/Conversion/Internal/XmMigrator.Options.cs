using System.Numerics;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Conversion.Internal;

// The plan, option by option: what each xm option becomes in xl (§4.5 and §5 of the reference).
internal sealed partial class XmMigrator
{
    private static readonly XenVersion s_typeSince = new(4, 10);
    private static readonly XenVersion s_vgaSince = new(4, 3);

    /// <summary>The xm options xl has nothing for, and what the admin can do instead.</summary>
    private static readonly Dictionary<string, string> s_lost = new(StringComparer.Ordinal)
    {
        ["fda"] = "libxl has no floppy drive (device_model_args_hvm = [ \"-fda\", \"PATH\" ] hands one to qemu)",
        ["fdb"] = "libxl has no floppy drive (device_model_args_hvm = [ \"-fdb\", \"PATH\" ] hands one to qemu)",
        ["parallel"] = "libxl has no parallel port (device_model_args_hvm = [ \"-parallel\", \"DEV\" ] hands one to qemu)",
        ["isa"] = "libxl has no ISA-only machine",
        ["monitor"] = "libxl keeps qemu's monitor to itself ('xl qemu-monitor-command' talks to it)",
        ["monitor_path"] = "libxl keeps qemu's monitor to itself ('xl qemu-monitor-command' talks to it)",
        ["guest_os_type"] = "it was for IA-64 guests",
        ["vhpt"] = "it was for IA-64 guests",
        ["features"] = "xl has no list of PV kernel features: the kernel negotiates them",
        ["bootentry"] = "xl has no bootentry: pass the entry to the bootloader in bootloader_args",
        ["cpu"] = "xl has no first CPU: pin the vCPUs with cpus",
        ["blkif"] = "xl marks a backend domain with driver_domain = 1",
        ["netif"] = "xl marks a backend domain with driver_domain = 1",
        ["access_control"] = "xl's XSM label is seclabel, in another syntax",
        ["nics"] = "xl makes one interface per vif item",
        ["target"] = "it named the guest a stub device model served; xl makes stub domains itself (device_model_stubdomain_override)",
        ["s3_integrity"] = "it was for tboot; xl has no equivalent",
        ["cpuid_check"] = "xl has no CPUID check list",
        ["machine_address_size"] = "xl has no machine address width limit",
        ["suppress_spurious_page_faults"] = "xl has no equivalent",
        ["superpages"] = "xl has no superpage option",
        ["memory_sharing"] = "xl has no memory sharing option",
        ["ssidref"] = "ACM labels are gone; xl's XSM label is seclabel",
        ["lapic"] = "xl gives every HVM guest a local APIC (apic)",
        ["console"] = "xl has no console option: 'xl console' connects to the guest's console",
        ["ipaddr"] = "xm 2.0's ipaddr: put ip= in the vif items",
        ["usbport"] = "xm 3.0's usbport: use usbctrl and usbdev",
        ["tpmif"] = "xl's vTPMs are vtpm items with a backend domain",
        ["xen_extended_power_mgmt"] = "xl has no power management pass-through",
        ["vusb"] = "xl's USB pass-through is usbctrl and usbdev items, in another syntax",
        ["vscsi"] = "xl has no PV SCSI",
        ["vif2"] = "xl has no netchannel2 (it ignores vif2)",
        ["ne2000"] = "put model=ne2k_pci in the vif items",
        ["on_xend_start"] = "xl has no daemon: the xendomains init script starts the guests in /etc/xen/auto",
        ["on_xend_stop"] = "xl has no daemon: the xendomains init script shuts down or saves the guests in /etc/xen/auto",
    };

    private static readonly string[] s_kernelArguments = ["ip", "gateway", "netmask", "hostname", "interface", "dhcp", "nfs_server", "nfs_root"];

    private bool _firmwareWritten;
    private bool _kernelArgumentsDone;

    private void PlanOptions()
    {
        foreach ((string name, ConfigValue raw) in _evaluation.Variables)
        {
            if (!IsXmOption(name, out OptionDefinition? option))
            {
                Note(DiagnosticDescriptors.MigrationNotAnOption, Locate(name), name);
                continue;
            }

            if (_context.Options.Any(o => string.Equals(o.Key, name, StringComparison.Ordinal)))
            {
                Note(DiagnosticDescriptors.MigrationCommandLineValue, Locate(name), name);
            }

            Convert(name, option, raw);
        }

        foreach (string name in _evaluation.UnknownVariables)
        {
            if (IsXmOption(name, out _))
            {
                Note(DiagnosticDescriptors.MigrationValueUnknown, Locate(name), name);
            }
        }
    }

    private static bool IsXmOption(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OptionDefinition? option) =>
        OptionCatalog.TryGet(name, out option) && option.ReadBy.HasFlag(Toolstacks.Xm);

    private void Convert(string name, OptionDefinition option, ConfigValue raw)
    {
        object? typed = option.GetValue(Config);
        switch (name)
        {
            case "builder":
                Builder(typed as string, raw);
                break;
            case "kernel" or "loader":
                Kernel(name, option, typed as string, raw);
                break;
            case "device_model":
                DeviceModel(typed as string);
                break;
            case "cpu_cap":
                Renamed(name, "cap", option, typed, raw);
                break;
            case "irq":
                Renamed(name, "irqs", option, typed, raw);
                break;
            case "bootargs":
                Renamed(name, "bootloader_args", option,
                    typed is string args ? new ConfigList(args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(static a => (ConfigValue)new ConfigString(a)).ToArray()) : null, raw);
                break;
            case "stdvga":
                StdVga(option, typed as bool?, raw);
                break;
            case "vcpus":
                Vcpus(option, typed as long?, raw);
                break;
            case "vcpu_avail":
                if (!VcpuAvailFolds())
                {
                    Dropped(name, option, typed, raw, "xl starts the first 'vcpus' of 'maxvcpus' vCPUs, and this mask is not such a prefix");
                }

                break;
            case "videoram":
                VideoRam(option, typed as long?, raw);
                break;
            case "maxmem":
                MaxMemory(option, typed as long?, raw);
                break;
            case "disk":
                Disks(raw);
                break;
            case "cdrom":
                Cdrom(typed as string);
                break;
            case "vif":
                Vifs(raw);
                break;
            case "pci":
                SpecList(name, Specs.SpecKind.Pci, raw);
                break;
            case "ioports":
                SpecList(name, Specs.SpecKind.IoPorts, raw);
                break;
            case "vfb":
                SpecList(name, Specs.SpecKind.Vfb, raw);
                break;
            case "vtpm":
                SpecList(name, Specs.SpecKind.Vtpm, raw);
                break;
            case "extra":
                KernelArguments();
                break;
            case "restart":
                Restart(typed as string, raw);
                break;
            case "audio":
                Audio(option, typed as bool?, raw);
                break;
            case "description":
                Description(typed as string ?? raw.ToString());
                break;
            case "vncviewer" or "vncconsole":
                Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate(name), name,
                    "it starts a viewer on the host, not a guest setting: 'xl create -V' or 'xl vncviewer' does that");
                break;
            default:
                if (Array.IndexOf(s_kernelArguments, name) >= 0)
                {
                    KernelArguments();
                }
                else if (s_lost.TryGetValue(name, out string? reason))
                {
                    Dropped(name, option, typed, raw, reason);
                }
                else
                {
                    Same(name, option, typed, raw);
                }

                break;
        }
    }

    /// <summary>The option keeps its name: the typed value in xl's spelling, or the value as written if xend could not type it.</summary>
    private void Same(string name, OptionDefinition option, object? typed, ConfigValue raw) => Renamed(name, name, option, typed, raw);

    private void Renamed(string name, string xlName, OptionDefinition option, object? typed, ConfigValue raw)
    {
        if (xlName != name)
        {
            Note(DiagnosticDescriptors.MigrationOptionRenamed, Locate(name), name, xlName);
        }

        if (XlText.FromModel(typed) is { } value)
        {
            Write(name, xlName, value);
            return;
        }

        Note(DiagnosticDescriptors.MigrationValueCopied, Locate(name), name, "xend cannot read it as " + ShapeWords(option.Shape));
        Write(name, xlName, raw);
    }

    /// <summary>An option xl has no use for: a note that says whether anything is lost.</summary>
    private void Dropped(string name, OptionDefinition option, object? typed, ConfigValue raw, string reason)
    {
        bool inert = typed is null ? IsOff(raw) : IsOff(typed) || IsXendDefault(option, typed);
        if (inert)
        {
            Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate(name), name, "it asks for nothing xend would not do anyway (" + reason + ")");
        }
        else
        {
            Note(DiagnosticDescriptors.MigrationOptionLost, Locate(name), name, reason);
        }
    }

    private bool IsXendDefault(OptionDefinition option, object typed) =>
        option.TryGetDefault(Toolstack.Xm, _options.XendVersion, Guest, out OptionDefault? row) &&
        row.Kind == OptionDefaultKind.Value && Equals(row.Value, typed);

    private static bool IsOff(object? value) => value switch
    {
        null => true,
        bool b => !b,
        long n => n == 0,
        string s => s.Length == 0 || string.Equals(s, "none", StringComparison.OrdinalIgnoreCase),
        ConfigInteger n => n.Value == 0,
        ConfigString s => s.Value.Length == 0 || string.Equals(s.Value, "none", StringComparison.OrdinalIgnoreCase),
        ConfigList l => l.Items.Count == 0,
        System.Collections.ICollection c => c.Count == 0,
        _ => false,
    };

    private static string ShapeWords(OptionShape shape) => shape switch
    {
        OptionShape.Integer => "a number",
        OptionShape.Boolean => "a number (0 or 1)",
        OptionShape.String => "a string",
        OptionShape.StringList or OptionShape.SpecList or OptionShape.ListOfLists => "a list",
        _ => "a string or a list",
    };

    private void Builder(string? builder, ConfigValue raw)
    {
        GuestType? type = builder switch
        {
            "hvm" or "vmx" => GuestType.Hvm,
            "linux" => GuestType.Pv,
            _ => null,
        };
        if (type is not { } t)
        {
            Note(DiagnosticDescriptors.MigrationValueCopied, Locate("builder"), "builder", "xend knows the builders 'linux' and 'hvm' only");
            Write("builder", "builder", raw);
            return;
        }

        if (_options.XlVersion < s_typeSince)
        {
            Write("builder", "builder", new ConfigString(t == GuestType.Hvm ? "hvm" : "generic"));
            return;
        }

        Note(DiagnosticDescriptors.MigrationOptionRenamed, Locate("builder"), "builder", "type");
        Write("builder", "type", new ConfigString(t == GuestType.Hvm ? "hvm" : "pv"));
    }

    /// <summary>An HVM guest's kernel (and xm's loader) named its firmware; a PV guest's kernel stays.</summary>
    private void Kernel(string name, OptionDefinition option, string? path, ConfigValue raw)
    {
        if (!IsHvm)
        {
            if (name == "kernel")
            {
                Same(name, option, path, raw);
            }
            else
            {
                Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate(name), name, "xend used loader for HVM guests only");
            }

            return;
        }

        if (path is null || IsHvmloader(path) || _firmwareWritten)
        {
            Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate(name), name,
                "xl boots an HVM guest with its own hvmloader (firmware_override names another one)");
            return;
        }

        _firmwareWritten = true;
        Note(DiagnosticDescriptors.MigrationOptionRenamed, Locate(name), name, "firmware_override");
        Write(name, "firmware_override", new ConfigString(path));
    }

    private static bool IsHvmloader(string path) => string.Equals(path[(path.LastIndexOf('/') + 1)..], "hvmloader", StringComparison.Ordinal);

    private void DeviceModel(string? path)
    {
        if (IsHvm && path is not null && string.Equals(path[(path.LastIndexOf('/') + 1)..], "stubdom-dm", StringComparison.Ordinal))
        {
            Note(DiagnosticDescriptors.MigrationOptionRenamed, Locate("device_model"), "device_model", "device_model_stubdomain_override");
            Write("device_model", "device_model_stubdomain_override", new ConfigInteger(1));
            return;
        }

        Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate("device_model"), "device_model",
            "xl starts its own device model (device_model_version chooses which, device_model_override names another binary)");
    }

    private void StdVga(OptionDefinition option, bool? stdvga, ConfigValue raw)
    {
        if (stdvga is not { } std || _options.XlVersion < s_vgaSince)
        {
            Same("stdvga", option, stdvga, raw);
            return;
        }

        Note(DiagnosticDescriptors.MigrationOptionRenamed, Locate("stdvga"), "stdvga", "vga");
        Write("stdvga", "vga", new ConfigString(std ? "stdvga" : "cirrus"));
    }

    /// <summary>vcpus, and xm's vcpu_avail mask when it is the first N vCPUs: vcpus = N, maxvcpus = vcpus.</summary>
    private void Vcpus(OptionDefinition option, long? vcpus, ConfigValue raw)
    {
        if (vcpus is { } max && VcpuAvailFolds() && Config.XmVcpuAvailable is { } mask)
        {
            long online = BitOperations.PopCount((ulong)mask);
            Note(DiagnosticDescriptors.MigrationOptionFolded, Locate("vcpu_avail"), "vcpu_avail", "vcpus",
                $"vcpus = {online} of maxvcpus = {max}");
            Write("vcpus", "vcpus", new ConfigInteger(online));
            Write("vcpus", "maxvcpus", new ConfigInteger(max));
            return;
        }

        Same("vcpus", option, vcpus, raw);
    }

    private bool VcpuAvailFolds() =>
        Config.XmVcpuAvailable is { } mask && mask > 0 && (mask & (mask + 1)) == 0 &&
        Config.Vcpus is { } vcpus && BitOperations.PopCount((ulong)mask) <= vcpus;

    private void VideoRam(OptionDefinition option, long? ram, ConfigValue raw)
    {
        if (ram is { } mib && IsHvm && VideoRamMinimum() is var (minimum, needs) && mib < minimum)
        {
            Note(DiagnosticDescriptors.MigrationValueRaised, Locate("videoram"), "videoram", mib, minimum, needs);
            Write("videoram", "videoram", new ConfigInteger(minimum));
            return;
        }

        Same("videoram", option, ram, raw);
    }

    /// <summary>maxmem, unless it makes an HVM guest with PCI devices use populate-on-demand, which libxl refuses.</summary>
    private void MaxMemory(OptionDefinition option, long? maxmem, ConfigValue raw)
    {
        long memory = Config.MemoryMiB ?? 128;
        if (maxmem is { } max && max > memory && IsHvm && Config.PciDevices is { Count: > 0 })
        {
            Note(DiagnosticDescriptors.MigrationBalloonDropped, Locate("maxmem"), memory, max);
            return;
        }

        Same("maxmem", option, maxmem, raw);
    }

    /// <summary>libxl's smallest video memory for the card on the device model the guest gets.</summary>
    private (long Minimum, string Needs) VideoRamMinimum()
    {
        bool std = Config.StdVga == true;
        return _options.DeviceModel == MigrationDeviceModel.Xend
            ? (std ? 8 : 4, std ? "stdvga on qemu-xen-traditional" : "cirrus on qemu-xen-traditional")
            : (std ? 16 : 8, std ? "stdvga on qemu-xen" : "cirrus on qemu-xen");
    }

    /// <summary>xend put ip=, nfsroot= and extra on a PV kernel's command line; xl's is root= and extra.</summary>
    private void KernelArguments()
    {
        if (_kernelArgumentsDone)
        {
            return;
        }

        _kernelArgumentsDone = true;
        string[] set = s_kernelArguments.Where(n => _evaluation.Variables.ContainsKey(n)).ToArray();
        string anchor = Config.Extra is not null ? "extra" : set.OrderBy(n => Locate(n).Span.Start).FirstOrDefault() ?? "extra";
        var parts = new List<string>();
        if (!IsHvm)
        {
            string dhcp = Config.XmDhcp ?? "off";
            if (Config.XmIp is not null || dhcp != "off")
            {
                parts.Add("ip=" + string.Join(':', Config.XmIp ?? string.Empty, Config.XmNfsServer ?? "127.0.255.255", Config.XmGateway ?? string.Empty,
                    Config.XmNetmask ?? string.Empty, Config.XmHostname ?? string.Empty, Config.XmInterface ?? "eth0", dhcp));
            }

            if (Config.XmNfsRoot is not null && Config.XmNfsServer is not null)
            {
                parts.Add("nfsroot=" + Config.XmNfsServer + ":" + Config.XmNfsRoot);
            }
        }

        foreach (string name in set)
        {
            bool used = parts.Count > 0 && (name != "nfs_root" || Config.XmNfsServer is not null);
            if (used)
            {
                Note(DiagnosticDescriptors.MigrationOptionFolded, Locate(name), name, "extra", string.Join(" ", parts));
            }
            else
            {
                Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate(name), name, IsHvm
                    ? "xend gave an HVM guest's kernel no command line"
                    : name == "nfs_root" ? "xend refused nfs_root without nfs_server" : "with no ip and dhcp off, xend put no ip= on the kernel command line");
            }
        }

        string? extra = Config.Extra;
        if (extra is null && _evaluation.Variables.TryGetValue("extra", out ConfigValue? rawExtra))
        {
            Note(DiagnosticDescriptors.MigrationValueCopied, Locate("extra"), "extra", "xend cannot read it as a string");
            Write("extra", "extra", rawExtra);
            return;
        }

        if (extra is not null)
        {
            parts.Add(extra);
        }

        if (parts.Count > 0)
        {
            Write(anchor, "extra", new ConfigString(string.Join(" ", parts)));
        }
    }

    /// <summary>xm's deprecated restart: the on_* actions the file does not set itself.</summary>
    private void Restart(string? restart, ConfigValue raw)
    {
        (string Poweroff, string Reboot, string Crash)? actions = restart switch
        {
            "onreboot" => ("destroy", "restart", "destroy"),
            "always" => ("restart", "restart", "restart"),
            "never" => ("destroy", "destroy", "destroy"),
            _ => null,
        };
        if (actions is not { } a)
        {
            Note(DiagnosticDescriptors.MigrationValueCopied, Locate("restart"), "restart", "xend knows onreboot, always and never only");
            Write("restart", "restart", raw);
            return;
        }

        foreach ((string key, string value, object? set) in new[] { ("on_poweroff", a.Poweroff, (object?)Config.OnPoweroff), ("on_reboot", a.Reboot, Config.OnReboot), ("on_crash", a.Crash, Config.OnCrash) })
        {
            if (set is null)
            {
                Write("restart", key, new ConfigString(value));
            }
        }

        Note(DiagnosticDescriptors.MigrationOptionFolded, Locate("restart"), "restart", "on_poweroff, on_reboot and on_crash",
            $"'{restart}' is on_poweroff = \"{a.Poweroff}\", on_reboot = \"{a.Reboot}\", on_crash = \"{a.Crash}\"");
    }

    /// <summary>xm 3.0's audio = 1 was qemu's SoundBlaster 16.</summary>
    private void Audio(OptionDefinition option, bool? audio, ConfigValue raw)
    {
        if (audio == true && Config.SoundHardware is null)
        {
            Note(DiagnosticDescriptors.MigrationOptionFolded, Locate("audio"), "audio", "soundhw", "soundhw = \"sb16\"");
            Write("audio", "soundhw", new ConfigString("sb16"));
            return;
        }

        Dropped("audio", option, audio, raw, "soundhw names the sound card");
    }

    private void Description(string text)
    {
        Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate("description"), "description", "xl has no description; the xl file keeps it as a comment");
        foreach (string line in text.Split('\n'))
        {
            WriteComment("description", ("# " + line).TrimEnd());
        }
    }

    /// <summary>The location defaults of HVM guests are noted at: builder, which made the guest HVM.</summary>
    private SourceLocation GuestTypeLocation => TryLocate("builder", out SourceLocation at) ? at : FileStart;
}
