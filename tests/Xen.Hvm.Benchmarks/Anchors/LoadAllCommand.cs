using System.Globalization;
using Xen.Hvm.Config;

namespace Xen.Hvm.Benchmarks.Anchors;

/// <summary>
/// The .NET side of <c>scale-loadall.sh</c>: times <c>XenConfig.LoadAll(paths)</c> (read from disk, default options)
/// over a list of files with a given degree of parallelism and prints files per second.
/// </summary>
internal static class LoadAllCommand
{
    /// <summary>Runs <c>loadall LISTFILE DEGREE MIN_SECONDS</c>.</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: loadall LISTFILE DEGREE MIN_SECONDS");
            return 2;
        }

        string[] paths = File.ReadAllLines(args[1]).Where(static l => l.Length > 0).ToArray();
        int degree = int.Parse(args[2], CultureInfo.InvariantCulture);
        double minSeconds = double.Parse(args[3], CultureInfo.InvariantCulture);

        Pass(paths, degree); // warm-up: the JIT and the page cache
        (int passes, double median) = PassTimer.Measure(() => Pass(paths, degree), minPasses: 3, minSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"files={paths.Length} degree={degree} passes={passes} median_seconds={median:F6} files_per_second={paths.Length / median:F0}"));
        return 0;
    }

    private static int Pass(string[] paths, int degree)
    {
        int settings = 0;
        foreach (var result in XenConfig.LoadAll(paths, maxDegreeOfParallelism: degree))
        {
            settings += result.Document?.Settings.Count ?? 0;
        }

        return settings;
    }
}
