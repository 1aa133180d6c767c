using System.Globalization;
using System.Xml.Linq;

namespace Xen.Hvm.Config.Conversion.Internal.Libvirt;

/// <summary>A domain as libvirt's virDomainDefFormat prints it (inactive, secure: passwords shown), in its element order.</summary>
internal static class LibvirtXmlWriter
{
    /// <summary>The namespace of libvirt's Xen extensions (libxlDomainXMLNamespace): device model arguments.</summary>
    public static readonly XNamespace XenNamespace = "http://libvirt.org/schemas/domain/xen/1.0";

    public static XDocument Write(LibvirtDomain d)
    {
        var domain = new XElement("domain", new XAttribute("type", "xen"),
            new XElement("name", d.Name),
            new XElement("uuid", d.Uuid),
            new XElement("memory", new XAttribute("unit", "KiB"), Number(d.MemoryKiB)),
            new XElement("currentMemory", new XAttribute("unit", "KiB"), Number(d.CurrentMemoryKiB)),
            Vcpu(d));
        Optional(domain, "bootloader", d.Bootloader);
        Optional(domain, "bootloader_args", d.BootloaderArgs);
        domain.Add(Os(d));
        if (Features(d) is { } features)
        {
            domain.Add(features);
        }

        if (d.CpuFeatures is not null || d.NumaCells.Count > 0)
        {
            var cpu = new XElement("cpu");
            if (d.CpuFeatures is { } features2)
            {
                cpu.Add(new XAttribute("mode", "host-passthrough"),
                    features2.Select(static f => new XElement("feature", new XAttribute("policy", f.Policy), new XAttribute("name", f.Name))));
            }

            if (d.NumaCells.Count > 0)
            {
                cpu.Add(new XElement("numa", d.NumaCells.Select(static (c, i) =>
                {
                    var cell = new XElement("cell", new XAttribute("id", Number(i)), new XAttribute("cpus", c.Cpus), new XAttribute("memory", Number(c.MemoryKiB)), new XAttribute("unit", "KiB"));
                    if (c.Distances is { } distances)
                    {
                        cell.Add(new XElement("distances", distances.Select(static (v, j) => new XElement("sibling", new XAttribute("id", Number(j)), new XAttribute("value", Number(v))))));
                    }

                    return cell;
                })));
            }

            domain.Add(cpu);
        }

        domain.Add(Clock(d),
            new XElement("on_poweroff", d.OnPoweroff),
            new XElement("on_reboot", d.OnReboot),
            new XElement("on_crash", d.OnCrash),
            Devices(d));
        if (d.DeviceModelArgs.Count > 0)
        {
            domain.Add(new XAttribute(XNamespace.Xmlns + "xen", XenNamespace.NamespaceName),
                new XElement(XenNamespace + "commandline", d.DeviceModelArgs.Select(static a => new XElement(XenNamespace + "arg", new XAttribute("value", a)))));
        }

        return new XDocument(domain);
    }

    private static string Number(ulong n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Optional(XElement parent, string name, string? value)
    {
        if (value is not null)
        {
            parent.Add(new XElement(name, value));
        }
    }

    private static XElement Vcpu(LibvirtDomain d)
    {
        var vcpu = new XElement("vcpu", new XAttribute("placement", "static"), Number(d.MaxVcpus));
        if (d.CpuSet is { } cpuset)
        {
            vcpu.Add(new XAttribute("cpuset", cpuset));
        }

        if (d.Vcpus < d.MaxVcpus)
        {
            vcpu.Add(new XAttribute("current", Number(d.Vcpus)));
        }

        return vcpu;
    }

    private static XElement Os(LibvirtDomain d)
    {
        string type = d.OsType switch
        {
            LibvirtOsType.Hvm => "hvm",
            LibvirtOsType.Pvh => "xenpvh",
            _ => "linux",
        };
        var os = new XElement("os", new XElement("type", new XAttribute("arch", d.Arch!), new XAttribute("machine", d.Machine!), type));
        if (d.LoaderPath is { } loader)
        {
            var element = new XElement("loader", loader);
            if (d.LoaderReadOnly)
            {
                element.Add(new XAttribute("readonly", "yes"));
            }

            if (d.LoaderType is { } loaderType)
            {
                element.Add(new XAttribute("type", loaderType));
            }

            os.Add(element);
        }

        Optional(os, "kernel", d.Kernel);
        Optional(os, "initrd", d.Initrd);
        Optional(os, "cmdline", d.Cmdline);
        if (d.SlicTable is { } slic)
        {
            os.Add(new XElement("acpi", new XElement("table", new XAttribute("type", "slic"), slic)));
        }

        os.Add(d.BootDevices.Select(static b => new XElement("boot", new XAttribute("dev", b))));
        return os;
    }

    private static XElement? Features(LibvirtDomain d)
    {
        var features = new XElement("features");
        if (d.Acpi)
        {
            features.Add(new XElement("acpi"));
        }

        if (d.Apic)
        {
            features.Add(new XElement("apic"));
        }

        if (d.Pae)
        {
            features.Add(new XElement("pae"));
        }

        if (d.HapOff)
        {
            features.Add(new XElement("hap", new XAttribute("state", "off")));
        }

        if (d.Viridian)
        {
            features.Add(new XElement("viridian"));
        }

        var xen = new XElement("xen");
        if (d.E820Host)
        {
            xen.Add(new XElement("e820_host", new XAttribute("state", "on")));
        }

        if (d.Passthrough is { } passthrough)
        {
            var element = new XElement("passthrough", new XAttribute("state", passthrough == "off" ? "off" : "on"));
            if (passthrough is "sync_pt" or "share_pt")
            {
                element.Add(new XAttribute("mode", passthrough));
            }

            xen.Add(element);
        }

        if (xen.HasElements)
        {
            features.Add(xen);
        }

        return features.HasElements ? features : null;
    }

    private static XElement Clock(LibvirtDomain d)
    {
        var clock = new XElement("clock", new XAttribute("offset", d.ClockOffset));
        if (d.ClockReset)
        {
            clock.Add(new XAttribute("adjustment", "reset"));
        }
        else if (d.ClockOffset == "variable")
        {
            clock.Add(new XAttribute("adjustment", Number(d.ClockAdjustment)), new XAttribute("basis", d.ClockBasis));
        }

        foreach ((string name, bool present, string? mode) in d.Timers)
        {
            var timer = new XElement("timer", new XAttribute("name", name), new XAttribute("present", present ? "yes" : "no"));
            if (mode is not null)
            {
                timer.Add(new XAttribute("mode", mode));
            }

            clock.Add(timer);
        }

        return clock;
    }

    private static XElement Devices(LibvirtDomain d)
    {
        var devices = new XElement("devices");
        Optional(devices, "emulator", d.Emulator);
        devices.Add(d.Disks.Select(Disk));
        devices.Add(d.Controllers.Select(Controller));
        devices.Add(d.Nets.Select(Net));
        devices.Add(d.Serials.Select(s => Chr("serial", s)));
        devices.Add(d.Parallels.Select(p => Chr("parallel", p)));
        devices.Add(d.Consoles.Select(c => Chr("console", c)));
        devices.Add(d.Channels.Select(c => Chr("channel", c)));
        devices.Add(d.Inputs.Select(static i => new XElement("input", new XAttribute("type", i.Type), new XAttribute("bus", i.Bus))));
        devices.Add(d.Graphics.Select(Graphics));
        devices.Add(d.Sounds.Select(static s => new XElement("sound", new XAttribute("model", s))));
        devices.Add(d.Videos.Select(static v => new XElement("video", new XElement("model",
            new XAttribute("type", v.Model), new XAttribute("vram", Number(v.VramKiB)), new XAttribute("heads", "1"), new XAttribute("primary", "yes")))));
        devices.Add(d.Hostdevs.Select(Hostdev));
        if (d.Memballoon)
        {
            devices.Add(new XElement("memballoon", new XAttribute("model", "xen")));
        }

        return devices;
    }

    private static XElement Disk(LibvirtDisk disk)
    {
        var element = new XElement("disk", new XAttribute("type", disk.Type), new XAttribute("device", disk.Device));
        var driver = new XElement("driver");
        if (disk.Driver is { } name)
        {
            driver.Add(new XAttribute("name", name));
        }

        if (disk.Format is { } format)
        {
            driver.Add(new XAttribute("type", format));
        }

        if (driver.HasAttributes)
        {
            element.Add(driver);
        }

        if (disk.Source is { } source)
        {
            element.Add(new XElement("source", new XAttribute(disk.Type == "block" ? "dev" : "file", source)));
        }

        element.Add(new XElement("target", new XAttribute("dev", disk.Target), new XAttribute("bus", disk.Bus)));
        if (disk.ReadOnly)
        {
            element.Add(new XElement("readonly"));
        }

        if (disk.Shared)
        {
            element.Add(new XElement("shareable"));
        }

        if (disk.DriveAddress is { } a)
        {
            element.Add(new XElement("address", new XAttribute("type", "drive"), new XAttribute("controller", Number(a.Controller)),
                new XAttribute("bus", Number(a.Bus)), new XAttribute("target", "0"), new XAttribute("unit", Number(a.Unit))));
        }

        return element;
    }

    private static XElement Controller(LibvirtController c)
    {
        var element = new XElement("controller", new XAttribute("type", c.Type), new XAttribute("index", Number(c.Index)));
        if (c.Model is { } model)
        {
            element.Add(new XAttribute("model", model));
        }

        if (c.Ports is { } ports)
        {
            element.Add(new XAttribute("ports", Number(ports)));
        }

        if (c.MaxGrantFrames is { } frames)
        {
            element.Add(new XAttribute("maxGrantFrames", Number(frames)));
        }

        if (c.MaxEventChannels is { } channels)
        {
            element.Add(new XAttribute("maxEventChannels", Number(channels)));
        }

        return element;
    }

    private static XElement Net(LibvirtNet net)
    {
        var element = new XElement("interface", new XAttribute("type", net.Type));
        if (net.Mac is { } mac)
        {
            element.Add(new XElement("mac", new XAttribute("address", mac)));
        }

        if (net.Bridge is { } bridge)
        {
            element.Add(new XElement("source", new XAttribute("bridge", bridge)));
        }

        foreach (string ip in net.Ips)
        {
            element.Add(new XElement("ip", new XAttribute("address", ip), new XAttribute("family", ip.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ipv4")));
        }

        if (net.VlanTags.Count > 0)
        {
            var vlan = new XElement("vlan");
            if (net.VlanTrunk)
            {
                vlan.Add(new XAttribute("trunk", "yes"));
            }

            vlan.Add(net.VlanTags.Select(static t => new XElement("tag", new XAttribute("id", Number(t)))));
            element.Add(vlan);
        }

        if (net.OpenVswitch)
        {
            element.Add(new XElement("virtualport", new XAttribute("type", "openvswitch")));
        }

        if (net.OutboundAverage is { } average)
        {
            element.Add(new XElement("bandwidth", new XElement("outbound", new XAttribute("average", Number(average)))));
        }

        if (net.Script is { } script)
        {
            element.Add(new XElement("script", new XAttribute("path", script)));
        }

        if (net.IfName is { } ifname)
        {
            element.Add(new XElement("target", new XAttribute("dev", ifname)));
        }

        if (net.Model is { } model)
        {
            element.Add(new XElement("model", new XAttribute("type", model)));
        }

        return element;
    }

    private static XElement Chr(string kind, LibvirtChr chr)
    {
        var element = new XElement(kind, new XAttribute("type", chr.Type));
        switch (chr.Type)
        {
            case "dev" or "file" or "pipe":
                element.Add(new XElement("source", new XAttribute("path", chr.Path ?? string.Empty)));
                break;
            case "tcp":
                element.Add(Source(chr.Listen ? "bind" : "connect", chr.Host, chr.Service));
                element.Add(new XElement("protocol", new XAttribute("type", chr.Telnet ? "telnet" : "raw")));
                break;
            case "udp":
                if (chr.BindHost is not null || chr.BindService is not null)
                {
                    element.Add(Source("bind", chr.BindHost, chr.BindService));
                }

                element.Add(Source("connect", chr.Host, chr.Service));
                break;
            case "unix":
                element.Add(new XElement("source", new XAttribute("mode", chr.Listen ? "bind" : "connect"), new XAttribute("path", chr.Path ?? string.Empty)));
                break;
        }

        var target = new XElement("target");
        if (chr.TargetType is { } targetType)
        {
            target.Add(new XAttribute("type", targetType));
        }

        if (kind == "channel")
        {
            target.Add(new XAttribute("name", chr.TargetName ?? string.Empty));
        }
        else
        {
            target.Add(new XAttribute("port", Number(chr.Port)));
        }

        element.Add(target);
        return element;
    }

    private static XElement Source(string mode, string? host, string? service)
    {
        var source = new XElement("source", new XAttribute("mode", mode));
        if (host is not null)
        {
            source.Add(new XAttribute("host", host));
        }

        if (service is not null)
        {
            source.Add(new XAttribute("service", service));
        }

        return source;
    }

    private static XElement Graphics(LibvirtGraphics g)
    {
        var element = new XElement("graphics", new XAttribute("type", g.Type));
        if (g.Type == "sdl")
        {
            if (g.Display is { } display)
            {
                element.Add(new XAttribute("display", display));
            }

            if (g.XAuthority is { } xauth)
            {
                element.Add(new XAttribute("xauth", xauth));
            }

            return element;
        }

        element.Add(new XAttribute("port", Number(g.AutoPort ? -1 : g.Port)));
        if (g.Type == "spice")
        {
            element.Add(new XAttribute("tlsPort", Number(g.TlsPort)));
        }

        element.Add(new XAttribute("autoport", g.AutoPort ? "yes" : "no"));
        if (g.Listen is { } listen)
        {
            element.Add(new XAttribute("listen", listen));
        }

        if (g.Keymap is { } keymap)
        {
            element.Add(new XAttribute("keymap", keymap));
        }

        if (g.Password is { } password)
        {
            element.Add(new XAttribute("passwd", password));
        }

        var listenElement = new XElement("listen", new XAttribute("type", "address"));
        if (g.Listen is { } address)
        {
            listenElement.Add(new XAttribute("address", address));
        }

        element.Add(listenElement);

        if (g.MouseMode is { } mouse)
        {
            element.Add(new XElement("mouse", new XAttribute("mode", mouse)));
        }

        if (g.CopyPaste is { } copy)
        {
            element.Add(new XElement("clipboard", new XAttribute("copypaste", copy ? "yes" : "no")));
        }

        return element;
    }

    private static XElement Hostdev(LibvirtHostdev h)
    {
        if (!h.Pci)
        {
            return new XElement("hostdev", new XAttribute("mode", "subsystem"), new XAttribute("type", "usb"), new XAttribute("managed", "no"),
                new XElement("source", new XElement("address", new XAttribute("bus", Number(h.UsbBus)), new XAttribute("device", Number(h.UsbDevice)))));
        }

        var source = new XElement("source");
        if (h.WriteFiltering is { } filtering)
        {
            source.Add(new XAttribute("writeFiltering", filtering ? "yes" : "no"));
        }

        source.Add(new XElement("address",
            new XAttribute("domain", "0x" + h.Domain.ToString("x4", CultureInfo.InvariantCulture)),
            new XAttribute("bus", "0x" + h.Bus.ToString("x2", CultureInfo.InvariantCulture)),
            new XAttribute("slot", "0x" + h.Slot.ToString("x2", CultureInfo.InvariantCulture)),
            new XAttribute("function", "0x" + h.Function.ToString("x", CultureInfo.InvariantCulture))));
        return new XElement("hostdev", new XAttribute("mode", "subsystem"), new XAttribute("type", "pci"), new XAttribute("managed", "no"),
            new XElement("driver", new XAttribute("name", "xen")), source);
    }
}
