using System.CommandLine;
using System.Globalization;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg migrate [--uname U] [--var N=V]... [--xen 4.17] [--device-model xend|upstream] [-o XL_FILE [--force]] XM_FILE</c>:
/// an xm (xend) config as an xl config, with the notes (XH90xx) that say what changed and why, then the validation of
/// the result. Without <c>-o</c> the xl file goes to standard output and the notes to standard error; with it, the
/// file is written atomically, never over an existing file without <c>--force</c>, and never when the migration has
/// errors (a value it could not know).
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var uname = ModelCommandHelpers.UnameOption();
        var vars = ModelCommandHelpers.VarOption();
        var xen = new Option<string?>("--xen") { Description = "The Xen version of the xl that will read the result, as MAJOR.MINOR (default 4.17)." };
        var deviceModel = new Option<string>("--device-model")
        {
            Description = "HVM guests: xend (keep xend's qemu-dm, that is qemu-xen-traditional, and ROMBIOS; the default) or upstream (qemu-xen and SeaBIOS: new emulated hardware).",
            DefaultValueFactory = _ => "xend",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the xl config to this file (atomically) instead of standard output." };
        var force = new Option<bool>("--force") { Description = "With -o: replace the file if it exists." };
        var file = new Argument<string>("XM_FILE") { Description = "The xm config file." };
        var command = new Command("migrate", "Convert an xm (xend) config to xl: Python evaluated, options renamed, disks in xl's form, xend's defaults written out; prints what changed.")
        {
            uname, vars, xen, deviceModel, output, force, file,
        };
        command.SetAction(result =>
        {
            if (ModelCommandHelpers.TryGetXmContext(result.GetValue(uname), result.GetValue(vars) ?? [], context) is not { } xm ||
                !TryGetOptions(result.GetValue(xen), result.GetValue(deviceModel)!, context, out XenVersion version, out MigrationDeviceModel dm))
            {
                return ExitCodes.UsageOrIo;
            }

            string path = result.GetValue(file)!;
            string? target = result.GetValue(output);
            ConfigDocument? doc = ConfigCommandHelpers.TryLoad(path, ConfigDialect.Xm, context);
            if (doc is null)
            {
                return ExitCodes.UsageOrIo;
            }

            MigrationResult migrated = XmToXl.Migrate(doc, new MigrationOptions { XmContext = xm, XlVersion = version, DeviceModel = dm, Path = target });
            ValidationResult validation = ConfigValidator.Validate(migrated.Document, new ValidationOptions { XenVersion = version });
            TextWriter notes = target is null ? context.Error : context.Out;
            ConfigCommandHelpers.WriteDiagnostics(migrated.Diagnostics, notes);
            ConfigCommandHelpers.WriteDiagnostics(validation.Diagnostics, notes);
            IReadOnlyList<Diagnostic> all = [.. migrated.Diagnostics, .. validation.Diagnostics];
            string summary = $"{path}: xm, migrated to xl {version.ToString("M", CultureInfo.InvariantCulture)}, " +
                CliSummary.Count(migrated.Notes.Count, "note") + ", " + CliSummary.Problems(all);
            if (target is null)
            {
                migrated.Document.WriteTo(context.Out);
                context.Error.WriteLine(summary);
                return ExitCodes.For(all);
            }

            if (migrated.HasErrors)
            {
                context.Error.WriteLine(summary);
                context.Error.WriteLine($"{target}: not written: the migration has errors (give --uname and --var as for 'xm create', or fix the xm file)");
                return ExitCodes.For(all);
            }

            if (!migrated.Document.TrySave(target, new ConfigSaveOptions { ReplaceExistingFile = result.GetValue(force) }, out ConfigSaveResult saved))
            {
                ConfigCommandHelpers.WriteDiagnostics(saved.Diagnostics, context.Error);
                context.Error.WriteLine($"{target}: not written" + (saved.Diagnostics.Any(static d => d.Id == DiagnosticIds.ExistingFileNotReplaced) ? " (--force replaces it)" : string.Empty));
                return ExitCodes.Worst(ExitCodes.UsageOrIo, ExitCodes.For(saved.Diagnostics));
            }

            context.Out.WriteLine(summary + "; written to " + target);
            return ExitCodes.For(all);
        });
        return command;
    }

    private static bool TryGetOptions(string? xen, string deviceModel, CliContext context, out XenVersion version, out MigrationDeviceModel model)
    {
        version = ModelCommandHelpers.DefaultXl;
        model = MigrationDeviceModel.Xend;
        switch (deviceModel.ToLowerInvariant())
        {
            case "xend":
                break;
            case "upstream":
                model = MigrationDeviceModel.Upstream;
                break;
            default:
                context.Error.WriteLine($"xencfg: unknown device model '{deviceModel}' (expected xend or upstream)");
                return false;
        }

        if (xen is not null && (!XenVersion.TryParse(xen, CultureInfo.InvariantCulture, out version) || version < new XenVersion(4, 0)))
        {
            context.Error.WriteLine($"xencfg: --xen expects the Xen version of an xl (4.0 or later), such as 4.17; got '{xen}'");
            return false;
        }

        return true;
    }
}
