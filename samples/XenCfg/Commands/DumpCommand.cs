using System.CommandLine;
using System.Text;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg dump [--dialect auto|xl|xm] [--uname "SYS NODE REL VER MACHINE"] [--var NAME=VALUE]... FILE...</c>: one JSON
/// object of the effective values per file (one line each, in the order the files are given; files are read on every
/// core), in order of first appearance. xm files are evaluated (never run) with the given host profile and
/// command-line variables; their values are JSON strings, numbers and arrays.
/// <c>xencfg dump --libxl [--xl-conf XL.CONF] FILE...</c>: the <c>libxl_domain_config</c> JSON that Xen 4.17's
/// <c>xl create -n</c> prints for each file (oracle host: 8 CPUs, 1 NUMA node).
/// </summary>
internal static class DumpCommand
{
    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var uname = ModelCommandHelpers.UnameOption();
        var vars = ModelCommandHelpers.VarOption();
        var libxl = new Option<bool>("--libxl") { Description = "Print the libxl_domain_config JSON that xl create -n prints for the file (Xen 4.17), instead of the file's values." };
        var xlConf = new Option<string?>("--xl-conf") { Description = "With --libxl: the xl.conf whose defaults xl applies (default: the packaged one, all comments)." };
        var file = new Argument<string[]>("FILE") { Description = "The config file (several: one JSON object each, in the order given).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("dump", "Print the effective values of a config file as one JSON object; xm files are evaluated without running anything.") { dialect, uname, vars, libxl, xlConf, file };
        command.SetAction(result =>
        {
            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out var d))
            {
                return ExitCodes.UsageOrIo;
            }

            string[] assignments = result.GetValue(vars) ?? [];
            if (ModelCommandHelpers.TryGetXmContext(result.GetValue(uname), assignments, context) is not { } xmContext)
            {
                return ExitCodes.UsageOrIo;
            }

            XlConf? conf = null;
            IReadOnlyList<Diagnostic> confDiagnostics = [];
            if (result.GetValue(libxl))
            {
                if (TryLoadXlConf(result.GetValue(xlConf), context, out XlConf loaded, out confDiagnostics) is { } failed)
                {
                    return failed;
                }

                conf = loaded;
            }

            return ParallelFiles.Run(
                result.GetValue(file)!,
                context,
                (path, output) => conf is null ? DumpFile(path, d, xmContext, output) : DumpLibxl(path, d, xmContext, conf, confDiagnostics, output));
        });
        return command;
    }

    private static int DumpFile(string path, ConfigDialect d, XmEvaluationContext xmContext, CliContext context)
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

        XmEvaluationResult evaluation = doc.Evaluate(xmContext);
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

    // The xl.conf of --xl-conf, read once for all files (its diagnostics printed once): null when it loaded, else the exit code.
    private static int? TryLoadXlConf(string? xlConfPath, CliContext context, out XlConf xlConf, out IReadOnlyList<Diagnostic> diagnostics)
    {
        xlConf = XlConf.Default;
        diagnostics = [];
        if (xlConfPath is null)
        {
            return null;
        }

        if (!CliFiles.TryReadAllText(xlConfPath, context, out string? confText))
        {
            return ExitCodes.UsageOrIo;
        }

        ParseResult<XlConf> conf = XlConf.Parse(confText, xlConfPath);
        diagnostics = conf.Diagnostics;
        ConfigCommandHelpers.WriteDiagnostics(diagnostics, context.Error);
        if (!conf.TryGetValue(out XlConf? parsed))
        {
            return ExitCodes.Failed;
        }

        xlConf = parsed;
        return null;
    }

    // As xl create -n: binding's errors are xl's refusals, and then no JSON is printed (exit 1).
    private static int DumpLibxl(string path, ConfigDialect d, XmEvaluationContext xmContext, XlConf xlConf, IReadOnlyList<Diagnostic> confDiagnostics, CliContext context)
    {
        var doc = ConfigCommandHelpers.TryLoad(path, d, context);
        if (doc is null)
        {
            return ExitCodes.UsageOrIo;
        }

        ConfigCommandHelpers.WriteDiagnostics(doc, context.Error);
        BindResult bound = DomainConfig.Bind(doc, new BindOptions { XmContext = xmContext });
        ConfigCommandHelpers.WriteDiagnostics(bound.Diagnostics, context.Error);
        IReadOnlyList<Diagnostic> all = [.. confDiagnostics, .. bound.Diagnostics];
        if (!bound.HasErrors)
        {
            string text = bound.Config.ToLibxlJsonText(LibxlJsonOptions.Default with { XlConf = xlConf }, out IReadOnlyList<Diagnostic> refused);
            ConfigCommandHelpers.WriteDiagnostics(refused, context.Error);
            all = [.. all, .. refused];
            if (refused.Count == 0)
            {
                context.Out.Write(text);
            }
        }

        context.Error.WriteLine(CliSummary.Config(path, doc, "libxl JSON as xl 4.17 prints it", all));
        return ExitCodes.Worst(ExitCodes.For(doc.Diagnostics.Concat(all)), all.Any(static d => d.IsError) ? ExitCodes.Failed : ExitCodes.Ok);
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
