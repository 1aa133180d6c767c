using XenCfg.Commands;
using System.CommandLine;

namespace XenCfg;

/// <summary>Builds and runs the <c>xencfg</c> command tree; the tests call <see cref="Run"/> in-process.</summary>
public static class XenCfgApp
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where normal output goes.</param>
    /// <param name="stderr">Where diagnostics about the command line itself go.</param>
    /// <returns>0 on success, 1 when an input has errors, 2 on usage or I/O errors.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        bool terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var context = new CliContext(stdout, stderr, terminal);
        RootCommand root = BuildRoot(context);
        ParseResult result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine("xencfg: " + error.Message);
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
        yield return EditCommands.CreateSet(context);
        yield return EditCommands.CreateUnset(context);
        yield return CapsCommand.Create(context);
        yield return MkimageCommand.Create(context);
        yield return ConvertImageCommand.Create(context);
        yield return ImageInfoCommand.Create(context);
        yield return SpecCommand.Create(context);
    }
}
