using System.Globalization;
using System.Text.Json.Nodes;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

/// <summary>
/// A <see cref="DomainConfig"/> as xl 4.17's <c>parse_config_data</c> (tools/xl/xl_parse.c) turns a config into a
/// <c>libxl_domain_config</c>, followed by what <c>create_domain</c> does before <c>xl create -n</c> prints it (the
/// xl.conf CPU masks). The writer fills a raw JSON tree in xl's order, with the values xl stores (defaults included);
/// <see cref="LibxlIdl.Normalise"/> then orders it as libxl prints and leaves out what libxl leaves out. Values xl
/// refuses are reported (XH3110, XH3111) and left out; xl would print nothing at all.
/// </summary>
internal sealed partial class LibxlJsonWriter
{
    private const int MaxBitmapBits = 65536;

    private readonly DomainConfig _c;
    private readonly LibxlJsonOptions _o;
    private readonly XlConf _xlConf;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly JsonObject _root = new();
    private readonly JsonObject _cInfo;
    private readonly JsonObject _bInfo;
    private GuestType _type;
    private int _maxVcpus;
    private long _vcpus;
    private ulong _maxMemKb = ulong.MaxValue;
    private ulong _targetMemKb = ulong.MaxValue;

    private LibxlJsonWriter(DomainConfig config, LibxlJsonOptions options)
    {
        _c = config;
        _o = options;
        _xlConf = options.XlConf;
        _cInfo = LibxlOptionMap.Child(_root, "c_info");
        _bInfo = LibxlOptionMap.Child(_root, "b_info");
    }

    private JsonObject Hvm => LibxlOptionMap.Child(_bInfo, "type.hvm");

    /// <summary>Writes a model's libxl JSON.</summary>
    public static JsonObject Write(DomainConfig config, LibxlJsonOptions options, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var writer = new LibxlJsonWriter(config, options);
        writer.Run();
        diagnostics = writer._diagnostics;
        return LibxlIdl.Normalise(LibxlIdl.DomainConfig, writer._root);
    }

    private void Run()
    {
        SecurityLabels();
        _cInfo["run_hotplug_scripts"] = Defbool(_xlConf.RunHotplugScripts ?? true);
        ResolveType();
        _cInfo["type"] = ModelEnums.LibxlName(_type);
        _bInfo[TypeKey(_type)] = new JsonObject();
        if (_c.Name is null)
        {
            Missing("Domain name must be specified.");
        }

        Uuid();
        SimpleOptions();
        if (_xlConf.BlkdevStart is { } blkdevStart)
        {
            _bInfo["blkdev_start"] = blkdevStart;
        }

        MemoryAndVcpus();
        Affinity(_c.CpuAffinity, "cpus", hard: true);
        Affinity(_c.SoftCpuAffinity, "cpus_soft", hard: false);
        GrantLimit(_c.MaxGrantFrames, "max_grant_frames", _xlConf.MaxGrantFrames);
        GrantLimit(_c.MaxMaptrackFrames, "max_maptrack_frames", _xlConf.MaxMaptrackFrames);
        GrantLimit(_c.MaxGrantVersion, "max_grant_version", _xlConf.MaxGrantVersion);
        _bInfo["claim_mode"] = Defbool(_xlConf.ClaimMode ?? true);
        ShutdownActions();
        PciDevices();
        DeviceTreeDevices();
        NumberedEnum(_c.TscMode, "tsc_mode", "libxl_tsc_mode", _bInfo);
        KernelAndCommandLine();
        BootloaderArgs();
        TimerMode();
        if (_type == GuestType.Hvm)
        {
            HvmFirmwareAndPlatform();
        }
        else
        {
            PvFirmware();
        }

        NumberedEnum(_c.Altp2m, "altp2m", "libxl_altp2m_mode", _bInfo);
        if (_c.VmtraceBufferKiB is { } vmtrace && vmtrace != 0)
        {
            _bInfo["vmtrace_buf_kb"] = (int)vmtrace;
        }

        IoPorts();
        Irqs();
        IoMemory();
        Disks();
        P9Shares();
        Vtpms();
        VirtualDisplays();
        PvCalls();
        VirtualSoundCards();
        Channels();
        Nics();
        Vfbs();
        UsbControllers();
        UsbDevices();
        Cpuid();
        TopLevelGraphics();
        if (_type == GuestType.Hvm)
        {
            HvmDevices();
        }

        VirtualKeyboards();
        GlobalAffinityMasks();
    }

    private static string TypeKey(GuestType type) => "type." + ModelEnums.LibxlName(type);

    private static JsonValue Defbool(bool value) => JsonValue.Create(value ? "True" : "False");

    private static JsonValue Number(Int128 value) => LibxlIdl.Number(value);

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private void Refuse(string option, object? value, string reason) =>
        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlValueRefused, default, option, Show(value), reason));

    private void Missing(string message) =>
        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlRequiredOptionMissing, default, message));

    private void SecurityLabels()
    {
        if (_c.InitialSecurityLabel is { } init)
        {
            _cInfo["ssid_label"] = init;
        }

        if (_c.SecurityLabel is { } label)
        {
            (_c.InitialSecurityLabel is null ? _cInfo : _bInfo)[_c.InitialSecurityLabel is null ? "ssid_label" : "exec_ssid_label"] = label;
        }
    }

    /// <summary><c>type</c> then the deprecated <c>builder</c>: each matched as a prefix (<c>strncmp</c> over the value's length).</summary>
    private void ResolveType()
    {
        GuestType? type = null;
        if (_c.Type is { } t)
        {
            type = t.IsKnown ? t.Value : Prefix(t.Spelling, ("hvm", GuestType.Hvm), ("pv", GuestType.Pv), ("pvh", GuestType.Pvh));
            if (type is null)
            {
                Refuse("type", t.Spelling, "Invalid domain type " + t.Spelling + ".");
            }
        }

        if (_c.Builder is { } builder)
        {
            var builderType = Prefix(builder, ("hvm", GuestType.Hvm), ("generic", GuestType.Pv));
            if (builderType is null)
            {
                Refuse("builder", builder, "Invalid domain type " + builder + ".");
            }
            else if (type is not null && type != builderType)
            {
                Refuse("builder", builder, "Contradicting \"builder\" and \"type\" options specified.");
            }
            else
            {
                type = builderType;
            }
        }

        _type = type ?? GuestType.Pv;
    }

    private static GuestType? Prefix(string value, params (string Name, GuestType Type)[] names)
    {
        foreach (var (name, type) in names)
        {
            if (name.StartsWith(value, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }

    private void Uuid()
    {
        if (_c.Uuid is not { } text)
        {
            _cInfo["uuid"] = _o.GeneratedUuid.ToString("D");
        }
        else if (Guid.TryParseExact(text, "D", out var uuid))
        {
            _cInfo["uuid"] = uuid.ToString("D");
        }
        else
        {
            Refuse("uuid", text, "Failed to parse UUID: " + text);
        }
    }

    /// <summary>The options of <see cref="LibxlOptionMap"/>: one field each, for the guest types whose path reads them.</summary>
    private void SimpleOptions()
    {
        foreach (var row in LibxlOptionMap.EntriesFor(_type))
        {
            if (row.Definition.GetValue(_c) is not { } value)
            {
                continue;
            }

            if (Encode(row, value) is { } node)
            {
                LibxlOptionMap.Set(_root, row.Keys, node);
            }
        }
    }

    private JsonNode? Encode(LibxlOptionRow row, object value)
    {
        switch (row.Encoding)
        {
            case LibxlEncoding.String:
                return (string)value;
            case LibxlEncoding.Defbool:
                return Defbool((bool)value);
            case LibxlEncoding.Int32:
                return unchecked((int)(long)value);
            case LibxlEncoding.UInt32:
            case LibxlEncoding.UInt32Signed:
                return Number(unchecked((uint)(long)value));
            case LibxlEncoding.MiBToKiB:
                return Number(unchecked((ulong)((long)value * 1024)));
            case LibxlEncoding.StringList:
                return new JsonArray(((ValueList<string>)value).Select(s => (JsonNode?)s).ToArray());
            default:
                string? name = row.ToLibxl!(value);
                LibxlIdl.TryGetField(row.Path, out var field);
                if (name is null || !LibxlIdl.EnumHas(field.Name!, name))
                {
                    Refuse(row.Option, value.ToString(), "not a value libxl 4.17 knows");
                    return null;
                }

                return name;
        }
    }

    private void MemoryAndVcpus()
    {
        if (_c.MemoryMiB is { } memory)
        {
            _targetMemKb = unchecked((ulong)(memory * 1024));
        }

        if (_c.MaxMemoryMiB is { } maxmem)
        {
            _maxMemKb = unchecked((ulong)(maxmem * 1024));
        }

        if (_c.Vcpus is { } vcpus)
        {
            _vcpus = vcpus;
            if (vcpus < 0 || vcpus > int.MaxValue)
            {
                Refuse("vcpus", vcpus, "Unable to allocate cpumap");
            }
            else if (vcpus > MaxBitmapBits)
            {
                Refuse("vcpus", vcpus, "more vCPUs than this library prints (65536)");
            }
            else
            {
                _bInfo["avail_vcpus"] = Bitmap(Enumerable.Range(0, (int)vcpus));
            }
        }

        if (_c.MaxVcpus is { } maxVcpus)
        {
            _maxVcpus = unchecked((int)maxVcpus);
        }

        Vnuma();
        if (_maxMemKb == ulong.MaxValue)
        {
            _maxMemKb = _targetMemKb;
        }

        if (_maxVcpus == 0)
        {
            _maxVcpus = unchecked((int)_vcpus);
        }

        if (_maxVcpus < _vcpus)
        {
            Refuse("maxvcpus", _c.MaxVcpus, "xl: maxvcpus < vcpus");
        }

        _bInfo["max_vcpus"] = _maxVcpus;
        _bInfo["target_memkb"] = Number(_targetMemKb);
        _bInfo["max_memkb"] = Number(_maxMemKb);
    }

    private void Vnuma()
    {
        if (_c.VnumaNodes is not { Count: > 0 } nodes)
        {
            return;
        }

        int count = nodes.Count;
        long vcpuCount = 0;
        ulong memKb = 0;
        int vcpuWidth = _maxVcpus > 0 ? (_maxVcpus + 7) / 8 * 8 : _o.CpuBitmapWidth;
        var array = new JsonArray();
        foreach (var node in nodes)
        {
            var p = new JsonObject();
            var distances = new ulong[count];
            var vcpus = new SortedSet<int>();
            foreach (var option in node)
            {
                switch (option.Key)
                {
                    case VnumaKey.Pnode when option.Number is { } pnode:
                        if (pnode >= (ulong)_o.HostNodeCount)
                        {
                            Refuse("vnuma", option.ToString(), "xl: invalid pnode number: " + pnode.ToString(CultureInfo.InvariantCulture));
                        }

                        p["pnode"] = Number((uint)pnode);
                        _bInfo["numa_placement"] = Defbool(false);
                        break;
                    case VnumaKey.Size when option.Number is { } size:
                        ulong kb = unchecked(size << 10);
                        p["memkb"] = Number(kb);
                        memKb = unchecked(memKb + kb);
                        break;
                    case VnumaKey.Vcpus:
                        foreach (var (from, to) in option.Ranges)
                        {
                            vcpuCount += (long)Math.Min(to - from + 1, (ulong)int.MaxValue);
                            for (ulong v = from; v <= to && v < (ulong)vcpuWidth; v++)
                            {
                                vcpus.Add((int)v);
                            }
                        }

                        break;
                    case VnumaKey.Vdistances:
                        for (int j = 0; j < option.Distances.Count && j < count; j++)
                        {
                            distances[j] = option.Distances[j];
                        }

                        break;
                }
            }

            p["distances"] = new JsonArray(distances.Select(d => (JsonNode?)Number(unchecked((uint)d))).ToArray());
            p["vcpus"] = Bitmap(vcpus);
            array.Add((JsonNode)p);
        }

        _bInfo["vnuma_nodes"] = array;
        if (_maxVcpus != 0)
        {
            if (_maxVcpus != vcpuCount)
            {
                Refuse("vnuma", "[...]", "xl: vnuma vcpus and maxvcpus= mismatch");
            }
        }
        else
        {
            if (_o.HostCpuCount < vcpuCount)
            {
                Refuse("vnuma", "[...]", "xl: vnuma specifies more vcpus than pcpus, use maxvcpus= to override this check.");
            }

            _maxVcpus = unchecked((int)vcpuCount);
        }

        if (_maxMemKb != ulong.MaxValue && _maxMemKb != memKb)
        {
            Refuse("vnuma", "[...]", "xl: maxmem and vnuma memory size mismatch");
        }
        else
        {
            _maxMemKb = memKb;
        }
    }

    /// <summary>A CPU list evaluated on a bitmap of the host's width, as <c>parse_cpurange</c> fills it.</summary>
    private IReadOnlyList<int> Cpus(CpuListSpec spec) => spec.Evaluate(_o.CpuBitmapWidth, _o.CpusOfNode);

    private void Affinity(OneOrList<CpuListSpec>? value, string option, bool hard)
    {
        if (value is null)
        {
            return;
        }

        int count = Math.Max(value.IsList ? Math.Min(value.Items.Count, _maxVcpus) : _maxVcpus, 0);
        if (count > MaxBitmapBits)
        {
            Refuse(option, value.ToString(), "more vCPUs than this library prints (65536)");
            return;
        }

        var maps = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            maps.Add((JsonNode)Bitmap(Cpus(value.IsList ? value.Items[i] : value.Items[0])));
        }

        _bInfo[hard ? "vcpu_hard_affinity" : "vcpu_soft_affinity"] = maps;
        if (value.IsList || !hard)
        {
            _bInfo["numa_placement"] = Defbool(false);
        }
    }

    /// <summary><c>apply_global_affinity_masks</c>: every hard affinity ANDed with xl.conf's <c>vm.cpumask</c> and the
    /// guest type's mask; without a hard affinity, one per vCPU when a mask is not full.</summary>
    private void GlobalAffinityMasks()
    {
        int width = _o.CpuBitmapWidth;
        var all = Enumerable.Range(0, width).ToArray();
        int[] vm = _xlConf.VmCpuMask is { } m ? Cpus(m).ToArray() : all;
        var typeSpec = _type == GuestType.Pv ? _xlConf.VmPvCpuMask : _xlConf.VmHvmCpuMask;
        int[] typeMask = typeSpec is { } t ? Cpus(t).ToArray() : all;
        if (_bInfo["vcpu_hard_affinity"] is not JsonArray { Count: > 0 } maps)
        {
            if (vm.Length == width && typeMask.Length == width)
            {
                return;
            }

            maps = new JsonArray(Enumerable.Range(0, Math.Clamp(_maxVcpus, 0, MaxBitmapBits)).Select(_ => (JsonNode?)Bitmap(all)).ToArray());
            _bInfo["vcpu_hard_affinity"] = maps;
        }

        var allowed = vm.Intersect(typeMask).ToHashSet();
        for (int i = 0; i < maps.Count; i++)
        {
            var cpus = BitmapValues(maps[i]).Where(allowed.Contains).ToArray();
            if (cpus.Length == 0)
            {
                Refuse("cpus", _c.CpuAffinity?.ToString(), "vcpu hard affinity map is empty");
                return;
            }

            maps[i] = Bitmap(cpus);
        }
    }

    private static JsonArray Bitmap(IEnumerable<int> bits) =>
        new(bits.Distinct().Order().Select(b => (JsonNode?)JsonValue.Create(b)).ToArray());

    private static IEnumerable<int> BitmapValues(JsonNode? bitmap) =>
        bitmap is JsonArray array ? array.Select(b => (int)b!.GetValue<int>()) : [];

    private void GrantLimit(long? value, string option, long? xlConfValue)
    {
        if (value is { } v)
        {
            if (v is < 0 or > int.MaxValue)
            {
                Refuse(option, v, "out of range 0 to 2147483647 (xl exits without a message)");
                return;
            }

            _bInfo[option] = Number(v);
        }
        else
        {
            _bInfo[option] = Number(xlConfValue is { } x ? (uint)x : uint.MaxValue);
        }
    }

    private void ShutdownActions()
    {
        Action(_c.OnPoweroff, "on_poweroff", ShutdownAction.Destroy);
        Action(_c.OnReboot, "on_reboot", ShutdownAction.Restart);
        Action(_c.OnWatchdog, "on_watchdog", ShutdownAction.Destroy);
        Action(_c.OnCrash, "on_crash", ShutdownAction.Destroy);
        Action(_c.OnSoftReset, "on_soft_reset", ShutdownAction.SoftReset);
    }

    private void Action(ConfigEnum<ShutdownAction>? value, string option, ShutdownAction fallback)
    {
        if (value is { IsKnown: false } unknown)
        {
            Refuse(option, unknown.Spelling, "Unknown " + option + " action \"" + unknown.Spelling + "\" specified");
            return;
        }

        _root[option] = ModelEnums.LibxlName(value?.Value ?? fallback);
    }

    /// <summary><c>tsc_mode</c> and <c>altp2m</c>: a number (<c>xlu_cfg_get_long</c> first) or a name.</summary>
    private void NumberedEnum<T>(ConfigEnum<T>? value, string option, string enumeration, JsonObject target)
        where T : struct, Enum
    {
        if (value is not { } v)
        {
            return;
        }

        string? name = NumberedName(v, enumeration);
        if (name is null)
        {
            Refuse(option, v.Spelling, "ERROR: invalid value \"" + v.Spelling + "\" for \"" + option + "\"");
            return;
        }

        target[option] = name;
    }

    /// <summary>The libxl name of a value xl reads as a number (0 to 3) or a name; null when xl refuses it.</summary>
    private static string? NumberedName<T>(ConfigEnum<T> value, string enumeration)
        where T : struct, Enum
    {
        if (XlNumber.TryParse(value.Spelling, out long n))
        {
            return n is >= 0 and <= 3 ? LibxlIdl.EnumName(enumeration, n) : null;
        }

        return value.IsKnown ? value.LibxlName : null;
    }

    private void TimerMode()
    {
        if (_c.TimerMode is not { } mode)
        {
            return;
        }

        if (_type == GuestType.Pv)
        {
            Refuse("timer_mode", mode.Spelling, "ERROR: \"timer_mode\" option is not supported for PV guests.");
            return;
        }

        NumberedEnum(_c.TimerMode, "timer_mode", "libxl_timer_mode", _bInfo);
    }

    private void KernelAndCommandLine()
    {
        if (_c.Kernel is { } kernel)
        {
            int slash = kernel.LastIndexOf('/');
            string basename = slash < 0 ? kernel : kernel[(slash + 1)..];
            if (_type != GuestType.Hvm || basename != "hvmloader")
            {
                _bInfo["kernel"] = kernel;
            }
        }

        string? cmdline = _c.Cmdline ?? (_c.Root, _c.Extra) switch
        {
            ({ } root, { } extra) => "root=" + root + " " + extra,
            ({ } root, null) => "root=" + root,
            (null, { } extra) => extra,
            _ => null,
        };
        if (cmdline is not null)
        {
            _bInfo["cmdline"] = cmdline;
        }
    }

    private void BootloaderArgs()
    {
        if (_c.BootloaderArgs is not { } args)
        {
            return;
        }

        IEnumerable<string> items = args.IsList
            ? args.Items
            : args.Items[0].Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        _bInfo["bootloader_args"] = new JsonArray(items.Select(s => (JsonNode?)s).ToArray());
    }

    private void PvFirmware()
    {
        if (_c.Firmware is { } firmware)
        {
            if (_bInfo.ContainsKey("kernel"))
            {
                Refuse("firmware", firmware, "ERROR: both kernel and firmware specified");
            }
            else if (!"pvgrub32".StartsWith(firmware, StringComparison.Ordinal) && !"pvgrub64".StartsWith(firmware, StringComparison.Ordinal))
            {
                Refuse("firmware", firmware, "ERROR: only pvgrub{32|64} supported as firmware options");
            }
            else
            {
                _bInfo["kernel"] = _o.FirmwareDirectory + "/" + firmware + ".bin";
            }
        }

        if (_c.Bootloader is null && !_bInfo.ContainsKey("kernel"))
        {
            Missing("Neither kernel nor bootloader specified");
        }
    }

    private void HvmFirmwareAndPlatform()
    {
        Viridian();
        if (_c.MmioHoleMiB is { } hole)
        {
            ulong bytes = unchecked((ulong)(hole * 1024) * 1024);
            if (bytes < 0x10000000UL || bytes > 0xf0000000UL)
            {
                Refuse("mmio_hole", hole, "ERROR: invalid value " + hole.ToString(CultureInfo.InvariantCulture) + " for \"mmio_hole\"");
            }

            Hvm["mmio_hole_memkb"] = Number(unchecked((ulong)(hole * 1024)));
        }

        if (_c.MsVmGenerationId is { } genid)
        {
            if (genid == "generate")
            {
                if (_o.GeneratedVmGenerationId is { } id)
                {
                    Hvm["ms_vm_genid"] = new JsonArray(id.ToByteArray().Select(b => (JsonNode?)JsonValue.Create((int)b)).ToArray());
                }
            }
            else if (genid != "none")
            {
                Refuse("ms_vm_genid", genid, "ERROR: \"ms_vm_genid\" option must be \"generate\" or \"none\"");
            }
        }

        if (_c.McaCapabilities is { } caps)
        {
            ulong mask = 0;
            foreach (string cap in caps)
            {
                if (cap == "lmce")
                {
                    mask |= 1;
                }
                else
                {
                    Refuse("mca_caps", cap, "ERROR: unrecognized MCA capability '" + cap + "'.");
                }
            }

            Hvm["mca_caps"] = Number(mask);
        }

        if (_c.Firmware is { } firmware)
        {
            var bios = LibxlIdl.Enums["libxl_bios_type"].FirstOrDefault(v => string.Equals(v.Name, firmware, StringComparison.OrdinalIgnoreCase)).Name;
            if (bios is not null)
            {
                Hvm["bios"] = bios;
            }
            else if ("uefi".StartsWith(firmware, StringComparison.Ordinal))
            {
                Hvm["bios"] = "ovmf";
            }
            else if (!"bios".StartsWith(firmware, StringComparison.Ordinal))
            {
                Hvm["firmware"] = firmware;
            }
        }
    }

    /// <summary><c>viridian</c>: a list sets the enable/disable bitmaps (64 bits wide), a number the defbool.</summary>
    private void Viridian()
    {
        if (_c.Viridian is not { } viridian)
        {
            return;
        }

        if (viridian.Enabled is { } enabled)
        {
            Hvm["viridian"] = Defbool(enabled);
            return;
        }

        var enable = new SortedSet<int>();
        var disable = new SortedSet<int>();
        foreach (var item in viridian.Groups!)
        {
            if (item.All)
            {
                enable.UnionWith(Enumerable.Range(0, 64));
            }
            else if (item.Group is not { } group)
            {
                Hvm["viridian"] = Defbool(true);
            }
            else
            {
                int bit = (int)group;
                (item.Disable ? disable : enable).Add(bit);
                (item.Disable ? enable : disable).Remove(bit);
            }
        }

        Hvm["viridian_enable"] = Bitmap(enable);
        Hvm["viridian_disable"] = Bitmap(disable);
    }

    /// <summary>Top-level <c>vnc*</c>/<c>sdl*</c>: a PV guest without <c>vfb</c> gets a vfb and a vkb when <c>vnc</c>
    /// is on; every other guest stores them in the HVM union member (printed only for HVM).</summary>
    private void TopLevelGraphics()
    {
        if (_type == GuestType.Pv && _root["vfbs"] is not JsonArray { Count: > 0 })
        {
            if (_c.Vnc is true)
            {
                var vfb = new JsonObject { ["devid"] = Count("vfbs") };
                vfb["vnc"] = TopLevelVnc();
                vfb["sdl"] = TopLevelSdl();
                if (_c.Keymap is { } keymap)
                {
                    vfb["keymap"] = keymap;
                }

                Append("vfbs", vfb);
                Append("vkbs", new JsonObject { ["devid"] = Count("vkbs") });
            }
        }
        else if (_type == GuestType.Hvm)
        {
            Hvm["vnc"] = TopLevelVnc();
            Hvm["sdl"] = TopLevelSdl();
        }
    }

    private JsonObject TopLevelVnc() => VncInfo(_c.Vnc, _c.VncListen, _c.VncPassword, _c.VncDisplay, _c.VncUnused);

    private JsonObject TopLevelSdl() => SdlInfo(_c.Sdl, _c.OpenGl, _c.Display, _c.XAuthority);

    /// <summary>A <c>libxl_vnc_info</c> (top-level keys or a vfb item).</summary>
    private static JsonObject VncInfo(bool? enable, string? listen, string? passwd, long? display, bool? findUnused)
    {
        var vnc = new JsonObject();
        Put(vnc, "enable", enable is { } e ? Defbool(e) : null);
        Put(vnc, "listen", listen);
        Put(vnc, "passwd", passwd);
        Put(vnc, "display", display is { } d ? JsonValue.Create(unchecked((int)d)) : null);
        Put(vnc, "findunused", findUnused is { } f ? Defbool(f) : null);
        return vnc;
    }

    /// <summary>A <c>libxl_sdl_info</c> (top-level keys or a vfb item).</summary>
    private static JsonObject SdlInfo(bool? enable, bool? opengl, string? display, string? xauthority)
    {
        var sdl = new JsonObject();
        Put(sdl, "enable", enable is { } e ? Defbool(e) : null);
        Put(sdl, "opengl", opengl is { } o ? Defbool(o) : null);
        Put(sdl, "display", display);
        Put(sdl, "xauthority", xauthority);
        return sdl;
    }

    /// <summary>Sets a member when there is a value.</summary>
    private static void Put(JsonObject target, string key, JsonNode? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    /// <summary>The HVM-only block read after the device model keys: vga, gfx_passthru, serial, usbdevice, the vnc
    /// display check.</summary>
    private void HvmDevices()
    {
        if (_c.Vga is { } vga)
        {
            if (vga.IsKnown)
            {
                Hvm["vga"] = new JsonObject { ["kind"] = vga.LibxlName };
            }
            else
            {
                Refuse("vga", vga.Spelling, "Unknown vga \"" + vga.Spelling + "\" specified");
            }
        }
        else if (_c.StdVga is { } stdvga)
        {
            Hvm["vga"] = new JsonObject { ["kind"] = stdvga ? "std" : "cirrus" };
        }

        if (_c.GfxPassthru is { } gfx)
        {
            if (gfx.Kind is { } kind)
            {
                if (kind.IsKnown)
                {
                    Hvm["gfx_passthru_kind"] = kind.LibxlName;
                    Hvm["gfx_passthru"] = Defbool(true);
                }
                else
                {
                    Refuse("gfx_passthru", kind.Spelling, "ERROR: invalid value \"" + kind.Spelling + "\" for \"gfx_passthru\"");
                }
            }
            else
            {
                Hvm["gfx_passthru"] = Defbool(gfx.Enabled);
            }
        }

        StringOrList(_c.Serial, "serial");
        StringOrList(_c.UsbDevice is { } usb ? (usb.IsList ? OneOrList<string>.List([.. usb.Items.Select(u => u.ToSpecString())]) : OneOrList<string>.One(usb.Items[0].ToSpecString())) : null, "usbdevice");

        if (_c.VncListen is { } listen && _c.VncDisplay is { } display && display != 0 && listen.Contains(':', StringComparison.Ordinal))
        {
            Refuse("vnclisten", listen, "ERROR: Display specified both in vnclisten and vncdisplay!");
        }
    }

    private void StringOrList(OneOrList<string>? value, string option)
    {
        if (value is null)
        {
            return;
        }

        if (value.IsList)
        {
            Hvm[option + "_list"] = new JsonArray(value.Items.Select(s => (JsonNode?)s).ToArray());
        }
        else
        {
            Hvm[option] = value.Items[0];
        }
    }
}
