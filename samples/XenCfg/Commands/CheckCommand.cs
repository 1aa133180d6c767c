using System.CommandLine;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg check [--dialect auto|xl|xm] [--toolstack xl|xm] [--xen VERSION] [--host INFO_FILE] [--rules xl|libxl|recommended|all] [--probe] FILE...</c>:
/// parses and validates each file, prints its diagnostics and one summary line (<c>guest.cfg: xl, 24 settings, no problems</c>);
/// exit 0 when no file has errors. <c>xencfg check --explain XH8012</c> prints an ID's documentation.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var xen = new Option<string?>("--xen") { Description = "The Xen version the config is for (default: the host's with --host, else 4.17); xm files for Xen before 4.5 are checked for xm." };
        var toolstack = new Option<string?>("--toolstack")
        {
            Description = "The toolstack that will read the configs: xl or xm (default: xm for xm files when --xen is before 4.5, else xl).",
        };
        var host = new Option<string?>("--host") { Description = "A file with the host's 'xl info' / 'xm info' output: check that the host can run the guest." };
        var rules = new Option<string>("--rules")
        {
            Description = "Which checks: xl (what xl create refuses), libxl (and what libxl refuses when it creates the guest), recommended (and what nobody checks but users need), all (and pedantic remarks).",
            DefaultValueFactory = _ => "recommended",
        };
        var probe = new Option<bool>("--probe") { Description = "Check on this machine that bridges and disk targets exist (run it on the host)." };
        var explain = new Option<string?>("--explain") { Description = "Print the documentation of a diagnostic ID (e.g. XH8012) and exit." };
        var files = new Argument<string[]>("FILE") { Description = "Config files to check.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("check", "Parse and validate config files; exit 1 when any file has errors.") { dialect, toolstack, xen, host, rules, probe, explain, files };
        command.SetAction(result =>
        {
            if (result.GetValue(explain) is { } id)
            {
                return CheckExplain.Print(id, context);
            }

            string[] paths = result.GetValue(files) ?? [];
            if (paths.Length == 0)
            {
                context.Error.WriteLine("xencfg check: name at least one FILE (or --explain ID).");
                return ExitCodes.UsageOrIo;
            }

            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out var d) ||
                !TryGetRules(result.GetValue(rules)!, context, out ValidationRuleSet ruleSet) ||
                !TryGetVersion(result.GetValue(xen), context, out XenVersion? version) ||
                !TryGetToolstack(result.GetValue(toolstack), context, out Toolstack? chosen))
            {
                return ExitCodes.UsageOrIo;
            }

            HostInfo? info = null;
            if (result.GetValue(host) is { } hostPath)
            {
                int hostCode = TryLoadHost(hostPath, context, out info);
                if (info is null)
                {
                    return hostCode;
                }
            }

            var options = new ValidationOptions
            {
                Rules = ruleSet,
                Host = info,
                XenVersion = version ?? info?.XenVersion ?? ValidationOptions.Default.XenVersion,
                Probe = result.GetValue(probe) ? LocalValidationProbe.Instance : null,
                Toolstack = chosen ?? Toolstack.Xl,
            };
            // Files are checked on every core; their output comes in the order given.
            return ParallelFiles.Run(paths, context, (path, output) => CheckFile(path, d, options, explicitToolstack: chosen is not null, output));
        });
        return command;
    }

    private static int CheckFile(string path, ConfigDialect dialect, ValidationOptions options, bool explicitToolstack, CliContext context)
    {
        ConfigDocument? doc = ConfigCommandHelpers.TryLoad(path, dialect, context);
        if (doc is null)
        {
            return ExitCodes.UsageOrIo;
        }

        if (dialect == ConfigDialect.Auto && doc.Dialect == ConfigDialect.Xm)
        {
            context.Error.WriteLine($"{path}: read as xm: {doc.DialectReason}");
        }

        // xend read xm files until Xen 4.5 removed it; from then on xl reads them.
        if (!explicitToolstack && doc.Dialect == ConfigDialect.Xm && options.XenVersion < new XenVersion(4, 5))
        {
            options = options with { Toolstack = Toolstack.Xm };
        }

        ValidationResult result = ConfigValidator.Validate(doc, options);
        ConfigCommandHelpers.WriteDiagnostics(result.Diagnostics, context.Out);
        context.Out.WriteLine(string.Join(", ", new[]
        {
            path + ": " + CliSummary.DialectName(doc.Dialect),
            CliSummary.Count(doc.Settings.Count, "setting"),
            result.FitsHost switch
            {
                true => "fits the host",
                false => "does not fit the host",
                null => null,
            },
            CliSummary.Problems(result.Diagnostics),
        }.Where(static p => p is not null)));
        return ExitCodes.For(result.Diagnostics);
    }

    private static bool TryGetRules(string value, CliContext context, out ValidationRuleSet rules)
    {
        if (Enum.TryParse(value, ignoreCase: true, out rules) && Enum.IsDefined(rules) && !char.IsAsciiDigit(value.FirstOrDefault()))
        {
            return true;
        }

        context.Error.WriteLine($"xencfg: unknown rule set '{value}' (expected xl, libxl, recommended or all)");
        return false;
    }

    private static bool TryGetToolstack(string? value, CliContext context, out Toolstack? toolstack)
    {
        switch (value?.ToLowerInvariant())
        {
            case null:
                toolstack = null;
                return true;
            case "xl":
                toolstack = Toolstack.Xl;
                return true;
            case "xm":
                toolstack = Toolstack.Xm;
                return true;
            default:
                context.Error.WriteLine($"xencfg: unknown toolstack '{value}' (expected xl or xm)");
                toolstack = null;
                return false;
        }
    }

    private static bool TryGetVersion(string? value, CliContext context, out XenVersion? version)
    {
        version = null;
        if (value is null)
        {
            return true;
        }

        if (XenVersion.TryParse(value, out XenVersion parsed))
        {
            version = parsed;
            return true;
        }

        context.Error.WriteLine($"xencfg: '{value}' is not a Xen version (expected MAJOR.MINOR, e.g. 4.17)");
        return false;
    }

    /// <summary>Reads host info: 2 when the file cannot be read, 1 when it is not host info (its diagnostics printed).</summary>
    private static int TryLoadHost(string path, CliContext context, out HostInfo? info)
    {
        info = null;
        if (!CliFiles.TryReadAllText(path, context, out string? text))
        {
            return ExitCodes.UsageOrIo;
        }

        ParseResult<HostInfo> parsed = HostInfo.Parse(text, new HostInfoParseOptions { Path = path });
        if (parsed.PartialValue is not { Fields.Count: > 0 } host)
        {
            ConfigCommandHelpers.WriteDiagnostics(parsed.Diagnostics, context.Error);
            context.Error.WriteLine($"{path}: not host info");
            return ExitCodes.Failed;
        }

        info = host;
        return ExitCodes.Ok;
    }
}
