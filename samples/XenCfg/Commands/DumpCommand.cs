using System.CommandLine;
using System.Text;
using Xen.Hvm.Config;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg dump [--dialect auto|xl|xm] [--uname "SYS NODE REL VER MACHINE"] [--var NAME=VALUE]... FILE...</c>: one JSON
/// object of the effective values per file (one line each, in the order the files are given; files are read on every
/// core), in order of first appearance. xm files are evaluated (never run) with the given host profile and
/// command-line variables; their values are JSON strings, numbers and arrays.
/// </summary>
internal static class DumpCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var uname = new Option<string?>("--uname")
        {
            Description = "xm: what os.uname() answers, as 'SYSNAME NODENAME RELEASE VERSION MACHINE' (e.g. \"Linux host 2.6.18 #1 SMP x86_64\"); without it, values that depend on the host are unknown.",
        };
        var vars = new Option<string[]>("--var")
        {
            Description = "xm: an 'xm create FILE NAME=VALUE' argument (repeatable): an xm option such as memory=1024 overrides the file, any other name is a script variable (vmid=3).",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };
        var file = new Argument<string[]>("FILE") { Description = "The config file (several: one JSON object per line, in the order given).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("dump", "Print the effective values of a config file as one JSON object; xm files are evaluated without running anything.") { dialect, uname, vars, file };
        command.SetAction(result =>
        {
            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out var d))
            {
                return ExitCodes.UsageOrIo;
            }

            XmHostProfile? host = null;
            if (result.GetValue(uname) is { } unameText && !XmHostProfile.TryParse(unameText, out host))
            {
                context.Error.WriteLine($"xencfg: --uname expects 'SYSNAME NODENAME RELEASE VERSION MACHINE', got '{unameText}'");
                return ExitCodes.UsageOrIo;
            }

            string[] assignments = result.GetValue(vars) ?? [];
            foreach (string pair in assignments)
            {
                if (pair.IndexOf('=') <= 0)
                {
                    context.Error.WriteLine($"xencfg: --var expects NAME=VALUE, got '{pair}'");
                    return ExitCodes.UsageOrIo;
                }
            }

            return ParallelFiles.Run(result.GetValue(file)!, context, (path, output) => DumpFile(path, d, host, assignments, output));
        });
        return command;
    }

    private static int DumpFile(string path, ConfigDialect d, XmHostProfile? host, string[] assignments, CliContext context)
    {
        var doc = ConfigCommandHelpers.TryLoad(path, d, context);
        if (doc is null)
        {
            return ExitCodes.UsageOrIo;
        }

        // Standard output is the JSON alone; diagnostics and the summary line go to standard error.
        ConfigCommandHelpers.WriteDiagnostics(doc, context.Error);
        if (doc.Dialect != ConfigDialect.Xm)
        {
            context.Out.WriteLine(ToJson(doc.Values));
            context.Error.WriteLine(CliSummary.Config(path, doc));
            return ExitCodes.For(doc.Diagnostics);
        }

        XmEvaluationResult evaluation = doc.Evaluate(new XmEvaluationContext { Host = host }.WithCommandLine(assignments));
        ConfigCommandHelpers.WriteDiagnostics(evaluation.Diagnostics, context.Error);
        if (evaluation.UnknownVariables.Count > 0)
        {
            context.Error.WriteLine("xencfg: unknown (left out): " + string.Join(", ", evaluation.UnknownVariables));
        }

        context.Out.WriteLine(ToJson(evaluation.Variables));
        bool completed = evaluation.Outcome == XmEvaluationOutcome.Completed;
        string what = evaluation.Outcome switch
        {
            XmEvaluationOutcome.Completed => "evaluated",
            XmEvaluationOutcome.Raised => "evaluation raised " + (evaluation.ExceptionType ?? "an exception"),
            XmEvaluationOutcome.Rejected => "not evaluated (syntax error)",
            XmEvaluationOutcome.LimitExceeded => "evaluation stopped at a limit",
            XmEvaluationOutcome.InvalidOption => "not evaluated (invalid --var)",
            _ => "evaluation failed",
        };
        context.Error.WriteLine(CliSummary.Config(path, doc, what, evaluation.Diagnostics));
        return ExitCodes.Worst(ExitCodes.For(doc.Diagnostics.Concat(evaluation.Diagnostics)), completed ? ExitCodes.Ok : ExitCodes.Failed);
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
