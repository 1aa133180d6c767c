using System.CommandLine;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg check [--dialect auto|xl|xm] [--host XL-INFO [--toolstack xl|xm] [--xen 4.17]] FILE...</c>: prints each
/// file's diagnostics and one summary line (<c>guest.cfg: xl, 24 settings, no problems</c>); with <c>--host</c>, also
/// whether that host can run each guest, from what the toolstack makes of the config (memory, vCPUs, HVM, PAE, PCI
/// passthrough, HAP); exit 0 when no file has errors.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var host = new Option<string?>("--host")
        {
            Description = "A file with the host's 'xl info' (or 'xm info') output: also check that this host can run each guest.",
        };
        var toolstack = ModelCommandHelpers.ToolstackOption();
        var xen = ModelCommandHelpers.XenOption();
        xen.Description = "With --host: the Xen version of the toolstack, as MAJOR.MINOR (default: the host's, else 4.17 for xl, 4.4 for xm).";
        var files = new Argument<string[]>("FILE") { Description = "Config files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Print the diagnostics of config files, and with --host whether that host can run them; exit 1 when any file has errors.")
        {
            dialect, host, toolstack, xen, files,
        };
        command.SetAction(result =>
        {
            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out var d))
            {
                return ExitCodes.UsageOrIo;
            }

            HostTarget? target = null;
            if (result.GetValue(host) is { } hostPath)
            {
                int? failed = TryLoadHost(hostPath, result.GetValue(toolstack)!, result.GetValue(xen), context, out target);
                if (failed is { } code)
                {
                    return code;
                }
            }

            int worst = ExitCodes.Ok;
            foreach (string path in result.GetValue(files)!)
            {
                worst = ExitCodes.Worst(worst, CheckFile(path, d, target, context));
            }

            return worst;
        });
        return command;
    }

    /// <summary>The host to check against and the toolstack that will read the configs there.</summary>
    private sealed record HostTarget(string Path, HostInfo Host, Toolstack Toolstack, XenVersion Version);

    private static int CheckFile(string path, ConfigDialect dialect, HostTarget? target, CliContext context)
    {
        var doc = ConfigCommandHelpers.TryLoad(path, dialect, context);
        if (doc is null)
        {
            return ExitCodes.UsageOrIo;
        }

        if (dialect == ConfigDialect.Auto && doc.Dialect == ConfigDialect.Xm)
        {
            context.Error.WriteLine($"{path}: read as xm: {doc.DialectReason}");
        }

        ConfigCommandHelpers.WriteDiagnostics(doc, context.Out);
        if (target is null)
        {
            context.Out.WriteLine(CliSummary.Config(path, doc));
            return ExitCodes.For(doc.Diagnostics);
        }

        // What the guest needs comes from the values the toolstack will use (defaults included), not from the text.
        BindResult bound = DomainConfig.Bind(doc, new BindOptions { Toolstack = target.Toolstack, XenVersion = target.Version });
        HostCheckResult check = target.Host.Check(bound.Config.GetRequirements(target.Toolstack, target.Version));
        IReadOnlyList<Diagnostic> more = [.. bound.Diagnostics, .. check.Diagnostics];
        ConfigCommandHelpers.WriteDiagnostics(more, context.Out);
        string what = "checked against " + target.Path + " (" + ModelCommandHelpers.Describe(target.Toolstack, target.Version) + ")";
        context.Out.WriteLine(CliSummary.Config(path, doc, what, more));
        return ExitCodes.For(doc.Diagnostics.Concat(more));
    }

    // Reads the host once for every file; returns the exit code when it cannot be used, else null.
    private static int? TryLoadHost(string path, string toolstackText, string? versionText, CliContext context, out HostTarget? target)
    {
        target = null;
        if (!ModelCommandHelpers.TryGetTarget(toolstackText, versionText, context, out Toolstack toolstack, out XenVersion version))
        {
            return ExitCodes.UsageOrIo;
        }

        if (!CliFiles.TryReadAllText(path, context, out string? text))
        {
            return ExitCodes.UsageOrIo;
        }

        ParseResult<HostInfo> parsed = HostInfo.Parse(text, new HostInfoParseOptions { Path = path });
        ConfigCommandHelpers.WriteDiagnostics(parsed.Diagnostics, context.Out);
        if (parsed.PartialValue is not { Fields.Count: > 0 } info)
        {
            context.Out.WriteLine(path + ": no host info");
            return ExitCodes.Failed;
        }

        // xl on that host is the host's Xen, unless --xen says otherwise (xm stays at its last release, 4.4).
        if (versionText is null && toolstack == Toolstack.Xl && info.XenVersion is { Major: >= 4 } hostVersion)
        {
            version = new XenVersion(hostVersion.Major, hostVersion.Minor);
        }

        target = new HostTarget(path, info, toolstack, version);
        return null;
    }
}
