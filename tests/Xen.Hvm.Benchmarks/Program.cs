using BenchmarkDotNet.Running;

namespace Xen.Hvm.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Xen.Hvm.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "throughput")
        {
            return Anchors.ThroughputCommand.Run(args); // compare-libxlu.sh: the same timing loop as the C harness
        }

        if (args.Length > 1 && args[0] == "phases")
        {
            return Anchors.PhasesCommand.Run(args); // a profiling aid: the stages of the default parse
        }

        if (args.Length > 0 && args[0] == "loadall")
        {
            return Anchors.LoadAllCommand.Run(args); // scale-loadall.sh: XenConfig.LoadAll on 1 and 2 cores
        }

        if (args.Length > 1 && args[0] == "bind")
        {
            return Config.BindCommand.Run(args); // binding against parsing, warm and cold, in a plain timing loop
        }

        if (args.Length == 2 && args[0] == "xm-files")
        {
            // compare-libxlu.sh: the files of a list that the default parse reads as xm (CPython's inputs)
            foreach (string path in File.ReadAllLines(args[1]).Where(static l => l.Length > 0))
            {
                if (Xen.Hvm.Config.XenConfig.Parse(File.ReadAllText(path)).Dialect == Xen.Hvm.Config.ConfigDialect.Xm)
                {
                    Console.WriteLine(path);
                }
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
