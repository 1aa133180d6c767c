using System.Diagnostics;
using System.Globalization;
using Xen.Hvm.Config;

namespace Xen.Hvm.Benchmarks.Anchors;

/// <summary>
/// The .NET side of <c>compare-libxlu.sh</c>: times <c>XenConfig.Parse(text)</c> with the default options (the
/// <c>Auto</c> dialect, a lossless tree and diagnostics) over files held in memory, the way
/// <c>libxlu-throughput.c</c> times libxlu, and prints the same one-line summary.
/// </summary>
internal static class ThroughputCommand
{
    /// <summary>Runs <c>throughput LISTFILE MIN_SECONDS</c>.</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: throughput LISTFILE MIN_SECONDS");
            return 2;
        }

        string[] paths = File.ReadAllLines(args[1]).Where(static l => l.Length > 0).ToArray();
        double minSeconds = double.Parse(args[2], CultureInfo.InvariantCulture);
        string[] texts = paths.Select(File.ReadAllText).ToArray();
        long bytes = paths.Sum(static p => new FileInfo(p).Length);

        // Warm the JIT on the same inputs before timing, as the C harness needs no warm-up.
        Pass(texts);
        var times = new List<double>();
        double total = 0;
        while (times.Count < 3 || total < minSeconds)
        {
            long start = Stopwatch.GetTimestamp();
            Pass(texts);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            times.Add(seconds);
            total += seconds;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"files={texts.Length} bytes={bytes} passes={times.Count} median_seconds={times[times.Count / 2]:F6} allocated_per_pass={Allocated(texts)}"));
        return 0;
    }

    private static int Pass(string[] texts)
    {
        int errors = 0;
        foreach (string text in texts)
        {
            errors += XenConfig.Parse(text).HasErrors ? 1 : 0;
        }

        return errors;
    }

    private static long Allocated(string[] texts)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Pass(texts);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
