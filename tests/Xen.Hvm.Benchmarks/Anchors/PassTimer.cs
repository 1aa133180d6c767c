using System.Diagnostics;

namespace Xen.Hvm.Benchmarks.Anchors;

/// <summary>The timing loop of the plain timing modes: passes until both bounds are reached, then the median.</summary>
internal static class PassTimer
{
    /// <summary>Runs <paramref name="pass"/> at least <paramref name="minPasses"/> times and for at least
    /// <paramref name="minSeconds"/> in all; returns the median time of one pass, in seconds.</summary>
    public static double MedianSeconds(Action pass, int minPasses, double minSeconds)
    {
        var times = new List<double>();
        double total = 0;
        while (times.Count < minPasses || total < minSeconds)
        {
            long start = Stopwatch.GetTimestamp();
            pass();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            times.Add(seconds);
            total += seconds;
        }

        return Median(times);
    }

    /// <summary>Runs <paramref name="pass"/> at least <paramref name="minPasses"/> times and for at least
    /// <paramref name="minSeconds"/>; returns how many passes that took and the median.</summary>
    public static (int Passes, double Median) Measure(Action pass, int minPasses, double minSeconds)
    {
        int passes = 0;
        double median = MedianSeconds(() => { passes++; pass(); }, minPasses, minSeconds);
        return (passes, median);
    }

    /// <summary>
    /// Runs the <paramref name="passes"/> in turn, one pass of each per turn (the order rotating each turn), for at
    /// least <paramref name="minTurns"/> turns and <paramref name="minSeconds"/> in all; returns the median time of one
    /// pass of each, in seconds. On a shared machine whose speed drifts over seconds, passes timed side by side see the
    /// same drift, where passes timed in separate blocks of seconds each do not.
    /// </summary>
    public static double[] InterleavedMedianSeconds(Action[] passes, int minTurns, double minSeconds) =>
        TurnMedianSeconds(passes, block: 1, uncounted: 0, minTurns, minSeconds);

    /// <summary>
    /// As <see cref="InterleavedMedianSeconds"/>, but each turn runs <paramref name="block"/> passes of one in a row
    /// before the next, and times all but the first of them: each pass then finds its own code and data in the CPU
    /// caches, as a loop over one kind of work does, where one pass of each in turn finds them evicted by the other.
    /// The blocks are short, so that the passes still see the same drift of a shared machine's speed.
    /// </summary>
    public static double[] BlockedMedianSeconds(Action[] passes, int block, int minTurns, double minSeconds) =>
        TurnMedianSeconds(passes, block, uncounted: 1, minTurns, minSeconds);

    /// <summary>Turns of <paramref name="block"/> passes of each in a row, the order rotating each turn; the first
    /// <paramref name="uncounted"/> passes of each block are run but not timed.</summary>
    private static double[] TurnMedianSeconds(Action[] passes, int block, int uncounted, int minTurns, double minSeconds)
    {
        var times = new List<double>[passes.Length];
        for (int i = 0; i < passes.Length; i++)
        {
            times[i] = [];
        }

        double total = 0;
        for (int turn = 0; turn < minTurns || total < minSeconds; turn++)
        {
            for (int k = 0; k < passes.Length; k++)
            {
                int i = (turn + k) % passes.Length;
                for (int pass = 0; pass < block; pass++)
                {
                    long start = Stopwatch.GetTimestamp();
                    passes[i]();
                    double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    total += seconds;
                    if (pass >= uncounted)
                    {
                        times[i].Add(seconds);
                    }
                }
            }
        }

        return Array.ConvertAll(times, Median);
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
