using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Benchmarks.Anchors;

/// <summary>
/// A profiling aid for the default parse: <c>phases LISTFILE</c> times each stage of <c>XenConfig.Parse</c> (the xl
/// lexer alone, the xl parse, the xm parse, and the default <c>Auto</c> parse) over files held in memory, and the
/// bytes each allocates per input byte, so that a change can be aimed at the stage that costs.
/// </summary>
internal static class PhasesCommand
{
    /// <summary>Runs <c>phases LISTFILE [MIN_SECONDS]</c>.</summary>
    public static int Run(string[] args)
    {
        string[] texts = File.ReadAllLines(args[1]).Where(static l => l.Length > 0).Select(File.ReadAllText).ToArray();
        double minSeconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        long bytes = texts.Sum(static t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        long tokens = texts.Sum(static t => (long)XenConfig.Parse(t).SyntaxTree.Data.TokenCount);
        long rows = texts.Sum(static t => (long)XenConfig.Parse(t).SyntaxTree.Data.RowCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files={texts.Length} bytes={bytes} tokens={tokens} rows={rows}"));
        Time("xl lex", texts, bytes, minSeconds, static t => XlLexer.Lex(t, new DiagnosticBag(), out _, out _).Count);
        Time("xl parse", texts, bytes, minSeconds, static t => XlParser.Parse(t, new DiagnosticBag(), out _).TokenCount);
        Time("xm parse", texts, bytes, minSeconds, static t => PyParser.Parse(t, new DiagnosticBag()).TokenCount);
        Time("auto (ConfigParser)", texts, bytes, minSeconds, static t => ConfigParser.Parse(t, null, ConfigDialect.Auto).Diagnostics.Count);
        Time("XenConfig.Parse", texts, bytes, minSeconds, static t => XenConfig.Parse(t).HasErrors ? 1 : 0);
        Time("XenConfig.Parse + Values", texts, bytes, minSeconds, static t => XenConfig.Parse(t).Values.Count);
        return 0;
    }

    private static void Time(string name, string[] texts, long bytes, double minSeconds, Func<string, int> parse)
    {
        Pass(texts, parse);
        double median = PassTimer.MedianSeconds(() => Pass(texts, parse), minPasses: 5, minSeconds);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Pass(texts, parse);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-26} {median * 1e3,9:F3} ms {bytes / median / 1e6,7:F0} MB/s {(double)allocated / bytes,6:F2} B/byte"));
    }

    private static int Pass(string[] texts, Func<string, int> parse)
    {
        int sum = 0;
        foreach (string text in texts)
        {
            sum += parse(text);
        }

        return sum;
    }
}
