using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Conversion.Internal;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Config.Conversion;

/// <summary>
/// The guarantee of <see cref="XmToXl"/>: binding the xl file under xl 4.17 gives the same effective model as binding
/// the xm file under xend 4.4, option by option. This is its own map from xm's options to xl's (not the library's);
/// the differences it allows are listed, each with its reason, and docs/articles/migration.md lists them too.
/// </summary>
internal static class MigrationEquivalence
{
    public static readonly XenVersion Xend = new(4, 4);

    public static readonly XenVersion Xl = new(4, 17);

    /// <summary>Options whose effective values differ on purpose, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> IntendedDifferences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["shadow_memory"] = "xend's 0 meant 'xend sizes the shadow pool'; libxl computes its size from maxmem and the vCPUs",
        ["hap"] = "xend asked for HAP and Xen fell back to shadow paging on a host without it; xl's default is the host's HAP: the same paging",
        ["pci_msitranslate"] = "it is the default of the pci items: written only when the guest has PCI devices",
    };

    /// <summary>xm options xl reads under another name.</summary>
    private static readonly Dictionary<string, string> s_renamed = new(StringComparer.Ordinal)
    {
        ["builder"] = "type",
        ["cpu_cap"] = "cap",
        ["irq"] = "irqs",
        ["stdvga"] = "vga",
        ["bootargs"] = "bootloader_args",
        ["device_model"] = "device_model_version",
    };

    /// <summary>The notes that say an option is not written, or written elsewhere.</summary>
    private static readonly string[] s_droppedNotes =
    [
        DiagnosticIds.MigrationNotAnOption, DiagnosticIds.MigrationOptionRenamed, DiagnosticIds.MigrationOptionNotNeeded,
        DiagnosticIds.MigrationOptionLost, DiagnosticIds.MigrationOptionFolded, DiagnosticIds.MigrationBalloonDropped,
    ];

    /// <summary>Every option whose value differs, as "name: xend ... vs xl ..."; empty when the models agree.</summary>
    public static IEnumerable<string> Differences(ConfigDocument xm, XmEvaluationContext context, MigrationResult migrated)
    {
        ConfigDocument asXm = xm.Dialect == ConfigDialect.Xm ? xm : XenConfig.Parse(xm.Text, xm.Path, new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        DomainConfig xendConfig = DomainConfig.Bind(asXm, new BindOptions { Toolstack = Toolstack.Xm, XenVersion = Xend, XmContext = context }).Config;
        EffectiveConfig xend = xendConfig.GetEffectiveValues(Toolstack.Xm, Xend);
        EffectiveConfig xl = DomainConfig.Bind(migrated.Document).Config.GetEffectiveValues(Toolstack.Xl, Xl);
        if (xend.GuestType != xl.GuestType)
        {
            yield return $"guest type: xend {xend.GuestType} vs xl {xl.GuestType}";
            yield break;
        }

        bool hvm = xl.GuestType == GuestType.Hvm;
        foreach (EffectiveValue theirs in xend)
        {
            string name = theirs.Option.Name;
            if (theirs.Source is not (EffectiveValueSource.File or EffectiveValueSource.Default or EffectiveValueSource.Derived) ||
                theirs.Value is null || IntendedDifferences.ContainsKey(name))
            {
                continue;
            }

            string xlName = hvm && name == "kernel" && theirs.Value is string k && !IsHvmloader(k) ? "firmware_override" : s_renamed.GetValueOrDefault(name, name);
            bool fromFile = theirs.Source == EffectiveValueSource.File;
            bool noted = migrated.Notes.Any(n => s_droppedNotes.Contains(n.Id) && n.Arguments.Count > 0 && Equals(n.Arguments[0], name));
            if (!xl.TryGet(xlName, out EffectiveValue? ours) || ours.Value is null ||
                ours.Source is EffectiveValueSource.Ignored or EffectiveValueSource.NotRead or EffectiveValueSource.NotApplicable)
            {
                // xl has nothing for it: a value from the file must say why it is gone; a default of nothing is fine.
                if (fromFile && !noted)
                {
                    yield return $"{name}: not in the xl model and no note says why";
                }

                continue;
            }

            if ((name == "maxmem" && Noted(migrated, DiagnosticIds.MigrationBalloonDropped, null)) ||
                (name == "videoram" && Noted(migrated, DiagnosticIds.MigrationValueRaised, "videoram")) ||
                (name is "on_poweroff" or "on_reboot" or "on_crash" && !fromFile && Noted(migrated, DiagnosticIds.MigrationOptionFolded, "restart")))
            {
                continue; // changed as the note says: maxmem without its headroom, videoram at libxl's minimum, xm's restart
            }

            string a = Normal(name, theirs.Value, hvm);
            string b = Normal(xlName, ours.Value, hvm);
            if (name == "disk" && Noted(migrated, DiagnosticIds.MigrationOptionFolded, "cdrom"))
            {
                b = b[..b.LastIndexOf(" | ", StringComparison.Ordinal)]; // xm 3.0's cdrom is the last disk item
            }

            if (name == "extra")
            {
                // xend's ip= and nfsroot= arguments come first in xl's extra.
                a = a.Trim('"');
                b = b.Trim('"');
                if (b.EndsWith(a, StringComparison.Ordinal))
                {
                    continue;
                }
            }

            if (name == "videoram" && !fromFile && theirs.Value is long wanted && ours.Value is long given && given > wanted)
            {
                continue; // xend's 4 MiB is below libxl's minimum for the card; xl gives the minimum
            }

            if (a != b)
            {
                yield return $"{name}: xend {a} ({theirs.Source}) vs xl {xlName} {b} ({ours.Source})";
            }
        }
    }

    private static bool Noted(MigrationResult migrated, string id, string? name) =>
        migrated.Notes.Any(n => n.Id == id && (name is null || Equals(n.Arguments[0], name)));

    private static bool IsHvmloader(string path) => path[(path.LastIndexOf('/') + 1)..] is "hvmloader" or "vmxloader";

    private static string Normal(string name, object value, bool hvm) => (name, value) switch
    {
        ("builder", string b) => b is "hvm" or "vmx" ? "hvm" : "pv",
        ("type", ConfigEnum<GuestType> t) => t.Value == GuestType.Hvm ? "hvm" : "pv",
        ("stdvga", bool std) => std ? "stdvga" : "cirrus",
        ("vga", ConfigEnum<VgaKind> kind) => kind.Value == VgaKind.Std ? "stdvga" : "cirrus",
        ("device_model", string dm) => hvm ? "qemu-xen-traditional" : dm,
        ("device_model_version", ConfigEnum<DeviceModelVersion> dm) => new ConfigEnum<DeviceModelVersion>(dm.Value!.Value).Spelling,
        ("bootargs", string args) => string.Join(" ", args.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        ("bootloader_args", OneOrList<string> args) => string.Join(" ", args.Items),
        ("irq", ValueList<long> irqs) => string.Join(",", irqs),
        ("irqs", ValueList<IrqSpec> irqs) => string.Join(",", irqs.Select(static i => i.ToSpecString())),
        ("disk", ValueList<DiskSpec> disks) => string.Join(" | ", disks.Select(d => Disk(d, hvm))),
        ("vif", ValueList<VifSpec> vifs) => string.Join(" | ", vifs.Select(v => (v with { Policy = null, Label = null, Accel = null, Type = hvm ? v.Type : null }).ToSpecString())),
        _ => XlText.FromModel(value)?.ToString() ?? value.ToString() ?? string.Empty,
    };

    // What xend meant by a disk item: phy: names are below /dev, w! is rw, an HVM CD-ROM has qemu's backend in xl.
    private static string Disk(DiskSpec d, bool hvm)
    {
        string? target = d.BackendType == DiskBackendType.Phy && d.Target is { Length: > 0 } t && t[0] != '/' ? "/dev/" + t : d.Target;
        DiskAccess access = d.Access == DiskAccess.SharedWrite ? DiskAccess.ReadWrite : d.Access;
        DiskBackendType backend = hvm && d.DeviceType == DiskDeviceType.Cdrom ? DiskBackendType.Unknown : d.BackendType;
        return string.Join(",", target, d.Format, d.Vdev, access, d.DeviceType, backend, d.BackendDomain, d.Script);
    }
}
