using System.Globalization;
using System.Text;

namespace Xen.Hvm.Config.Conversion.Internal.Libvirt;

/// <summary>
/// A domain as libvirt's xenFormatXL / xenFormatXM write it and virConfWriteMem prints it: one <c>key = value</c>
/// line per setting in the order the formatters set them (a key set again keeps its first place), strings in double
/// quotes (single when they hold a double quote, triple when they hold both), lists on one line.
/// </summary>
internal sealed class LibvirtConfigWriter(LibvirtDomain d, LibvirtXmlOptions options)
{
    private const string DefaultVifScript = "vif-bridge";

    private readonly List<(string Key, object Value)> _entries = [];

    private bool Xl => options.Format == LibvirtFormat.Xl;

    public string Write()
    {
        Set("name", d.Name!);
        Set("uuid", d.Uuid!);
        Set("maxmem", (long)DivUp(d.MemoryKiB, 1024));
        Set("memory", (long)DivUp(d.CurrentMemoryKiB, 1024));
        if (d.Vcpus < d.MaxVcpus)
        {
            Set("maxvcpus", (long)d.MaxVcpus);
        }

        Set("vcpus", (long)d.Vcpus);
        if (d.CpuSet is { } cpus)
        {
            Set("cpus", cpus);
        }

        Features();
        TimeOffset();
        Set("on_poweroff", d.OnPoweroff);
        Set("on_reboot", d.OnReboot);
        Set("on_crash", d.OnCrash);
        if (d.Emulator is { } emulator)
        {
            Set(options.DeviceModelKey, emulator);
        }

        Vfb();
        if (d.Nets.Count > 0)
        {
            Set("vif", d.Nets.Select(Net).ToList());
        }

        if (d.Hostdevs.Any(static h => h.Pci))
        {
            Set("pci", d.Hostdevs.Where(static h => h.Pci).Select(Pci).ToList());
        }

        CharDevices();
        if (d.IsHvm && d.Sounds.Count > 0)
        {
            Set("soundhw", string.Join(",", d.Sounds));
        }

        if (Xl)
        {
            XlOs();
            Cpuid();
            Vnuma();
            XenbusLimits();
            Disks(XlDisk);
            Spice();
            UsbInputs(list: true);
            UsbHostDevices();
            UsbControllers();
            Channels();
            if (d.DeviceModelArgs.Count > 0)
            {
                Set("device_model_args", d.DeviceModelArgs.Cast<object>().ToList());
            }
        }
        else
        {
            XmOs();
            Disks(XmDisk);
            UsbInputs(list: false);
        }

        var sb = new StringBuilder();
        foreach ((string key, object value) in _entries)
        {
            sb.Append(key).Append(" = ").Append(Value(value)).Append('\n');
        }

        return sb.ToString();
    }

    private static ulong DivUp(ulong n, ulong d) => (n + d - 1) / d;

    private void Set(string key, object value)
    {
        int at = _entries.FindIndex(e => e.Key == key);
        if (at >= 0)
        {
            _entries[at] = (key, value);
        }
        else
        {
            _entries.Add((key, value));
        }
    }

    private static string Value(object value) => value switch
    {
        long n => n.ToString(CultureInfo.InvariantCulture),
        string s => Quote(s),
        List<object> l => l.Count == 0 ? "[ ]" : "[ " + string.Join(", ", l.Select(Value)) + " ]",
        IEnumerable<string> l => "[ " + string.Join(", ", l.Select(Quote)) + " ]",
        _ => throw new InvalidOperationException(),
    };

    private static string Quote(string s) =>
        s.Contains('\n', StringComparison.Ordinal) ? "\"\"\"" + s + "\"\"\""
        : !s.Contains('"', StringComparison.Ordinal) ? "\"" + s + "\""
        : !s.Contains('\'', StringComparison.Ordinal) ? "'" + s + "'"
        : "\"\"\"" + s + "\"\"\"";

    private void Features()
    {
        if (d.IsHvm)
        {
            Set("pae", d.Pae ? 1L : 0L);
            Set("acpi", d.Acpi ? 1L : 0L);
            Set("apic", d.Apic ? 1L : 0L);
            if (d.HapOff)
            {
                Set("hap", 0L);
            }

            Set("viridian", d.Viridian ? 1L : 0L);
        }
        else if (d.E820Host)
        {
            Set("e820_host", 1L);
        }

        if (d.Passthrough is { } passthrough && passthrough != "off")
        {
            Set("passthrough", passthrough is "sync_pt" or "share_pt" ? passthrough : "enabled");
        }

        foreach ((string name, bool present, string? mode) in d.Timers)
        {
            switch (name)
            {
                case "tsc":
                    Set("tsc_mode", mode switch
                    {
                        "native" => "native",
                        "paravirt" => "native_paravirt",
                        "emulate" => "always_emulate",
                        _ => "default",
                    });
                    break;
                case "hpet" when d.IsHvm:
                    Set("hpet", present ? 1L : 0L);
                    break;
                default:
                    throw new LibvirtRefusal("unsupported timer type (name) '" + name + "'");
            }
        }
    }

    private void TimeOffset()
    {
        long localtime;
        if (d.IsHvm)
        {
            long offset;
            switch (d.ClockOffset)
            {
                case "variable":
                    localtime = d.ClockBasis == "localtime" ? 1 : 0;
                    offset = d.ClockAdjustment;
                    break;
                case "utc" or "localtime" when !d.ClockReset:
                    localtime = d.ClockOffset == "localtime" ? 1 : 0;
                    offset = 0;
                    break;
                case "utc" or "localtime":
                    throw new LibvirtRefusal("unsupported clock adjustment='reset'");
                default:
                    throw new LibvirtRefusal("unsupported clock offset='" + d.ClockOffset + "'");
            }

            Set("rtc_timeoffset", offset);
        }
        else
        {
            localtime = d.ClockOffset switch
            {
                "utc" => 0,
                "localtime" => 1,
                _ => throw new LibvirtRefusal("unsupported clock offset='" + d.ClockOffset + "'"),
            };
        }

        Set("localtime", localtime);
    }

    private void Vfb()
    {
        if (d.Graphics.Count != 1 || d.Graphics[0].Type == "spice")
        {
            return;
        }

        LibvirtGraphics g = d.Graphics[0];
        if (d.IsHvm)
        {
            if (g.Type == "sdl")
            {
                Set("sdl", 1L);
                Set("vnc", 0L);
                SetOptional("display", g.Display);
                SetOptional("xauthority", g.XAuthority);
                return;
            }

            Set("sdl", 0L);
            Set("vnc", 1L);
            Set("vncunused", g.AutoPort ? 1L : 0L);
            if (!g.AutoPort)
            {
                Set("vncdisplay", (long)(g.Port - 5900));
            }

            SetOptional("vnclisten", g.Listen);
            SetOptional("vncpasswd", g.Password);
            SetOptional("keymap", g.Keymap);
            return;
        }

        var sb = new StringBuilder();
        if (g.Type == "sdl")
        {
            sb.Append("type=sdl");
            Append(sb, "display", g.Display);
            Append(sb, "xauthority", g.XAuthority);
        }
        else
        {
            sb.Append("type=vnc,vncunused=").Append(g.AutoPort ? '1' : '0');
            if (!g.AutoPort)
            {
                sb.Append(",vncdisplay=").Append((g.Port - 5900).ToString(CultureInfo.InvariantCulture));
            }

            Append(sb, "vnclisten", g.Listen);
            Append(sb, "vncpasswd", g.Password);
            Append(sb, "keymap", g.Keymap);
        }

        Set("vfb", new List<object> { sb.ToString() });
    }

    private static void Append(StringBuilder sb, string key, string? value)
    {
        if (value is not null)
        {
            sb.Append(',').Append(key).Append('=').Append(value);
        }
    }

    private void SetOptional(string key, string? value)
    {
        if (value is not null)
        {
            Set(key, value);
        }
    }

    private object Net(LibvirtNet net)
    {
        var sb = new StringBuilder("mac=").Append(net.Mac ?? throw new LibvirtRefusal("an interface has no MAC address"));
        switch (net.Type)
        {
            case "bridge":
            {
                sb.Append(",bridge=").Append(net.Bridge);
                string? script = net.Script;
                if (net.OpenVswitch)
                {
                    script ??= "vif-openvswitch";
                    if (net.VlanTags.Count > 0)
                    {
                        sb.Append(net.VlanTrunk
                            ? string.Concat(net.VlanTags.Select(static t => ":" + t.ToString(CultureInfo.InvariantCulture)))
                            : "." + net.VlanTags[0].ToString(CultureInfo.InvariantCulture));
                    }
                }

                if (net.Ips.Count > 0)
                {
                    sb.Append(",ip=").Append(string.Join(' ', net.Ips));
                }

                sb.Append(",script=").Append(script ?? DefaultVifScript);
                break;
            }

            case "ethernet":
                if (net.Script is { } s)
                {
                    sb.Append(",script=").Append(s);
                }

                if (net.Ips.Count > 0)
                {
                    sb.Append(",ip=").Append(string.Join(' ', net.Ips));
                }

                break;
            default:
                throw new LibvirtRefusal("Unsupported net type '" + net.Type + "'");
        }

        if (net.Model is { } model)
        {
            sb.Append(d.IsHvm && model == "netfront" ? ",type=" + (Xl ? "vif" : "netfront") : ",model=" + model);
        }

        if (net.IfName is { } ifname)
        {
            sb.Append(",vifname=").Append(ifname);
        }

        if (net.OutboundAverage is > 0 and var average)
        {
            sb.Append(",rate=").Append(average.ToString(CultureInfo.InvariantCulture)).Append("KB/s");
        }

        return sb.ToString();
    }

    private static object Pci(LibvirtHostdev h) =>
        string.Create(CultureInfo.InvariantCulture, $"{h.Domain:x4}:{h.Bus:x2}:{h.Slot:x2}.{h.Function:x}") +
        (h.WriteFiltering switch { true => ",permissive=0", false => ",permissive=1", null => string.Empty });

    private void CharDevices()
    {
        if (!d.IsHvm)
        {
            return;
        }

        Set("parallel", d.Parallels.Count > 0 ? Chr(d.Parallels[0]) : "none");
        if (d.Serials.Count == 0)
        {
            Set("serial", "none");
        }
        else if (d.Serials.Count == 1 && d.Serials[0].Port == 0)
        {
            Set("serial", Chr(d.Serials[0]));
        }
        else
        {
            if (!Xl)
            {
                throw new LibvirtRefusal("Multiple serial devices are not supported by xen-xm");
            }

            int max = d.Serials.Max(static s => s.Port);
            var list = new List<object>();
            for (int port = 0; port <= max; port++)
            {
                LibvirtChr? chr = d.Serials.FirstOrDefault(s => s.Port == port);
                list.Add(chr is null ? "none" : Chr(chr));
            }

            Set("serial", list);
        }
    }

    private static string Chr(LibvirtChr c) => c.Type switch
    {
        "null" or "stdio" or "vc" or "pty" => c.Type,
        "file" or "pipe" => c.Type + ":" + c.Path,
        "dev" => c.Path ?? string.Empty,
        "tcp" => (c.Telnet ? "telnet" : "tcp") + ":" + c.Host + ":" + c.Service + (c.Listen ? ",server,nowait" : string.Empty),
        "udp" => "udp:" + c.Host + ":" + c.Service + "@" + c.BindHost + ":" + c.BindService,
        "unix" => "unix:" + c.Path + (c.Listen ? ",server,nowait" : string.Empty),
        _ => throw new LibvirtRefusal("unsupported chr device type '" + c.Type + "'"),
    };

    private void XlOs()
    {
        if (d.IsHvm)
        {
            Set("builder", "hvm");
            if (d.LoaderType == "pflash")
            {
                Set("bios", "ovmf");
            }

            SetOptional("acpi_firmware", d.SlicTable);
            SetOptional("kernel", d.Kernel);
            SetOptional("ramdisk", d.Initrd);
            SetOptional("cmdline", d.Cmdline);
            Set("boot", Boot());
            if (d.CpuFeatures is { } features)
            {
                bool hwvirt = !features.Any(static f => f.Name is "vmx" or "svm" && f.Policy is "disable" or "forbid");
                Set("nestedhvm", hwvirt ? 1L : 0L);
            }

            return;
        }

        if (d.OsType == LibvirtOsType.Pvh)
        {
            Set("type", "pvh");
        }

        SetOptional("bootloader", d.Bootloader);
        SetOptional("bootargs", d.BootloaderArgs);
        SetOptional("kernel", d.Kernel);
        SetOptional("ramdisk", d.Initrd);
        SetOptional("cmdline", d.Cmdline);
    }

    private void XmOs()
    {
        if (d.IsHvm)
        {
            Set("builder", "hvm");
            SetOptional("kernel", d.LoaderPath);
            Set("boot", Boot());
            return;
        }

        SetOptional("bootloader", d.Bootloader);
        SetOptional("bootargs", d.BootloaderArgs);
        SetOptional("kernel", d.Kernel);
        SetOptional("ramdisk", d.Initrd);
        SetOptional("extra", d.Cmdline);
    }

    private string Boot() => d.BootDevices.Count == 0
        ? "c"
        : string.Concat(d.BootDevices.Select(static b => b switch
        {
            "fd" => 'a',
            "cdrom" => 'd',
            "network" => 'n',
            _ => 'c',
        }));

    private void Cpuid()
    {
        if (d.CpuFeatures is not { } features)
        {
            return;
        }

        var pairs = new List<string> { "host" };
        foreach ((string name, string policy) in features)
        {
            string libxl = LibvirtCpuFeatures.ToLibxl(name);
            if (libxl is "vmx" or "svm")
            {
                continue;
            }

            pairs.Add(libxl + "=" + (policy switch
            {
                "force" or "require" => "1",
                "optional" => "x",
                _ => "0",
            }));
        }

        if (pairs.Count > 1)
        {
            Set("cpuid", string.Join(",", pairs));
        }
    }

    private void Vnuma()
    {
        if (d.NumaCells.Count == 0)
        {
            return;
        }

        var nodes = new List<object>();
        for (int i = 0; i < d.NumaCells.Count; i++)
        {
            (string cpus, ulong kib, _) = d.NumaCells[i];
            int node = i;
            string vdistances = string.Join(",", Enumerable.Range(0, d.NumaCells.Count).Select(j => Distance(node, j).ToString(CultureInfo.InvariantCulture)));
            nodes.Add(new List<object>
            {
                "pnode=" + i.ToString(CultureInfo.InvariantCulture),
                "size=" + (kib / 1024).ToString(CultureInfo.InvariantCulture),
                "vcpus=" + cpus,
                "vdistances=" + vdistances,
            });
        }

        Set("vnuma", nodes);
    }

    /// <summary>A vNUMA distance: the one given, else the reverse one (libvirt's parser makes them symmetric), else
    /// 10 to itself and 20 to the others.</summary>
    private ulong Distance(int from, int to) =>
        Given(from, to) ?? Given(to, from) ?? (ulong)(from == to ? 10 : 20);

    private ulong? Given(int from, int to) =>
        d.NumaCells[from].Distances is { } given && to < given.Count ? given[to] : null;

    private void XenbusLimits()
    {
        foreach (LibvirtController c in d.Controllers.Where(static c => c.Type == "xenbus"))
        {
            if (c.MaxEventChannels is > 0 and var channels)
            {
                Set("max_event_channels", channels);
            }

            if (c.MaxGrantFrames is > 0 and var frames)
            {
                Set("max_grant_frames", frames);
            }
        }
    }

    private void Disks(Func<LibvirtDisk, string> format)
    {
        List<object> disks = [.. d.Disks.Where(static x => x.Device != "floppy").Select(format)];
        if (disks.Count > 0)
        {
            Set("disk", disks);
        }
    }

    private static string XlDisk(LibvirtDisk disk)
    {
        var sb = new StringBuilder("format=").Append(disk.Format switch
        {
            "vhd" => "xvhd",
            "qcow" or "qcow2" or "qed" or "raw" => disk.Format,
            _ => "raw",
        });
        sb.Append(",vdev=").Append(disk.Target);
        sb.Append(",access=").Append(disk.ReadOnly ? "ro" : disk.Shared ? "!" : "rw");
        string? backend = disk.Driver switch
        {
            "qemu" or "file" => "qdisk",
            "tap" => "tap",
            "phy" => "phy",
            _ => null,
        };
        if (disk.Driver is not null)
        {
            sb.Append(",backendtype=").Append(backend);
        }

        if (disk.Device == "cdrom")
        {
            sb.Append(",devtype=cdrom");
        }

        if (disk.Source is { Length: > 0 } source)
        {
            sb.Append(",target=").Append(source);
        }

        return sb.ToString();
    }

    private static string XmDisk(LibvirtDisk disk)
    {
        var sb = new StringBuilder();
        if (disk.Source is { Length: > 0 } source)
        {
            if (disk.Format is { } format)
            {
                string type = format == "raw" ? "aio" : format;
                if (disk.Driver is { } driver)
                {
                    sb.Append(driver).Append(':');
                    if (driver is "tap" or "tap2")
                    {
                        sb.Append(type).Append(':');
                    }
                }
            }
            else
            {
                sb.Append(disk.Type switch
                {
                    "file" => "file:",
                    "block" => "phy:",
                    _ => throw new LibvirtRefusal("unsupported disk type " + disk.Type),
                });
            }

            sb.Append(source);
        }

        sb.Append(',').Append(disk.Target);
        if (disk.Device == "cdrom")
        {
            sb.Append(":cdrom");
        }

        sb.Append(disk.ReadOnly ? ",r" : disk.Shared ? ",!" : ",w");
        return sb.ToString();
    }

    private void Spice()
    {
        if (!d.IsHvm || d.Graphics.Count == 0 || d.Graphics[0] is not { Type: "spice" } g)
        {
            return;
        }

        Set("sdl", 0L);
        Set("vnc", 0L);
        Set("spice", 1L);
        SetOptional("spicehost", g.Listen);
        Set("spiceport", (long)g.Port);
        Set("spicetls_port", (long)g.TlsPort);
        if (g.Password is { } password)
        {
            Set("spicedisable_ticketing", 0L);
            Set("spicepasswd", password);
        }
        else
        {
            Set("spicedisable_ticketing", 1L);
        }

        if (g.MouseMode == "server")
        {
            Set("spiceagent_mouse", 0L);
        }
        else if (g.MouseMode == "client")
        {
            Set("spiceagent_mouse", 1L);
            Set("spicevdagent", 1L);
        }

        if (g.CopyPaste == true)
        {
            Set("spice_clipboard_sharing", 1L);
            Set("spicevdagent", 1L);
        }
    }

    private void UsbInputs(bool list)
    {
        if (!d.IsHvm)
        {
            return;
        }

        var devices = new List<string>();
        foreach ((string type, string bus) in d.Inputs)
        {
            if (bus != "usb")
            {
                continue;
            }

            Set("usb", 1L);
            if (type is "mouse" or "tablet" or "keyboard")
            {
                devices.Add(type);
                if (!list)
                {
                    break;
                }
            }
        }

        if (devices.Count == 1)
        {
            Set("usbdevice", devices[0]);
        }
        else if (devices.Count > 1)
        {
            Set("usbdevice", devices.Cast<object>().ToList());
        }
    }

    private void UsbHostDevices()
    {
        List<object> usb = [.. d.Hostdevs.Where(static h => !h.Pci).Select(static h => (object)string.Create(CultureInfo.InvariantCulture, $"hostbus={h.UsbBus:x},hostaddr={h.UsbDevice:x}"))];
        if (usb.Count > 0)
        {
            Set("usbdev", usb);
        }
    }

    private void UsbControllers()
    {
        var list = new List<object>();
        foreach (LibvirtController c in d.Controllers.Where(static c => c.Type == "usb"))
        {
            string model = c.Model switch
            {
                "qusb1" => "type=qusb,version=1,",
                "qusb2" => "type=qusb,version=2,",
                null => string.Empty,
                _ => throw new LibvirtRefusal("unsupported USB controller model '" + c.Model + "'"),
            };
            list.Add(model + (c.Ports is { } ports ? "ports=" + ports.ToString("x", CultureInfo.InvariantCulture) : string.Empty));
        }

        if (list.Count > 0)
        {
            Set("usbctrl", list);
        }
    }

    private void Channels()
    {
        var list = new List<object>();
        foreach (LibvirtChr c in d.Channels.Where(static c => c.TargetType == "xen"))
        {
            string connection = c.Type switch
            {
                "pty" => "connection=pty,",
                "unix" => "connection=socket," + (c.Path is { } path ? "path=" + path + "," : string.Empty),
                _ => throw new LibvirtRefusal("unsupported channel type '" + c.Type + "'"),
            };
            list.Add(connection + "name=" + c.TargetName);
        }

        if (list.Count > 0)
        {
            Set("channel", list);
        }
    }
}
