using System.CommandLine;
using System.Xml;
using System.Xml.Linq;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg import --from libvirt [--native xl|xm] [-o FILE [--force]] FILE.xml</c>: the config libvirt's converter
/// writes for a domain XML (<c>virsh domxml-to-native xen-xl</c>), on standard output or written atomically to a file
/// (never over an existing one without <c>--force</c>).
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "The format of the input: libvirt (a domain XML of type 'xen').", Required = true };
        var native = new Option<string>("--native")
        {
            Description = "The config format to write: xl (libvirt's xen-xl converter; the default) or xm (xen-xm).",
            DefaultValueFactory = _ => "xl",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the config to this file (atomically) instead of standard output." };
        var force = new Option<bool>("--force") { Description = "With -o: replace the file if it exists." };
        var file = new Argument<string>("FILE") { Description = "The domain XML file ('-' for standard input)." };
        var command = new Command("import", "Write the config of a libvirt domain XML, as libvirt's converter does (virsh domxml-to-native).") { from, native, output, force, file };
        command.SetAction(result =>
        {
            if (!string.Equals(result.GetValue(from), "libvirt", StringComparison.OrdinalIgnoreCase))
            {
                context.Error.WriteLine($"xencfg: unknown format '{result.GetValue(from)}' (expected libvirt)");
                return ExitCodes.UsageOrIo;
            }

            LibvirtFormat format;
            switch (result.GetValue(native)!.ToLowerInvariant())
            {
                case "xl":
                    format = LibvirtFormat.Xl;
                    break;
                case "xm":
                    format = LibvirtFormat.Xm;
                    break;
                default:
                    context.Error.WriteLine($"xencfg: unknown native format '{result.GetValue(native)}' (expected xl or xm)");
                    return ExitCodes.UsageOrIo;
            }

            string path = result.GetValue(file)!;
            if (!CliFiles.TryReadAllText(path, context, out string? text))
            {
                return ExitCodes.UsageOrIo;
            }

            XDocument xml;
            try
            {
                xml = XDocument.Parse(text);
            }
            catch (XmlException e)
            {
                context.Error.WriteLine($"{path}({e.LineNumber},{e.LinePosition}): error: not well-formed XML");
                return ExitCodes.Failed;
            }

            string? target = result.GetValue(output);
            ParseResult<ConfigDocument> cfg = LibvirtXml.ToConfigDocument(xml, new LibvirtXmlOptions { Format = format }, target);
            if (!cfg.TryGetValue(out ConfigDocument? document))
            {
                foreach (Diagnostic d in cfg.Diagnostics)
                {
                    context.Error.WriteLine(path + ": " + d.Severity.ToString().ToLowerInvariant() + " " + d.Id + ": " + d.Message);
                }

                return ExitCodes.Failed;
            }

            if (target is null)
            {
                document.WriteTo(context.Out);
                context.Error.WriteLine($"{path}: libvirt domain, imported as " + CliSummary.Count(document.Settings.Count, "setting"));
                return ExitCodes.Ok;
            }

            if (!document.TrySave(target, new ConfigSaveOptions { ReplaceExistingFile = result.GetValue(force) }, out ConfigSaveResult saved))
            {
                ConfigCommandHelpers.WriteDiagnostics(saved.Diagnostics, context.Error);
                context.Error.WriteLine($"{target}: not written" + (saved.Diagnostics.Any(static d => d.Id == DiagnosticIds.ExistingFileNotReplaced) ? " (--force replaces it)" : string.Empty));
                return ExitCodes.Worst(ExitCodes.UsageOrIo, ExitCodes.For(saved.Diagnostics));
            }

            context.Out.WriteLine(CliSummary.Config(target, document, "written"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
