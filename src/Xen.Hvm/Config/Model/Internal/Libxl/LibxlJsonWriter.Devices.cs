using System.Text.Json.Nodes;
using Xen.Hvm.Config.Model.Internal.Binding;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

// The device lists of parse_config_data, in the order xl reads them (devid rules of ARRAY_EXTEND_INIT: nics, vtpms,
// vfbs, vkbs, channels, usbctrls, vdispls, vsnds and pvcallsifs are numbered by their index; disks, pcidevs, dtdevs and
// usbdevs are not; p9s are re-initialised after numbering, so they keep -1).
internal sealed partial class LibxlJsonWriter
{
    private const long PciFuncAll = 0xffffffffL;

    private JsonObject Append(string list, JsonObject item)
    {
        if (_root[list] is not JsonArray array)
        {
            array = new JsonArray();
            _root[list] = array;
        }

        array.Add((JsonNode)item);
        return item;
    }

    private int Count(string list) => _root[list] is JsonArray array ? array.Count : 0;

    private static JsonValue True => JsonValue.Create(true);

    /// <summary>The <c>rdm</c> string as <c>xlu_rdm_parse</c> reads it, and the policy it leaves behind.</summary>
    private void Rdm()
    {
        if (_c.Rdm is not { } text)
        {
            return;
        }

        var rdm = LibxlRdm.Parse(text);
        if (rdm.Accepted)
        {
            var node = new JsonObject();
            if (rdm.StrategyHost)
            {
                node["strategy"] = "host";
            }

            // xl copies a policy it never set (an uninitialised stack variable): libxl prints it as null.
            node["policy"] = null;
            _rdmPolicyUnset = true;
            if (_type == GuestType.Hvm)
            {
                Hvm["rdm"] = node;
            }
        }
    }

    private bool _rdmPolicyUnset;

    private void PciDevices()
    {
        Rdm();
        if (_c.PciDevices is not { } devices)
        {
            return;
        }

        foreach (var spec in devices)
        {
            var pci = new JsonObject();
            if (spec.Address is { } address)
            {
                pci["func"] = address.Function;
                pci["dev"] = address.Device;
                pci["bus"] = address.Bus;
                pci["domain"] = address.Domain;
                pci["vfunc_mask"] = Number(address.AllFunctions ? PciFuncAll : 1);
            }

            if (spec.VirtualSlot is { } slot)
            {
                pci["vdevfn"] = slot << 3;
            }

            Flag(pci, "msitranslate", spec.MsiTranslate, _c.PciMsiTranslate);
            Flag(pci, "power_mgmt", spec.PowerManagement, _c.PciPowerManagement);
            Flag(pci, "permissive", spec.Permissive, _c.PciPermissive);
            Flag(pci, "seize", spec.Seize, _c.PciSeize);
            if (spec.RdmPolicy is { } policy)
            {
                pci["rdm_policy"] = policy == PciRdmPolicy.Strict ? "strict" : "relaxed";
            }
            else if (_type == GuestType.Hvm)
            {
                if (_rdmPolicyUnset)
                {
                    pci["rdm_policy"] = null;
                }
            }
            else
            {
                // xl reads b_info->u.hvm.rdm.policy through the PV/PVH member of the union, where it is 0 (strict).
                pci["rdm_policy"] = "strict";
            }

            if (spec.Name is { } name)
            {
                pci["name"] = name;
            }

            Append("pcidevs", pci);
        }

        if (devices.Count > 0 && _type == GuestType.Pv)
        {
            LibxlOptionMap.Child(_bInfo, "type.pv")["e820_host"] = Defbool(true);
        }

        static void Flag(JsonObject pci, string key, int? own, bool? global)
        {
            if (own is { } v ? v != 0 : global == true)
            {
                pci[key] = True;
            }
        }
    }

    private void DeviceTreeDevices()
    {
        foreach (string path in _c.DeviceTreeDevices ?? [])
        {
            Append("dtdevs", new JsonObject { ["path"] = path });
        }
    }

    private void IoPorts()
    {
        if (_c.IoPorts is not { } ports)
        {
            return;
        }

        _bInfo["ioports"] = new JsonArray(ports.Select(p => (JsonNode?)new JsonObject
        {
            ["first"] = Number(p.First),
            ["number"] = Number(unchecked(p.Last - p.First + 1)),
        }).ToArray());
    }

    private void Irqs()
    {
        if (_c.Irqs is { } irqs)
        {
            _bInfo["irqs"] = new JsonArray(irqs.Select(i => (JsonNode?)Number(i.Irq)).ToArray());
        }
    }

    private void IoMemory()
    {
        if (_c.IoMemory is not { } ranges)
        {
            return;
        }

        _bInfo["iomem"] = new JsonArray(ranges.Select(r =>
        {
            var node = new JsonObject { ["start"] = Number(r.Start), ["number"] = Number(r.Count) };
            if (r.Gfn is { } gfn)
            {
                node["gfn"] = Number(gfn);
            }

            return (JsonNode?)node;
        }).ToArray());
    }

    private void Disks()
    {
        foreach (var d in _c.Disks ?? [])
        {
            var disk = new JsonObject();
            if (d.BackendDomain is { } backend)
            {
                disk["backend_domname"] = backend;
            }

            if (d.Target is { } target)
            {
                disk["pdev_path"] = target;
            }

            if (d.Vdev is { } vdev)
            {
                disk["vdev"] = vdev;
            }

            disk["backend"] = d.BackendType switch
            {
                DiskBackendType.Phy => "phy",
                DiskBackendType.Tap => "tap",
                DiskBackendType.Qdisk => "qdisk",
                DiskBackendType.Standalone => "standalone",
                _ => "unknown",
            };
            disk["format"] = d.Format switch
            {
                DiskFormat.Qcow => "qcow",
                DiskFormat.Qcow2 => "qcow2",
                DiskFormat.Vhd => "vhd",
                DiskFormat.Qed => "qed",
                DiskFormat.Empty => "empty",
                _ => "raw",
            };
            if (d.Script is { } script)
            {
                disk["script"] = script;
            }

            bool cdrom = d.DeviceType == DiskDeviceType.Cdrom;
            disk["removable"] = cdrom ? 1 : 0;
            disk["readwrite"] = !cdrom && d.Access != DiskAccess.ReadOnly ? 1 : 0;
            disk["is_cdrom"] = cdrom ? 1 : 0;
            if (d.DirectIoSafe)
            {
                disk["direct_io_safe"] = True;
            }

            if (d.Discard is { } discard)
            {
                disk["discard_enable"] = Defbool(discard);
            }

            if (d.Specification != DiskSpecification.Unknown)
            {
                disk["specification"] = d.Specification == DiskSpecification.Xen ? "xen" : "virtio";
            }

            if (d.Colo is { } colo)
            {
                disk["colo_enable"] = Defbool(colo);
            }

            Put(disk, "colo_host", d.ColoHost);
            if (d.ColoPort is { } port)
            {
                disk["colo_port"] = port;
            }

            Put(disk, "colo_export", d.ColoExport);
            Put(disk, "active_disk", d.ActiveDisk);
            Put(disk, "hidden_disk", d.HiddenDisk);
            if (d.Trusted is { } trusted)
            {
                disk["trusted"] = Defbool(trusted);
            }

            Append("disks", disk);
        }
    }

    private void P9Shares()
    {
        foreach (var p in _c.P9Shares ?? [])
        {
            if (p.Tag is null || p.Path is null || p.SecurityModel is null)
            {
                Refuse("p9", p.ToString(), "9pfs spec missing required field!");
                continue;
            }

            var p9 = new JsonObject();
            Put(p9, "backend_domname", p.Backend);
            p9["tag"] = p.Tag;
            p9["path"] = p.Path;
            p9["security_model"] = p.SecurityModel;
            Append("p9s", p9);
        }
    }

    private void Vtpms()
    {
        foreach (var v in _c.Vtpms ?? [])
        {
            if (v.Backend is null)
            {
                Refuse("vtpm", v.ToString(), "vtpm spec missing required backend field!");
                continue;
            }

            var vtpm = new JsonObject { ["backend_domname"] = v.Backend, ["devid"] = Count("vtpms") };
            if (v.Uuid is { } uuid)
            {
                vtpm["uuid"] = uuid.ToString("D");
            }

            Append("vtpms", vtpm);
        }
    }

    private void VirtualDisplays()
    {
        foreach (string spec in _c.VirtualDisplays ?? [])
        {
            var vdispl = new JsonObject { ["devid"] = Count("vdispls") };
            var connectors = new JsonArray();
            bool ok = true;
            foreach (string token in LibxlSpecText.Strtok(spec, ','))
            {
                string item = token.TrimStart(' ');
                if (LibxlSpecText.Option(item, "backend") is { } backend)
                {
                    vdispl["backend_domname"] = backend;
                }
                else if (LibxlSpecText.Option(item, "be-alloc") is { } beAlloc)
                {
                    vdispl["be_alloc"] = LibxlSpecText.Strtoul(beAlloc, 0) != 0;
                }
                else if (LibxlSpecText.Option(item, "connectors") is { } list)
                {
                    connectors = new JsonArray();
                    foreach (string connector in LibxlSpecText.Strtok(list, ';'))
                    {
                        int colon = connector.IndexOf(':', StringComparison.Ordinal);
                        if (colon < 0 || !LibxlSpecText.TryResolution(connector[(colon + 1)..], out uint width, out uint height))
                        {
                            Refuse("vdispl", spec, "Can't parse connector resolution");
                            ok = false;
                            break;
                        }

                        connectors.Add((JsonNode)new JsonObject
                        {
                            ["unique_id"] = connector[..colon],
                            ["width"] = Number(width),
                            ["height"] = Number(height),
                        });
                    }
                }
                else
                {
                    Refuse("vdispl", spec, "Unknown string \"" + item + "\" in vdispl spec");
                    ok = false;
                }

                if (!ok)
                {
                    break;
                }
            }

            if (ok && connectors.Count == 0)
            {
                Refuse("vdispl", spec, "At least one connector should be specified.");
                ok = false;
            }

            if (ok)
            {
                vdispl["connectors"] = connectors;
                Append("vdispls", vdispl);
            }
        }
    }

    private void PvCalls()
    {
        foreach (string spec in _c.PvCalls ?? [])
        {
            var pvcalls = new JsonObject { ["devid"] = Count("pvcallsifs") };
            foreach (string token in LibxlSpecText.Strtok(spec, ','))
            {
                string item = token.TrimStart(' ');
                int eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    break;
                }

                if (item[..eq] == "backend")
                {
                    pvcalls["backend_domname"] = item[(eq + 1)..];
                }
                else
                {
                    Refuse("pvcalls", spec, "Unknown string `" + item[..eq] + "' in pvcalls spec");
                }
            }

            Append("pvcallsifs", pvcalls);
        }
    }

    private void VirtualSoundCards()
    {
        foreach (var card in _c.VirtualSoundCards ?? [])
        {
            if (card is not ConfigList items)
            {
                Refuse("vsnd", card.ToString(), "Failed to get vsnd card list");
                return;
            }

            var reader = new LibxlVsnd(Count("vsnds"));
            foreach (var item in items.Items)
            {
                if (ValueReader.AtomText(item) is not { } text)
                {
                    break;
                }

                if (reader.Item(text) is { } error)
                {
                    Refuse("vsnd", text, error);
                    return;
                }
            }

            Append("vsnds", reader.Card);
        }
    }

    private void Channels()
    {
        foreach (var c in _c.Channels ?? [])
        {
            var channel = new JsonObject();
            Put(channel, "backend_domname", c.Backend);
            channel["devid"] = Count("channels");
            Put(channel, "name", c.Name);
            switch (c.Connection)
            {
                case ChannelConnection.Pty:
                    channel["connection.pty"] = new JsonObject();
                    break;
                case ChannelConnection.Socket when c.Path is { } path:
                    channel["connection.socket"] = new JsonObject { ["path"] = path };
                    break;
                case ChannelConnection.Socket:
                    Refuse("channel", c.ToString(), "channel connection 'socket' requires path=..");
                    continue;
                default:
                    Refuse("channel", c.ToString(), "channel has unknown 'connection'");
                    continue;
            }

            Append("channels", channel);
        }
    }

    private void Nics()
    {
        foreach (var v in _c.Vifs ?? [])
        {
            var nic = new JsonObject();
            Put(nic, "backend_domname", v.Backend ?? _xlConf.VifBackend);
            nic["devid"] = v.DevId is { } devid ? unchecked((int)devid) : Count("nics");
            if (v.Mtu is { } mtu)
            {
                nic["mtu"] = unchecked((int)mtu);
            }

            Put(nic, "model", v.Model);
            if (v.Mac is { } mac)
            {
                nic["mac"] = mac.ToString();
            }

            Put(nic, "ip", v.Ip);
            Put(nic, "bridge", v.Bridge ?? _xlConf.VifBridge);
            Put(nic, "ifname", v.VifName);
            Put(nic, "script", v.Script ?? _xlConf.VifScript);
            if (v.Type is { } type)
            {
                nic["nictype"] = type == VifType.Ioemu ? "vif_ioemu" : "vif";
            }

            if (v.Rate is { } rate)
            {
                nic["rate_bytes_per_interval"] = Number(rate.BytesPerInterval);
                nic["rate_interval_usecs"] = Number(unchecked((uint)rate.IntervalMicroseconds));
            }

            Put(nic, "gatewaydev", v.GatewayDev ?? _xlConf.VifGatewayDev);
            foreach (var setting in v.Other)
            {
                nic[setting.Key == "forwarddev" ? "coloft_forwarddev" : setting.Key] = setting.Value;
            }

            if (v.Trusted is { } trusted)
            {
                nic["trusted"] = Defbool(trusted);
            }

            Append("nics", nic);
        }
    }

    private void Vfbs()
    {
        foreach (var f in _c.Vfbs ?? [])
        {
            var vfb = new JsonObject
            {
                ["devid"] = Count("vfbs"),
                ["vnc"] = VncInfo(f.Vnc, f.VncListen, f.VncPassword, f.VncDisplay, f.VncUnused),
                ["sdl"] = SdlInfo(f.Sdl, f.OpenGl, f.Display, f.XAuthority),
            };
            Put(vfb, "keymap", f.Keymap);
            Append("vfbs", vfb);
            Append("vkbs", new JsonObject { ["devid"] = Count("vkbs") });
        }
    }

    private void UsbControllers()
    {
        foreach (var u in _c.UsbControllers ?? [])
        {
            var ctrl = new JsonObject
            {
                ["type"] = u.Type switch
                {
                    UsbControllerType.Pv => "pv",
                    UsbControllerType.DeviceModel => "devicemodel",
                    UsbControllerType.Qusb => "qusb",
                    _ => "auto",
                },
                ["devid"] = Count("usbctrls"),
            };
            if (u.Version is { } version)
            {
                ctrl["version"] = version;
            }

            if (u.Ports is { } ports)
            {
                ctrl["ports"] = ports;
            }

            Append("usbctrls", ctrl);
        }
    }

    private void UsbDevices()
    {
        foreach (var u in _c.UsbDevices ?? [])
        {
            var dev = new JsonObject();
            if (u.Controller is { } ctrl)
            {
                dev["ctrl"] = ctrl;
            }

            if (u.Port is { } port)
            {
                dev["port"] = port;
            }

            if (u.IsHostDev)
            {
                var hostdev = new JsonObject();
                if (u.HostBus is { } bus)
                {
                    hostdev["hostbus"] = Number(unchecked((byte)bus));
                }

                if (u.HostAddress is { } addr)
                {
                    hostdev["hostaddr"] = Number(unchecked((byte)addr));
                }

                dev["type.hostdev"] = hostdev;
            }

            Append("usbdevs", dev);
        }
    }

    private void VirtualKeyboards()
    {
        foreach (string spec in _c.VirtualKeyboards ?? [])
        {
            if (LibxlVkb.Parse(spec, Count("vkbs"), out string? error) is { } vkb)
            {
                Append("vkbs", vkb);
            }
            else
            {
                Refuse("vkb", spec, error!);
            }
        }
    }

    private void Cpuid()
    {
        if (_c.Cpuid is not { } cpuid)
        {
            return;
        }

        var policy = new LibxlCpuid();
        foreach (var spec in cpuid.Items)
        {
            policy.Add(spec);
        }

        if (policy.ToJson() is { } json)
        {
            _bInfo["cpuid"] = json;
        }
    }
}
