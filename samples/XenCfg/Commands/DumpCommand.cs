using System.CommandLine;
using System.Text;
using Xen.Hvm.Config;

namespace XenCfg.Commands;

/// <summary><c>xencfg dump [--dialect xl] FILE</c>: one JSON object of the effective values, in order of first appearance.</summary>
internal static class DumpCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var file = new Argument<string>("FILE") { Description = "The config file." };
        var command = new Command("dump", "Print the effective values of a config file as one JSON object (strings and nested arrays).") { dialect, file };
        command.SetAction(result =>
        {
            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out var d))
            {
                return ExitCodes.UsageOrIo;
            }

            var doc = ConfigCommandHelpers.TryLoad(result.GetValue(file)!, d, context);
            if (doc is null)
            {
                return ExitCodes.UsageOrIo;
            }

            ConfigCommandHelpers.WriteDiagnostics(doc, context.Error);
            context.Out.WriteLine(ToJson(doc.Values));
            return doc.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    internal static string ToJson(ConfigValueCollection values)
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (var (key, value) in values)
        {
            sb.Append(first ? string.Empty : ", ");
            first = false;
            sb.Append(new ConfigString(key)).Append(": ").Append(value);
        }

        return sb.Append('}').ToString();
    }
}
