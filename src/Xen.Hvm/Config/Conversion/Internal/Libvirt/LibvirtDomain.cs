namespace Xen.Hvm.Config.Conversion.Internal.Libvirt;

// The part of libvirt's virDomainDef that its Xen converters (src/libxl/xen_common.c, xen_xl.c, xen_xm.c) read and
// write. Both directions go through it: config -> domain -> XML, and XML -> domain -> config.

internal enum LibvirtOsType
{
    Pv,
    Hvm,
    Pvh,
}

internal sealed class LibvirtDomain
{
    public string? Name { get; set; }

    public string? Uuid { get; set; }

    public ulong MemoryKiB { get; set; }

    public ulong CurrentMemoryKiB { get; set; }

    public int Vcpus { get; set; } = 1;

    public int MaxVcpus { get; set; } = 1;

    public string? CpuSet { get; set; }

    public LibvirtOsType OsType { get; set; }

    public string? Arch { get; set; }

    public string? Machine { get; set; }

    public string? LoaderPath { get; set; }

    public string? LoaderType { get; set; }

    public bool LoaderReadOnly { get; set; }

    public string? Kernel { get; set; }

    public string? Initrd { get; set; }

    public string? Cmdline { get; set; }

    public string? Bootloader { get; set; }

    public string? BootloaderArgs { get; set; }

    public List<string> BootDevices { get; } = [];

    public string? SlicTable { get; set; }

    public bool Acpi { get; set; }

    public bool Apic { get; set; }

    public bool Pae { get; set; }

    public bool HapOff { get; set; }

    public bool Viridian { get; set; }

    public bool E820Host { get; set; }

    /// <summary>null: not set; "" for enabled without a mode; sync_pt or share_pt; "off" for disabled.</summary>
    public string? Passthrough { get; set; }

    /// <summary>host-passthrough CPU features as (name, policy); null when there is no cpu element.</summary>
    public List<(string Name, string Policy)>? CpuFeatures { get; set; }

    /// <summary>vNUMA cells: the vCPUs (a bitmap), the memory and the distances to every cell (null: not given).</summary>
    public List<(string Cpus, ulong MemoryKiB, List<ulong>? Distances)> NumaCells { get; } = [];

    public string ClockOffset { get; set; } = "utc";

    public int ClockAdjustment { get; set; }

    public bool ClockReset { get; set; }

    public string ClockBasis { get; set; } = "utc";

    public List<(string Name, bool Present, string? Mode)> Timers { get; } = [];

    public string OnPoweroff { get; set; } = "destroy";

    public string OnReboot { get; set; } = "restart";

    public string OnCrash { get; set; } = "restart";

    public string? Emulator { get; set; }

    public List<LibvirtDisk> Disks { get; } = [];

    public List<LibvirtController> Controllers { get; } = [];

    public List<LibvirtNet> Nets { get; } = [];

    public List<LibvirtChr> Serials { get; } = [];

    public List<LibvirtChr> Parallels { get; } = [];

    public List<LibvirtChr> Consoles { get; } = [];

    public List<LibvirtChr> Channels { get; } = [];

    public List<(string Type, string Bus)> Inputs { get; } = [];

    public List<LibvirtGraphics> Graphics { get; } = [];

    public List<string> Sounds { get; } = [];

    public List<(string Model, int VramKiB)> Videos { get; } = [];

    public List<LibvirtHostdev> Hostdevs { get; } = [];

    public List<string> DeviceModelArgs { get; } = [];

    public bool Memballoon { get; set; }

    public bool IsHvm => OsType == LibvirtOsType.Hvm;
}

internal sealed class LibvirtDisk
{
    public string Type { get; set; } = "file";

    public string Device { get; set; } = "disk";

    public string? Driver { get; set; }

    public string? Format { get; set; }

    public string? Source { get; set; }

    public string Target { get; set; } = string.Empty;

    public string Bus { get; set; } = "xen";

    public bool ReadOnly { get; set; }

    public bool Shared { get; set; }

    public (int Controller, int Bus, int Unit)? DriveAddress { get; set; }
}

internal sealed class LibvirtController
{
    public string Type { get; set; } = "xenbus";

    public int Index { get; set; }

    public string? Model { get; set; }

    public int? Ports { get; set; }

    public long? MaxGrantFrames { get; set; }

    public long? MaxEventChannels { get; set; }
}

internal sealed class LibvirtNet
{
    public string Type { get; set; } = "ethernet";

    public string? Mac { get; set; }

    public string? Bridge { get; set; }

    public List<uint> VlanTags { get; } = [];

    public bool VlanTrunk { get; set; }

    public bool OpenVswitch { get; set; }

    public List<string> Ips { get; } = [];

    public string? Script { get; set; }

    public string? Model { get; set; }

    public string? IfName { get; set; }

    public ulong? OutboundAverage { get; set; }
}

internal sealed class LibvirtChr
{
    /// <summary>pty, dev, file, pipe, tcp, udp, unix, null, stdio, vc.</summary>
    public string Type { get; set; } = "pty";

    public string? Path { get; set; }

    public string? Host { get; set; }

    public string? Service { get; set; }

    public bool Listen { get; set; }

    public bool Telnet { get; set; }

    public string? BindHost { get; set; }

    public string? BindService { get; set; }

    public int Port { get; set; }

    /// <summary>console: xen or serial; channel: xen (with <see cref="TargetName"/>).</summary>
    public string? TargetType { get; set; }

    public string? TargetName { get; set; }

    public LibvirtChr Copy() => (LibvirtChr)MemberwiseClone();
}

internal sealed class LibvirtGraphics
{
    public string Type { get; set; } = "vnc";

    public int Port { get; set; } = -1;

    public int TlsPort { get; set; }

    public bool AutoPort { get; set; }

    public string? Listen { get; set; }

    public string? Password { get; set; }

    public string? Keymap { get; set; }

    public string? Display { get; set; }

    public string? XAuthority { get; set; }

    public string? MouseMode { get; set; }

    public bool? CopyPaste { get; set; }
}

internal sealed class LibvirtHostdev
{
    public bool Pci { get; set; } = true;

    public int Domain { get; set; }

    public int Bus { get; set; }

    public int Slot { get; set; }

    public int Function { get; set; }

    /// <summary>writeFiltering: true is permissive=0, false permissive=1, null absent.</summary>
    public bool? WriteFiltering { get; set; }

    public int UsbBus { get; set; }

    public int UsbDevice { get; set; }
}
