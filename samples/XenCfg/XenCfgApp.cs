using XenCfg.Commands;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace XenCfg;

/// <summary>Builds and runs the <c>xencfg</c> command tree; the tests call <see cref="Run"/> in-process.</summary>
public static class XenCfgApp
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where normal output goes.</param>
    /// <param name="stderr">Where diagnostics about the command line itself go.</param>
    /// <returns>An exit code of <see cref="ExitCodes"/>: 0 done, 1 an input has errors, 2 usage or I/O error, 3 a bug.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, extra: null);

    /// <summary>Runs a command line with one more command (tests use it to reach the last guard).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<CliContext, Command>? extra)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        bool terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var context = new CliContext(stdout, stderr, terminal);
        RootCommand root = BuildRoot(context);
        if (extra is not null)
        {
            root.Add(extra(context));
        }

        // No response files: 'xencfg check @guest.cfg' names a file, it does not read arguments from one.
        ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // An unknown option takes an argument's place, so the parser's own error names the next word: name the option.
        IEnumerable<string> errors = UnknownOption(result) is { } unknown
            ? [$"Unknown option '{unknown}' for '{result.CommandResult.Command.Name}' ({(result.CommandResult.Command.Name == "spec" ? "a spec that starts" : "a file whose name starts")} with '-' goes after '--')."]
            : result.Errors.Select(e => e.Message);

        if (errors.Any())
        {
            foreach (string error in errors)
            {
                stderr.WriteLine("xencfg: " + error);
            }

            stderr.WriteLine("Try 'xencfg --help'.");
            return ExitCodes.UsageOrIo;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Commands report the files they read and write themselves; this is the last guard, in our own words.
            stderr.WriteLine("xencfg: " + CliFiles.Describe(ex));
            return ExitCodes.UsageOrIo;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("XENCFG_DEBUG") is not "1")
        {
            // A bug: say so in our words (the type names the failure for a report; its message is not ours to show).
            stderr.WriteLine($"xencfg: internal error in '{result.CommandResult.Command.Name}' ({ex.GetType().Name}); this is a bug: please report it with the command line. XENCFG_DEBUG=1 shows the details.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Finds an argument that looks like an option (<c>--frobnicate</c>, <c>-x</c>) before any <c>--</c>: the parser
    /// would take it as a file name. <c>-</c> (standard input) and negative numbers (<c>-1G</c>) are arguments.
    /// </summary>
    private static string? UnknownOption(ParseResult result)
    {
        int doubleDash = -1;
        for (int i = 0; i < result.Tokens.Count; i++)
        {
            if (result.Tokens[i].Type == TokenType.DoubleDash)
            {
                doubleDash = i;
                break;
            }
        }

        foreach (ArgumentResult argument in result.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (Token token in argument.Tokens)
            {
                string v = token.Value;
                bool optionLike = v.Length > 1 && v[0] == '-' && !char.IsAsciiDigit(v[1]);
                if (optionLike && (doubleDash < 0 || IndexOf(result.Tokens, token) < doubleDash))
                {
                    return v;
                }
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("xencfg: read, check, edit and convert Xen domain configs, host capabilities and disk images.");
        foreach (Command command in Commands(context))
        {
            root.Add(command);
        }

        return root;
    }

    // One line per command; each command lives in its own file under Commands/.
    private static IEnumerable<Command> Commands(CliContext context)
    {
        yield return CheckCommand.Create(context);
        yield return RoundtripCommand.Create(context);
        yield return DumpCommand.Create(context);
        yield return ShowCommand.Create(context);
        yield return MigrateCommand.Create(context);
        yield return ExportCommand.Create(context);
        yield return ImportCommand.Create(context);
        yield return EditCommands.CreateSet(context);
        yield return EditCommands.CreateUnset(context);
        yield return CapsCommand.Create(context);
        yield return MkimageCommand.Create(context);
        yield return ConvertImageCommand.Create(context);
        yield return ImageInfoCommand.Create(context);
        yield return SpecCommand.Create(context);
    }
}
