using XenCfg;

namespace Xen.Hvm.Tests.Infrastructure;

/// <summary>Runs <c>xencfg</c> in-process and captures what it prints.</summary>
public static class Cli
{
    /// <summary>The outcome of one run.</summary>
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>Runs the command line.</summary>
    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = XenCfgApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
