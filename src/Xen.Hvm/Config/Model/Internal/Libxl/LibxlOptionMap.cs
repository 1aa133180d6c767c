using System.Text.Json.Nodes;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

/// <summary>How a simple option's value becomes a JSON value, as <c>parse_config_data</c> stores it.</summary>
internal enum LibxlEncoding
{
    /// <summary>A string, as written.</summary>
    String,

    /// <summary>A boolean into a <c>libxl_defbool</c>: <c>"True"</c>/<c>"False"</c>.</summary>
    Defbool,

    /// <summary>A long stored into a C <c>int</c> (truncated to 32 bits).</summary>
    Int32,

    /// <summary>A long stored into a <c>uint32_t</c> (wraps; read back as unsigned).</summary>
    UInt32,

    /// <summary>A long stored into a <c>uint32_t</c> that the file writes signed (<c>rtc_timeoffset = "-3600"</c>).</summary>
    UInt32Signed,

    /// <summary>A size in MiB stored as KiB (<c>l * 1024</c> in a C long, wrapping, into a <c>uint64_t</c>).</summary>
    MiBToKiB,

    /// <summary>A closed set: libxl's name of the member.</summary>
    Enum,

    /// <summary>A list of strings into a <c>libxl_string_list</c>.</summary>
    StringList,
}

/// <summary>The guest types whose parse path reads an option.</summary>
[Flags]
internal enum LibxlScope
{
    /// <summary>PV guests.</summary>
    Pv = 1,

    /// <summary>PVH guests.</summary>
    Pvh = 2,

    /// <summary>HVM guests.</summary>
    Hvm = 4,

    /// <summary>Every guest.</summary>
    Any = Pv | Pvh | Hvm,
}

/// <summary>One option that xl stores as it is (after one conversion) in one JSON field.</summary>
/// <param name="Option">The option's key in <see cref="OptionCatalog"/>.</param>
/// <param name="Path">The JSON field, keys joined by <c>/</c> below <c>libxl_domain_config</c>.</param>
/// <param name="Encoding">The conversion.</param>
/// <param name="Scope">The guest types xl reads it for.</param>
/// <param name="ToLibxl">For <see cref="LibxlEncoding.Enum"/>: the libxl name of a model value (null when unrecognised).</param>
/// <param name="FromLibxl">For <see cref="LibxlEncoding.Enum"/>: the model value of a libxl name (null when unknown).</param>
internal sealed record LibxlOptionRow(
    string Option,
    string Path,
    LibxlEncoding Encoding,
    LibxlScope Scope,
    Func<object, string?>? ToLibxl = null,
    Func<string, object?>? FromLibxl = null)
{
    /// <summary>Gets the catalogue entry (its getter and <c>with</c>).</summary>
    public OptionDefinition Definition { get; } = OptionCatalog.Get(Option);

    /// <summary>Gets the path's keys.</summary>
    public string[] Keys { get; } = Path.Split('/');
}

/// <summary>
/// The options xl stores directly: one row per option, its JSON field, its conversion and the guest types whose parse
/// path reads it (<c>parse_config_data</c>, xl_parse.c of Xen 4.17). Both directions read this table: the model to
/// JSON (<see cref="LibxlJsonWriter"/>) and back (<see cref="LibxlJsonReader"/>). Options xl derives, combines or
/// defaults from xl.conf (<c>memory</c>, <c>vcpus</c>, <c>cpus</c>, <c>type</c>, devices...) are code in those classes.
/// </summary>
internal static class LibxlOptionMap
{
    private const LibxlScope Any = LibxlScope.Any;
    private const LibxlScope Hvm = LibxlScope.Hvm;
    private const LibxlScope Pvh = LibxlScope.Pvh;
    private const LibxlScope Pv = LibxlScope.Pv;

    /// <summary>Gets the options, one entry each.</summary>
    public static IReadOnlyList<LibxlOptionRow> Entries { get; } =
    [
        Row("hap", "c_info/hap", LibxlEncoding.Defbool),
        Row("oos", "c_info/oos", LibxlEncoding.Defbool),
        Row("name", "c_info/name", LibxlEncoding.String),
        Row("pool", "c_info/pool_name", LibxlEncoding.String),
        Row("driver_domain", "c_info/driver_domain", LibxlEncoding.Defbool),
        Enum<PassthroughMode>("passthrough", "c_info/passthrough"),
        Row("xend_suspend_evtchn_compat", "c_info/xend_suspend_evtchn_compat", LibxlEncoding.Defbool),

        Row("e820_host", "b_info/type.pv/e820_host", LibxlEncoding.Defbool, Pv),
        Row("pvshim", "b_info/type.pvh/pvshim", LibxlEncoding.Defbool, Pvh),
        Row("pvshim_path", "b_info/type.pvh/pvshim_path", LibxlEncoding.String, Pvh),
        Row("pvshim_cmdline", "b_info/type.pvh/pvshim_cmdline", LibxlEncoding.String, Pvh),
        Row("pvshim_extra", "b_info/type.pvh/pvshim_extra", LibxlEncoding.String, Pvh),

        Row("cpu_weight", "b_info/sched_params/weight", LibxlEncoding.Int32),
        Row("cap", "b_info/sched_params/cap", LibxlEncoding.Int32),
        Row("period", "b_info/sched_params/period", LibxlEncoding.Int32),
        Row("slice", "b_info/sched_params/slice", LibxlEncoding.Int32),
        Row("latency", "b_info/sched_params/latency", LibxlEncoding.Int32),
        Row("extratime", "b_info/sched_params/extratime", LibxlEncoding.Int32),
        Enum<VuartType>("vuart", "b_info/arch_arm/vuart"),

        Row("shadow_memory", "b_info/shadow_memkb", LibxlEncoding.MiBToKiB),
        Row("nomigrate", "b_info/disable_migrate", LibxlEncoding.Defbool),
        Row("rtc_timeoffset", "b_info/rtc_timeoffset", LibxlEncoding.UInt32Signed),
        Row("localtime", "b_info/localtime", LibxlEncoding.Defbool),
        Row("videoram", "b_info/video_memkb", LibxlEncoding.MiBToKiB),
        Row("max_event_channels", "b_info/event_channels", LibxlEncoding.UInt32),
        Row("ramdisk", "b_info/ramdisk", LibxlEncoding.String),
        Row("device_tree", "b_info/device_tree", LibxlEncoding.String),
        Row("acpi", "b_info/acpi", LibxlEncoding.Defbool),
        Row("bootloader", "b_info/bootloader", LibxlEncoding.String),
        Row("nestedhvm", "b_info/nested_hvm", LibxlEncoding.Defbool),

        Row("firmware_override", "b_info/type.hvm/firmware", LibxlEncoding.String, Hvm),
        Row("bios_path_override", "b_info/type.hvm/system_firmware", LibxlEncoding.String, Hvm),
        Enum<BiosKind>("bios", "b_info/type.hvm/bios", Hvm),
        Row("pae", "b_info/type.hvm/pae", LibxlEncoding.Defbool, Hvm),
        Row("acpi_s3", "b_info/type.hvm/acpi_s3", LibxlEncoding.Defbool, Hvm),
        Row("acpi_s4", "b_info/type.hvm/acpi_s4", LibxlEncoding.Defbool, Hvm),
        Row("acpi_laptop_slate", "b_info/type.hvm/acpi_laptop_slate", LibxlEncoding.Defbool, Hvm),
        Row("nx", "b_info/type.hvm/nx", LibxlEncoding.Defbool, Hvm),
        Row("hpet", "b_info/type.hvm/hpet", LibxlEncoding.Defbool, Hvm),
        Row("vpt_align", "b_info/type.hvm/vpt_align", LibxlEncoding.Defbool, Hvm),
        Row("apic", "b_info/apic", LibxlEncoding.Defbool, Hvm),
        Row("altp2mhvm", "b_info/type.hvm/altp2m", LibxlEncoding.Defbool, Hvm),
        Row("smbios_firmware", "b_info/type.hvm/smbios_firmware", LibxlEncoding.String, Hvm),
        Row("acpi_firmware", "b_info/type.hvm/acpi_firmware", LibxlEncoding.String, Hvm),
        Row("rdm_mem_boundary", "b_info/type.hvm/rdm_mem_boundary_memkb", LibxlEncoding.MiBToKiB, Hvm),

        Row("device_model_override", "b_info/device_model", LibxlEncoding.String),
        Enum<DeviceModelVersion>("device_model_version", "b_info/device_model_version"),
        Row("device_model_stubdomain_override", "b_info/device_model_stubdomain", LibxlEncoding.Defbool),
        Row("device_model_stubdomain_seclabel", "b_info/device_model_ssid_label", LibxlEncoding.String),
        Row("device_model_user", "b_info/device_model_user", LibxlEncoding.String),
        Row("stubdomain_kernel", "b_info/stubdomain_kernel", LibxlEncoding.String),
        Row("stubdomain_cmdline", "b_info/stubdomain_cmdline", LibxlEncoding.String),
        Row("stubdomain_ramdisk", "b_info/stubdomain_ramdisk", LibxlEncoding.String),
        Row("stubdomain_memory", "b_info/stubdomain_memkb", LibxlEncoding.MiBToKiB),
        Row("device_model_args", "b_info/extra", LibxlEncoding.StringList),
        Row("device_model_args_pv", "b_info/extra_pv", LibxlEncoding.StringList),
        Row("device_model_args_hvm", "b_info/extra_hvm", LibxlEncoding.StringList),
        Row("dm_restrict", "b_info/dm_restrict", LibxlEncoding.Defbool),

        Enum<HdType>("hdtype", "b_info/type.hvm/hdtype", Hvm),
        Row("keymap", "b_info/type.hvm/keymap", LibxlEncoding.String, Hvm),
        Row("spice", "b_info/type.hvm/spice/enable", LibxlEncoding.Defbool, Hvm),
        Row("spiceport", "b_info/type.hvm/spice/port", LibxlEncoding.Int32, Hvm),
        Row("spicetls_port", "b_info/type.hvm/spice/tls_port", LibxlEncoding.Int32, Hvm),
        Row("spicehost", "b_info/type.hvm/spice/host", LibxlEncoding.String, Hvm),
        Row("spicedisable_ticketing", "b_info/type.hvm/spice/disable_ticketing", LibxlEncoding.Defbool, Hvm),
        Row("spicepasswd", "b_info/type.hvm/spice/passwd", LibxlEncoding.String, Hvm),
        Row("spiceagent_mouse", "b_info/type.hvm/spice/agent_mouse", LibxlEncoding.Defbool, Hvm),
        Row("spicevdagent", "b_info/type.hvm/spice/vdagent", LibxlEncoding.Defbool, Hvm),
        Row("spice_clipboard_sharing", "b_info/type.hvm/spice/clipboard_sharing", LibxlEncoding.Defbool, Hvm),
        Row("spiceusbredirection", "b_info/type.hvm/spice/usbredirection", LibxlEncoding.Int32, Hvm),
        Row("spice_image_compression", "b_info/type.hvm/spice/image_compression", LibxlEncoding.String, Hvm),
        Row("spice_streaming_video", "b_info/type.hvm/spice/streaming_video", LibxlEncoding.String, Hvm),
        Row("nographic", "b_info/type.hvm/nographic", LibxlEncoding.Defbool, Hvm),
        Row("boot", "b_info/type.hvm/boot", LibxlEncoding.String, Hvm),
        Row("usb", "b_info/type.hvm/usb", LibxlEncoding.Defbool, Hvm),
        Row("usbversion", "b_info/type.hvm/usbversion", LibxlEncoding.Int32, Hvm),
        Row("vkb_device", "b_info/type.hvm/vkb_device", LibxlEncoding.Defbool, Hvm),
        Row("soundhw", "b_info/type.hvm/soundhw", LibxlEncoding.String, Hvm),
        Row("xen_platform_pci", "b_info/type.hvm/xen_platform_pci", LibxlEncoding.Defbool, Hvm),
        Enum<VendorDevice>("vendor_device", "b_info/type.hvm/vendor_device", Hvm),

        Enum<GicVersion>("gic_version", "b_info/arch_arm/gic_version"),
        Enum<TeeType>("tee", "b_info/tee"),
        Row("msr_relaxed", "b_info/arch_x86/msr_relaxed", LibxlEncoding.Defbool),
        Row("vpmu", "b_info/vpmu", LibxlEncoding.Defbool),
    ];

    /// <summary>Gets the entries whose option xl reads for a guest type.</summary>
    public static IEnumerable<LibxlOptionRow> EntriesFor(GuestType type)
    {
        var scope = type switch
        {
            GuestType.Hvm => LibxlScope.Hvm,
            GuestType.Pvh => LibxlScope.Pvh,
            _ => LibxlScope.Pv,
        };
        return Entries.Where(row => (row.Scope & scope) != 0);
    }

    private static LibxlOptionRow Row(string option, string path, LibxlEncoding encoding, LibxlScope scope = Any) =>
        new(option, path, encoding, scope);

    private static LibxlOptionRow Enum<T>(string option, string path, LibxlScope scope = Any)
        where T : struct, System.Enum =>
        new(option, path, LibxlEncoding.Enum, scope,
            static value => ((ConfigEnum<T>)value).LibxlName,
            static name => ModelEnums.TryReadLibxl(name, out T member) ? new ConfigEnum<T>(member) : null);

    /// <summary>Gets the node at a path, or null.</summary>
    public static JsonNode? Get(JsonObject root, IReadOnlyList<string> keys)
    {
        JsonNode? node = root;
        foreach (string key in keys)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Sets the node at a path, creating the objects on the way.</summary>
    public static void Set(JsonObject root, IReadOnlyList<string> keys, JsonNode? value)
    {
        JsonObject obj = root;
        for (int i = 0; i < keys.Count - 1; i++)
        {
            obj = Child(obj, keys[i]);
        }

        obj[keys[^1]] = value;
    }

    /// <summary>Gets a child object, creating it when absent.</summary>
    public static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
