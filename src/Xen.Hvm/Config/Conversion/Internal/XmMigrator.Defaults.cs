using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Conversion.Internal;

// The defaults that changed between xend and xl (§5.7 of the reference), written out so the guest keeps them.
internal sealed partial class XmMigrator
{
    /// <summary>The options whose default xend and xl disagree on, for the guest types it matters to.</summary>
    private static readonly (string Name, GuestTypes Types)[] s_changedDefaults =
    [
        ("on_crash", GuestTypes.All),
        ("memory", GuestTypes.All),
        ("hpet", GuestTypes.Hvm),
        ("boot", GuestTypes.Hvm),
        ("videoram", GuestTypes.Hvm),
        ("vnc", GuestTypes.Hvm),
        ("pci_msitranslate", GuestTypes.Hvm),
    ];

    /// <summary>The order the defaults are written in: the guest's behaviour first, then its hardware.</summary>
    private static readonly string[] s_defaultOrder = [.. s_changedDefaults.Select(static d => d.Name), "device_model_version", "bios"];

    /// <summary>An HVM guest keeps xend's qemu-dm and ROMBIOS, or is told that it moves to qemu-xen.</summary>
    private void PlanDeviceModel()
    {
        if (!IsHvm)
        {
            return;
        }

        if (_options.DeviceModel == MigrationDeviceModel.Upstream)
        {
            Note(DiagnosticDescriptors.MigrationDeviceModelUpgraded, GuestTypeLocation);
            return;
        }

        WriteDefault("device_model_version", new ConfigString("qemu-xen-traditional"), "qemu-xen-traditional (qemu-dm)", "qemu-xen", hvm: true);
        WriteDefault("bios", new ConfigString("rombios"), "\"rombios\"", "\"seabios\" (with qemu-xen)", hvm: true);
    }

    /// <summary>
    /// Compares xend's value of each changed default with what xl makes of the file so far (<paramref name="draft"/>),
    /// and writes xend's where they differ and the file does not set the option.
    /// </summary>
    private void PlanDefaults(ConfigDocument draft)
    {
        EffectiveConfig xend = Config.GetEffectiveValues(Toolstack.Xm, _options.XendVersion);
        DomainConfig xlConfig = DomainConfig.Bind(draft, new BindOptions { Toolstack = Toolstack.Xl, XenVersion = _options.XlVersion }).Config;
        EffectiveConfig xl = xlConfig.GetEffectiveValues(Toolstack.Xl, _options.XlVersion);
        foreach ((string name, GuestTypes types) in s_changedDefaults)
        {
            if (!types.HasFlag(OptionDefault.ToFlag(Guest)) || Writes(name) ||
                !xend.TryGet(name, out EffectiveValue? theirs) || theirs.Source != EffectiveValueSource.Default || theirs.Value is null ||
                !xl.TryGet(name, out EffectiveValue? ours) || Equals(theirs.Value, ours.Value))
            {
                continue;
            }

            if (name == "pci_msitranslate" && Config.PciDevices is not { Count: > 0 })
            {
                continue; // it sets the default of the pci items
            }

            if (name == "videoram" && ours.Value is long minimum && theirs.Value is long wanted && wanted < minimum)
            {
                continue; // libxl's default is also its minimum: xend's smaller value would be refused
            }

            if (XlText.FromModel(theirs.Value) is { } value)
            {
                WriteDefault(name, value, XlText.Spell(theirs.Value), XlText.Spell(ours.Value), hvm: types == GuestTypes.Hvm);
            }
        }
    }

    private void WriteDefault(string name, ConfigValue value, string xendWords, string xlWords, bool hvm)
    {
        Note(DiagnosticDescriptors.MigrationDefaultWritten, hvm ? GuestTypeLocation : FileStart, name, xendWords, xlWords);
        _defaults.Add(new PlannedLine(name, value));
    }
}
