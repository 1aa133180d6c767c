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

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Runs <paramref name="pass"/> at least <paramref name="minPasses"/> times and for at least
    /// <paramref name="minSeconds"/>; returns how many passes that took and the median.</summary>
    public static (int Passes, double Median) Measure(Action pass, int minPasses, double minSeconds)
    {
        int passes = 0;
        double median = MedianSeconds(() => { passes++; pass(); }, minPasses, minSeconds);
        return (passes, median);
    }
}
