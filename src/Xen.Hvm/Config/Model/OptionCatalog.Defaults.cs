using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model.Internal.Effective;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// What each toolstack uses when a config does not set an option, per Xen version and guest type, and the cases where
// it reads an option and ignores it. Sources: /work/research (options.tsv: default_xl_4.17, default_xm; setdefault.md:
// libxl's create-time defaults), the reference (§3, §4.2, §5.7), and the history of xl_cmdimpl.c/xl_parse.c,
// libxl_create.c and xend's create.py/image.py/XendConfig.py between the release tags. One entry per option; rows in
// order, the first that applies (and whose condition holds) wins, so a conditional row comes before the row that
// covers the rest.
public static partial class OptionCatalog
{
    private const Toolstack Xl = Toolstack.Xl;
    private const Toolstack Xm = Toolstack.Xm;
    private const GuestTypes Hvm = GuestTypes.Hvm;
    private const GuestTypes Pv = GuestTypes.Pv;
    private const GuestTypes Pvh = GuestTypes.Pvh;
    private const GuestTypes AnyType = GuestTypes.All;

    private static OptionDefinition[] AttachDefaults(OptionDefinition[] rows)
    {
        Dictionary<string, OptionDefault[]> defaults = CreateDefaults();
        Dictionary<string, IgnoreRule[]> ignored = CreateIgnoreRules();
        for (int i = 0; i < rows.Length; i++)
        {
            OptionDefinition row = rows[i];
            row.Attach(i, defaults.GetValueOrDefault(row.Name, []), ignored.GetValueOrDefault(row.Name, []));
        }

        return rows;
    }

    private static Dictionary<string, OptionDefault[]> CreateDefaults() => new(StringComparer.Ordinal)
    {
        // General
        ["name"] = [Required(Xl, "(required: xl refuses a config without one)"), None(Xm, "(none)")],
        ["type"] =
        [
            Derive(Xl, ["builder"], "from builder: a prefix of hvm is hvm, of generic is pv", c => XlBuilderType(c.Config.Builder), when: c => c.IsSet("builder")),
            Fixed(Xl, E(GuestType.Pv), "pv (x86; pvh on Arm)"),
            Derive(Xm, ["builder"], "hvm when builder = 'hvm', else pv", c => E(c.Config.Builder == "hvm" ? GuestType.Hvm : GuestType.Pv), when: c => c.IsSet("builder")),
            Fixed(Xm, E(GuestType.Pv), "pv (builder 'linux')"),
        ],
        ["builder"] = [None(Xl, "(none: type, else pv)"), Fixed(Xm, "linux")],
        ["uuid"] = [Host(Xl, "random (made when the config is parsed)"), Host(Xm, "random (made by xend)")],
        ["pool"] = [Fixed(Xl, "Pool-0", "Pool-0 (cpupool 0)"), Fixed(Xm, "Pool-0")],
        ["seclabel"] = [None(Xl, "(none)")],
        ["init_seclabel"] = [None(Xl, "(none)")],
        ["driver_domain"] = [Fixed(Xl, false)],
        ["passthrough"] =
        [
            Derive(Xl, ["pci", "dtdev"], "enabled when pci or dtdev lists devices (libxl then picks share_pt or sync_pt), else disabled",
                c => E((c.IsSet("pci") && c.Config.PciDevices!.Count > 0) || (c.IsSet("dtdev") && c.Config.DeviceTreeDevices!.Count > 0) ? PassthroughMode.Enabled : PassthroughMode.Disabled)),
        ],
        ["xend_suspend_evtchn_compat"] = [Fixed(Xl, false)],
        ["nomigrate"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["max_grant_frames"] = [Host(Xl, "xl.conf's max_grant_frames, else the hypervisor's default")],
        ["max_maptrack_frames"] = [Host(Xl, "xl.conf's max_maptrack_frames, else the hypervisor's default")],
        ["max_grant_version"] = [Host(Xl, "xl.conf's max_grant_version, else 2 when the host has grant tables v2, else 1")],
        ["max_event_channels"] = [Fixed(Xl, 1023L)],
        ["vmtrace_buf_kb"] = [Fixed(Xl, 0L, "0 (no trace buffer)")],
        ["xenstore_feature_mask"] = [Fixed(Xl, 0xffffffffL, "0xffffffff (every feature)")],
        ["xenstore_quota"] = [None(Xl, "(the Xenstore's own quotas)")],
        ["device_tree"] = [None(Xl, "(none)")],
        ["vpmu"] = [Fixed(Xl, false)],
        ["pvh"] = [Fixed(Xl, false)],

        // Memory
        ["hap"] = [Host(Xl, "1 when the host has HAP (EPT/NPT), else 0 (shadow paging)", HostHap), Fixed(Xm, true)],
        ["oos"] = [Fixed(Xl, true), Fixed(Xm, true)],
        ["memory"] =
        [
            Derive(Xl, ["maxmem"], "= maxmem when only maxmem is set", c => c.Config.MaxMemoryMiB, when: c => c.IsSet("maxmem")),
            Fixed(Xl, 32L, "32 (libxl's default)"),
            Fixed(Xm, 128L),
        ],
        ["maxmem"] = [Derive(Xl, ["memory"], "= memory", c => c.Long("memory")), Derive(Xm, ["memory"], "= memory", c => c.Long("memory"))],
        ["shadow_memory"] =
        [
            Derive(Xl, ["maxvcpus", "maxmem"], "1 MiB per vCPU + 8 KiB per MiB of maxmem, rounded up to MiB (libxl_get_required_shadow_memory)",
                c => c.Long("maxvcpus") is { } v && c.Long("maxmem") is { } m ? KiBToMiB(4 * ((256 * v) + (2 * m))) : null, until: "4.17"),
            Derive(Xl, ["maxvcpus", "maxmem", "type", "hap"], "1 MiB per vCPU + 4 KiB per MiB of maxmem (8 KiB with shadow paging), rounded up to MiB (libxl__get_required_paging_memory)",
                XlPagingMemory, since: "4.17"),
            Fixed(Xm, 0L, "0 (xend sizes the shadow pool itself)"),
        ],
        ["vnuma"] = [None(Xl, "(no virtual NUMA)")],
        ["mmio_hole"] = [None(Xl, "(the device model's: 256 MiB with qemu-xen)")],

        // vCPUs and scheduling
        ["vcpus"] = [Fixed(Xl, 1L), Fixed(Xm, 1L)],
        ["maxvcpus"] = [Derive(Xl, ["vcpus"], "= vcpus", c => c.Long("vcpus"))],
        ["cpus"] = [None(Xl, "(no pinning: every physical CPU)"), None(Xm, "(no pinning)")],
        ["cpus_soft"] = [None(Xl, "(no soft affinity)")],
        ["cpu_weight"] = [Fixed(Xl, 256L, "256 (credit schedulers)"), Fixed(Xm, 256L, "256 (credit scheduler)")],
        ["cap"] = [Fixed(Xl, 0L, "0 (no cap)")],
        ["period"] = [None(Xl, "(the scheduler's)")],
        ["slice"] = [None(Xl, "(the scheduler's)")],
        ["latency"] = [None(Xl, "(the scheduler's)")],
        ["extratime"] = [None(Xl, "(the scheduler's)")],

        // Lifecycle
        ["on_poweroff"] = [Fixed(Xl, E(ShutdownAction.Destroy)), Fixed(Xm, E(ShutdownAction.Destroy))],
        ["on_reboot"] = [Fixed(Xl, E(ShutdownAction.Restart)), Fixed(Xm, E(ShutdownAction.Restart))],
        ["on_watchdog"] = [Fixed(Xl, E(ShutdownAction.Destroy))],
        ["on_crash"] = [Fixed(Xl, E(ShutdownAction.Destroy)), Fixed(Xm, E(ShutdownAction.Restart), "restart (XendConfig)")],
        ["on_soft_reset"] = [Fixed(Xl, E(ShutdownAction.SoftReset))],

        // Boot and firmware
        ["kernel"] = [None(Xl, "(none: PV and PVH guests need kernel, bootloader or firmware)"), None(Xm, "(none)")],
        ["ramdisk"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["cmdline"] = [None(Xl, "(none: root and extra)")],
        ["root"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["extra"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["bootloader"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["bootloader_args"] = [None(Xl, "(none)")],
        ["firmware"] = [None(Xl, "(none: libxl picks the BIOS of an HVM guest, see bios)")],
        ["firmware_override"] = [None(Xl, "(hvmloader)")],
        ["bios"] =
        [
            Derive(Xl, ["firmware"], "the BIOS firmware names (uefi is ovmf)", c => FirmwareBios(c.Config.Firmware), since: "4.10", when: c => c.IsSet("firmware") && FirmwareBios(c.Config.Firmware) is not null),
            Derive(Xl, ["device_model_version"], "rombios with qemu-xen-traditional, seabios with qemu-xen",
                c => c.Enum<DeviceModelVersion>("device_model_version") switch
                {
                    DeviceModelVersion.QemuXenTraditional => E(BiosKind.Rombios),
                    DeviceModelVersion.QemuXen => E(BiosKind.Seabios),
                    _ => null,
                }),
        ],
        ["bios_path_override"] = [None(Xl, "(the built-in BIOS image)")],
        ["boot"] = [Fixed(Xl, "cda", "\"cda\" (libxl; the manual says cd)"), Fixed(Xm, "c")],
        ["acpi_firmware"] = [None(Xl, "(none)")],
        ["smbios_firmware"] = [None(Xl, "(none)")],
        ["ms_vm_genid"] = [Fixed(Xl, "none")],
        ["smbios"] = [None(Xl, "(the firmware's own strings)")],

        // HVM platform features
        ["pae"] = [Fixed(Xl, true), Fixed(Xm, true)],
        ["acpi_s3"] = [Fixed(Xl, true)],
        ["acpi_s4"] = [Fixed(Xl, true)],
        ["acpi_laptop_slate"] = [Fixed(Xl, false)],
        ["nx"] = [Fixed(Xl, true)],
        ["hpet"] = [Fixed(Xl, true), Fixed(Xm, false)],
        ["vpt_align"] = [Fixed(Xl, true), Fixed(Xm, true)],
        ["acpi"] = [Fixed(Xl, true, "1 (x86; 0 on Arm)"), Fixed(Xm, true)],
        ["apic"] = [Fixed(Xl, true), Fixed(Xm, true)],
        ["viridian"] = [Fixed(Xl, ViridianSetting.FromBoolean(false), "0 (no enlightenments)"), Fixed(Xm, ViridianSetting.FromBoolean(false), "0 (no enlightenments)")],
        ["xen_platform_pci"] = [Fixed(Xl, true), Fixed(Xm, true)],
        ["tsc_mode"] = [Fixed(Xl, E(TscMode.Default)), Fixed(Xm, E(TscMode.Default), "0 (default)")],
        ["localtime"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["rtc_timeoffset"] = [Fixed(Xl, 0L), Fixed(Xm, 0L)],
        ["timer_mode"] = [Fixed(Xl, E(TimerMode.NoDelayForMissedTicks)), Fixed(Xm, E(TimerMode.NoDelayForMissedTicks), "1 (no_delay_for_missed_ticks)")],
        ["altp2m"] = [Fixed(Xl, E(Altp2mMode.Disabled))],
        ["altp2mhvm"] = [Fixed(Xl, false)],
        ["nestedhvm"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["cpuid"] = [None(Xl, "(the host's CPUID policy)"), None(Xm, "(the host's CPUID)")],
        ["mca_caps"] = [None(Xl, "(none)")],
        ["msr_relaxed"] = [Fixed(Xl, false)],
        ["altp2m_count"] =
        [
            Derive(Xl, ["altp2m", "altp2mhvm"], "10 when altp2m is on, else 0",
                c => (c.Enum<Altp2mMode>("altp2m") is { } mode && mode != Altp2mMode.Disabled) || c.Bool("altp2mhvm") == true ? 10L : 0L),
        ],
        ["xen_platform_pci_bar_uc"] = [Fixed(Xl, true)],
        ["hvm_pirq"] = [Fixed(Xl, false)],

        // PV and PVH only
        ["e820_host"] =
        [
            Derive(Xl, ["pci"], "1 when pci lists devices", c => true, when: c => c.IsSet("pci") && c.Config.PciDevices!.Count > 0),
            Fixed(Xl, false),
        ],
        ["bootloader_restrict"] =
        [
            Derive(Xl, ["bootloader_user"], "1 when bootloader_user is set", c => true, when: c => c.IsSet("bootloader_user")),
            Fixed(Xl, false, "0 (1 when LIBXL_BOOTLOADER_RESTRICT or LIBXL_BOOTLOADER_USER is in xl's environment)"),
        ],
        ["bootloader_user"] = [None(Xl, "(the device model's restricted users)")],
        ["pvshim"] = [Fixed(Xl, false)],
        ["pvshim_path"] = [Host(Xl, "XENFIRMWAREDIR/xen-shim (with pvshim = 1)", when: PvShim), None(Xl, "(no shim: pvshim is off)")],
        ["pvshim_cmdline"] = [Fixed(Xl, "pv-shim console=xen,pv", "\"pv-shim console=xen,pv\" (with pvshim = 1)", when: PvShim), None(Xl, "(no shim: pvshim is off)")],
        ["pvshim_extra"] = [None(Xl, "(none)")],

        // Graphics
        ["vga"] =
        [
            Derive(Xl, ["stdvga"], "stdvga when stdvga is non-zero, cirrus when it is 0", c => E(c.Config.StdVga == true ? VgaKind.Std : VgaKind.Cirrus), when: c => c.IsSet("stdvga")),
            Fixed(Xl, E(VgaKind.Cirrus)),
        ],
        ["stdvga"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["videoram"] =
        [
            Fixed(Xl, 8L, "8 (every card)", until: "4.3"),
            Derive(Xl, ["vga", "device_model_version"], "16 for stdvga on qemu-xen, else 8",
                c => c.Enum<VgaKind>("vga") == VgaKind.Std && c.Enum<DeviceModelVersion>("device_model_version") == DeviceModelVersion.QemuXen ? 16L : 8L,
                since: "4.3", until: "4.5"),
            Derive(Xl, ["vga", "device_model_version"], "qemu-xen: stdvga 16, cirrus 8, qxl 128, none 0; qemu-xen-traditional: stdvga 8, cirrus 4, none 0 (also the minimums)",
                XlVideoRam, since: "4.5"),
            Fixed(Xm, 4L),
        ],
        ["vnc"] = [Fixed(Xl, true, types: Hvm), Fixed(Xl, false, "0 (a PV guest gets a framebuffer from vfb or vnc = 1)", types: Pv), Fixed(Xm, false, "0 (with sdl = 0 too, no display)")],
        ["vnclisten"] = [Fixed(Xl, "127.0.0.1", "127.0.0.1 (with vnc on)", when: Vnc), None(Xl, VncOff), Host(Xm, "xend-config.sxp's vnc-listen (127.0.0.1 as shipped)")],
        ["vncdisplay"] = [Fixed(Xl, 0L, "0 (with vncunused, the first free display from there)", when: Vnc), None(Xl, VncOff), None(Xm, "(the first free display)")],
        ["vncunused"] = [Fixed(Xl, true, "1 (with vnc on)", when: Vnc), None(Xl, VncOff), Fixed(Xm, true)],
        ["vncpasswd"] = [None(Xl, "(no password)"), None(Xm, "(no password)")],
        ["keymap"] = [None(Xl, "(qemu's: en-us)"), None(Xm, "(qemu's: en-us)")],
        ["sdl"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["opengl"] = [Fixed(Xl, false, "0 (with sdl on)", when: c => c.Bool("sdl") == true), None(Xl, "(no SDL window: sdl is off)"), None(Xm, "(qemu-dm's)")],
        ["display"] = [None(Xl, "(xl's DISPLAY)"), None(Xm, "(xend's DISPLAY)")],
        ["xauthority"] = [None(Xl, "(xl's XAUTHORITY)"), None(Xm, "(xend's XAUTHORITY)")],
        ["nographic"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["spice"] = [Fixed(Xl, false)],
        ["spiceport"] = [None(Xl, "(none: spice needs spiceport or spicetls_port)")],
        ["spicetls_port"] = [None(Xl, "(none)")],
        ["spicehost"] = [None(Xl, "(every interface)")],
        ["spicedisable_ticketing"] = [Fixed(Xl, false, "0 (with spice on)", when: Spice), None(Xl, SpiceOff)],
        ["spicepasswd"] = [None(Xl, "(none)")],
        ["spiceagent_mouse"] = [Fixed(Xl, true, "1 (with spice on)", when: Spice), None(Xl, SpiceOff)],
        ["spicevdagent"] = [Fixed(Xl, false, "0 (with spice on)", when: Spice), None(Xl, SpiceOff)],
        ["spice_clipboard_sharing"] = [Fixed(Xl, false, "0 (with spice on)", when: Spice), None(Xl, SpiceOff)],
        ["spiceusbredirection"] = [Fixed(Xl, 0L)],
        ["spice_image_compression"] = [None(Xl, "(qemu's)")],
        ["spice_streaming_video"] = [None(Xl, "(qemu's)")],
        ["gfx_passthru"] = [Fixed(Xl, new GfxPassthruSetting(false), "0"), Fixed(Xm, new GfxPassthruSetting(false), "0")],
        ["vncviewer"] = [None(Xl, "(no viewer: xl create -V starts one)"), None(Xm, "(no viewer)")],

        // Emulated devices
        ["serial"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["soundhw"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["vkb_device"] = [Fixed(Xl, true)],
        ["usb"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["usbversion"] =
        [
            Derive(Xl, ["spiceusbredirection"], "2 when spiceusbredirection is above 0", c => 2L, when: c => c.IsSet("spiceusbredirection") && c.Config.SpiceUsbRedirection > 0),
            Fixed(Xl, 0L, "0 (no USB controller of that kind)"),
        ],
        ["usbdevice"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["vendor_device"] = [Fixed(Xl, E(VendorDevice.None))],
        ["hdtype"] = [Fixed(Xl, E(HdType.Ide))],

        // Device lists
        ["disk"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["vif"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["vif2"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["pci"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["pci_permissive"] = [Fixed(Xl, false)],
        ["pci_msitranslate"] = [Fixed(Xl, true, until: "4.2"), Fixed(Xl, false, since: "4.2"), Fixed(Xm, true)],
        ["pci_seize"] = [Fixed(Xl, false)],
        ["pci_power_mgmt"] = [Fixed(Xl, false), Fixed(Xm, false)],
        ["rdm"] = [None(Xl, "(strategy ignore, policy relaxed)")],
        ["rdm_mem_boundary"] = [Fixed(Xl, 2048L)],
        ["dtdev"] = [None(Xl, "(none)")],
        ["ioports"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["iomem"] = [None(Xl, "(none)")],
        ["irqs"] = [None(Xl, "(none)")],
        ["vtpm"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["p9"] = [None(Xl, "(none)")],
        ["pvcalls"] = [None(Xl, "(none)")],
        ["vfb"] = [None(Xl, "(none)"), None(Xm, "(none)")],
        ["channel"] = [None(Xl, "(none)")],
        ["usbctrl"] = [None(Xl, "(none)")],
        ["usbdev"] = [None(Xl, "(none)")],
        ["vdispl"] = [None(Xl, "(none)")],
        ["vsnd"] = [None(Xl, "(none)")],
        ["vkb"] = [None(Xl, "(none)")],
        ["virtio"] = [None(Xl, "(none)")],

        // Device model
        ["device_model_version"] =
        [
            Fixed(Xl, E(DeviceModelVersion.QemuXenTraditional), "qemu-xen-traditional (the only device model)", until: "4.2"),
            Fixed(Xl, E(DeviceModelVersion.QemuXenTraditional), since: "4.2", until: "4.3", types: Hvm),
            Derive(Xl, ["device_model_stubdomain_override"], "qemu-xen-traditional with a stub domain",
                c => E(DeviceModelVersion.QemuXenTraditional), since: "4.3", until: "4.21", types: Hvm, when: c => c.Bool("device_model_stubdomain_override") == true),
            Fixed(Xl, E(DeviceModelVersion.QemuXen), "qemu-xen (a NetBSD dom0 kept qemu-xen-traditional until 4.21)", since: "4.2"),
        ],
        ["device_model_override"] = [None(Xl, "(the built-in qemu)")],
        ["device_model"] = [None(Xl, "(the built-in qemu)"), Fixed(Xm, "qemu-dm", "qemu-dm (qemu-xen-traditional)", types: Hvm), None(Xm, "(none)", types: Pv | Pvh)],
        ["device_model_stubdomain_override"] = [Fixed(Xl, false)],
        ["device_model_stubdomain_seclabel"] = [None(Xl, "(none)")],
        ["device_model_user"] = [Host(Xl, "libxl picks xen-qemuuser-range-base or xen-qemuuser-shared (with dm_restrict = 1)", when: c => c.Bool("dm_restrict") == true), None(Xl, "(root: dm_restrict is off)")],
        ["stubdomain_kernel"] = [Host(Xl, "XENFIRMWAREDIR/ioemu-stubdom.gz (qemu-xen-traditional) or qemu-stubdom-linux-kernel (qemu-xen)", when: Stubdomain), None(Xl, NoStubdomain)],
        ["stubdomain_ramdisk"] = [Host(Xl, "XENFIRMWAREDIR/qemu-stubdom-linux-rootfs (qemu-xen)", when: Stubdomain), None(Xl, NoStubdomain)],
        ["stubdomain_cmdline"] = [None(Xl, "(none)")],
        ["stubdomain_memory"] =
        [
            Derive(Xl, ["device_model_stubdomain_override", "device_model_version"], "0 without a stub domain; 128 for qemu-xen's Linux stub domain, 28 for qemu-xen-traditional's MiniOS one",
                c => c.Bool("device_model_stubdomain_override") != true ? 0L
                    : c.Enum<DeviceModelVersion>("device_model_version") switch
                    {
                        DeviceModelVersion.QemuXen => 128L,
                        DeviceModelVersion.QemuXenTraditional => 28L,
                        _ => null,
                    }),
        ],
        ["device_model_args"] = [None(Xl, "(none)")],
        ["device_model_args_pv"] = [None(Xl, "(none)")],
        ["device_model_args_hvm"] = [None(Xl, "(none)")],
        ["dm_restrict"] = [Fixed(Xl, false)],

        // Arm
        ["gic_version"] = [Host(Xl, "the host's GIC")],
        ["vuart"] = [None(Xl, "(none)")],
        ["tee"] = [Fixed(Xl, E(TeeType.None))],
        ["sve"] = [Fixed(Xl, 0L, "disabled")],
        ["llc_colors"] = [None(Xl, "(every colour)")],
        ["nr_spis"] = [Host(Xl, "(computed by the toolstack from the devices)")],
        ["trap_unmapped_accesses"] = [Fixed(Xl, true, "1 (Arm)")],
        ["arm_sci"] = [None(Xl, "(none)")],

        // Keys only xm read
        ["vncconsole"] = [Fixed(Xm, false)],
        ["cpu_cap"] = [Fixed(Xm, 0L, "0 (no cap)")],
        ["irq"] = [None(Xm, "(none)")],
        ["vusb"] = [None(Xm, "(none)")],
        ["vscsi"] = [None(Xm, "(none)")],
        ["ne2000"] = [Fixed(Xm, false)],
        ["audio"] = [Fixed(Xm, false)],
        ["cdrom"] = [None(Xm, "(none)")],
        ["isa"] = [Fixed(Xm, false)],
        ["fda"] = [None(Xm, "(none)")],
        ["fdb"] = [None(Xm, "(none)")],
        ["parallel"] = [None(Xm, "(none)")],
        ["monitor"] = [Fixed(Xm, false)],
        ["monitor_path"] = [None(Xm, "(none)")],
        ["guest_os_type"] = [Fixed(Xm, "default")],
        ["loader"] = [None(Xm, "(hvmloader)")],
        ["features"] = [None(Xm, "(none)")],
        ["bootargs"] = [None(Xm, "(none)")],
        ["bootentry"] = [None(Xm, "(none)")],
        ["cpu"] = [None(Xm, "(any)")],
        ["vcpu_avail"] = [None(Xm, "(every vCPU)")],
        ["vhpt"] = [Fixed(Xm, 0L)],
        ["blkif"] = [Fixed(Xm, false)],
        ["netif"] = [Fixed(Xm, false)],
        ["access_control"] = [None(Xm, "(none)")],
        ["nics"] = [Fixed(Xm, -1L, "-1 (one per vif)")],
        ["ip"] = [None(Xm, "(none)")],
        ["gateway"] = [None(Xm, "(none)")],
        ["netmask"] = [None(Xm, "(none)")],
        ["hostname"] = [None(Xm, "(none)")],
        ["interface"] = [Fixed(Xm, "eth0")],
        ["dhcp"] = [Fixed(Xm, "off")],
        ["nfs_server"] = [None(Xm, "(none)")],
        ["nfs_root"] = [None(Xm, "(none)")],
        ["description"] = [None(Xm, "(none)")],
        ["on_xend_start"] = [Fixed(Xm, E(XendStartAction.Ignore))],
        ["on_xend_stop"] = [Fixed(Xm, E(XendStopAction.Ignore))],
        ["target"] = [Fixed(Xm, 0L)],
        ["s3_integrity"] = [Fixed(Xm, true)],
        ["cpuid_check"] = [None(Xm, "(none)")],
        ["machine_address_size"] = [None(Xm, "(the host's)")],
        ["suppress_spurious_page_faults"] = [None(Xm, "(off)")],
        ["superpages"] = [Fixed(Xm, false)],
        ["memory_sharing"] = [Fixed(Xm, false)],
        ["restart"] = [None(Xm, "(on_reboot and friends)")],
        ["ssidref"] = [None(Xm, "(none)")],
        ["lapic"] = [None(Xm, "(none)")],
        ["console"] = [None(Xm, "(none)")],
        ["ipaddr"] = [None(Xm, "(none)")],
        ["usbport"] = [None(Xm, "(none)")],
        ["tpmif"] = [None(Xm, "(none)")],
        ["xen_extended_power_mgmt"] = [Fixed(Xm, 0L, "0 (no battery or thermal pass-through)")],
    };

    private static Dictionary<string, IgnoreRule[]> CreateIgnoreRules() => new(StringComparer.Ordinal)
    {
        ["kernel"] =
        [
            new(Xl, V("4.2"), V("4.5"), Hvm, null, "xl 4.2-4.4 ignore kernel for an HVM guest (use firmware_override)."),
            new(Xl, V("4.5"), null, Hvm, static c => IsHvmloader(c.Kernel), "xl ignores a kernel named hvmloader in an HVM guest (xm's firmware path; use firmware_override)."),
        ],
        ["device_model"] = [new(Xl, V("4.2"), null, AnyType, null, "xl ignores device_model (use device_model_override, or device_model_stubdomain_override for stubdom-dm).")],
        ["vncviewer"] = [new(Xl, V("4.5"), null, AnyType, null, "xl ignores vncviewer (use xl create -V).")],
        ["vif2"] = [new(Xl, null, null, AnyType, null, "xl ignores vif2: netchannel2 is not supported.")],
        ["stdvga"] = [new(Xl, V("4.3"), null, Hvm, static c => c.Vga is not null, "vga is set: xl ignores stdvga.")],
    };

    private static OptionDefault Fixed(
        Toolstack toolstack, object value, string? words = null, string? since = null, string? until = null, GuestTypes types = AnyType, Func<EffectiveContext, bool>? when = null) =>
        new(toolstack, Version(since), Version(until), types, OptionDefaultKind.Value, value, [], words ?? Spell(value), when, null);

    private static OptionDefault Derive(
        Toolstack toolstack, string[] from, string words, Func<EffectiveContext, object?> rule,
        string? since = null, string? until = null, GuestTypes types = AnyType, Func<EffectiveContext, bool>? when = null) =>
        new(toolstack, Version(since), Version(until), types, OptionDefaultKind.Derived, null, from, words, when, rule);

    private static OptionDefault Host(Toolstack toolstack, string words, Func<EffectiveContext, object?>? rule = null, Func<EffectiveContext, bool>? when = null) =>
        new(toolstack, null, null, AnyType, OptionDefaultKind.Host, null, [], words, when, rule);

    // Sub-options that matter only when their display, shim or stub domain is on; the row after covers "off".
    private const string VncOff = "(no VNC server: vnc is off)";
    private const string SpiceOff = "(no SPICE server: spice is off)";
    private const string NoStubdomain = "(no stub domain)";

    private static bool Vnc(EffectiveContext context) => context.Bool("vnc") == true;

    private static bool Spice(EffectiveContext context) => context.Bool("spice") == true;

    private static bool PvShim(EffectiveContext context) => context.Bool("pvshim") == true;

    private static bool Stubdomain(EffectiveContext context) => context.Bool("device_model_stubdomain_override") == true;

    private static OptionDefault None(Toolstack toolstack, string words, GuestTypes types = AnyType) =>
        new(toolstack, null, null, types, OptionDefaultKind.None, null, [], words, null, null);

    private static OptionDefault Required(Toolstack toolstack, string words) =>
        new(toolstack, null, null, AnyType, OptionDefaultKind.Required, null, [], words, null, null);

    private static ConfigEnum<T> E<T>(T value)
        where T : struct, Enum => new(value);

    private static XenVersion? Version(string? text) => text is null ? null : XenVersion.Parse(text);

    /// <summary>A default value as a config spells it: booleans as 0/1, enums by their spelling, strings quoted.</summary>
    internal static string Spell(object value) => value switch
    {
        bool b => b ? "1" : "0",
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => "\"" + s + "\"",
        _ => value.ToString() ?? string.Empty,
    };

    // xl_parse.c: a prefix of "hvm" (the empty string included) is HVM, a prefix of "generic" is PV; anything else
    // is refused ("Invalid domain type"), which counts as PV here.
    private static ConfigEnum<GuestType>? XlBuilderType(string? builder) => builder switch
    {
        null => null,
        _ when "hvm".StartsWith(builder, StringComparison.Ordinal) => E(GuestType.Hvm),
        _ when "generic".StartsWith(builder, StringComparison.Ordinal) => E(GuestType.Pv),
        _ => null,
    };

    // xl_parse.c (4.10+): firmware = "uefi" (or a prefix of it) is OVMF; seabios/rombios/ovmf name that BIOS
    // (libxl_bios_type_from_string, case-insensitive); "bios" (or a prefix) leaves the choice to libxl; anything else
    // is a path to a firmware image, which does not choose the BIOS either.
    private static ConfigEnum<BiosKind>? FirmwareBios(string? firmware)
    {
        if (firmware is null)
        {
            return null;
        }

        if ("uefi".StartsWith(firmware, StringComparison.Ordinal))
        {
            return E(BiosKind.Ovmf);
        }

        if ("bios".StartsWith(firmware, StringComparison.Ordinal))
        {
            return null;
        }

        ConfigEnum<BiosKind> named = ConfigEnum<BiosKind>.FromSpelling(firmware);
        return named.IsKnown ? E(named.Value.Value) : null;
    }

    private static bool IsHvmloader(string? kernel) =>
        kernel is not null && string.Equals(kernel[(kernel.LastIndexOf('/') + 1)..], "hvmloader", StringComparison.Ordinal);

    private static object? HostHap(EffectiveContext context) => context.Host?.Facts.Hap.State switch
    {
        FactState.Yes => true,
        FactState.No => false,
        _ => null,
    };

    // libxl__get_required_paging_memory (4.17): 4 KiB x (256 per vCPU + ((type != pv) + !hap) per MiB of maxmem),
    // where hap counts only for non-PV guests; unknown while the host has to decide hap.
    private static object? XlPagingMemory(EffectiveContext context)
    {
        if (context.Long("maxvcpus") is not { } vcpus || context.Long("maxmem") is not { } maxmem)
        {
            return null;
        }

        bool pv = context.GuestType == GuestType.Pv;
        bool? hap = pv ? false : context.Bool("hap");
        if (hap is not { } h)
        {
            return null;
        }

        long perMiB = (pv ? 0 : 1) + (h ? 0 : 1);
        return KiBToMiB(4 * ((256 * vcpus) + (perMiB * maxmem)));
    }

    private static long KiBToMiB(long kib) => (kib + 1023) / 1024;

    // libxl__domain_build_info_setdefault (4.5+): the default video memory of each card, per device model.
    private static object? XlVideoRam(EffectiveContext context)
    {
        VgaKind? vga = context.Enum<VgaKind>("vga");
        return context.Enum<DeviceModelVersion>("device_model_version") switch
        {
            DeviceModelVersion.QemuXen => vga switch
            {
                VgaKind.None => 0L,
                VgaKind.Std => 16L,
                VgaKind.Cirrus => 8L,
                VgaKind.Qxl => 128L,
                _ => null,
            },
            DeviceModelVersion.QemuXenTraditional => vga switch
            {
                VgaKind.None => 0L,
                VgaKind.Std => 8L,
                VgaKind.Cirrus => 4L,
                _ => null, // qxl needs qemu-xen: libxl refuses it
            },
            _ => null,
        };
    }
}
