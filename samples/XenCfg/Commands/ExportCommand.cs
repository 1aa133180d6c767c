using System.CommandLine;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg export --to json|libxl|libvirt [--dialect D] [--toolstack xl|xm] [--xen V] [--uname U] [--var N=V]... FILE</c>:
/// a config in another format, on standard output: the typed model as JSON (<see cref="DomainConfigJson"/>, the
/// schema is docs/domain-config.schema.json), libxl's JSON as <c>xl create -n</c> prints it, or libvirt's domain XML
/// (<see cref="LibvirtXml"/>: the xm converter for an xm file).
/// Diagnostics and the summary line go to standard error.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var to = new Option<string>("--to")
        {
            Description = "The format: json (the typed model), libxl (libxl_domain_config JSON, as 'xl create -n' prints it) or libvirt (domain XML, as libvirt's converter makes it).",
            Required = true,
        };
        var dialect = ConfigCommandHelpers.DialectOption();
        var toolstack = new Option<string?>("--toolstack") { Description = "json: the toolstack whose reading is exported, xl or xm (default: xm for an xm file, else xl)." };
        var xen = ModelCommandHelpers.XenOption();
        var uname = ModelCommandHelpers.UnameOption();
        var vars = ModelCommandHelpers.VarOption();
        var file = new Argument<string>("FILE") { Description = "The config file." };
        var command = new Command("export", "Print a config as the typed model's JSON, libxl's JSON or libvirt's domain XML.") { to, dialect, toolstack, xen, uname, vars, file };
        command.SetAction(result =>
        {
            string format = result.GetValue(to)!.ToLowerInvariant();
            if (format is not ("json" or "libxl" or "libvirt"))
            {
                context.Error.WriteLine($"xencfg: unknown format '{result.GetValue(to)}' (expected json, libxl or libvirt)");
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

            string toolstackText = result.GetValue(toolstack) ?? (format is "json" or "libvirt" && doc.Dialect == ConfigDialect.Xm ? "xm" : "xl");
            if (!ModelCommandHelpers.TryGetTarget(toolstackText, result.GetValue(xen), context, out Toolstack t, out XenVersion v))
            {
                return ExitCodes.UsageOrIo;
            }

            if (format == "libxl" && t != Toolstack.Xl)
            {
                context.Error.WriteLine($"xencfg: --to libxl is xl's reading of the config; --toolstack xm applies to --to json and libvirt only (migrate an xm file first)");
                return ExitCodes.UsageOrIo;
            }

            BindResult bound = DomainConfig.Bind(doc, new BindOptions { Toolstack = t, XenVersion = v, XmContext = xm });
            var diagnostics = new List<Diagnostic>([.. doc.Diagnostics, .. bound.Diagnostics]);
            string? output = format switch
            {
                "json" => DomainConfigJson.Serialize(bound.Config),
                "libxl" => Libxl(bound.Config, diagnostics),
                _ => Libvirt(bound.Config, t, diagnostics),
            };
            if (output is null)
            {
                ConfigCommandHelpers.WriteDiagnostics(diagnostics, context.Error);
                context.Error.WriteLine($"{path}: not exported");
                return ExitCodes.Worst(ExitCodes.Failed, ExitCodes.For(diagnostics));
            }


            context.Out.WriteLine(output);
            ConfigCommandHelpers.WriteDiagnostics(diagnostics, context.Error);
            context.Error.WriteLine(CliSummary.Config(path, doc, "exported as " + format, bound.Diagnostics.Concat(diagnostics.Skip(doc.Diagnostics.Count + bound.Diagnostics.Count))));
            return ExitCodes.For(diagnostics);
        });
        return command;
    }

    /// <summary>libvirt's domain XML: the xl converter for an xl reading, the xm converter for xend's.</summary>
    private static string? Libvirt(DomainConfig config, Toolstack toolstack, List<Diagnostic> diagnostics)
    {
        ParseResult<System.Xml.Linq.XDocument> xml = LibvirtXml.FromConfig(config, new LibvirtXmlOptions { Format = toolstack == Toolstack.Xm ? LibvirtFormat.Xm : LibvirtFormat.Xl });
        diagnostics.AddRange(xml.Diagnostics);
        return xml.TryGetValue(out System.Xml.Linq.XDocument? document) ? document.ToString() : null;
    }

    private static string Libxl(DomainConfig config, List<Diagnostic> diagnostics)
    {
        _ = config.ToLibxlJson(null, out IReadOnlyList<Diagnostic> found);
        diagnostics.AddRange(found);
        return config.ToLibxlJsonText();
    }
}
