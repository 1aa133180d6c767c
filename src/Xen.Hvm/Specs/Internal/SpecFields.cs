using Xen.Hvm.Config;

namespace Xen.Hvm.Specs.Internal;

/// <summary>
/// The parts of the spec values whose canonical form in one dialect may leave something out (a disk's xl keywords in
/// xm, a pci option xend lacks, a vif key of one dialect, xm-only vfb keys, a vtpm's uuid or instance), by the key that
/// writes each: <see cref="SpecString.Print"/> reads the printed text back and names the parts that did not survive.
/// </summary>
internal static class SpecFields
{
    private static readonly Field[] Disk =
    [
        F<DiskSpec>("target", d => d.Target),
        F<DiskSpec>("format", d => d.Format),
        F<DiskSpec>("vdev", d => d.Vdev),
        F<DiskSpec>("access", d => d.Access),
        F<DiskSpec>("devtype", d => d.DeviceType),
        F<DiskSpec>("backendtype", d => d.BackendType),
        F<DiskSpec>("specification", d => d.Specification),
        F<DiskSpec>("backend", d => d.BackendDomain),
        F<DiskSpec>("script", d => d.Script),
        F<DiskSpec>("direct-io-safe", d => d.DirectIoSafe),
        F<DiskSpec>("discard", d => d.Discard),
        F<DiskSpec>("colo", d => d.Colo),
        F<DiskSpec>("colo-host", d => d.ColoHost),
        F<DiskSpec>("colo-port", d => d.ColoPort),
        F<DiskSpec>("colo-export", d => d.ColoExport),
        F<DiskSpec>("active-disk", d => d.ActiveDisk),
        F<DiskSpec>("hidden-disk", d => d.HiddenDisk),
        F<DiskSpec>("trusted", d => d.Trusted),
        F<DiskSpec>("grant_usage", d => d.GrantUsage),
        F<DiskSpec>("prefix", d => d.XmUnameType),
        F<DiskSpec>("protocol", d => d.XmProtocol),
    ];

    private static readonly Field[] Pci =
    [
        F<PciSpec>("bdf", p => p.Address),
        F<PciSpec>("vslot", p => p.VirtualSlot),
        F<PciSpec>("permissive", p => p.Permissive),
        F<PciSpec>("msitranslate", p => p.MsiTranslate),
        F<PciSpec>("seize", p => p.Seize),
        F<PciSpec>("power_mgmt", p => p.PowerManagement),
        F<PciSpec>("rdm_policy", p => p.RdmPolicy),
        F<PciSpec>("name", p => p.Name),
    ];

    private static readonly Field[] Vif =
    [
        F<VifSpec>("mac", v => v.Mac),
        F<VifSpec>("bridge", v => v.Bridge),
        F<VifSpec>("type", v => v.Type),
        F<VifSpec>("model", v => v.Model),
        F<VifSpec>("vifname", v => v.VifName),
        F<VifSpec>("script", v => v.Script),
        F<VifSpec>("ip", v => v.Ip),
        F<VifSpec>("backend", v => v.Backend),
        F<VifSpec>("rate", v => v.Rate),
        F<VifSpec>("gatewaydev", v => v.GatewayDev),
        F<VifSpec>("devid", v => v.DevId),
        F<VifSpec>("mtu", v => v.Mtu),
        F<VifSpec>("vlan", v => v.Vlan),
        F<VifSpec>("trusted", v => v.Trusted),
        F<VifSpec>("accel", v => v.Accel),
        F<VifSpec>("policy", v => v.Policy),
        F<VifSpec>("label", v => v.Label),
        F<VifSpec>("other keys", v => v.Other),
    ];

    private static readonly Field[] Vfb =
    [
        F<VfbSpec>("vnc", v => v.Vnc),
        F<VfbSpec>("vnclisten", v => v.VncListen),
        F<VfbSpec>("vncpasswd", v => v.VncPassword),
        F<VfbSpec>("vncdisplay", v => v.VncDisplay),
        F<VfbSpec>("vncunused", v => v.VncUnused),
        F<VfbSpec>("keymap", v => v.Keymap),
        F<VfbSpec>("sdl", v => v.Sdl),
        F<VfbSpec>("opengl", v => v.OpenGl),
        F<VfbSpec>("display", v => v.Display),
        F<VfbSpec>("xauthority", v => v.XAuthority),
        F<VfbSpec>("xm-only keys", v => v.XmOnly),
    ];

    private static readonly Field[] Vtpm =
    [
        F<VtpmSpec>("backend", v => v.Backend),
        F<VtpmSpec>("uuid", v => v.Uuid),
        F<VtpmSpec>("instance", v => v.XmInstance),
    ];

    /// <summary>The parts of a language's values that a printer may leave out, with the value of a blank one (whose parts are not set); empty for the other languages.</summary>
    public static (IReadOnlyList<Field> Fields, ISpecValue? Blank) For(SpecKind kind) => kind switch
    {
        SpecKind.Disk => (Disk, new DiskSpec()),
        SpecKind.Pci => (Pci, new PciSpec()),
        SpecKind.Vif => (Vif, new VifSpec()),
        SpecKind.Vfb => (Vfb, new VfbSpec()),
        SpecKind.Vtpm => (Vtpm, new VtpmSpec(Backend: null)),
        _ => ([], null),
    };

    private static Field F<T>(string key, Func<T, object?> get)
        where T : ISpecValue => new(key, v => get((T)v));

    /// <summary>One part of a spec value: the key that writes it and how to read it.</summary>
    internal sealed record Field(string Key, Func<ISpecValue, object?> Get);

    /// <summary>The dialect's name in messages.</summary>
    public static string DialectName(ConfigDialect dialect) => dialect == ConfigDialect.Xm ? "xm" : "xl";
}
