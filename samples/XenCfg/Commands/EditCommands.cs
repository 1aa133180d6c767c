using System.CommandLine;
using Xen.Hvm.Config;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg set FILE KEY=VALUE...</c> and <c>xencfg unset FILE KEY...</c>: edit a config (xl or xm) in place, keeping
/// everything else; in an xm file a computed value that is set becomes a literal (info XH4201).
/// </summary>
internal static class EditCommands
{
    public static Command CreateSet(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The config file to edit in place." };
        var pairs = new Argument<string[]>("KEY=VALUE")
        {
            Description = "Settings. VALUE is read as an xl value when it is one ('text', \"text\", 512, [ ... ]), else as a plain string.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("set", "Set values in a config file in place; comments, quoting and layout stay.") { file, pairs };
        command.SetAction(result =>
        {
            string path = result.GetValue(file)!;
            var doc = ConfigCommandHelpers.TryLoad(path, ConfigDialect.Auto, context);
            if (doc is null)
            {
                return ExitCodes.UsageOrIo;
            }

            foreach (string pair in result.GetValue(pairs)!)
            {
                int eq = pair.IndexOf('=');
                if (eq <= 0)
                {
                    context.Error.WriteLine($"xencfg: expected KEY=VALUE, got '{pair}'");
                    return ExitCodes.UsageOrIo;
                }

                string key = pair[..eq];
                bool valid = doc.Dialect == ConfigDialect.Xm ? Xen.Hvm.Config.Syntax.SyntaxFacts.IsValidXmName(key) : Xen.Hvm.Config.Syntax.SyntaxFacts.IsValidXlKey(key);
                if (!valid)
                {
                    context.Error.WriteLine(doc.Dialect == ConfigDialect.Xm
                        ? $"xencfg: '{key}' is not a valid xm name (a Python identifier)"
                        : $"xencfg: '{key}' is not a valid key ([a-z][._0-9a-z]*)");
                    return ExitCodes.UsageOrIo;
                }

                doc = doc.SetValue(key, ParseValue(pair[(eq + 1)..]));
            }

            return Save(doc, path, context);
        });
        return command;
    }

    public static Command CreateUnset(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The config file to edit in place." };
        var keys = new Argument<string[]>("KEY") { Description = "Keys to remove.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("unset", "Remove settings from a config file in place.") { file, keys };
        command.SetAction(result =>
        {
            string path = result.GetValue(file)!;
            var doc = ConfigCommandHelpers.TryLoad(path, ConfigDialect.Auto, context);
            if (doc is null)
            {
                return ExitCodes.UsageOrIo;
            }

            foreach (string key in result.GetValue(keys)!)
            {
                doc = doc.RemoveSetting(key);
            }

            return Save(doc, path, context);
        });
        return command;
    }

    /// <summary>Reads VALUE as an xl value when it parses as exactly one ('x', 512, [..]); otherwise it is a plain string.</summary>
    internal static ConfigValue ParseValue(string text)
    {
        var probe = XenConfig.Parse("v = " + text + "\n", options: new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        if (!probe.HasErrors && probe.Settings.Count == 1)
        {
            var value = probe.Settings[0].Value;
            return value is Xen.Hvm.Config.Syntax.NumberLiteralSyntax n && long.TryParse(n.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number) && !n.Text.StartsWith('0')
                ? new ConfigInteger(number)
                : probe.Values["v"];
        }

        return new ConfigString(text);
    }

    private static int Save(ConfigDocument doc, string path, CliContext context)
    {
        try
        {
            doc.Save(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"xencfg: cannot write '{path}': {ex.Message}");
            return ExitCodes.UsageOrIo;
        }

        ConfigCommandHelpers.WriteDiagnostics(doc, context.Out);
        return doc.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
