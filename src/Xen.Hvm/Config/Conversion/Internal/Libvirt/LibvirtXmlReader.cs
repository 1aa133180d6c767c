using System.Globalization;
using System.Xml.Linq;

namespace Xen.Hvm.Config.Conversion.Internal.Libvirt;

/// <summary>A libvirt domain XML (type xen) read into a domain, as virDomainDefParseXML reads what the converters use.</summary>
internal static class LibvirtXmlReader
{
    public static LibvirtDomain Read(XDocument xml, LibvirtXmlOptions options)
    {
        XElement root = xml.Root ?? throw new LibvirtRefusal("the document is empty");
        if (root.Name.LocalName != "domain")
        {
            throw new LibvirtRefusal("the root element is <" + root.Name.LocalName + ">, not <domain>");
        }

        if ((string?)root.Attribute("type") != "xen")
        {
            throw new LibvirtRefusal("the domain type is '" + (string?)root.Attribute("type") + "', not 'xen'");
        }

        var d = new LibvirtDomain
        {
            Name = Text(root, "name") ?? throw new LibvirtRefusal("the domain has no <name>"),
            Uuid = Text(root, "uuid") is { } uuid
                ? (Guid.TryParse(uuid, out Guid g) ? g.ToString("D", CultureInfo.InvariantCulture) : throw new LibvirtRefusal("<uuid> '" + uuid + "' is not a UUID"))
                : (options.Uuid ?? Guid.NewGuid()).ToString("D", CultureInfo.InvariantCulture),
        };
        d.MemoryKiB = Memory(root.Element("memory")) ?? throw new LibvirtRefusal("the domain has no <memory>");
        d.CurrentMemoryKiB = Memory(root.Element("currentMemory")) ?? d.MemoryKiB;
        if (root.Element("vcpu") is { } vcpu)
        {
            d.MaxVcpus = Int(vcpu.Value.Trim(), "<vcpu>");
            d.Vcpus = vcpu.Attribute("current") is { } current ? Int(current.Value, "<vcpu current>") : d.MaxVcpus;
            d.CpuSet = (string?)vcpu.Attribute("cpuset");
        }

        d.Bootloader = Text(root, "bootloader");
        d.BootloaderArgs = Text(root, "bootloader_args");
        ReadOs(root.Element("os") ?? throw new LibvirtRefusal("the domain has no <os>"), d);
        ReadFeatures(root.Element("features"), d);
        ReadCpu(root.Element("cpu"), d);
        ReadClock(root.Element("clock"), d);
        d.OnPoweroff = Text(root, "on_poweroff") ?? "destroy";
        d.OnReboot = Text(root, "on_reboot") ?? "restart";
        d.OnCrash = Text(root, "on_crash") ?? "destroy";
        if (root.Element("devices") is { } devices)
        {
            ReadDevices(devices, d);
        }

        if (root.Element(LibvirtXmlWriter.XenNamespace + "commandline") is { } commandline)
        {
            d.DeviceModelArgs.AddRange(commandline.Elements(LibvirtXmlWriter.XenNamespace + "arg").Select(static a => (string?)a.Attribute("value") ?? string.Empty));
        }

        return d;
    }

    private static string? Text(XElement parent, string name) => parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static int Int(string text, string what) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : throw new LibvirtRefusal(what + " '" + text + "' is not a number");

    private static int HexOrInt(string? text, string what)
    {
        if (text is null)
        {
            return 0;
        }

        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int h) ? h : throw new LibvirtRefusal(what + " '" + text + "' is not a number")
            : Int(text, what);
    }

    private static ulong? Memory(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        if (!ulong.TryParse(element.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
        {
            throw new LibvirtRefusal("<" + element.Name.LocalName + "> '" + element.Value.Trim() + "' is not a number");
        }

        return ((string?)element.Attribute("unit"))?.ToLowerInvariant() switch
        {
            null or "kib" or "k" => value,
            "b" or "bytes" => value / 1024,
            "mib" or "m" => value * 1024,
            "gib" or "g" => value * 1024 * 1024,
            string unit => throw new LibvirtRefusal("memory unit '" + unit + "' is not one libvirt knows"),
        };
    }

    private static void ReadOs(XElement os, LibvirtDomain d)
    {
        XElement type = os.Element("type") ?? throw new LibvirtRefusal("<os> has no <type>");
        d.OsType = type.Value.Trim() switch
        {
            "hvm" => LibvirtOsType.Hvm,
            "xen" or "linux" => LibvirtOsType.Pv,
            "xenpvh" => LibvirtOsType.Pvh,
            string other => throw new LibvirtRefusal("<os><type> '" + other + "' is not a Xen guest type"),
        };
        d.Arch = (string?)type.Attribute("arch");
        d.Machine = (string?)type.Attribute("machine");
        if (os.Element("loader") is { } loader)
        {
            d.LoaderPath = loader.Value.Trim();
            d.LoaderType = (string?)loader.Attribute("type");
            d.LoaderReadOnly = (string?)loader.Attribute("readonly") == "yes";
        }

        d.Kernel = Text(os, "kernel");
        d.Initrd = Text(os, "initrd");
        d.Cmdline = Text(os, "cmdline");
        d.SlicTable = os.Element("acpi")?.Elements("table").FirstOrDefault(static t => (string?)t.Attribute("type") == "slic")?.Value.Trim();
        d.BootDevices.AddRange(os.Elements("boot").Select(static b => (string?)b.Attribute("dev") ?? "hd"));
    }

    private static void ReadFeatures(XElement? features, LibvirtDomain d)
    {
        if (features is null)
        {
            return;
        }

        d.Acpi = On(features.Element("acpi"));
        d.Apic = On(features.Element("apic"));
        d.Pae = On(features.Element("pae"));
        d.HapOff = features.Element("hap") is { } hap && (string?)hap.Attribute("state") == "off";
        d.Viridian = On(features.Element("viridian"));
        if (features.Element("xen") is { } xen)
        {
            d.E820Host = On(xen.Element("e820_host"));
            if (xen.Element("passthrough") is { } passthrough)
            {
                d.Passthrough = (string?)passthrough.Attribute("state") == "off" ? "off" : (string?)passthrough.Attribute("mode") ?? string.Empty;
            }
        }
    }

    private static bool On(XElement? element) => element is not null && (string?)element.Attribute("state") != "off";

    private static void ReadCpu(XElement? cpu, LibvirtDomain d)
    {
        if (cpu is null)
        {
            return;
        }

        if ((string?)cpu.Attribute("mode") == "host-passthrough")
        {
            d.CpuFeatures = [.. cpu.Elements("feature").Select(static f => ((string?)f.Attribute("name") ?? string.Empty, (string?)f.Attribute("policy") ?? "require"))];
        }

        foreach (XElement cell in cpu.Element("numa")?.Elements("cell") ?? [])
        {
            ulong memory = Memory(new XElement("memory", new XAttribute("unit", (string?)cell.Attribute("unit") ?? "KiB"), (string?)cell.Attribute("memory") ?? "0")) ?? 0;
            List<ulong>? distances = cell.Element("distances") is { } dist
                ? [.. dist.Elements("sibling").Select(static s => ulong.Parse((string?)s.Attribute("value") ?? "0", CultureInfo.InvariantCulture))]
                : null;
            d.NumaCells.Add(((string?)cell.Attribute("cpus") ?? string.Empty, memory, distances));
        }
    }

    private static void ReadClock(XElement? clock, LibvirtDomain d)
    {
        if (clock is null)
        {
            return;
        }

        d.ClockOffset = (string?)clock.Attribute("offset") ?? "utc";
        string? adjustment = (string?)clock.Attribute("adjustment");
        d.ClockReset = adjustment == "reset";
        d.ClockAdjustment = adjustment is null or "reset" ? 0 : Int(adjustment, "<clock adjustment>");
        d.ClockBasis = (string?)clock.Attribute("basis") ?? "utc";
        foreach (XElement timer in clock.Elements("timer"))
        {
            d.Timers.Add(((string?)timer.Attribute("name") ?? string.Empty, (string?)timer.Attribute("present") != "no", (string?)timer.Attribute("mode")));
        }
    }

    private static void ReadDevices(XElement devices, LibvirtDomain d)
    {
        d.Emulator = Text(devices, "emulator");
        foreach (XElement disk in devices.Elements("disk"))
        {
            XElement? source = disk.Element("source");
            d.Disks.Add(new LibvirtDisk
            {
                Type = (string?)disk.Attribute("type") ?? "file",
                Device = (string?)disk.Attribute("device") ?? "disk",
                Driver = (string?)disk.Element("driver")?.Attribute("name"),
                Format = (string?)disk.Element("driver")?.Attribute("type"),
                Source = (string?)source?.Attribute("file") ?? (string?)source?.Attribute("dev"),
                Target = (string?)disk.Element("target")?.Attribute("dev") ?? throw new LibvirtRefusal("a <disk> has no <target dev>"),
                Bus = (string?)disk.Element("target")?.Attribute("bus") ?? "xen",
                ReadOnly = disk.Element("readonly") is not null,
                Shared = disk.Element("shareable") is not null,
            });
            if ((string?)disk.Attribute("type") == "network")
            {
                throw new LibvirtRefusal("network disks are not converted");
            }
        }

        foreach (XElement controller in devices.Elements("controller"))
        {
            d.Controllers.Add(new LibvirtController
            {
                Type = (string?)controller.Attribute("type") ?? string.Empty,
                Index = controller.Attribute("index") is { } i ? Int(i.Value, "<controller index>") : 0,
                Model = (string?)controller.Attribute("model"),
                Ports = controller.Attribute("ports") is { } p ? Int(p.Value, "<controller ports>") : null,
                MaxGrantFrames = controller.Attribute("maxGrantFrames") is { } g ? Int(g.Value, "maxGrantFrames") : null,
                MaxEventChannels = controller.Attribute("maxEventChannels") is { } e ? Int(e.Value, "maxEventChannels") : null,
            });
        }

        foreach (XElement iface in devices.Elements("interface"))
        {
            d.Nets.Add(Net(iface));
        }

        d.Serials.AddRange(devices.Elements("serial").Select(Chr));
        d.Parallels.AddRange(devices.Elements("parallel").Select(Chr));
        d.Consoles.AddRange(devices.Elements("console").Select(Chr));
        d.Channels.AddRange(devices.Elements("channel").Select(Chr));
        d.Inputs.AddRange(devices.Elements("input").Select(static i => ((string?)i.Attribute("type") ?? string.Empty, (string?)i.Attribute("bus") ?? string.Empty)));
        d.Graphics.AddRange(devices.Elements("graphics").Select(Graphics));
        d.Sounds.AddRange(devices.Elements("sound").Select(static s => (string?)s.Attribute("model") ?? string.Empty));
        foreach (XElement hostdev in devices.Elements("hostdev"))
        {
            XElement? source = hostdev.Element("source");
            XElement? address = source?.Element("address");
            if ((string?)hostdev.Attribute("type") == "usb")
            {
                d.Hostdevs.Add(new LibvirtHostdev { Pci = false, UsbBus = HexOrInt((string?)address?.Attribute("bus"), "bus"), UsbDevice = HexOrInt((string?)address?.Attribute("device"), "device") });
                continue;
            }

            string? filtering = (string?)source?.Attribute("writeFiltering");
            d.Hostdevs.Add(new LibvirtHostdev
            {
                Domain = HexOrInt((string?)address?.Attribute("domain"), "domain"),
                Bus = HexOrInt((string?)address?.Attribute("bus"), "bus"),
                Slot = HexOrInt((string?)address?.Attribute("slot"), "slot"),
                Function = HexOrInt((string?)address?.Attribute("function"), "function"),
                WriteFiltering = filtering is null ? null : filtering == "yes",
            });
        }

        d.Memballoon = devices.Element("memballoon") is not null;
    }

    private static LibvirtNet Net(XElement iface)
    {
        var net = new LibvirtNet
        {
            Type = (string?)iface.Attribute("type") ?? "ethernet",
            Mac = (string?)iface.Element("mac")?.Attribute("address") ?? GeneratedMac(),
            Bridge = (string?)iface.Element("source")?.Attribute("bridge"),
            Script = (string?)iface.Element("script")?.Attribute("path"),
            IfName = (string?)iface.Element("target")?.Attribute("dev"),
            Model = (string?)iface.Element("model")?.Attribute("type"),
            OpenVswitch = (string?)iface.Element("virtualport")?.Attribute("type") == "openvswitch",
        };
        if (net.Type == "network")
        {
            throw new LibvirtRefusal("an interface of type 'network' needs libvirt's network driver");
        }

        if (iface.Element("vlan") is { } vlan)
        {
            net.VlanTrunk = (string?)vlan.Attribute("trunk") == "yes";
            net.VlanTags.AddRange(vlan.Elements("tag").Select(static t => uint.Parse((string?)t.Attribute("id") ?? "0", CultureInfo.InvariantCulture)));
        }

        net.Ips.AddRange(iface.Elements("ip").Select(static i => (string?)i.Attribute("address") ?? string.Empty));
        if (iface.Element("bandwidth")?.Element("outbound")?.Attribute("average") is { } average)
        {
            net.OutboundAverage = ulong.Parse(average.Value, CultureInfo.InvariantCulture);
        }

        return net;
    }

    /// <summary>virDomainNetGenerateMAC with the libxl driver's prefix: Xen's OUI and three random bytes.</summary>
    private static string GeneratedMac()
    {
        Span<byte> bytes = stackalloc byte[3];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return string.Create(CultureInfo.InvariantCulture, $"00:16:3e:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}");
    }

    private static LibvirtChr Chr(XElement element)
    {
        var chr = new LibvirtChr { Type = (string?)element.Attribute("type") ?? "pty" };
        XElement[] sources = [.. element.Elements("source")];
        foreach (XElement source in sources)
        {
            string? mode = (string?)source.Attribute("mode");
            if (chr.Type == "udp" && mode == "bind")
            {
                chr.BindHost = (string?)source.Attribute("host");
                chr.BindService = (string?)source.Attribute("service");
                continue;
            }

            chr.Path = (string?)source.Attribute("path") ?? chr.Path;
            chr.Host = (string?)source.Attribute("host") ?? chr.Host;
            chr.Service = (string?)source.Attribute("service") ?? chr.Service;
            chr.Listen = mode == "bind";
        }

        chr.Telnet = (string?)element.Element("protocol")?.Attribute("type") == "telnet";
        XElement? target = element.Element("target");
        chr.TargetType = (string?)target?.Attribute("type");
        chr.TargetName = (string?)target?.Attribute("name");
        chr.Port = target?.Attribute("port") is { } port ? Int(port.Value, "<target port>") : 0;
        return chr;
    }

    private static LibvirtGraphics Graphics(XElement element)
    {
        var g = new LibvirtGraphics
        {
            Type = (string?)element.Attribute("type") ?? "vnc",
            Port = element.Attribute("port") is { } port ? Int(port.Value, "<graphics port>") : -1,
            TlsPort = element.Attribute("tlsPort") is { } tls ? Int(tls.Value, "<graphics tlsPort>") : 0,
            AutoPort = (string?)element.Attribute("autoport") == "yes",
            Listen = (string?)element.Attribute("listen") ?? (string?)element.Element("listen")?.Attribute("address"),
            Password = (string?)element.Attribute("passwd"),
            Keymap = (string?)element.Attribute("keymap"),
            Display = (string?)element.Attribute("display"),
            XAuthority = (string?)element.Attribute("xauth"),
            MouseMode = (string?)element.Element("mouse")?.Attribute("mode"),
            CopyPaste = element.Element("clipboard")?.Attribute("copypaste") is { } copy ? copy.Value == "yes" : null,
        };
        if (g.Type == "vnc" && g.Port == -1 && element.Attribute("autoport") is null)
        {
            g.AutoPort = true;
        }

        return g;
    }
}
