using System.CommandLine;

namespace XenCfg.Commands;

/// <summary><c>xencfg check [--dialect auto|xl|xm] FILE...</c>: prints each file's diagnostics and one summary line
/// (<c>guest.cfg: xl, 24 settings, no problems</c>); exit 0 when no file has errors.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var files = new Argument<string[]>("FILE") { Description = "Config files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Print the diagnostics of config files; exit 1 when any file has errors.") { dialect, files };
        command.SetAction(result =>
        {
            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out var d))
            {
                return ExitCodes.UsageOrIo;
            }

            int code = ExitCodes.Ok;
            foreach (string path in result.GetValue(files)!)
            {
                var doc = ConfigCommandHelpers.TryLoad(path, d, context);
                if (doc is null)
                {
                    code = ExitCodes.Worst(code, ExitCodes.UsageOrIo);
                    continue;
                }

                if (d == Xen.Hvm.Config.ConfigDialect.Auto && doc.Dialect == Xen.Hvm.Config.ConfigDialect.Xm)
                {
                    context.Error.WriteLine($"{path}: read as xm: {doc.DialectReason}");
                }

                ConfigCommandHelpers.WriteDiagnostics(doc, context.Out);
                context.Out.WriteLine(CliSummary.Config(path, doc));
                code = ExitCodes.Worst(code, ExitCodes.For(doc.Diagnostics));
            }

            return code;
        });
        return command;
    }
}
