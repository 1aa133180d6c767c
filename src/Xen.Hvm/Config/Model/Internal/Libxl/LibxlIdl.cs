using System.Text.Json;
using System.Text.Json.Nodes;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

/// <summary>What a field of libxl's IDL holds, and so when libxl's generated JSON printer leaves it out.</summary>
internal enum IdlKind
{
    /// <summary>A struct: always printed (<c>{}</c> when nothing inside is).</summary>
    Struct,

    /// <summary>A case of a keyed union (<c>type.hvm</c>): printed when the key selects it.</summary>
    Case,

    /// <summary>An array of structs: omitted when empty.</summary>
    Array,

    /// <summary>An array of numbers, enums or bitmaps: omitted when empty.</summary>
    Values,

    /// <summary><c>libxl_defbool</c>: <c>"True"</c>/<c>"False"</c>, omitted while default.</summary>
    Defbool,

    /// <summary><c>bool</c>: only <c>true</c> prints.</summary>
    Bool,

    /// <summary>Any integer whose default is 0.</summary>
    Int,

    /// <summary>An integer whose default is -1 (<c>libxl_devid</c>, scheduler parameters).</summary>
    MinusOne,

    /// <summary><c>MemKB</c>: default <c>LIBXL_MEMKB_DEFAULT</c> (all ones, 64 bits).</summary>
    MemKb,

    /// <summary>A grant limit: default <c>LIBXL_MAX_GRANT_DEFAULT</c> (all ones, 32 bits).</summary>
    Grant,

    /// <summary>A guest frame number: default <c>LIBXL_INVALID_GFN</c> (all ones, 64 bits).</summary>
    Gfn,

    /// <summary><c>char *</c>: omitted when NULL; an empty string prints.</summary>
    Str,

    /// <summary>An enumeration: omitted at its default; a value with no name prints <c>null</c>.</summary>
    Enum,

    /// <summary><c>libxl_bitmap</c>: the set bits, omitted when none is set.</summary>
    Bitmap,

    /// <summary>An array of bitmaps (vCPU affinities): omitted when empty.</summary>
    BitmapArray,

    /// <summary><c>libxl_uuid</c>: omitted when nil.</summary>
    Uuid,

    /// <summary><c>libxl_mac</c>: omitted when all zero.</summary>
    Mac,

    /// <summary><c>libxl_string_list</c>: omitted when empty.</summary>
    StrList,

    /// <summary><c>libxl_key_value_list</c>: omitted when empty.</summary>
    KeyValues,

    /// <summary><c>libxl_cpuid_policy_list</c>: omitted when it has no leaf and no MSR.</summary>
    Cpuid,

    /// <summary><c>libxl_ms_vm_genid</c>: 16 bytes, omitted when all zero.</summary>
    GenId,
}

/// <summary>The type of an IDL field: its kind, and the struct it holds or the enumeration and its default name.</summary>
internal readonly record struct IdlType(IdlKind Kind, string? Name = null, string? Default = null);

/// <summary>
/// libxl's IDL (<c>libxl_types.idl</c> of Xen 4.17, the structs <c>libxl_domain_config</c> reaches) as data: every
/// printable field of every struct in declaration order, which is the order libxl's generated
/// <c>*_gen_json</c> functions print, with the kind that decides when a field is left out; and the enumerations with
/// their names and numbers. Generated once from the IDL with Xen's own <c>idl.py</c>; a keyed union's cases are structs
/// named <c>struct/key.case</c>, anonymous structs <c>struct/field</c>.
/// </summary>
internal static class LibxlIdl
{
    private static readonly IdlType Defbool = new(IdlKind.Defbool);
    private static readonly IdlType Bool = new(IdlKind.Bool);
    private static readonly IdlType Int = new(IdlKind.Int);
    private static readonly IdlType MinusOne = new(IdlKind.MinusOne);
    private static readonly IdlType MemKb = new(IdlKind.MemKb);
    private static readonly IdlType Grant = new(IdlKind.Grant);
    private static readonly IdlType Gfn = new(IdlKind.Gfn);
    private static readonly IdlType Str = new(IdlKind.Str);
    private static readonly IdlType Bitmap = new(IdlKind.Bitmap);
    private static readonly IdlType BitmapArray = new(IdlKind.BitmapArray);
    private static readonly IdlType Values = new(IdlKind.Values);
    private static readonly IdlType Uuid = new(IdlKind.Uuid);
    private static readonly IdlType Mac = new(IdlKind.Mac);
    private static readonly IdlType StrList = new(IdlKind.StrList);
    private static readonly IdlType KeyValues = new(IdlKind.KeyValues);
    private static readonly IdlType Cpuid = new(IdlKind.Cpuid);
    private static readonly IdlType GenId = new(IdlKind.GenId);

    /// <summary>A struct field (always printed).</summary>
    private static IdlType Obj(string name) => new(IdlKind.Struct, name);

    /// <summary>A keyed union's case (printed when selected).</summary>
    private static IdlType Case(string name) => new(IdlKind.Case, name);

    /// <summary>An array of structs.</summary>
    private static IdlType Arr(string name) => new(IdlKind.Array, name);

    /// <summary>An enumeration and the name of its default (left out), or null when every value prints.</summary>
    private static IdlType Enum(string name, string? defaultName) => new(IdlKind.Enum, name, defaultName);

    /// <summary>The root struct: what <c>xl create -n</c> prints.</summary>
    public const string DomainConfig = "libxl_domain_config";

    /// <summary>Gets every struct's printable fields in print order.</summary>
    public static IReadOnlyDictionary<string, (string Key, IdlType Type)[]> Structs { get; } =
        new Dictionary<string, (string Key, IdlType Type)[]>(StringComparer.Ordinal)
        {
            ["libxl_domain_config"] =
            [
                ("c_info", Obj("libxl_domain_create_info")), ("b_info", Obj("libxl_domain_build_info")),
                ("disks", Arr("libxl_device_disk")), ("nics", Arr("libxl_device_nic")), ("pcidevs", Arr("libxl_device_pci")),
                ("rdms", Arr("libxl_device_rdm")), ("dtdevs", Arr("libxl_device_dtdev")), ("vfbs", Arr("libxl_device_vfb")),
                ("vkbs", Arr("libxl_device_vkb")), ("vtpms", Arr("libxl_device_vtpm")), ("p9s", Arr("libxl_device_p9")),
                ("pvcallsifs", Arr("libxl_device_pvcallsif")), ("vdispls", Arr("libxl_device_vdispl")),
                ("vsnds", Arr("libxl_device_vsnd")), ("channels", Arr("libxl_device_channel")), ("usbctrls", Arr("libxl_device_usbctrl")),
                ("usbdevs", Arr("libxl_device_usbdev")), ("on_poweroff", Enum("libxl_action_on_shutdown", "destroy")),
                ("on_reboot", Enum("libxl_action_on_shutdown", "destroy")), ("on_watchdog", Enum("libxl_action_on_shutdown", "destroy")),
                ("on_crash", Enum("libxl_action_on_shutdown", "destroy")), ("on_soft_reset", Enum("libxl_action_on_shutdown", "destroy"))
            ],
            ["libxl_domain_create_info"] =
            [
                ("type", Enum("libxl_domain_type", "invalid")), ("hap", Defbool), ("oos", Defbool), ("ssidref", Int), ("ssid_label", Str),
                ("name", Str), ("domid", Int), ("uuid", Uuid), ("xsdata", KeyValues), ("platformdata", KeyValues), ("poolid", Int),
                ("pool_name", Str), ("run_hotplug_scripts", Defbool), ("driver_domain", Defbool),
                ("passthrough", Enum("libxl_passthrough", "default")), ("xend_suspend_evtchn_compat", Defbool)
            ],
            ["libxl_domain_build_info/type.hvm"] =
            [
                ("firmware", Str), ("bios", Enum("libxl_bios_type", "unknown")), ("pae", Defbool), ("apic", Defbool), ("acpi", Defbool),
                ("acpi_s3", Defbool), ("acpi_s4", Defbool), ("acpi_laptop_slate", Defbool), ("nx", Defbool), ("viridian", Defbool),
                ("viridian_enable", Bitmap), ("viridian_disable", Bitmap), ("timeoffset", Str), ("hpet", Defbool), ("vpt_align", Defbool),
                ("mmio_hole_memkb", MemKb), ("timer_mode", Enum("libxl_timer_mode", "unknown")), ("nested_hvm", Defbool),
                ("altp2m", Defbool), ("system_firmware", Str), ("smbios_firmware", Str), ("acpi_firmware", Str),
                ("hdtype", Enum("libxl_hdtype", "ide")), ("nographic", Defbool), ("vga", Obj("libxl_vga_interface_info")),
                ("vnc", Obj("libxl_vnc_info")), ("keymap", Str), ("sdl", Obj("libxl_sdl_info")), ("spice", Obj("libxl_spice_info")),
                ("gfx_passthru", Defbool), ("gfx_passthru_kind", Enum("libxl_gfx_passthru_kind", "default")), ("serial", Str),
                ("boot", Str), ("usb", Defbool), ("usbversion", Int), ("usbdevice", Str), ("vkb_device", Defbool), ("soundhw", Str),
                ("xen_platform_pci", Defbool), ("usbdevice_list", StrList), ("vendor_device", Enum("libxl_vendor_device", "none")),
                ("ms_vm_genid", GenId), ("serial_list", StrList), ("rdm", Obj("libxl_rdm_reserve")), ("rdm_mem_boundary_memkb", MemKb),
                ("mca_caps", Int)
            ],
            ["libxl_domain_build_info/type.pv"] =
            [
                ("kernel", Str), ("slack_memkb", MemKb), ("bootloader", Str), ("bootloader_args", StrList), ("cmdline", Str),
                ("ramdisk", Str), ("e820_host", Defbool)
            ],
            ["libxl_domain_build_info/type.pvh"] =
            [
                ("pvshim", Defbool), ("pvshim_path", Str), ("pvshim_cmdline", Str), ("pvshim_extra", Str)
            ],
            ["libxl_domain_build_info/type.invalid"] = [],
            ["libxl_domain_build_info/arch_arm"] =
            [
                ("gic_version", Enum("libxl_gic_version", "default")), ("vuart", Enum("libxl_vuart_type", "unknown"))
            ],
            ["libxl_domain_build_info/arch_x86"] =
            [
                ("msr_relaxed", Defbool)
            ],
            ["libxl_domain_build_info"] =
            [
                ("max_vcpus", Int), ("avail_vcpus", Bitmap), ("cpumap", Bitmap), ("nodemap", Bitmap), ("vcpu_hard_affinity", BitmapArray),
                ("vcpu_soft_affinity", BitmapArray), ("numa_placement", Defbool), ("tsc_mode", Enum("libxl_tsc_mode", "default")),
                ("max_memkb", MemKb), ("target_memkb", MemKb), ("video_memkb", MemKb), ("shadow_memkb", MemKb), ("iommu_memkb", MemKb),
                ("rtc_timeoffset", Int), ("exec_ssidref", Int), ("exec_ssid_label", Str), ("localtime", Defbool),
                ("disable_migrate", Defbool), ("cpuid", Cpuid), ("blkdev_start", Str), ("vnuma_nodes", Arr("libxl_vnode_info")),
                ("max_grant_frames", Grant), ("max_maptrack_frames", Grant), ("max_grant_version", Grant),
                ("device_model_version", Enum("libxl_device_model_version", "unknown")), ("device_model_stubdomain", Defbool),
                ("stubdomain_memkb", MemKb), ("stubdomain_kernel", Str), ("stubdomain_cmdline", Str), ("stubdomain_ramdisk", Str),
                ("device_model", Str), ("device_model_ssidref", Int), ("device_model_ssid_label", Str), ("device_model_user", Str),
                ("extra", StrList), ("extra_pv", StrList), ("extra_hvm", StrList), ("sched_params", Obj("libxl_domain_sched_params")),
                ("ioports", Arr("libxl_ioport_range")), ("irqs", Values), ("iomem", Arr("libxl_iomem_range")), ("claim_mode", Defbool),
                ("event_channels", Int), ("kernel", Str), ("cmdline", Str), ("ramdisk", Str), ("device_tree", Str), ("acpi", Defbool),
                ("bootloader", Str), ("bootloader_args", StrList), ("timer_mode", Enum("libxl_timer_mode", "unknown")),
                ("nested_hvm", Defbool), ("apic", Defbool), ("dm_restrict", Defbool), ("tee", Enum("libxl_tee_type", "none")),
                ("type.hvm", Case("libxl_domain_build_info/type.hvm")), ("type.pv", Case("libxl_domain_build_info/type.pv")),
                ("type.pvh", Case("libxl_domain_build_info/type.pvh")), ("type.invalid", Case("libxl_domain_build_info/type.invalid")),
                ("arch_arm", Obj("libxl_domain_build_info/arch_arm")), ("arch_x86", Obj("libxl_domain_build_info/arch_x86")),
                ("altp2m", Enum("libxl_altp2m_mode", "disabled")), ("vmtrace_buf_kb", Int), ("vpmu", Defbool)
            ],
            ["libxl_vnode_info"] =
            [
                ("memkb", MemKb), ("distances", Values), ("pnode", Int), ("vcpus", Bitmap)
            ],
            ["libxl_domain_sched_params"] =
            [
                ("sched", Enum("libxl_scheduler", "unknown")), ("weight", MinusOne), ("cap", MinusOne), ("period", MinusOne),
                ("budget", MinusOne), ("extratime", MinusOne), ("slice", MinusOne), ("latency", MinusOne)
            ],
            ["libxl_ioport_range"] =
            [
                ("first", Int), ("number", Int)
            ],
            ["libxl_iomem_range"] =
            [
                ("start", Int), ("number", Int), ("gfn", Gfn)
            ],
            ["libxl_vga_interface_info"] =
            [
                ("kind", Enum("libxl_vga_interface_type", "unknown"))
            ],
            ["libxl_vnc_info"] =
            [
                ("enable", Defbool), ("listen", Str), ("passwd", Str), ("display", Int), ("findunused", Defbool)
            ],
            ["libxl_sdl_info"] =
            [
                ("enable", Defbool), ("opengl", Defbool), ("display", Str), ("xauthority", Str)
            ],
            ["libxl_spice_info"] =
            [
                ("enable", Defbool), ("port", Int), ("tls_port", Int), ("host", Str), ("disable_ticketing", Defbool), ("passwd", Str),
                ("agent_mouse", Defbool), ("vdagent", Defbool), ("clipboard_sharing", Defbool), ("usbredirection", Int),
                ("image_compression", Str), ("streaming_video", Str)
            ],
            ["libxl_rdm_reserve"] =
            [
                ("strategy", Enum("libxl_rdm_reserve_strategy", "ignore")), ("policy", Enum("libxl_rdm_reserve_policy", "invalid"))
            ],
            ["libxl_device_disk"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("pdev_path", Str), ("vdev", Str),
                ("backend", Enum("libxl_disk_backend", "unknown")), ("format", Enum("libxl_disk_format", "unknown")), ("script", Str),
                ("removable", Int), ("readwrite", Int), ("is_cdrom", Int), ("direct_io_safe", Bool), ("discard_enable", Defbool),
                ("specification", Enum("libxl_disk_specification", "unknown")), ("transport", Enum("libxl_disk_transport", "unknown")),
                ("irq", Int), ("base", Int), ("colo_enable", Defbool), ("colo_restore_enable", Defbool), ("colo_host", Str),
                ("colo_port", Int), ("colo_export", Str), ("active_disk", Str), ("hidden_disk", Str), ("trusted", Defbool)
            ],
            ["libxl_device_nic"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne), ("mtu", Int), ("model", Str), ("mac", Mac),
                ("ip", Str), ("bridge", Str), ("ifname", Str), ("script", Str), ("nictype", Enum("libxl_nic_type", "unknown")),
                ("rate_bytes_per_interval", Int), ("rate_interval_usecs", Int), ("gatewaydev", Str), ("coloft_forwarddev", Str),
                ("colo_sock_mirror_id", Str), ("colo_sock_mirror_ip", Str), ("colo_sock_mirror_port", Str),
                ("colo_sock_compare_pri_in_id", Str), ("colo_sock_compare_pri_in_ip", Str), ("colo_sock_compare_pri_in_port", Str),
                ("colo_sock_compare_sec_in_id", Str), ("colo_sock_compare_sec_in_ip", Str), ("colo_sock_compare_sec_in_port", Str),
                ("colo_sock_compare_notify_id", Str), ("colo_sock_compare_notify_ip", Str), ("colo_sock_compare_notify_port", Str),
                ("colo_sock_redirector0_id", Str), ("colo_sock_redirector0_ip", Str), ("colo_sock_redirector0_port", Str),
                ("colo_sock_redirector1_id", Str), ("colo_sock_redirector1_ip", Str), ("colo_sock_redirector1_port", Str),
                ("colo_sock_redirector2_id", Str), ("colo_sock_redirector2_ip", Str), ("colo_sock_redirector2_port", Str),
                ("colo_filter_mirror_queue", Str), ("colo_filter_mirror_outdev", Str), ("colo_filter_redirector0_queue", Str),
                ("colo_filter_redirector0_indev", Str), ("colo_filter_redirector0_outdev", Str), ("colo_filter_redirector1_queue", Str),
                ("colo_filter_redirector1_indev", Str), ("colo_filter_redirector1_outdev", Str), ("colo_compare_pri_in", Str),
                ("colo_compare_sec_in", Str), ("colo_compare_out", Str), ("colo_compare_notify_dev", Str),
                ("colo_sock_sec_redirector0_id", Str), ("colo_sock_sec_redirector0_ip", Str), ("colo_sock_sec_redirector0_port", Str),
                ("colo_sock_sec_redirector1_id", Str), ("colo_sock_sec_redirector1_ip", Str), ("colo_sock_sec_redirector1_port", Str),
                ("colo_filter_sec_redirector0_queue", Str), ("colo_filter_sec_redirector0_indev", Str),
                ("colo_filter_sec_redirector0_outdev", Str), ("colo_filter_sec_redirector1_queue", Str),
                ("colo_filter_sec_redirector1_indev", Str), ("colo_filter_sec_redirector1_outdev", Str),
                ("colo_filter_sec_rewriter0_queue", Str), ("colo_checkpoint_host", Str), ("colo_checkpoint_port", Str),
                ("trusted", Defbool)
            ],
            ["libxl_device_pci"] =
            [
                ("func", Int), ("dev", Int), ("bus", Int), ("domain", Int), ("vdevfn", Int), ("vfunc_mask", Int), ("msitranslate", Bool),
                ("power_mgmt", Bool), ("permissive", Bool), ("seize", Bool), ("rdm_policy", Enum("libxl_rdm_reserve_policy", "invalid")),
                ("name", Str)
            ],
            ["libxl_device_rdm"] =
            [
                ("start", Int), ("size", Int), ("policy", Enum("libxl_rdm_reserve_policy", "invalid"))
            ],
            ["libxl_device_dtdev"] =
            [
                ("path", Str)
            ],
            ["libxl_device_vfb"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne), ("vnc", Obj("libxl_vnc_info")),
                ("sdl", Obj("libxl_sdl_info")), ("keymap", Str)
            ],
            ["libxl_device_vkb"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne),
                ("backend_type", Enum("libxl_vkb_backend", "unknown")), ("unique_id", Str), ("feature_disable_keyboard", Bool),
                ("feature_disable_pointer", Bool), ("feature_abs_pointer", Bool), ("feature_raw_pointer", Bool),
                ("feature_multi_touch", Bool), ("width", Int), ("height", Int), ("multi_touch_width", Int), ("multi_touch_height", Int),
                ("multi_touch_num_contacts", Int)
            ],
            ["libxl_device_vtpm"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne), ("uuid", Uuid)
            ],
            ["libxl_device_p9"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("tag", Str), ("path", Str), ("security_model", Str),
                ("devid", MinusOne)
            ],
            ["libxl_device_pvcallsif"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne)
            ],
            ["libxl_device_vdispl"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne), ("be_alloc", Bool),
                ("connectors", Arr("libxl_connector_param"))
            ],
            ["libxl_connector_param"] =
            [
                ("unique_id", Str), ("width", Int), ("height", Int)
            ],
            ["libxl_device_vsnd"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne), ("short_name", Str), ("long_name", Str),
                ("params", Obj("libxl_vsnd_params")), ("pcms", Arr("libxl_vsnd_pcm"))
            ],
            ["libxl_vsnd_params"] =
            [
                ("sample_rates", Values), ("sample_formats", Values), ("channels_min", Int), ("channels_max", Int), ("buffer_size", Int)
            ],
            ["libxl_vsnd_pcm"] =
            [
                ("name", Str), ("params", Obj("libxl_vsnd_params")), ("streams", Arr("libxl_vsnd_stream"))
            ],
            ["libxl_vsnd_stream"] =
            [
                ("unique_id", Str), ("type", Enum("libxl_vsnd_stream_type", null)), ("params", Obj("libxl_vsnd_params"))
            ],
            ["libxl_device_channel/connection.unknown"] = [],
            ["libxl_device_channel/connection.pty"] = [],
            ["libxl_device_channel/connection.socket"] =
            [
                ("path", Str)
            ],
            ["libxl_device_channel"] =
            [
                ("backend_domid", Int), ("backend_domname", Str), ("devid", MinusOne), ("name", Str),
                ("connection.unknown", Case("libxl_device_channel/connection.unknown")),
                ("connection.pty", Case("libxl_device_channel/connection.pty")),
                ("connection.socket", Case("libxl_device_channel/connection.socket"))
            ],
            ["libxl_device_usbctrl"] =
            [
                ("type", Enum("libxl_usbctrl_type", "auto")), ("devid", MinusOne), ("version", Int), ("ports", Int),
                ("backend_domid", Int), ("backend_domname", Str)
            ],
            ["libxl_device_usbdev/type.hostdev"] =
            [
                ("hostbus", Int), ("hostaddr", Int)
            ],
            ["libxl_device_usbdev"] =
            [
                ("ctrl", MinusOne), ("port", Int), ("type.hostdev", Case("libxl_device_usbdev/type.hostdev"))
            ],
        };

    /// <summary>Gets every enumeration a printed field uses: its value names (lower case, as JSON spells them) and numbers.</summary>
    public static IReadOnlyDictionary<string, (string Name, int Value)[]> Enums { get; } =
        new Dictionary<string, (string Name, int Value)[]>(StringComparer.Ordinal)
        {
            ["libxl_domain_type"] =
            [
                ("invalid", -1), ("hvm", 1), ("pv", 2), ("pvh", 3)
            ],
            ["libxl_rdm_reserve_strategy"] =
            [
                ("ignore", 0), ("host", 1)
            ],
            ["libxl_rdm_reserve_policy"] =
            [
                ("invalid", -1), ("strict", 0), ("relaxed", 1)
            ],
            ["libxl_device_model_version"] =
            [
                ("unknown", 0), ("qemu_xen_traditional", 1), ("qemu_xen", 2)
            ],
            ["libxl_disk_format"] =
            [
                ("unknown", 0), ("qcow", 1), ("qcow2", 2), ("vhd", 3), ("raw", 4), ("empty", 5), ("qed", 6)
            ],
            ["libxl_disk_backend"] =
            [
                ("unknown", 0), ("phy", 1), ("tap", 2), ("qdisk", 3), ("standalone", 4)
            ],
            ["libxl_disk_specification"] =
            [
                ("unknown", 0), ("xen", 1), ("virtio", 2)
            ],
            ["libxl_disk_transport"] =
            [
                ("unknown", 0), ("mmio", 1)
            ],
            ["libxl_nic_type"] =
            [
                ("unknown", 0), ("vif_ioemu", 1), ("vif", 2)
            ],
            ["libxl_action_on_shutdown"] =
            [
                ("destroy", 1), ("restart", 2), ("restart_rename", 3), ("preserve", 4), ("coredump_destroy", 5), ("coredump_restart", 6),
                ("soft_reset", 7)
            ],
            ["libxl_tsc_mode"] =
            [
                ("default", 0), ("always_emulate", 1), ("native", 2), ("native_paravirt", 3)
            ],
            ["libxl_gfx_passthru_kind"] =
            [
                ("default", 0), ("igd", 1)
            ],
            ["libxl_timer_mode"] =
            [
                ("unknown", -1), ("delay_for_missed_ticks", 0), ("no_delay_for_missed_ticks", 1), ("no_missed_ticks_pending", 2),
                ("one_missed_tick_pending", 3)
            ],
            ["libxl_bios_type"] =
            [
                ("unknown", 0), ("rombios", 1), ("seabios", 2), ("ovmf", 3)
            ],
            ["libxl_scheduler"] =
            [
                ("unknown", 0), ("sedf", 4), ("credit", 5), ("credit2", 6), ("arinc653", 7), ("rtds", 8), ("null", 9)
            ],
            ["libxl_vga_interface_type"] =
            [
                ("unknown", 0), ("cirrus", 1), ("std", 2), ("none", 3), ("qxl", 4)
            ],
            ["libxl_vendor_device"] =
            [
                ("none", 0), ("xenserver", 1)
            ],
            ["libxl_hdtype"] =
            [
                ("ide", 1), ("ahci", 2)
            ],
            ["libxl_vuart_type"] =
            [
                ("unknown", 0), ("sbsa_uart", 1)
            ],
            ["libxl_vkb_backend"] =
            [
                ("unknown", 0), ("qemu", 1), ("linux", 2)
            ],
            ["libxl_passthrough"] =
            [
                ("default", 0), ("disabled", 1), ("enabled", 2), ("sync_pt", 3), ("share_pt", 4)
            ],
            ["libxl_gic_version"] =
            [
                ("default", 0), ("v2", 32), ("v3", 48)
            ],
            ["libxl_tee_type"] =
            [
                ("none", 0), ("optee", 1)
            ],
            ["libxl_altp2m_mode"] =
            [
                ("disabled", 0), ("mixed", 1), ("external", 2), ("limited", 3)
            ],
            ["libxl_usbctrl_type"] =
            [
                ("auto", 0), ("pv", 1), ("devicemodel", 2), ("qusb", 3)
            ],
            ["libxl_vsnd_pcm_format"] =
            [
                ("s8", 1), ("u8", 2), ("s16_le", 3), ("s16_be", 4), ("u16_le", 5), ("u16_be", 6), ("s24_le", 7), ("s24_be", 8),
                ("u24_le", 9), ("u24_be", 10), ("s32_le", 11), ("s32_be", 12), ("u32_le", 13), ("u32_be", 14), ("f32_le", 15),
                ("f32_be", 16), ("f64_le", 17), ("f64_be", 18), ("iec958_subframe_le", 19), ("iec958_subframe_be", 20), ("mu_law", 21),
                ("a_law", 22), ("ima_adpcm", 23), ("mpeg", 24), ("gsm", 25)
            ],
            ["libxl_vsnd_stream_type"] =
            [
                ("p", 1), ("c", 2)
            ],
        };

    /// <summary>Gets a value indicating whether an enumeration of Xen 4.17 has a value of that name.</summary>
    public static bool EnumHas(string enumeration, string name) =>
        Enums.TryGetValue(enumeration, out var values) && Array.Exists(values, v => string.Equals(v.Name, name, StringComparison.Ordinal));

    /// <summary>Gets the name of an enumeration's value by number, or <see langword="null"/> when it has none.</summary>
    public static string? EnumName(string enumeration, long value)
    {
        foreach (var v in Enums[enumeration])
        {
            if (v.Value == value)
            {
                return v.Name;
            }
        }

        return null;
    }

    /// <summary>Finds the type of the field at a path of keys below <see cref="DomainConfig"/> (<c>b_info/type.hvm/pae</c>).</summary>
    public static bool TryGetField(string path, out IdlType type)
    {
        string owner = DomainConfig;
        type = default;
        foreach (string key in path.Split('/'))
        {
            if (owner is null || !TryGetField(owner, key, out type))
            {
                return false;
            }

            owner = type.Name!;
        }

        return true;
    }

    /// <summary>Finds a field of a struct.</summary>
    public static bool TryGetField(string structName, string key, out IdlType type)
    {
        foreach (var (k, t) in Structs[structName])
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>
    /// Returns a struct as libxl prints it: the members of <paramref name="raw"/> (in any order, possibly holding
    /// defaults) in IDL order, each left out when libxl's printer would leave it out, nested structs always present.
    /// The nodes of <paramref name="raw"/> move into the result.
    /// </summary>
    public static JsonObject Normalise(string structName, JsonObject? raw)
    {
        var result = new JsonObject();
        foreach (var (key, type) in Structs[structName])
        {
            JsonNode? value = null;
            bool present = raw is not null && raw.TryGetPropertyValue(key, out value);
            if (present)
            {
                raw!.Remove(key);
            }

            switch (type.Kind)
            {
                case IdlKind.Struct:
                    result[key] = Normalise(type.Name!, value as JsonObject);
                    break;
                case IdlKind.Case:
                    if (present)
                    {
                        result[key] = Normalise(type.Name!, value as JsonObject);
                    }

                    break;
                case IdlKind.Array:
                    if (present && value is JsonArray { Count: > 0 } array)
                    {
                        var items = new JsonArray();
                        foreach (var item in Detach(array))
                        {
                            items.Add((JsonNode)Normalise(type.Name!, item as JsonObject));
                        }

                        result[key] = items;
                    }

                    break;
                default:
                    if (present && !IsDefault(type, value))
                    {
                        result[key] = value;
                    }

                    break;
            }
        }

        return result;
    }

    /// <summary>Gets a value indicating whether libxl's printer leaves a value of a scalar kind out.</summary>
    public static bool IsDefault(IdlType type, JsonNode? value)
    {
        if (value is null)
        {
            // Only an enumeration value with no name prints as null; anything else null means "not set".
            return type.Kind != IdlKind.Enum;
        }

        switch (type.Kind)
        {
            case IdlKind.Bool:
                return value.GetValueKind() == JsonValueKind.False;
            case IdlKind.Int:
                return IsNumber(value, 0);
            case IdlKind.MinusOne:
                return IsNumber(value, -1);
            case IdlKind.MemKb:
            case IdlKind.Gfn:
                return IsNumber(value, ulong.MaxValue);
            case IdlKind.Grant:
                return IsNumber(value, uint.MaxValue);
            case IdlKind.Enum:
                return value is JsonValue e && e.TryGetValue(out string? name) && string.Equals(name, type.Default, StringComparison.Ordinal);
            case IdlKind.Values:
            case IdlKind.Bitmap:
            case IdlKind.BitmapArray:
            case IdlKind.StrList:
                return value is JsonArray { Count: 0 };
            case IdlKind.KeyValues:
                return value is JsonObject { Count: 0 };
            case IdlKind.Uuid:
                return value is JsonValue u && u.TryGetValue(out string? uuid) && uuid == "00000000-0000-0000-0000-000000000000";
            case IdlKind.Mac:
                return value is JsonValue m && m.TryGetValue(out string? mac) && mac == "00:00:00:00:00:00";
            case IdlKind.Cpuid:
                return value is JsonObject policy && policy["cpuid"] is JsonArray { Count: 0 } && policy["msr"] is JsonArray { Count: 0 };
            case IdlKind.GenId:
                return value is JsonArray bytes && bytes.All(b => b is not null && IsNumber(b, 0));
            default:
                return false;
        }
    }

    private static bool IsNumber(JsonNode value, Int128 n) => TryGetInteger(value, out Int128 v) && v == n;

    /// <summary>Reads an integer JSON value of any size libxl prints (signed or unsigned 64-bit).</summary>
    public static bool TryGetInteger(JsonNode? node, out Int128 value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out long l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue(out ulong u))
        {
            value = u;
            return true;
        }

        if (v.TryGetValue(out int i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue(out uint ui))
        {
            value = ui;
            return true;
        }

        return false;
    }

    /// <summary>Returns a JSON integer (signed when it fits, so that every reader sees one type).</summary>
    public static JsonValue Number(Int128 value) =>
        value >= long.MinValue && value <= long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create((ulong)value);

    /// <summary>Takes the items out of an array so that they can be added to another.</summary>
    public static List<JsonNode?> Detach(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        return items;
    }
}
