namespace XenCfg;

/// <summary>Entry point of the <c>xencfg</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => XenCfgApp.Run(args, Console.Out, Console.Error);
}
