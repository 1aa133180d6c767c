using System.Diagnostics;
using System.Globalization;
using Xen.Hvm.Config;

namespace Xen.Hvm.Benchmarks.Anchors;

/// <summary>
/// The .NET side of <c>compare-libxlu.sh</c>: times <c>XenConfig.Parse(text)</c> with the default options (the
/// <c>Auto</c> dialect, a lossless tree and diagnostics) over files held in memory, the way
/// <c>libxlu-throughput.c</c> times libxlu, and prints the same one-line summary. With <c>--evaluate</c> each
/// document is also evaluated as <c>xm create</c> would (host profile, <c>vmid=3</c>): the like of CPython's
/// <c>compile()</c> + <c>exec()</c> in <c>cpython-throughput.py</c>.
/// </summary>
internal static class ThroughputCommand
{
    private static readonly XmEvaluationContext EvaluationContext =
        new XmEvaluationContext { Host = XmHostProfile.Parse("Linux host 2.6.18 #1 SMP x86_64") }.WithCommandLine(["vmid=3"]);

    /// <summary>The least time the inputs are parsed before the timing starts.</summary>
    private const double WarmUpSeconds = 3;

    /// <summary>Runs <c>throughput LISTFILE MIN_SECONDS [--evaluate]</c>.</summary>
    public static int Run(string[] args)
    {
        if (args.Length is not (3 or 4) || (args.Length == 4 && args[3] != "--evaluate"))
        {
            Console.Error.WriteLine("usage: throughput LISTFILE MIN_SECONDS [--evaluate]");
            return 2;
        }

        bool evaluate = args.Length == 4;

        string[] paths = File.ReadAllLines(args[1]).Where(static l => l.Length > 0).ToArray();
        double minSeconds = double.Parse(args[2], CultureInfo.InvariantCulture);
        string[] texts = paths.Select(File.ReadAllText).ToArray();
        long bytes = paths.Sum(static p => new FileInfo(p).Length);

        // Warm up on the same inputs before timing, as the C harness and CPython need none: the JIT compiles the
        // parser's and the evaluator's methods again, optimized, in the background after their first calls, which
        // takes a few seconds on 2 cores (timed from the first call, the evaluation ran at a fifth of its later speed).
        // A long-running tool sees the later speed; a one-shot command line sees the native AOT build's.
        long warmUp = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmUp).TotalSeconds < Math.Max(WarmUpSeconds, minSeconds))
        {
            Pass(texts, evaluate);
        }

        (int passes, double median) = PassTimer.Measure(() => Pass(texts, evaluate), minPasses: 3, minSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"files={texts.Length} bytes={bytes} passes={passes} median_seconds={median:F6} allocated_per_pass={Allocated(texts, evaluate)}"));
        return 0;
    }

    private static int Pass(string[] texts, bool evaluate)
    {
        int errors = 0;
        foreach (string text in texts)
        {
            ConfigDocument doc = XenConfig.Parse(text);
            errors += doc.HasErrors ? 1 : 0;
            if (evaluate && doc.Dialect == ConfigDialect.Xm)
            {
                errors += doc.Evaluate(EvaluationContext).Outcome == XmEvaluationOutcome.Completed ? 0 : 1;
            }
        }

        return errors;
    }

    private static long Allocated(string[] texts, bool evaluate)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Pass(texts, evaluate);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
