using System.Collections;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Config.Validation;

/// <summary>A generated guest config that every rule set accepts, and the dialect it is printed in.</summary>
public sealed record ValidGuest(DomainConfig Config, ConfigDialect Dialect)
{
    public string Text => GuestPrinter.Print(Config, Dialect);

    public override string ToString() => Text;
}

/// <summary>One change to a valid HVM guest that breaks one rule: the ID it must get, and the key (and list item) it must be at.</summary>
public sealed record Mutation(string Name, Func<DomainConfig, DomainConfig> Apply, string Id, string? Key, int? Item = null, bool XlRefuses = false)
{
    public override string ToString() => Name;
}

/// <summary>A valid HVM guest (xl dialect) with one mutation applied.</summary>
public sealed record MutatedGuest(DomainConfig Valid, Mutation Mutation)
{
    public DomainConfig Config => Mutation.Apply(Valid);

    public string Text => GuestPrinter.Print(Config, ConfigDialect.Xl);

    public override string ToString() => Mutation.Name + ":\n" + Text;
}

/// <summary>FsCheck generators of valid guests (HVM and PV, xl and xm) and of single-rule mutations; the arbitraries of <c>[Property]</c>.</summary>
public static class ValidationArbitraries
{
    private static readonly ShutdownAction[] s_actions = [ShutdownAction.Destroy, ShutdownAction.Restart, ShutdownAction.Preserve];

    public static Arbitrary<ValidGuest> ValidGuests() => Guest(Gen.Elements(true, false)).Zip(Gen.Elements(ConfigDialect.Xl, ConfigDialect.Xm))
        .Select(static p => new ValidGuest(p.Item2 == ConfigDialect.Xm && p.Item1.Viridian?.Groups is not null
            ? p.Item1 with { Viridian = ViridianSetting.FromBoolean(true) } // xm reads viridian as 0 or 1 only
            : p.Item1, p.Item2)).ToArbitrary();

    public static Arbitrary<MutatedGuest> MutatedGuests() =>
        (from config in Guest(Gen.Constant(true))
         from mutation in Gen.Elements(Mutations)
         select new MutatedGuest(config, mutation)).ToArbitrary();

    /// <summary>Text xl or xm might be fed: a valid guest with a random piece replaced by config-ish characters.</summary>
    public static Arbitrary<string> ConfigText() =>
        (from guest in ValidGuests().Generator
         from at in Gen.Choose(0, 400)
         from cut in Gen.Choose(0, 40)
         from junk in Gen.Elements("=[]\"',#\n\\ (){}:+-.0123456789abxyz_=\t".ToCharArray()).ArrayOf()
         select Splice(guest.Text, at, cut, new string(junk))).ToArbitrary();

    private static string Splice(string text, int at, int cut, string junk)
    {
        int start = Math.Min(at, text.Length);
        return text[..start] + junk + text[Math.Min(text.Length, start + cut)..];
    }

    public static Gen<DomainConfig> Guest(Gen<bool> hvmGen) =>
        from hvm in hvmGen
        from name in Gen.Elements("web", "db01", "winxp", "guest-7")
        from memory in Gen.Choose(2, 48).Select(static n => n * 128L)
        from maxExtra in Gen.Elements<long?>(null, 0L, 256L)
        from vcpus in Gen.Choose(1, 4)
        from maxVcpusExtra in Gen.Elements<long?>(null, 0L, 2L)
        from actions in Gen.Elements(s_actions).ArrayOf(3)
        from diskCount in Gen.Choose(1, 3)
        from cdrom in Gen.Elements(true, false)
        from vifCount in Gen.Choose(0, 2)
        from vga in Gen.Elements<VgaKind?>(null, VgaKind.Cirrus, VgaKind.Std, VgaKind.None)
        from videoram in Gen.Elements<long?>(null, 16L, 32L)
        from boot in Gen.Elements<string?>(null, "c", "cd", "dc")
        from flags in Gen.Elements(true, false).ArrayOf(3)
        from viridian in Gen.Choose(0, 3)
        from sound in Gen.Elements<string?>(null, "hda", "ac97")
        select Build(hvm, name, memory, maxExtra, vcpus, maxVcpusExtra, actions, diskCount, cdrom, vifCount, vga, videoram, boot, flags, viridian, sound);

    private static DomainConfig Build(
        bool hvm, string name, long memory, long? maxExtra, int vcpus, long? maxVcpusExtra, ShutdownAction[] actions, int diskCount, bool cdrom,
        int vifCount, VgaKind? vga, long? videoram, string? boot, bool[] flags, int viridian, string? sound)
    {
        string[] vdevs = hvm ? ["hda", "hdb", "hdd"] : ["xvda", "xvdb", "xvdc"];
        var disks = new List<DiskSpec>();
        for (int i = 0; i < diskCount; i++)
        {
            disks.Add(Disk($"/srv/xen/{name}-{i}.img,raw,{vdevs[i]},rw"));
        }

        if (hvm && cdrom)
        {
            disks.Add(Disk("/srv/iso/install.iso,raw,hdc,ro,devtype=cdrom"));
        }

        var vifs = new List<VifSpec>();
        for (int i = 0; i < vifCount; i++)
        {
            vifs.Add(VifSpec.Parse((hvm ? "type=ioemu, " : string.Empty) + $"mac=00:16:3e:00:00:0{i + 1}, bridge=xenbr0", ConfigDialect.Xl, null).Value);
        }

        var config = new DomainConfig
        {
            Name = name,
            MemoryMiB = memory,
            MaxMemoryMiB = maxExtra is { } extra ? memory + extra : null,
            Vcpus = vcpus,
            MaxVcpus = maxVcpusExtra is { } more ? vcpus + more : null,
            OnPoweroff = actions[0],
            OnReboot = actions[1],
            OnCrash = actions[2],
            Disks = [.. disks],
            Vifs = vifCount == 0 ? null : [.. vifs],
        };
        if (!hvm)
        {
            return config with { Kernel = "/boot/vmlinuz-6.1", Ramdisk = flags[0] ? "/boot/initrd.img-6.1" : null, Extra = flags[1] ? "console=hvc0" : null };
        }

        return config with
        {
            Type = GuestType.Hvm,
            Vga = vga,
            VideoRamMiB = vga == VgaKind.None ? null : videoram,
            Boot = boot,
            Acpi = flags[0],
            Apic = flags[1],
            Pae = flags[2] || memory > 4096,
            Viridian = viridian switch
            {
                1 => ViridianSetting.FromBoolean(true),
                2 => ViridianSetting.FromGroups([ViridianSpec.Parse("defaults", ConfigDialect.Xl, null).Value]),
                3 => ViridianSetting.FromGroups([ViridianSpec.Parse("base", ConfigDialect.Xl, null).Value, ViridianSpec.Parse("freq", ConfigDialect.Xl, null).Value]),
                _ => null,
            },
            SoundHardware = sound,
            Serial = OneOrList<string>.One("pty"),
        };
    }

    private static DiskSpec Disk(string spec) => DiskSpec.Parse(spec, ConfigDialect.Xl, null).Value;

    /// <summary>The single-rule mutations of a valid HVM guest; each names the rule's ID and where it must be reported.</summary>
    public static readonly Mutation[] Mutations =
    [
        new("videoram below Cirrus minimum", static c => c with { Vga = VgaKind.Cirrus, VideoRamMiB = 4 }, DiagnosticIds.VideoRamTooSmall, "videoram"),
        new("rombios on qemu-xen", static c => c with { Bios = BiosKind.Rombios }, DiagnosticIds.BiosNotForDeviceModel, "bios"),
        new("soundhw all", static c => c with { SoundHardware = "all" }, DiagnosticIds.UnknownSoundHardware, "soundhw"),
        new("usb with usbversion", static c => c with { Usb = true, UsbVersion = 2 }, DiagnosticIds.UsbVersionWithUsb, "usbversion"),
        new("duplicate vdev", static c => c with { Disks = [.. c.Disks!, c.Disks![0] with { Target = "/srv/xen/dup.img" }] }, DiagnosticIds.DuplicateVdev, "disk", -1),
        new("read-only IDE disk", static c => c with { Disks = [c.Disks![0] with { Access = DiskAccess.ReadOnly }, .. c.Disks!.Skip(1)] }, DiagnosticIds.ReadOnlyEmulatedDisk, "disk", 0),
        new("viridian without base", static c => c with { Viridian = ViridianSetting.FromGroups([ViridianSpec.Parse("freq", ConfigDialect.Xl, null).Value]) }, DiagnosticIds.ViridianGroupsInvalid, "viridian"),
        new("spice without a port", static c => c with { Spice = true, SpiceDisableTicketing = true }, DiagnosticIds.SpiceWithoutPort, "spice"),
        new("tsc_mode native_paravirt", static c => c with { TscMode = TscMode.NativeParavirt }, DiagnosticIds.TscModeRemoved, "tsc_mode"),
        new("direct kernel on qemu-xen-traditional", static c => c with { Kernel = "/boot/vmlinuz", DeviceModelVersion = DeviceModelVersion.QemuXenTraditional, Bios = null }, DiagnosticIds.NotSupportedByTraditional, "kernel"),
        new("passthrough disabled with pci", static c => c with { Passthrough = PassthroughMode.Disabled, PciDevices = [PciSpec.Parse("01:00.0", ConfigDialect.Xl, null).Value], MaxMemoryMiB = null }, DiagnosticIds.PassthroughConflict, "passthrough"),
        new("memory above maxmem", static c => c with { MaxMemoryMiB = c.MemoryMiB / 2 }, DiagnosticIds.MemoryAboveMaxmem, "memory"),
        new("misspelt key", static c => c with { OtherSettings = [new ConfigSetting("memroy", new ConfigInteger(512))] }, DiagnosticIds.UnknownKey, "memroy"),
        new("maxvcpus below vcpus", static c => c with { Vcpus = 4, MaxVcpus = 2 }, DiagnosticIds.MaxVcpusBelowVcpus, "maxvcpus", XlRefuses: true),
        new("unknown on_crash action", static c => c with { OnCrash = ConfigEnum<ShutdownAction>.Unrecognised("explode") }, DiagnosticIds.UnknownSetValue, "on_crash", XlRefuses: true),
        new("unknown vga", static c => c with { Vga = ConfigEnum<VgaKind>.Unrecognised("vmware"), VideoRamMiB = null }, DiagnosticIds.UnknownSetValue, "vga", XlRefuses: true),
        new("no name", static c => c with { Name = null }, DiagnosticIds.NameMissing, null, XlRefuses: true),
    ];
}

/// <summary>Prints a model as a config file, independently of the library's writers: one line per option the model sets, in catalogue order.</summary>
public static class GuestPrinter
{
    public static string Print(DomainConfig config, ConfigDialect dialect)
    {
        bool xm = dialect == ConfigDialect.Xm;
        var sb = new StringBuilder();
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            object? value = option.GetValue(config);
            if (value is null)
            {
                continue;
            }

            if (xm && option.Name == "type")
            {
                // xm has no 'type': its builder says HVM.
                if (value is ConfigEnum<GuestType> { Value: GuestType.Hvm } && config.Builder is null)
                {
                    sb.Append("builder = 'hvm'\n");
                }

                continue;
            }

            sb.Append(option.Name).Append(" = ").Append(Value(value, xm)).Append('\n');
        }

        foreach (ConfigSetting other in config.OtherSettings ?? [])
        {
            sb.Append(other.Name).Append(" = ").Append(other.Value switch
            {
                ConfigInteger n => n.Value.ToString(CultureInfo.InvariantCulture),
                ConfigString s => Quote(s.Value, xm),
                _ => "0",
            }).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quote(string text, bool xm) => xm ? "'" + text + "'" : "\"" + text + "\"";

    private static string Value(object value, bool xm) => value switch
    {
        string s => Quote(s, xm),
        long n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        ISpecValue spec => Quote(spec.ToSpecString(xm ? ConfigDialect.Xm : ConfigDialect.Xl), xm),
        ViridianSetting { Enabled: { } on } => on ? "1" : "0",
        ViridianSetting { Groups: { } groups } => Value(groups, xm),
        OneOrList<string> one => one.IsList ? Value(one.Items, xm) : Quote(one.Items[0], xm),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(i => Value(i, xm))) + "]",
        _ => Quote(value.ToString() ?? string.Empty, xm),
    };
}
