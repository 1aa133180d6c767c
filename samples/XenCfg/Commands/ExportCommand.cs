using System.CommandLine;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg export --to json|libxl [--dialect D] [--toolstack xl|xm] [--xen V] [--uname U] [--var N=V]... FILE</c>:
/// a config in another format, on standard output: the typed model as JSON (<see cref="DomainConfigJson"/>, the
/// schema is docs/domain-config.schema.json) or libxl's JSON as <c>xl create -n</c> prints it.
/// Diagnostics and the summary line go to standard error.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var to = new Option<string>("--to")
        {
            Description = "The format: json (the typed model) or libxl (libxl_domain_config JSON, as 'xl create -n' prints it).",
            Required = true,
        };
        var dialect = ConfigCommandHelpers.DialectOption();
        var toolstack = new Option<string?>("--toolstack") { Description = "json: the toolstack whose reading is exported, xl or xm (default: xm for an xm file, else xl)." };
        var xen = ModelCommandHelpers.XenOption();
        var uname = ModelCommandHelpers.UnameOption();
        var vars = ModelCommandHelpers.VarOption();
        var file = new Argument<string>("FILE") { Description = "The config file." };
        var command = new Command("export", "Print a config as the typed model's JSON or libxl's JSON.") { to, dialect, toolstack, xen, uname, vars, file };
        command.SetAction(result =>
        {
            string format = result.GetValue(to)!.ToLowerInvariant();
            if (format is not ("json" or "libxl"))
            {
                context.Error.WriteLine($"xencfg: unknown format '{result.GetValue(to)}' (expected json or libxl)");
                return ExitCodes.UsageOrIo;
            }

            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out ConfigDialect d) ||
                ModelCommandHelpers.TryGetXmContext(result.GetValue(uname), result.GetValue(vars) ?? [], context) is not { } xm)
            {
                return ExitCodes.UsageOrIo;
            }

            string path = result.GetValue(file)!;
            ConfigDocument? doc = ConfigCommandHelpers.TryLoad(path, d, context);
            if (doc is null)
            {
                return ExitCodes.UsageOrIo;
            }

            string toolstackText = result.GetValue(toolstack) ?? (format == "json" && doc.Dialect == ConfigDialect.Xm ? "xm" : "xl");
            if (!ModelCommandHelpers.TryGetTarget(toolstackText, result.GetValue(xen), context, out Toolstack t, out XenVersion v))
            {
                return ExitCodes.UsageOrIo;
            }

            if (format != "json" && t != Toolstack.Xl)
            {
                context.Error.WriteLine($"xencfg: --to {format} is xl's reading of the config; --toolstack xm applies to --to json only (migrate an xm file first)");
                return ExitCodes.UsageOrIo;
            }

            BindResult bound = DomainConfig.Bind(doc, new BindOptions { Toolstack = t, XenVersion = v, XmContext = xm });
            var diagnostics = new List<Diagnostic>([.. doc.Diagnostics, .. bound.Diagnostics]);
            string output = format == "json" ? DomainConfigJson.Serialize(bound.Config) : Libxl(bound.Config, diagnostics);

            context.Out.WriteLine(output);
            ConfigCommandHelpers.WriteDiagnostics(diagnostics, context.Error);
            context.Error.WriteLine(CliSummary.Config(path, doc, "exported as " + format, bound.Diagnostics.Concat(diagnostics.Skip(doc.Diagnostics.Count + bound.Diagnostics.Count))));
            return ExitCodes.For(diagnostics);
        });
        return command;
    }

    private static string Libxl(DomainConfig config, List<Diagnostic> diagnostics)
    {
        _ = config.ToLibxlJson(null, out IReadOnlyList<Diagnostic> found);
        diagnostics.AddRange(found);
        return config.ToLibxlJsonText();
    }
}
