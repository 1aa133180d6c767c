using System.Globalization;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Conversion.Internal.Libvirt;

/// <summary>
/// A config as libvirt's converters read it into a domain (xenParseConfigCommon, xenParseXL / xenParseXM, then the
/// post-parse defaults of the libxl driver), at libvirt's own defaults, which are xend's (on_crash = restart, vnc = 0).
/// </summary>
internal sealed class LibvirtConfigReader(DomainConfig config, LibvirtXmlOptions options)
{
    private static readonly string[] s_lifecycle = ["destroy", "restart", "rename-restart", "preserve", "coredump-destroy", "coredump-restart"];

    private static readonly string[] s_soundModels = ["sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7"];

    private static readonly string[] s_chrTypes = ["null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp", "tcp", "unix", "spicevmc", "spiceport", "nmdm"];

    private static readonly string[] s_common =
    [
        "name", "uuid", "type", "builder", "memory", "maxmem", "on_poweroff", "on_reboot", "on_crash", "vcpus", "maxvcpus", "cpus",
        "tsc_mode", "passthrough", "pae", "acpi", "apic", "hap", "viridian", "hpet", "e820_host", "localtime", "rtc_timeoffset",
        "vif", "pci", "soundhw", "vnc", "vncunused", "vncdisplay", "vnclisten", "vncpasswd", "keymap", "sdl", "display", "xauthority",
        "vfb", "parallel", "serial", "kernel", "ramdisk", "root", "extra", "boot", "bootloader", "bootargs", "disk", "usbdevice",
    ];

    private static readonly string[] s_xlOnly =
    [
        "bios", "acpi_firmware", "cmdline", "nestedhvm", "vnuma", "max_event_channels", "max_grant_frames", "cpuid", "spice",
        "spicehost", "spicetls_port", "spiceport", "spicedisable_ticketing", "spicepasswd", "spiceagent_mouse", "spice_clipboard_sharing",
        "usbdev", "usbctrl", "channel", "device_model_args",
    ];

    private readonly LibvirtDomain _d = new();

    /// <summary>The options the config sets that this converter does not read (XH9102).</summary>
    public IEnumerable<string> Unread()
    {
        string emulator = options.DeviceModelKey == "device_model_override" ? "device_model_override" : "device_model";
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            if (option.GetValue(config) is null || option.Name == emulator || Array.IndexOf(s_common, option.Name) >= 0 || (Xl && Array.IndexOf(s_xlOnly, option.Name) >= 0))
            {
                continue;
            }

            yield return option.Name;
        }
    }

    private bool Xl => options.Format == LibvirtFormat.Xl;

    public LibvirtDomain Read()
    {
        ParseGeneral();
        ParseMemory();
        ParseLifecycle();
        ParseCpu();
        ParseFeatures();
        ParseClock();
        _d.Emulator = options.DeviceModelKey == "device_model_override" ? config.DeviceModelOverride : config.DeviceModel;
        ParseVifs();
        ParsePci();
        ParseSound();
        ParseGraphics();
        ParseCharDevices();
        if (Xl)
        {
            ParseXlOs();
            ParseVnuma();
            Xenbus();
            ParseCpuid();
            ParseXlDisks();
            ParseSpice();
            ParseUsbDevices();
            ParseUsbHostDevices();
            ParseUsbControllers();
            ParseChannels();
            _d.DeviceModelArgs.AddRange(config.DeviceModelArgs ?? []);
        }
        else
        {
            ParseXmOs();
            ParseXmDisks();
            ParseUsbDevices();
        }

        PostParse();
        return _d;
    }

    private string Name => Xl ? "xen-xl" : "xen-xm";

    private void ParseGeneral()
    {
        _d.Name = config.Name ?? throw new LibvirtRefusal("config value name was missing");
        _d.Uuid = config.Uuid is { } uuid
            ? (Guid.TryParse(uuid, out Guid g) ? g.ToString("D", CultureInfo.InvariantCulture) : throw new LibvirtRefusal(uuid + " not parseable"))
            : (options.Uuid ?? Guid.NewGuid()).ToString("D", CultureInfo.InvariantCulture);
        if (config.Type is { } type)
        {
            _d.OsType = type.Spelling switch
            {
                "pv" => LibvirtOsType.Pv,
                "pvh" => LibvirtOsType.Pvh,
                "hvm" => LibvirtOsType.Hvm,
                _ => throw new LibvirtRefusal("type " + type.Spelling + " is not supported"),
            };
        }
        else
        {
            _d.OsType = config.Builder == "hvm" ? LibvirtOsType.Hvm : LibvirtOsType.Pv;
        }

        _d.Arch = options.Arch;
        _d.Machine = _d.OsType switch
        {
            LibvirtOsType.Hvm => options.HvmMachine,
            LibvirtOsType.Pvh => options.PvhMachine,
            _ => options.PvMachine,
        };
    }

    private void ParseMemory()
    {
        ulong memory = (ulong)(config.MemoryMiB ?? 128);
        ulong maxmem = (ulong)(config.MaxMemoryMiB ?? (long)memory);
        _d.CurrentMemoryKiB = memory * 1024;
        _d.MemoryKiB = maxmem * 1024;
    }

    private void ParseLifecycle()
    {
        _d.OnPoweroff = Action(config.OnPoweroff, "destroy", "on_poweroff");
        _d.OnReboot = Action(config.OnReboot, "restart", "on_reboot");
        _d.OnCrash = Action(config.OnCrash, "restart", "on_crash");
    }

    private static string Action(ConfigEnum<ShutdownAction>? value, string fallback, string key)
    {
        string spelling = value?.Spelling ?? fallback;
        return Array.IndexOf(s_lifecycle, spelling) >= 0 ? spelling : throw new LibvirtRefusal("unexpected value " + spelling + " for " + key);
    }

    private void ParseCpu()
    {
        int vcpus = (int)(config.Vcpus ?? 1);
        _d.MaxVcpus = vcpus;
        _d.Vcpus = vcpus;
        if (config.MaxVcpus is { } max)
        {
            if (max < vcpus)
            {
                throw new LibvirtRefusal("more vcpus than maxvcpus");
            }

            _d.MaxVcpus = (int)max;
        }

        if (config.CpuAffinity is { } cpus)
        {
            if (cpus.IsList)
            {
                throw new LibvirtRefusal("cpus must be a string");
            }

            _d.CpuSet = FormatBitmap(Bitmap(cpus.Single!));
        }
    }

    private void ParseFeatures()
    {
        if (config.TscMode is { } tsc)
        {
            string? mode = tsc.Spelling switch
            {
                "always_emulate" => "emulate",
                "native" => "native",
                "native_paravirt" => "paravirt",
                _ => "auto",
            };
            _d.Timers.Add(("tsc", true, mode));
        }

        if (config.Passthrough is { } passthrough)
        {
            _d.Passthrough = passthrough.Spelling switch
            {
                "disabled" => "off",
                "enabled" => string.Empty,
                "sync_pt" => "sync_pt",
                "share_pt" => "share_pt",
                _ => null, // libvirt reports it and goes on
            };
        }

        if (_d.IsHvm)
        {
            _d.Pae = config.Pae ?? true;
            _d.Acpi = config.Acpi ?? true;
            _d.Apic = config.Apic ?? true;
            _d.HapOff = config.Hap == false;
            _d.Viridian = config.Viridian?.Enabled == true || config.Viridian?.Groups is not null;
            if (config.Hpet is { } hpet)
            {
                _d.Timers.Add(("hpet", hpet, null));
            }
        }
        else
        {
            _d.E820Host = config.E820Host == true;
        }
    }

    private void ParseClock()
    {
        bool localtime = config.LocalTime == true;
        if (_d.IsHvm)
        {
            _d.ClockOffset = "variable";
            _d.ClockAdjustment = (int)(config.RtcTimeOffset ?? 0);
            _d.ClockBasis = localtime ? "localtime" : "utc";
        }
        else
        {
            _d.ClockOffset = localtime ? "localtime" : "utc";
            _d.ClockReset = true;
        }
    }

    private void ParseVifs()
    {
        string typename = Xl ? "vif" : "netfront";
        foreach (VifSpec vif in config.Vifs ?? [])
        {
            var net = new LibvirtNet
            {
                Mac = vif.Mac?.ToString(),
                Type = vif.Bridge is { Length: > 0 } || vif.Script is "vif-bridge" or "vif-vnic" ? "bridge" : "ethernet",
            };
            if (net.Type == "bridge" && vif.Bridge is { Length: > 0 } bridge)
            {
                Bridge(net, bridge);
            }

            if (vif.Ip is { Length: > 0 } ip)
            {
                net.Ips.AddRange(ip.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            net.Script = vif.Script is { Length: > 0 } script ? script : null;
            if (vif.Model is { Length: > 0 } model)
            {
                net.Model = model;
            }
            else if (vif.Type is { } t && string.Equals(t.ToString(), typename, StringComparison.OrdinalIgnoreCase))
            {
                net.Model = "netfront";
            }

            net.IfName = vif.VifName is { Length: > 0 } name ? name : null;
            if (vif.Rate is { } rate)
            {
                ulong kb = rate.Amount * rate.Unit switch
                {
                    VifRateUnit.Giga => 1024UL * 1024,
                    VifRateUnit.Mega => 1024UL,
                    _ => 1UL,
                };
                net.OutboundAverage = rate.IsBits ? kb / 8 : kb;
            }

            _d.Nets.Add(net);
        }
    }

    private static void Bridge(LibvirtNet net, string bridge)
    {
        int dot = bridge.IndexOf('.', StringComparison.Ordinal);
        int colon = bridge.IndexOf(':', StringComparison.Ordinal);
        if (dot >= 0)
        {
            net.Bridge = bridge[..dot];
            net.VlanTags.Add(UInt(bridge[(dot + 1)..]));
            net.OpenVswitch = true;
        }
        else if (colon >= 0)
        {
            string[] parts = bridge.Split(':');
            net.Bridge = parts[0];
            net.VlanTags.AddRange(parts.Skip(1).Select(UInt));
            net.VlanTrunk = true;
            net.OpenVswitch = true;
        }
        else
        {
            net.Bridge = bridge;
        }
    }

    private static uint UInt(string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint v) ? v : throw new LibvirtRefusal("bad vlan tag " + text);

    private void ParsePci()
    {
        foreach (PciSpec pci in config.PciDevices ?? [])
        {
            if (pci.Address is not { } address)
            {
                throw new LibvirtRefusal("Malformed PCI address");
            }

            _d.Hostdevs.Add(new LibvirtHostdev
            {
                Domain = address.Domain,
                Bus = address.Bus,
                Slot = address.Device,
                Function = address.Function,
                WriteFiltering = pci.Permissive is { } p ? p == 0 : null,
            });
        }
    }

    private void ParseSound()
    {
        if (!_d.IsHvm || config.SoundHardware is not { } sound)
        {
            return;
        }

        if (sound == "all")
        {
            _d.Sounds.AddRange(["sb16", "es1370"]);
            return;
        }

        foreach (string model in sound.Split(','))
        {
            _d.Sounds.Add(Array.IndexOf(s_soundModels, model) >= 0 ? model : throw new LibvirtRefusal("unknown sound model " + model));
        }
    }

    private void ParseGraphics()
    {
        if (_d.IsHvm)
        {
            if (config.Vnc == true)
            {
                var g = new LibvirtGraphics { Type = "vnc", AutoPort = config.VncUnused ?? true };
                if (!g.AutoPort)
                {
                    g.Port = (int)(config.VncDisplay ?? 0) + 5900;
                }

                g.Listen = config.VncListen;
                g.Password = config.VncPassword;
                g.Keymap = config.Keymap;
                _d.Graphics.Add(g);
            }
            else if (config.Sdl == true)
            {
                _d.Graphics.Add(new LibvirtGraphics { Type = "sdl", Display = config.Display, XAuthority = config.XAuthority });
            }

            return;
        }

        if (config.Vfbs is not { Count: > 0 } vfbs)
        {
            return;
        }

        VfbSpec vfb = vfbs[0];
        bool sdl = vfb.XmOnly.Any(static s => s.Key == "type" && s.Value.Contains("sdl", StringComparison.Ordinal));
        if (sdl)
        {
            _d.Graphics.Add(new LibvirtGraphics { Type = "sdl", Display = vfb.Display, XAuthority = vfb.XAuthority, Port = 0 });
            return;
        }

        var vnc = new LibvirtGraphics { Type = "vnc", Port = 0, AutoPort = vfb.VncUnused == true, Listen = vfb.VncListen, Password = vfb.VncPassword, Keymap = vfb.Keymap };
        if (vfb.VncDisplay is { } display)
        {
            vnc.Port = display + 5900;
        }

        _d.Graphics.Add(vnc);
    }

    private void ParseCharDevices()
    {
        if (!_d.IsHvm)
        {
            _d.Consoles.Add(new LibvirtChr { Type = "pty", TargetType = "xen" });
            return;
        }

        if (config.XmParallel is { } parallel && parallel != "none")
        {
            LibvirtChr chr = Chr(parallel);
            _d.Parallels.Add(chr);
        }

        if (config.Serial is not { } serial)
        {
            return;
        }

        if (serial.IsList)
        {
            if (!Xl)
            {
                throw new LibvirtRefusal("Multiple serial devices are not supported by xen-xm");
            }

            for (int port = 0; port < serial.Items.Count; port++)
            {
                if (serial.Items[port] != "none")
                {
                    LibvirtChr chr = Chr(serial.Items[port]);
                    chr.Port = port;
                    _d.Serials.Add(chr);
                }
            }
        }
        else if (serial.Single is { } one && one != "none")
        {
            _d.Serials.Add(Chr(one));
        }
    }

    /// <summary>xenParseSxprChar: a character device as xend wrote it (pty, /dev/ttyS0, tcp:host:port[,server], ...).</summary>
    internal static LibvirtChr Chr(string value)
    {
        var chr = new LibvirtChr();
        if (value.StartsWith('/'))
        {
            chr.Type = "dev";
            chr.Path = value;
            return chr;
        }

        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string prefix = colon >= 0 ? value[..colon] : value;
        string rest = colon >= 0 ? value[(colon + 1)..] : value;
        if (prefix.StartsWith("telnet", StringComparison.Ordinal))
        {
            chr.Type = "tcp";
            chr.Telnet = true;
        }
        else
        {
            chr.Type = Array.IndexOf(s_chrTypes, prefix) >= 0 ? prefix : throw new LibvirtRefusal("unknown chr device type '" + prefix + "'");
        }

        switch (chr.Type)
        {
            case "file" or "pipe":
                chr.Path = rest;
                break;
            case "tcp":
            {
                int c = rest.IndexOf(':', StringComparison.Ordinal);
                if (c < 0)
                {
                    throw new LibvirtRefusal("malformed char device string");
                }

                chr.Host = c > 0 ? rest[..c] : null;
                int comma = rest.IndexOf(',', c);
                chr.Service = comma >= 0 ? rest[(c + 1)..comma] : rest[(c + 1)..];
                chr.Listen = comma >= 0 && rest[comma..].Contains(",server", StringComparison.Ordinal);
                break;
            }

            case "udp":
            {
                int c = rest.IndexOf(':', StringComparison.Ordinal);
                if (c < 0)
                {
                    throw new LibvirtRefusal("malformed char device string");
                }

                chr.Host = c > 0 ? rest[..c] : null;
                int at = rest.IndexOf('@', c);
                if (at >= 0)
                {
                    chr.Service = rest[(c + 1)..at];
                    int c2 = rest.IndexOf(':', at);
                    if (c2 < 0)
                    {
                        throw new LibvirtRefusal("malformed char device string");
                    }

                    chr.BindHost = c2 > at + 1 ? rest[(at + 1)..c2] : null;
                    chr.BindService = rest[(c2 + 1)..];
                }
                else
                {
                    chr.Service = rest[(c + 1)..];
                }

                break;
            }

            case "unix":
            {
                int comma = rest.IndexOf(',', StringComparison.Ordinal);
                chr.Path = comma >= 0 ? rest[..comma] : rest;
                chr.Listen = comma >= 0 && rest[comma..].Contains(",server", StringComparison.Ordinal);
                break;
            }
        }

        return chr;
    }

    private void ParseXlOs()
    {
        if (_d.IsHvm)
        {
            if (config.Bios is { Spelling: "ovmf" })
            {
                _d.LoaderPath = options.FirmwareDirectory + "/ovmf.bin";
                _d.LoaderType = "pflash";
                _d.LoaderReadOnly = true;
            }
            else
            {
                _d.LoaderPath = options.HvmLoader;
            }

            _d.SlicTable = config.AcpiFirmware;
            _d.Kernel = config.Kernel;
            _d.Initrd = config.Ramdisk;
            _d.Cmdline = Cmdline(config.Cmdline);
            Boot(config.Boot ?? "c");
            if (config.NestedHvm is { } nested)
            {
                _d.CpuFeatures ??= [];
                if (!nested)
                {
                    _d.CpuFeatures.Add(("vmx", "disable"));
                }
            }

            return;
        }

        _d.Bootloader = config.Bootloader;
        _d.BootloaderArgs = config.XmBootArgs;
        _d.Kernel = config.Kernel;
        _d.Initrd = config.Ramdisk;
        _d.Cmdline = Cmdline(config.Cmdline);
    }

    private void ParseXmOs()
    {
        if (_d.IsHvm)
        {
            _d.LoaderPath = config.Kernel ?? throw new LibvirtRefusal("config value kernel was missing");
            Boot(config.Boot ?? "c");
            return;
        }

        _d.Bootloader = config.Bootloader;
        _d.BootloaderArgs = config.XmBootArgs;
        _d.Kernel = config.Kernel;
        _d.Initrd = config.Ramdisk;
        _d.Cmdline = Cmdline(null);
    }

    private string? Cmdline(string? cmdline) =>
        cmdline ?? (config.Root, config.Extra) switch
        {
            ({ } root, { } extra) => "root=" + root + " " + extra,
            ({ } root, null) => "root=" + root,
            (null, { } extra) => extra,
            _ => null,
        };

    private void Boot(string boot)
    {
        foreach (char c in boot.Take(4))
        {
            _d.BootDevices.Add(c switch
            {
                'a' => "fd",
                'd' => "cdrom",
                'n' => "network",
                _ => "hd",
            });
        }
    }

    private void ParseVnuma()
    {
        foreach (ValueList<VnumaOption> node in config.VnumaNodes ?? [])
        {
            ulong? size = null;
            string? cpus = null;
            List<ulong>? distances = null;
            foreach (VnumaOption option in node)
            {
                switch (option.Key)
                {
                    case VnumaKey.Size:
                        size = option.Number;
                        break;
                    case VnumaKey.Vcpus:
                        cpus = FormatBitmap(option.Ranges.SelectMany(static r => Range(r.From, r.To)).Distinct().Order());
                        break;
                    case VnumaKey.Vdistances:
                        distances = [.. option.Distances];
                        break;
                    case VnumaKey.Pnode:
                        break;
                    default:
                        throw new LibvirtRefusal("Invalid vnuma configuration");
                }
            }

            if (size is not { } kib || cpus is null)
            {
                throw new LibvirtRefusal("Incomplete vnuma configuration");
            }

            _d.NumaCells.Add((cpus, kib * 1024, distances));
        }
    }

    private static IEnumerable<ulong> Range(ulong from, ulong to)
    {
        for (ulong c = from; c <= to && c < 4096; c++)
        {
            yield return c;
        }
    }

    private void Xenbus() =>
        _d.Controllers.Add(new LibvirtController
        {
            Type = "xenbus",
            MaxEventChannels = config.MaxEventChannels is > 0 and var e ? e : null,
            MaxGrantFrames = config.MaxGrantFrames is > 0 and var g ? g : null,
        });

    private void ParseCpuid()
    {
        if (config.Cpuid is not { } cpuid)
        {
            return;
        }

        if (cpuid.IsList || cpuid.Single is not { Form: CpuidForm.Libxl } spec)
        {
            throw new LibvirtRefusal("cpuid is not in libxl's format (host,...)");
        }

        _d.CpuFeatures ??= [];
        foreach (CpuidSetting setting in spec.Settings)
        {
            string policy = setting.Value switch
            {
                "1" => "force",
                "0" => "disable",
                "x" or "k" or "s" => "optional",
                _ => throw new LibvirtRefusal("Invalid libxl cpuid value: " + setting.Name + "=" + setting.Value),
            };
            _d.CpuFeatures.Add((LibvirtCpuFeatures.FromLibxl(setting.Name), policy));
        }
    }

    private void ParseXlDisks()
    {
        foreach (DiskSpec disk in config.Disks ?? [])
        {
            var d = new LibvirtDisk { Source = string.IsNullOrEmpty(disk.Target) ? null : disk.Target, Target = disk.Vdev ?? string.Empty, ReadOnly = disk.Access == DiskAccess.ReadOnly };
            if (d.Source is { } source && source.StartsWith("rbd:", StringComparison.Ordinal))
            {
                throw new LibvirtRefusal("rbd network disks are not converted");
            }

            if (disk.DeviceType == DiskDeviceType.Cdrom)
            {
                d.Driver = "qemu";
                d.Type = "file";
                d.Device = "cdrom";
                d.Format = d.Source is null ? null : "raw";
            }
            else
            {
                d.Format = disk.Format switch
                {
                    DiskFormat.Qcow => "qcow",
                    DiskFormat.Qcow2 => "qcow2",
                    DiskFormat.Vhd => "vhd",
                    DiskFormat.Qed => "qed",
                    DiskFormat.Empty => null,
                    _ => "raw",
                };
                (d.Driver, d.Type) = disk.BackendType switch
                {
                    DiskBackendType.Tap => ("tap", "file"),
                    DiskBackendType.Phy => ("phy", "block"),
                    _ => ("qemu", "file"),
                };
            }

            d.Bus = Bus(d.Target);
            _d.Disks.Add(d);
        }
    }

    private void ParseXmDisks()
    {
        foreach (DiskSpec disk in config.Disks ?? [])
        {
            var d = new LibvirtDisk { Target = disk.Vdev ?? string.Empty, Device = disk.DeviceType == DiskDeviceType.Cdrom ? "cdrom" : "disk" };
            string? uname = disk.XmUnameType ?? (string.IsNullOrEmpty(disk.Target) ? null : Specs.Internal.XmDiskParser.DeriveUnameType(disk));
            if (!string.IsNullOrEmpty(disk.Target))
            {
                d.Source = disk.Target;
                string[] parts = (uname ?? string.Empty).Split(':');
                d.Driver = parts[0];
                if (d.Driver is "tap" or "tap2" && parts.Length > 1)
                {
                    d.Format = parts[^1] == "aio" ? "raw" : parts[^1];
                }
            }

            d.Driver ??= "phy";
            d.Type = d.Driver == "phy" ? "block" : "file";
            d.Bus = Bus(d.Target);
            d.ReadOnly = disk.Access == DiskAccess.ReadOnly;
            d.Shared = disk.Access == DiskAccess.SharedWrite;
            _d.Disks.Add(d);
        }
    }

    private string Bus(string target) =>
        target.StartsWith("xvd", StringComparison.Ordinal) || !_d.IsHvm ? "xen" : target.StartsWith("sd", StringComparison.Ordinal) ? "scsi" : "ide";

    private void ParseSpice()
    {
        if (!_d.IsHvm || config.Spice != true)
        {
            return;
        }

        var g = new LibvirtGraphics
        {
            Type = "spice",
            Listen = config.SpiceHost,
            TlsPort = (int)(config.SpiceTlsPort ?? 0),
            Port = (int)(config.SpicePort ?? 0),
        };
        g.AutoPort = g.TlsPort == 0 && g.Port == 0;
        if (config.SpiceDisableTicketing != true)
        {
            g.Password = config.SpicePassword ?? throw new LibvirtRefusal("config value spicepasswd was missing");
        }

        g.MouseMode = config.SpiceAgentMouse == true ? "client" : "server";
        g.CopyPaste = config.SpiceClipboardSharing == true;
        _d.Graphics.Clear();
        _d.Graphics.Add(g);
    }

    private void ParseUsbDevices()
    {
        if (!_d.IsHvm || config.UsbDevice is not { } devices)
        {
            return;
        }

        if (devices.IsList && !Xl)
        {
            throw new LibvirtRefusal("config value usbdevice was malformed");
        }

        foreach (EmulatedUsbDeviceSpec device in devices.Items)
        {
            string? type = device.Kind switch
            {
                EmulatedUsbDeviceKind.Tablet => "tablet",
                EmulatedUsbDeviceKind.Mouse => "mouse",
                EmulatedUsbDeviceKind.Keyboard => "keyboard",
                _ => null,
            };
            if (type is not null)
            {
                _d.Inputs.Add((type, "usb"));
            }
        }
    }

    private void ParseUsbHostDevices()
    {
        foreach (UsbPassthroughSpec usb in config.UsbDevices ?? [])
        {
            if (usb.HostBus is { } bus && usb.HostAddress is { } address)
            {
                _d.Hostdevs.Add(new LibvirtHostdev { Pci = false, UsbBus = (int)bus, UsbDevice = (int)address });
            }
        }
    }

    private void ParseUsbControllers()
    {
        foreach (UsbControllerSpec usb in config.UsbControllers ?? [])
        {
            if (usb.Type is { } t && t != UsbControllerType.Qusb)
            {
                continue;
            }

            _d.Controllers.Add(new LibvirtController
            {
                Type = "usb",
                Model = usb.Version == 1 ? "qusb1" : "qusb2",
                Ports = usb.Ports ?? 8,
            });
        }
    }

    private void ParseChannels()
    {
        foreach (ChannelSpec channel in config.Channels ?? [])
        {
            LibvirtChr chr = channel.Connection switch
            {
                ChannelConnection.Socket => new LibvirtChr { Type = "unix", Listen = true, Path = channel.Path },
                ChannelConnection.Pty => new LibvirtChr { Type = "pty" },
                _ => throw new LibvirtRefusal("channel without a connection"),
            };
            chr.TargetType = "xen";
            chr.TargetName = channel.Name;
            _d.Channels.Add(chr);
        }
    }

    /// <summary>virDomainDefPostParse with the libxl driver's callbacks: what libvirt adds to every parsed domain.</summary>
    private void PostParse()
    {
        if (_d.CurrentMemoryKiB > _d.MemoryKiB)
        {
            _d.CurrentMemoryKiB = _d.MemoryKiB;
        }

        if (_d.IsHvm)
        {
            _d.Emulator ??= options.HvmEmulator;
            _d.LoaderType ??= _d.LoaderPath is null ? null : "rom";
        }

        foreach (LibvirtDisk disk in _d.Disks)
        {
            disk.Format ??= "raw";
        }

        if (!_d.Controllers.Any(static c => c.Type == "xenbus"))
        {
            _d.Controllers.Insert(0, new LibvirtController { Type = "xenbus" });
        }

        AddDriveAddresses("ide", 4, 2);
        AddDriveAddresses("scsi", 7, 1);
        if (_d.Serials.Count > 0 && _d.Consoles.Count == 0)
        {
            LibvirtChr console = _d.Serials[0].Copy();
            console.TargetType = "serial";
            console.Port = 0;
            _d.Consoles.Add(console);
        }

        string implicitBus = _d.IsHvm ? "ps2" : "xen";
        foreach (string type in (string[])["mouse", "keyboard"])
        {
            if (!_d.Inputs.Contains((type, implicitBus)))
            {
                _d.Inputs.Add((type, implicitBus));
            }
        }

        if (_d.Graphics.Count > 0 && _d.Videos.Count == 0)
        {
            _d.Videos.Add(_d.IsHvm ? ("cirrus", 8192) : ("xen", 4096));
        }

        _d.Memballoon = true;
    }

    /// <summary>The drive addresses libvirt assigns to IDE (hdX: 2 buses of 2 units a controller) and SCSI disks.</summary>
    private void AddDriveAddresses(string bus, int perController, int perBus)
    {
        bool any = false;
        foreach (LibvirtDisk disk in _d.Disks.Where(d => d.Bus == bus))
        {
            int index = DiskIndex(disk.Target);
            if (index < 0)
            {
                continue;
            }

            any = true;
            disk.DriveAddress = (index / perController, index % perController / perBus, index % perBus);
        }

        if (any && !_d.Controllers.Any(c => c.Type == bus))
        {
            _d.Controllers.Add(new LibvirtController { Type = bus });
        }
    }

    /// <summary>virDiskNameToIndex: the letters after hd/sd/vd/xvd, hda is 0, hdz 25, hdaa 26.</summary>
    private static int DiskIndex(string name)
    {
        string[] prefixes = ["xvd", "hd", "sd", "vd"];
        string? prefix = prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null || name.Length == prefix.Length)
        {
            return -1;
        }

        int index = 0;
        for (int i = prefix.Length; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsAsciiLetterLower(c))
            {
                break;
            }

            index = ((index + (i == prefix.Length ? 0 : 1)) * 26) + (c - 'a');
        }

        return index;
    }

    /// <summary>A CPU list as libvirt's bitmap: the CPUs it names (ranges and exclusions; no nodes or 'all').</summary>
    private static SortedSet<ulong> Bitmap(CpuListSpec cpus)
    {
        var set = new SortedSet<ulong>();
        foreach (CpuListTerm term in cpus.Terms)
        {
            if (term.Nodes || term.All)
            {
                throw new LibvirtRefusal("cpus must be a list of CPU numbers");
            }

            for (ulong c = term.From; c <= term.To && c < 4096; c++)
            {
                if (term.Exclude)
                {
                    set.Remove(c);
                }
                else
                {
                    set.Add(c);
                }
            }
        }

        return set;
    }

    /// <summary>virBitmapFormat: runs of CPUs as a-b, single ones as n, joined by commas.</summary>
    internal static string FormatBitmap(IEnumerable<ulong> cpus)
    {
        var parts = new List<string>();
        ulong? start = null;
        ulong last = 0;
        foreach (ulong c in cpus)
        {
            if (start is not null && c == last + 1)
            {
                last = c;
                continue;
            }

            if (start is { } s)
            {
                parts.Add(s == last ? s.ToString(CultureInfo.InvariantCulture) : s.ToString(CultureInfo.InvariantCulture) + "-" + last.ToString(CultureInfo.InvariantCulture));
            }

            start = c;
            last = c;
        }

        if (start is { } st)
        {
            parts.Add(st == last ? st.ToString(CultureInfo.InvariantCulture) : st.ToString(CultureInfo.InvariantCulture) + "-" + last.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(",", parts);
    }
}
