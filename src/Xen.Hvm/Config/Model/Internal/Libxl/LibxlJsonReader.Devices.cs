using System.Globalization;
using System.Text.Json.Nodes;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

// The HVM union member, the I/O resources, cpuid and the device lists read back.
internal sealed partial class LibxlJsonReader
{
    private static readonly string[] ViridianNames =
    [
        "base", "freq", "time_ref_count", "reference_tsc", "hcall_remote_tlb_flush", "apic_assist", "crash_ctl", "synic",
        "stimer", "hcall_ipi", "ex_processor_masks", "no_vp_limit", "cpu_hotplug",
    ];

    private void HvmOptions()
    {
        JsonObject hvm = Hvm;
        const string where = "$.b_info.type.hvm";
        Viridian(hvm, where);
        _c = _c with { MmioHoleMiB = MiB(hvm, "mmio_hole_memkb", where) };
        if (Take(hvm, "ms_vm_genid") is JsonArray genid && genid.Any(b => !LibxlIdl.TryGetInteger(b, out Int128 v) || v != 0))
        {
            _c = _c with { MsVmGenerationId = "generate" };
            NotExpressible(where + ".ms_vm_genid", genid, "ms_vm_genid = \"generate\" makes a new random id; this one cannot be given");
        }

        if (UInt64(hvm, "mca_caps", where) is { } caps && caps != 0)
        {
            _c = _c with { McaCapabilities = (caps & 1) != 0 ? ["lmce"] : [] };
            if ((caps & ~1UL) != 0)
            {
                NotExpressible(where + ".mca_caps", caps, "only lmce (1) has a name");
            }
        }

        if (Object(hvm, "vga", where) is { } vga && EnumName(vga, "kind", where + ".vga", "libxl_vga_interface_type") is { } kind && kind != "unknown")
        {
            ModelEnums.TryReadLibxl(kind, out VgaKind vk);
            _c = _c with { Vga = vk };
        }

        bool? gfx = Defbool(hvm, "gfx_passthru", where);
        string? gfxKind = EnumName(hvm, "gfx_passthru_kind", where, "libxl_gfx_passthru_kind");
        if (gfxKind is "igd")
        {
            _c = _c with { GfxPassthru = new GfxPassthruSetting(true, GfxPassthruKind.Igd) };
            if (gfx != true)
            {
                NotExpressible(where + ".gfx_passthru_kind", gfxKind, "gfx_passthru = \"igd\" also turns gfx_passthru on");
            }
        }
        else if (gfx is { } on)
        {
            _c = _c with { GfxPassthru = new GfxPassthruSetting(on) };
        }

        _c = _c with
        {
            Serial = OneOrList(hvm, "serial", where),
            UsbDevice = UsbDevices(OneOrList(hvm, "usbdevice", where), where + ".usbdevice"),
        };

        if (Object(hvm, "vnc", where) is { } vnc)
        {
            _c = _c with
            {
                Vnc = Defbool(vnc, "enable", where + ".vnc"),
                VncListen = String(vnc, "listen", where + ".vnc"),
                VncPassword = String(vnc, "passwd", where + ".vnc"),
                VncDisplay = Int32(vnc, "display", where + ".vnc") is { } d && d != 0 ? d : null,
                VncUnused = Defbool(vnc, "findunused", where + ".vnc"),
            };
        }

        if (Object(hvm, "sdl", where) is { } sdl)
        {
            _c = _c with
            {
                Sdl = Defbool(sdl, "enable", where + ".sdl"),
                OpenGl = Defbool(sdl, "opengl", where + ".sdl"),
                Display = String(sdl, "display", where + ".sdl"),
                XAuthority = String(sdl, "xauthority", where + ".sdl"),
            };
        }

        if (Object(hvm, "rdm", where) is { } rdm)
        {
            string? strategy = EnumName(rdm, "strategy", where + ".rdm", "libxl_rdm_reserve_strategy");
            bool hasPolicy = rdm.TryGetPropertyValue("policy", out JsonNode? policy);
            if (hasPolicy && policy is null)
            {
                rdm.Remove("policy");
                _c = _c with { Rdm = strategy == "host" ? "strategy=host" : "strategy=ignore" };
                if (strategy != "host")
                {
                    NotExpressible(where + ".rdm", rdm, "xl only applies rdm = \"strategy=host\"");
                }
            }
            else if (strategy is "host")
            {
                NotExpressible(where + ".rdm.strategy", strategy, "rdm = \"strategy=host\" leaves the policy unset (null); xl 4.17 ignores an rdm string that names a valid policy");
            }
        }
    }

    private void Viridian(JsonObject hvm, string where)
    {
        bool? defaults = Defbool(hvm, "viridian", where);
        int[]? enable = Bitmap(Take(hvm, "viridian_enable"), where + ".viridian_enable");
        int[]? disable = Bitmap(Take(hvm, "viridian_disable"), where + ".viridian_disable");
        if (enable is null && disable is null)
        {
            _c = defaults is { } d ? _c with { Viridian = ViridianSetting.FromBoolean(d) } : _c;
            return;
        }

        enable ??= [];
        disable ??= [];
        var groups = new List<ViridianSpec>();
        if (defaults == true)
        {
            groups.Add(new ViridianSpec(null));
        }
        else if (defaults == false)
        {
            NotExpressible(where + ".viridian", "False", "a viridian list cannot also turn the defaults off");
        }

        bool all = enable.Length + disable.Length == 64 && enable.Concat(disable).Distinct().Count() == 64;
        if (all)
        {
            groups.Add(new ViridianSpec(null, All: true));
        }
        else
        {
            foreach (int bit in enable)
            {
                Group(bit, disable: false);
            }
        }

        foreach (int bit in disable)
        {
            Group(bit, disable: true);
        }

        _c = _c with { Viridian = ViridianSetting.FromGroups([.. groups]) };

        void Group(int bit, bool disable)
        {
            if (bit < ViridianNames.Length)
            {
                groups.Add(new ViridianSpec((ViridianGroup)bit, disable));
            }
            else
            {
                NotExpressible(where + (disable ? ".viridian_disable" : ".viridian_enable"), bit, "viridian bit " + bit.ToString(CultureInfo.InvariantCulture) + " has no name");
            }
        }
    }

    private OneOrList<string>? OneOrList(JsonObject hvm, string key, string where)
    {
        string? one = String(hvm, key, where);
        ValueList<string>? list = StringList(hvm, key + "_list", where);
        if (list is not null)
        {
            if (one is not null)
            {
                NotExpressible(where + "." + key, one, key + " is either a string or a list");
            }

            return OneOrList<string>.List(list);
        }

        return one is null ? null : OneOrList<string>.One(one);
    }

    private OneOrList<EmulatedUsbDeviceSpec>? UsbDevices(OneOrList<string>? texts, string where)
    {
        if (texts is null)
        {
            return null;
        }

        var devices = new List<EmulatedUsbDeviceSpec>();
        foreach (string text in texts.Items)
        {
            if (EmulatedUsbDeviceSpec.TryParse(text, ConfigDialect.Xl, out var device))
            {
                devices.Add(device);
            }
            else
            {
                NotExpressible(where, text, "not a usbdevice the model can hold");
            }
        }

        return texts.IsList
            ? OneOrList<EmulatedUsbDeviceSpec>.List([.. devices])
            : devices.Count == 1 ? OneOrList<EmulatedUsbDeviceSpec>.One(devices[0]) : null;
    }

    private void IoResources()
    {
        const string where = "$.b_info";
        var ports = new List<IoPortRange>();
        foreach (var p in Items(_bInfo, "ioports", where, "libxl_ioport_range"))
        {
            long first = UInt32(p, "first", where + ".ioports") ?? 0;
            long number = UInt32(p, "number", where + ".ioports") ?? 0;
            ports.Add(new IoPortRange((uint)first, unchecked((uint)(first + number - 1))));
        }

        var memory = new List<IoMemRange>();
        foreach (var m in Items(_bInfo, "iomem", where, "libxl_iomem_range"))
        {
            ulong start = UInt64(m, "start", where + ".iomem") ?? 0;
            ulong number = UInt64(m, "number", where + ".iomem") ?? 0;
            ulong? gfn = UInt64(m, "gfn", where + ".iomem");
            memory.Add(new IoMemRange(start, number, gfn == ulong.MaxValue ? null : gfn));
        }

        ValueList<IrqSpec>? irqs = null;
        if (Take(_bInfo, "irqs") is { } node)
        {
            if (node is JsonArray array && array.All(static i => LibxlIdl.TryGetInteger(i, out Int128 v) && v >= 0 && v < uint.MaxValue))
            {
                irqs = ValueList.From(array.Select(static i => { LibxlIdl.TryGetInteger(i, out Int128 v); return new IrqSpec((uint)v); }));
            }
            else
            {
                Unexpected(where + ".irqs", node, "a list of IRQ numbers");
            }
        }

        _c = _c with
        {
            IoPorts = ports.Count > 0 ? [.. ports] : null,
            IoMemory = memory.Count > 0 ? [.. memory] : null,
            Irqs = irqs,
        };
    }

    /// <summary>The policy list read back as the xend list form (one item per leaf); MSR bits have no form there.</summary>
    private void Cpuid()
    {
        const string where = "$.b_info.cpuid";
        if (Object(_bInfo, "cpuid", "$.b_info") is not { } policy)
        {
            return;
        }

        _bInfo.Remove("cpuid");
        foreach (string key in policy.Select(static p => p.Key).Where(static k => k is not ("cpuid" or "msr")).ToArray())
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlJsonUnknownMember, default, where + "." + key, "libxl_cpuid_policy_list"));
        }

        var items = new List<CpuidSpec>();
        foreach (var leaf in Items(policy, "cpuid", where, null))
        {
            var registers = new List<CpuidRegisterPolicy>();
            foreach (string reg in (string[])["eax", "ebx", "ecx", "edx"])
            {
                if (String(leaf, reg, where) is { } bits)
                {
                    registers.Add(new CpuidRegisterPolicy(reg, bits));
                }
            }

            long? number = UInt32(leaf, "leaf", where);
            long? subleaf = UInt32(leaf, "subleaf", where);
            if (number is null || registers.Count == 0 || registers.Any(static r => r.Bits.Length != 32))
            {
                NotExpressible(where, leaf, "a cpuid item sets 32-character policies of a numbered leaf");
                continue;
            }

            items.Add(new CpuidSpec
            {
                Form = CpuidForm.Xend,
                Leaf = (uint)number,
                Subleaf = subleaf is { } s ? (uint)s : null,
                Registers = SpecList.Create<CpuidRegisterPolicy>(registers.ToArray()),
            });
        }

        foreach (var msr in Items(policy, "msr", where, null))
        {
            NotExpressible(where + ".msr", msr, "MSR policies have no form in the list form of cpuid");
        }

        if (items.Count > 0)
        {
            _c = _c with { Cpuid = OneOrList<CpuidSpec>.List([.. items]) };
        }
    }

    private void Devices()
    {
        Disks();
        Nics();
        Pci();
        _c = _c with
        {
            DeviceTreeDevices = List(Items(_root, "dtdevs", "$", "libxl_device_dtdev"), d => String(d, "path", "$.dtdevs")),
            Vfbs = List(Items(_root, "vfbs", "$", "libxl_device_vfb"), Vfb),
            Vtpms = List(Items(_root, "vtpms", "$", "libxl_device_vtpm"), Vtpm),
            P9Shares = List(Items(_root, "p9s", "$", "libxl_device_p9"), P9),
            PvCalls = List(Items(_root, "pvcallsifs", "$", "libxl_device_pvcallsif"), PvCalls),
            VirtualDisplays = List(Items(_root, "vdispls", "$", "libxl_device_vdispl"), Vdispl),
            VirtualSoundCards = List(Items(_root, "vsnds", "$", "libxl_device_vsnd"), Vsnd),
            Channels = List(Items(_root, "channels", "$", "libxl_device_channel"), Channel),
            UsbControllers = List(Items(_root, "usbctrls", "$", "libxl_device_usbctrl"), UsbController),
            UsbDevices = List(Items(_root, "usbdevs", "$", "libxl_device_usbdev"), UsbPassthrough),
        };
        VirtualKeyboards();
    }

    private static ValueList<T>? List<T>(List<JsonObject> items, Func<JsonObject, T?> read)
        where T : class
    {
        var values = new List<T>();
        foreach (var item in items)
        {
            if (read(item) is { } value)
            {
                values.Add(value);
            }
        }

        return values.Count > 0 ? ValueList.From(values) : null;
    }

    /// <summary>A device list numbered by index: another devid has no form.</summary>
    private void Devid(JsonObject item, string where, int index)
    {
        if (Int32(item, "devid", where) is { } devid && devid != index)
        {
            NotExpressible(where + ".devid", devid, "xl numbers these devices in list order (" + index.ToString(CultureInfo.InvariantCulture) + ")");
        }
    }

    private void Disks()
    {
        const string where = "$.disks";
        _c = _c with
        {
            Disks = List(Items(_root, "disks", "$", "libxl_device_disk"), d =>
            {
                bool cdrom = UInt32(d, "is_cdrom", where) is { } c && c != 0;
                bool removable = UInt32(d, "removable", where) is { } r && r != 0;
                bool readwrite = UInt32(d, "readwrite", where) is { } w && w != 0;
                if (removable != cdrom)
                {
                    NotExpressible(where + ".removable", removable ? 1 : 0, "only a CD-ROM is removable");
                }

                string? format = EnumName(d, "format", where, "libxl_disk_format");
                string? backend = EnumName(d, "backend", where, "libxl_disk_backend");
                string? specification = EnumName(d, "specification", where, "libxl_disk_specification");
                return new DiskSpec
                {
                    BackendDomain = String(d, "backend_domname", where),
                    Target = String(d, "pdev_path", where),
                    Vdev = String(d, "vdev", where),
                    BackendType = backend switch
                    {
                        "phy" => DiskBackendType.Phy,
                        "tap" => DiskBackendType.Tap,
                        "qdisk" => DiskBackendType.Qdisk,
                        "standalone" => DiskBackendType.Standalone,
                        _ => DiskBackendType.Unknown,
                    },
                    Format = format switch
                    {
                        "qcow" => DiskFormat.Qcow,
                        "qcow2" => DiskFormat.Qcow2,
                        "vhd" => DiskFormat.Vhd,
                        "qed" => DiskFormat.Qed,
                        "empty" => DiskFormat.Empty,
                        _ => DiskFormat.Raw,
                    },
                    Script = String(d, "script", where),
                    DeviceType = cdrom ? DiskDeviceType.Cdrom : DiskDeviceType.Disk,
                    Access = readwrite && !cdrom ? DiskAccess.ReadWrite : DiskAccess.ReadOnly,
                    DirectIoSafe = Bool(d, "direct_io_safe", where),
                    Discard = Defbool(d, "discard_enable", where),
                    Specification = specification switch
                    {
                        "xen" => DiskSpecification.Xen,
                        "virtio" => DiskSpecification.Virtio,
                        _ => DiskSpecification.Unknown,
                    },
                    Colo = Defbool(d, "colo_enable", where),
                    ColoHost = String(d, "colo_host", where),
                    ColoPort = Int32(d, "colo_port", where) is { } port ? (int)port : null,
                    ColoExport = String(d, "colo_export", where),
                    ActiveDisk = String(d, "active_disk", where),
                    HiddenDisk = String(d, "hidden_disk", where),
                    Trusted = Defbool(d, "trusted", where),
                };
            }),
        };
    }

    private void Nics()
    {
        const string where = "$.nics";
        var nics = Items(_root, "nics", "$", "libxl_device_nic");
        var vifs = new List<VifSpec>();
        for (int i = 0; i < nics.Count; i++)
        {
            JsonObject n = nics[i];
            var other = new List<SpecSetting>();
            if (String(n, "coloft_forwarddev", where) is { } forward)
            {
                other.Add(new SpecSetting("forwarddev", forward));
            }

            foreach (string key in n.Select(static p => p.Key).Where(static k => k.StartsWith("colo_", StringComparison.Ordinal)).ToArray())
            {
                if (String(n, key, where) is { } value)
                {
                    other.Add(new SpecSetting(key, value));
                }
            }

            long? devid = Int32(n, "devid", where);
            MacAddress? mac = String(n, "mac", where) is { } m ? (MacAddress.TryParse(m, out var parsed) ? parsed : null) : null;
            string? type = EnumName(n, "nictype", where, "libxl_nic_type");
            vifs.Add(new VifSpec
            {
                Backend = Default(String(n, "backend_domname", where), _o.XlConf.VifBackend),
                DevId = devid is { } d && d != i ? (ulong)unchecked((uint)d) : null,
                Mtu = Int32(n, "mtu", where) is { } mtu && mtu != 0 ? (ulong)unchecked((uint)mtu) : null,
                Model = String(n, "model", where),
                Mac = mac,
                Ip = String(n, "ip", where),
                Bridge = Default(String(n, "bridge", where), _o.XlConf.VifBridge),
                VifName = String(n, "ifname", where),
                Script = Default(String(n, "script", where), _o.XlConf.VifScript),
                Type = type switch { "vif_ioemu" => VifType.Ioemu, "vif" => VifType.Vif, _ => null },
                Rate = Rate(UInt64(n, "rate_bytes_per_interval", where), UInt32(n, "rate_interval_usecs", where), where),
                GatewayDev = Default(String(n, "gatewaydev", where), _o.XlConf.VifGatewayDev),
                Other = SpecList.Create<SpecSetting>(other.ToArray()),
                Trusted = Defbool(n, "trusted", where),
            });
        }

        _c = _c with { Vifs = vifs.Count > 0 ? [.. vifs] : null };

        static string? Default(string? value, string? fromXlConf) => value == fromXlConf ? null : value;
    }

    /// <summary>A rate as bytes per second over an interval, in the shortest units that give the same numbers back.</summary>
    private VifRate? Rate(ulong? bytes, long? usecs, string where)
    {
        if (bytes is not { } b || usecs is not { } u || (b == 0 && u == 0))
        {
            return null;
        }

        if (u > 0 && (UInt128)b * 1_000_000 % (ulong)u == 0 && (UInt128)b * 1_000_000 / (ulong)u <= ulong.MaxValue / 8)
        {
            ulong perSecond = (ulong)((UInt128)b * 1_000_000 / (ulong)u);
            var (interval, intervalUnit) = u % 1_000_000 == 0 ? ((ulong)u / 1_000_000, VifIntervalUnit.Seconds)
                : u % 1000 == 0 ? ((ulong)u / 1000, VifIntervalUnit.Milliseconds)
                : ((ulong)u, VifIntervalUnit.Microseconds);
            VifRate? best = null;
            foreach (bool bits in (ReadOnlySpan<bool>)[false, true])
            {
                ulong amount = bits ? perSecond * 8 : perSecond;
                foreach (var (unit, factor) in (ReadOnlySpan<(VifRateUnit, ulong)>)[(VifRateUnit.Giga, 1_000_000_000UL), (VifRateUnit.Mega, 1_000_000UL), (VifRateUnit.Kilo, 1000UL), (VifRateUnit.One, 1UL)])
                {
                    if (amount % factor == 0)
                    {
                        var rate = new VifRate(amount / factor, unit, bits, interval, intervalUnit);
                        if (rate.BytesPerInterval == b && rate.IntervalMicroseconds == (ulong)u && (best is null || rate.Amount < best.Amount))
                        {
                            best = rate;
                        }

                        break;
                    }
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        NotExpressible(where + ".rate_bytes_per_interval", b, "no rate = B/s@interval gives these numbers");
        return null;
    }

    private void Pci()
    {
        const string where = "$.pcidevs";
        var devices = new List<PciSpec>();
        foreach (var p in Items(_root, "pcidevs", "$", "libxl_device_pci"))
        {
            long func = UInt32(p, "func", where) ?? 0;
            long dev = UInt32(p, "dev", where) ?? 0;
            long bus = UInt32(p, "bus", where) ?? 0;
            long domain = UInt32(p, "domain", where) ?? 0;
            long vdevfn = UInt32(p, "vdevfn", where) ?? 0;
            long mask = UInt32(p, "vfunc_mask", where) ?? 0;
            string? name = String(p, "name", where);
            PciAddress? address = null;
            if (mask != 0 || name is null)
            {
                if (domain > 0xffff || bus > 0xff || dev > 0x1f || func > 7 || (mask != 1 && mask != 0xffffffffL))
                {
                    NotExpressible(where, p, "not a BDF the pci spec can give");
                }
                else
                {
                    address = new PciAddress((int)domain, (int)bus, (int)dev, (int)func, allFunctions: mask != 1);
                }
            }

            if ((vdevfn & 7) != 0 || vdevfn > 0x1f << 3)
            {
                NotExpressible(where + ".vdevfn", vdevfn, "vslot gives slot * 8");
            }

            string? policy = p.ContainsKey("rdm_policy") && p["rdm_policy"] is null ? null : EnumName(p, "rdm_policy", where, "libxl_rdm_reserve_policy");
            p.Remove("rdm_policy");
            bool inherited = _type == GuestType.Hvm ? policy is null : policy == "strict";
            devices.Add(new PciSpec
            {
                Address = address,
                VirtualSlot = vdevfn != 0 ? (int)(vdevfn >> 3) : null,
                MsiTranslate = Bool(p, "msitranslate", where) ? 1 : null,
                PowerManagement = Bool(p, "power_mgmt", where) ? 1 : null,
                Permissive = Bool(p, "permissive", where) ? 1 : null,
                Seize = Bool(p, "seize", where) ? 1 : null,
                RdmPolicy = inherited ? null : policy switch { "strict" => PciRdmPolicy.Strict, "relaxed" => PciRdmPolicy.Relaxed, _ => null },
                Name = name,
            });
        }

        if (devices.Count > 0)
        {
            _c = _c with { PciDevices = [.. devices] };
            if (_type == GuestType.Pv && _c.E820Host == true)
            {
                // xl turns e820_host on for a PV guest with PCI devices.
                _c = _c with { E820Host = null };
            }
        }
    }

    private VfbSpec Vfb(JsonObject f)
    {
        const string where = "$.vfbs";
        Devid(f, where, _vfbIndex++);
        var vnc = Object(f, "vnc", where) ?? new JsonObject();
        var sdl = Object(f, "sdl", where) ?? new JsonObject();
        return new VfbSpec
        {
            Vnc = Defbool(vnc, "enable", where + ".vnc"),
            VncListen = String(vnc, "listen", where + ".vnc"),
            VncPassword = String(vnc, "passwd", where + ".vnc"),
            VncDisplay = Int32(vnc, "display", where + ".vnc") is { } d && d != 0 ? (int)d : null,
            VncUnused = Defbool(vnc, "findunused", where + ".vnc"),
            Sdl = Defbool(sdl, "enable", where + ".sdl"),
            OpenGl = Defbool(sdl, "opengl", where + ".sdl"),
            Display = String(sdl, "display", where + ".sdl"),
            XAuthority = String(sdl, "xauthority", where + ".sdl"),
            Keymap = String(f, "keymap", where),
        };
    }

    private int _vfbIndex;

    private VtpmSpec? Vtpm(JsonObject v)
    {
        const string where = "$.vtpms";
        Devid(v, where, _vtpmIndex++);
        Guid? uuid = String(v, "uuid", where) is { } u && Guid.TryParseExact(u, "D", out Guid g) ? g : null;
        return new VtpmSpec(String(v, "backend_domname", where), uuid);
    }

    private int _vtpmIndex;

    private P9Spec P9(JsonObject p)
    {
        const string where = "$.p9s";
        return new P9Spec
        {
            Backend = String(p, "backend_domname", where),
            Tag = String(p, "tag", where),
            Path = String(p, "path", where),
            SecurityModel = String(p, "security_model", where),
        };
    }

    private string PvCalls(JsonObject p)
    {
        const string where = "$.pvcallsifs";
        Devid(p, where, _pvcallsIndex++);
        return String(p, "backend_domname", where) is { } backend ? "backend=" + backend : string.Empty;
    }

    private int _pvcallsIndex;

    private string? Vdispl(JsonObject v)
    {
        const string where = "$.vdispls";
        Devid(v, where, _vdisplIndex++);
        var parts = new List<string>();
        if (String(v, "backend_domname", where) is { } backend)
        {
            parts.Add("backend=" + backend);
        }

        if (Bool(v, "be_alloc", where))
        {
            parts.Add("be-alloc=1");
        }

        var connectors = Items(v, "connectors", where, "libxl_connector_param").Select(c =>
            (String(c, "unique_id", where + ".connectors") ?? string.Empty) + ":" +
            (UInt32(c, "width", where + ".connectors") ?? 0).ToString(CultureInfo.InvariantCulture) + "x" +
            (UInt32(c, "height", where + ".connectors") ?? 0).ToString(CultureInfo.InvariantCulture)).ToArray();
        parts.Add("connectors=" + string.Join(";", connectors));
        return string.Join(",", parts);
    }

    private int _vdisplIndex;

    private ConfigValue Vsnd(JsonObject card)
    {
        const string where = "$.vsnds";
        Devid(card, where, _vsndIndex++);
        var items = new List<ConfigValue>();
        var first = new List<string> { "card" };
        Add(first, "backend", String(card, "backend_domname", where));
        Add(first, "short-name", String(card, "short_name", where));
        Add(first, "long-name", String(card, "long_name", where));
        SoundParams(first, Object(card, "params", where), where + ".params");
        items.Add(new ConfigString(string.Join(", ", first)));
        foreach (var pcm in Items(card, "pcms", where, "libxl_vsnd_pcm"))
        {
            var line = new List<string> { "pcm" };
            Add(line, "name", String(pcm, "name", where + ".pcms"));
            SoundParams(line, Object(pcm, "params", where + ".pcms"), where + ".pcms.params");
            items.Add(new ConfigString(string.Join(", ", line)));
            foreach (var stream in Items(pcm, "streams", where + ".pcms", "libxl_vsnd_stream"))
            {
                var s = new List<string> { "stream" };
                Add(s, "unique-id", String(stream, "unique_id", where + ".pcms.streams"));
                Add(s, "type", EnumName(stream, "type", where + ".pcms.streams", "libxl_vsnd_stream_type"));
                SoundParams(s, Object(stream, "params", where + ".pcms.streams"), where + ".pcms.streams.params");
                items.Add(new ConfigString(string.Join(", ", s)));
            }
        }

        return new ConfigList(items);

        static void Add(List<string> line, string key, string? value)
        {
            if (value is not null)
            {
                line.Add(key + "=" + value);
            }
        }
    }

    private int _vsndIndex;

    private void SoundParams(List<string> line, JsonObject? parameters, string where)
    {
        if (parameters is null)
        {
            return;
        }

        if (Take(parameters, "sample_rates") is JsonArray rates && rates.Count > 0)
        {
            line.Add("sample-rates=" + string.Join(";", rates.Select(static r => r?.ToJsonString())));
        }

        if (Take(parameters, "sample_formats") is JsonArray formats && formats.Count > 0)
        {
            line.Add("sample-formats=" + string.Join(";", formats.Select(static f => f is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty)));
        }

        foreach (var (key, field) in (ReadOnlySpan<(string, string)>)[("channels-min", "channels_min"), ("channels-max", "channels_max"), ("buffer-size", "buffer_size")])
        {
            if (UInt32(parameters, field, where) is { } n && n != 0)
            {
                line.Add(key + "=" + n.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private ChannelSpec? Channel(JsonObject c)
    {
        const string where = "$.channels";
        Devid(c, where, _channelIndex++);
        string? backend = String(c, "backend_domname", where);
        string? name = String(c, "name", where);
        if (Object(c, "connection.socket", where) is { } socket)
        {
            Take(c, "connection.socket");
            return new ChannelSpec(name, ChannelConnection.Socket, String(socket, "path", where + ".connection.socket"), backend);
        }

        if (Take(c, "connection.pty") is not null)
        {
            return new ChannelSpec(name, ChannelConnection.Pty, null, backend);
        }

        NotExpressible(where, c, "a channel is connection=pty or connection=socket");
        return null;
    }

    private int _channelIndex;

    private UsbControllerSpec UsbController(JsonObject u)
    {
        const string where = "$.usbctrls";
        Devid(u, where, _usbctrlIndex++);
        UsbControllerType? type = EnumName(u, "type", where, "libxl_usbctrl_type") switch
        {
            "pv" => UsbControllerType.Pv,
            "devicemodel" => UsbControllerType.DeviceModel,
            "qusb" => UsbControllerType.Qusb,
            _ => null,
        };
        return new UsbControllerSpec(
            type,
            Int32(u, "version", where) is { } v && v != 0 ? (int)v : null,
            Int32(u, "ports", where) is { } p && p != 0 ? (int)p : null);
    }

    private int _usbctrlIndex;

    private UsbPassthroughSpec UsbPassthrough(JsonObject u)
    {
        const string where = "$.usbdevs";
        int? ctrl = Int32(u, "ctrl", where) is { } c && c != -1 ? (int)c : null;
        int? port = Int32(u, "port", where) is { } p && p != 0 ? (int)p : null;
        if (Object(u, "type.hostdev", where) is { } hostdev)
        {
            Take(u, "type.hostdev");
            ulong? bus = UInt32(hostdev, "hostbus", where + ".type.hostdev") is { } b ? (ulong)b : null;
            ulong? addr = UInt32(hostdev, "hostaddr", where + ".type.hostdev") is { } a ? (ulong)a : null;
            return new UsbPassthroughSpec(bus, addr, ctrl, port, IsHostDev: true);
        }

        return new UsbPassthroughSpec(null, null, ctrl, port);
    }

    /// <summary>The first vkbs are the ones xl adds for each vfb (just a devid); the rest are <c>vkb=</c> items.</summary>
    private void VirtualKeyboards()
    {
        const string where = "$.vkbs";
        var vkbs = Items(_root, "vkbs", "$", "libxl_device_vkb");
        int vfbs = _c.Vfbs?.Count ?? 0;
        var specs = new List<string>();
        for (int i = 0; i < vkbs.Count; i++)
        {
            JsonObject k = vkbs[i];
            Devid(k, where, i);
            if (i < vfbs)
            {
                continue;
            }

            var parts = new List<string>();
            if (String(k, "backend_domname", where) is { } backend)
            {
                parts.Add("backend=" + backend);
            }

            string? type = EnumName(k, "backend_type", where, "libxl_vkb_backend");
            if (type is null or "unknown")
            {
                NotExpressible(where + ".backend_type", type, "a vkb item needs backend-type=qemu or linux");
            }
            else
            {
                parts.Add("backend-type=" + type);
            }

            if (String(k, "unique_id", where) is { } id)
            {
                parts.Add("unique-id=" + id);
            }

            bool touch = false;
            foreach (var (key, field) in (ReadOnlySpan<(string, string)>)[
                ("feature-disable-keyboard", "feature_disable_keyboard"), ("feature-disable-pointer", "feature_disable_pointer"),
                ("feature-abs-pointer", "feature_abs_pointer"), ("feature-raw-pointer", "feature_raw_pointer")])
            {
                if (Bool(k, field, where))
                {
                    parts.Add(key + "=1");
                }
            }

            touch = Bool(k, "feature_multi_touch", where);
            foreach (var (key, field) in (ReadOnlySpan<(string, string)>)[
                ("width", "width"), ("height", "height"), ("multi-touch-width", "multi_touch_width"),
                ("multi-touch-height", "multi_touch_height"), ("multi-touch-num-contacts", "multi_touch_num_contacts")])
            {
                if (UInt32(k, field, where) is { } n && n != 0)
                {
                    parts.Add(key + "=" + n.ToString(CultureInfo.InvariantCulture));
                }
            }

            if (touch && !parts.Any(static p => p.StartsWith("multi-touch-", StringComparison.Ordinal)))
            {
                NotExpressible(where + ".feature_multi_touch", true, "xl needs multi-touch sizes with multi touch");
            }

            specs.Add(string.Join(",", parts));
        }

        if (vkbs.Count < vfbs)
        {
            NotExpressible(where, vkbs.Count, "xl adds a vkb for every vfb");
        }

        _c = _c with { VirtualKeyboards = specs.Count > 0 ? ValueList.From(specs) : null };
    }

    /// <summary>Reports what no reader took: members libxl 4.17 lacks (XH3101) and values that are not libxl's initial
    /// ones (XH3103); libxl's defaults themselves mean "not set" and pass silently.</summary>
    private void Leftovers(JsonObject obj, string structName, string where)
    {
        foreach (var (key, value) in obj.ToArray())
        {
            string path = where + "." + key;
            if (!LibxlIdl.TryGetField(structName, key, out IdlType type))
            {
                _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LibxlJsonUnknownMember, default, path, structName));
                continue;
            }

            switch (type.Kind)
            {
                case IdlKind.Struct or IdlKind.Case when value is JsonObject inner:
                    Leftovers(inner, type.Name!, path);
                    break;
                case IdlKind.Array when value is JsonArray items:
                    for (int i = 0; i < items.Count; i++)
                    {
                        if (items[i] is JsonObject item)
                        {
                            Leftovers(item, type.Name!, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                        }
                    }

                    break;
                default:
                    if (!LibxlIdl.IsDefault(type, value))
                    {
                        NotExpressible(path, value, "no config option sets it");
                    }

                    break;
            }
        }
    }
}
