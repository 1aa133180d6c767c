using System.CommandLine;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg set [--replace-read-only] FILE KEY=VALUE...</c> and <c>xencfg unset [--replace-read-only] [--ignore-missing] FILE KEY...</c>:
/// edit a config (xl or xm) in place, keeping everything else; in an xm file a computed value that is set becomes a
/// literal (info XH4201), and non-ASCII text is written as the file's encoding allows (XH4202). An edit the library
/// refuses (XH2008, XH4203, XH4204) leaves the file untouched; so does a file that cannot be written (XH2010) or
/// has no write permission (XH2011, unless <c>--replace-read-only</c>).
/// </summary>
internal static class EditCommands
{
    /// <summary>The IDs of the diagnostics an edit leaves when it was not made.</summary>
    private static readonly HashSet<string> s_refusedEdits = new(StringComparer.Ordinal)
    {
        DiagnosticIds.EditInsideOpenStatement,
        DiagnosticIds.XmEditCharacterNotInEncoding,
        DiagnosticIds.XmEditUnknownEncoding,
    };

    public static Command CreateSet(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The config file to edit in place." };
        var pairs = new Argument<string[]>("KEY=VALUE")
        {
            Description = "Settings. VALUE is read as an xl value when it is one ('text', \"text\", 512, [ ... ]), else as a plain string.",
            Arity = ArgumentArity.OneOrMore,
        };
        var replaceReadOnly = ReplaceReadOnlyOption();
        var command = new Command("set", "Set values in a config file in place; comments, quoting and layout stay.") { replaceReadOnly, file, pairs };
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

                doc = doc.WithValue(key, ParseValue(pair[(eq + 1)..]));
            }

            return Save(doc, path, CliSummary.Count(result.GetValue(pairs)!.Length, "value") + " set", result.GetValue(replaceReadOnly), context);
        });
        return command;
    }

    public static Command CreateUnset(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The config file to edit in place." };
        var keys = new Argument<string[]>("KEY") { Description = "Keys to remove.", Arity = ArgumentArity.OneOrMore };
        var replaceReadOnly = ReplaceReadOnlyOption();
        var ignoreMissing = new Option<bool>("--ignore-missing")
        {
            Description = "A KEY that is not set is not an error (without it, the file is left untouched and the exit code is 1).",
        };
        var command = new Command("unset", "Remove settings from a config file in place.") { replaceReadOnly, ignoreMissing, file, keys };
        command.SetAction(result =>
        {
            string path = result.GetValue(file)!;
            var doc = ConfigCommandHelpers.TryLoad(path, ConfigDialect.Auto, context);
            if (doc is null)
            {
                return ExitCodes.UsageOrIo;
            }

            string[] names = result.GetValue(keys)!;
            string[] missing = names.Where(k => !doc.GetSettings(k).Any()).Distinct(StringComparer.Ordinal).ToArray();
            if (missing.Length > 0 && !result.GetValue(ignoreMissing))
            {
                // Removing nothing and saying nothing would hide a typo ('unset memroy'): the file stays as it was.
                foreach (string key in missing)
                {
                    context.Error.WriteLine($"xencfg unset: {path} has no setting '{key}' (--ignore-missing allows that)");
                }

                context.Error.WriteLine($"{path}: not changed");
                return ExitCodes.Failed;
            }

            int removed = 0;
            foreach (string key in names.Distinct(StringComparer.Ordinal))
            {
                removed += doc.GetSettings(key).Count();
                doc = doc.WithoutSetting(key);
            }

            return Save(doc, path, CliSummary.Count(removed, "setting") + " removed", result.GetValue(replaceReadOnly), context);
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

    private static Option<bool> ReplaceReadOnlyOption() => new("--replace-read-only")
    {
        Description = "Write the file even when it has no write permission (mode 0444); it stays read-only.",
    };

    private static int Save(ConfigDocument doc, string path, string what, bool replaceReadOnly, CliContext context)
    {
        if (doc.Diagnostics.Any(d => s_refusedEdits.Contains(d.Id)))
        {
            // An edit was not made: saving the others would leave a half-done change.
            ConfigCommandHelpers.WriteDiagnostics(doc.Diagnostics.Where(d => s_refusedEdits.Contains(d.Id)), context.Error);
            context.Error.WriteLine($"{path}: not changed");
            return ExitCodes.Failed;
        }

        if (!doc.TrySave(path, new ConfigSaveOptions { ReplaceReadOnlyFile = replaceReadOnly }, out ConfigSaveResult saved))
        {
            ConfigCommandHelpers.WriteDiagnostics(saved.Diagnostics, context.Error);
            context.Error.WriteLine($"{path}: not changed");
            return ExitCodes.Worst(ExitCodes.UsageOrIo, ExitCodes.For(saved.Diagnostics));
        }

        ConfigCommandHelpers.WriteDiagnostics(doc.Diagnostics.Concat(saved.Diagnostics), context.Out);
        context.Out.WriteLine(CliSummary.Config(path, doc, what, saved.Diagnostics));
        return ExitCodes.For(doc.Diagnostics.Concat(saved.Diagnostics));
    }
}
