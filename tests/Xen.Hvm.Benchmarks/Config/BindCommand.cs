using System.Globalization;
using Xen.Hvm.Benchmarks.Anchors;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;

namespace Xen.Hvm.Benchmarks.Config;

/// <summary>
/// The plain timing loop behind the binding figures of <c>docs/benchmarks.md</c> (besides <see cref="BindBenchmarks"/>):
/// <c>bind LISTFILE [MIN_SECONDS] [ROUNDS]</c> times, over the files of a list held in memory and after a three-second
/// warm-up of each, the parse (<c>XenConfig.Parse(text).Values</c>), the bind of documents parsed beforehand (warm:
/// their lazy caches made by an earlier bind) and parse-then-bind (cold), one pass of each in turn (so that all three
/// see the same drift of a shared machine's speed); it prints each round's medians and the bind's share of each
/// against the parse; then the same three in blocks of ten passes of each in turn (each pass finding its code and data
/// in the CPU caches, as in a loop over one kind of work, where one pass of each in turn finds them evicted by the
/// others); then the bytes one pass of each allocates; then, once, the split by dialect (the files read as xl, those
/// read as xm, parse and bind passes in turn, and the xm files' evaluation alone), warm.
/// </summary>
internal static class BindCommand
{
    /// <summary>Runs <c>bind LISTFILE [MIN_SECONDS] [ROUNDS]</c>.</summary>
    public static int Run(string[] args)
    {
        string[] texts = File.ReadAllLines(args[1]).Where(static l => l.Length > 0).Select(File.ReadAllText).ToArray();
        double minSeconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        int rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        ConfigDocument[] documents = texts.Select(static t => XenConfig.Parse(t)).ToArray();
        int xm = documents.Count(static d => d.Dialect == ConfigDialect.Xm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files={texts.Length} xm={xm} xl={texts.Length - xm}"));

        Action parse = () => Sum(texts, static t => XenConfig.Parse(t).Values.Count);
        Action warm = () => Sum(documents, static d => DomainConfig.Bind(d).Diagnostics.Count);
        Action cold = () => Sum(texts, static t => DomainConfig.Bind(XenConfig.Parse(t)).Diagnostics.Count);
        foreach (Action pass in new[] { parse, warm, cold })
        {
            PassTimer.MedianSeconds(pass, minPasses: 1, minSeconds: 3); // the JIT re-compiles hot methods for seconds
        }

        for (int round = 1; round <= rounds; round++)
        {
            double[] medians = PassTimer.InterleavedMedianSeconds([parse, warm, cold], minTurns: 5, 3 * minSeconds);
            (double p, double w, double c) = (medians[0], medians[1], medians[2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: parse {p * 1e3:F3} ms, bind (warm) {w * 1e3:F3} ms = {w / p:F2}x, parse+bind {c * 1e3:F3} ms: bind (cold) {(c - p) / p:F2}x"));
        }

        double[] blocked = PassTimer.BlockedMedianSeconds([parse, warm, cold], block: 10, minTurns: 3, 3 * minSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in blocks of 10 passes: parse {blocked[0] * 1e3:F3} ms, bind (warm) {blocked[1] * 1e3:F3} ms = {blocked[1] / blocked[0]:F2}x, parse+bind {blocked[2] * 1e3:F3} ms: bind (cold) {(blocked[2] - blocked[0]) / blocked[0]:F2}x"));

        long[] bytes = [AllocatedBy(parse), AllocatedBy(warm), AllocatedBy(cold)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated a pass: parse {bytes[0] / 1024.0:F0} KiB, bind (warm) {bytes[1] / 1024.0:F0} KiB = {(double)bytes[1] / bytes[0]:F2}x, parse+bind {bytes[2] / 1024.0:F0} KiB: bind (cold) {(double)(bytes[2] - bytes[0]) / bytes[0]:F2}x"));

        foreach (ConfigDialect dialect in new[] { ConfigDialect.Xl, ConfigDialect.Xm })
        {
            int[] picked = Enumerable.Range(0, texts.Length).Where(i => (documents[i].Dialect == ConfigDialect.Xm) == (dialect == ConfigDialect.Xm)).ToArray();
            string[] someTexts = picked.Select(i => texts[i]).ToArray();
            ConfigDocument[] someDocuments = picked.Select(i => documents[i]).ToArray();
            double[] pair = PassTimer.InterleavedMedianSeconds(
                [() => Sum(someTexts, static t => XenConfig.Parse(t).Values.Count), () => Sum(someDocuments, static d => DomainConfig.Bind(d).Diagnostics.Count)],
                minTurns: 5,
                2 * minSeconds);
            (double p, double w) = (pair[0], pair[1]);
            string evaluation = string.Empty;
            if (dialect == ConfigDialect.Xm)
            {
                XmEvaluationContext context = BindOptions.Default.XmContext;
                double e = PassTimer.MedianSeconds(() => Sum(someDocuments, d => d.Evaluate(context).Diagnostics.Count), minPasses: 5, minSeconds);
                evaluation = string.Create(CultureInfo.InvariantCulture, $", of it Evaluate {e * 1e3:F3} ms");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{dialect} files ({picked.Length}): parse {p * 1e3:F3} ms, bind (warm) {w * 1e3:F3} ms = {w / p:F2}x{evaluation}"));
        }

        return 0;
    }

    /// <summary>The bytes one pass allocates on this thread (every pass here runs on it).</summary>
    private static long AllocatedBy(Action pass)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        pass();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static int Sum<T>(T[] items, Func<T, int> work)
    {
        int sum = 0;
        foreach (T item in items)
        {
            sum += work(item);
        }

        return sum;
    }
}
