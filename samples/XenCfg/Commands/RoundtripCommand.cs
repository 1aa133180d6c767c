using System.CommandLine;

namespace XenCfg.Commands;

/// <summary><c>xencfg roundtrip [--dialect auto|xl|xm] FILE...</c>: parse and print each file; exit 0 only when every file comes back byte-identical.</summary>
internal static class RoundtripCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var files = new Argument<string[]>("FILE") { Description = "Config files to round-trip.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("roundtrip", "Parse and print each file; fail when any file does not come back byte for byte.") { dialect, files };
        command.SetAction(result =>
        {
            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out var d))
            {
                return ExitCodes.UsageOrIo;
            }

            int code = ExitCodes.Ok;
            int same = 0, differ = 0;
            foreach (string path in result.GetValue(files)!)
            {
                // TryLoad reports an unreadable file as XH2009; the bytes are read again to compare them with the print.
                if (ConfigCommandHelpers.TryLoad(path, d, context) is not { } doc || !CliFiles.TryReadAllBytes(path, context, out byte[]? original))
                {
                    code = ExitCodes.Worst(code, ExitCodes.UsageOrIo);
                    continue;
                }

                // Whether the file has errors is check's business: a broken file must still come back byte for byte.
                bool identical = original.AsSpan().SequenceEqual(doc.ToBytes());
                same += identical ? 1 : 0;
                differ += identical ? 0 : 1;
                context.Out.WriteLine($"{path}: {CliSummary.DialectName(doc.Dialect)}, {CliSummary.Count(doc.Settings.Count, "setting")}, {(identical ? "identical bytes" : "does not round-trip")}");
                code = ExitCodes.Worst(code, identical ? ExitCodes.Ok : ExitCodes.Failed);
            }

            context.Out.WriteLine($"{same} identical, {differ} different");
            return code;
        });
        return command;
    }
}
