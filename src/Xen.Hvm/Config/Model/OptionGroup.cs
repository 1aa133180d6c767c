namespace Xen.Hvm.Config.Model;

/// <summary>The groups of options, as the xl.cfg(5) manual groups them (plus the keys only xm read).</summary>
public enum OptionGroup
{
    /// <summary>Name, type, UUID, pool, security labels, grant and event-channel limits.</summary>
    General,

    /// <summary>Memory, ballooning, paging and virtual NUMA.</summary>
    Memory,

    /// <summary>vCPUs, CPU affinity and scheduler parameters.</summary>
    VcpusAndScheduling,

    /// <summary>What happens on power-off, reboot, crash, watchdog and soft reset.</summary>
    Lifecycle,

    /// <summary>Kernel, ramdisk, command line, bootloader and firmware.</summary>
    BootAndFirmware,

    /// <summary>HVM platform features: ACPI, APIC, PAE, HPET, viridian, timers, CPUID.</summary>
    HvmPlatform,

    /// <summary>Graphics: VNC, SDL, SPICE, the emulated VGA card.</summary>
    Graphics,

    /// <summary>Emulated devices: serial ports, sound, USB, disk controller.</summary>
    EmulatedDevices,

    /// <summary>Device lists: disks, network interfaces, PCI and other passthrough, PV devices.</summary>
    DeviceLists,

    /// <summary>The device model (qemu) and its stub domain.</summary>
    DeviceModel,

    /// <summary>Options for Arm guests.</summary>
    Arm,

    /// <summary>Options for PV guests only.</summary>
    Pv,

    /// <summary>Options for PVH guests only.</summary>
    Pvh,

    /// <summary>Keys only xm (xend) read; xl ignores them.</summary>
    XmOnly,
}
