using System.Text;
using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;

namespace Xen.Hvm.Benchmarks.Config;

/// <summary>
/// Config parsing throughput on the anchors' inputs: the shared corpus, and the seeded generated corpus of
/// <c>../shared/tools/gen_synth.py</c> (2,000 xl configs of 1–4 KB and one of 20 MB) that libxlu and CPython were
/// timed on, read with the default options (<see cref="ConfigDialect.Auto"/>, as <c>XenConfig.Parse(text)</c> does).
/// Each benchmark parses the whole set once and touches the effective values, so the work cannot be skipped.
/// MB/s = input bytes (printed by the setup) / mean time; allocation per input byte = Allocated / input bytes.
/// </summary>
[MemoryDiagnoser]
public class XlParseBenchmarks
{
    private string[] _corpus = [];
    private string[] _synth = [];
    private string _big = string.Empty;

    /// <summary>Returns the UTF-8 size of the texts, so MB/s can be computed from the mean times.</summary>
    public static string InputBytes(string[] texts) => texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusFiles.ReadAll();
        string synth = SynthCorpus.Directory();
        _synth = Directory.EnumerateFiles(Path.Combine(synth, "synth"), "*.cfg").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        _big = File.ReadAllText(Path.Combine(synth, "big", "big_20MB.cfg"));
        Console.WriteLine($"// corpus: {_corpus.Length} files, {InputBytes(_corpus)} bytes; gen_synth: {_synth.Length} files, {InputBytes(_synth)} bytes; big_20MB.cfg: {InputBytes([_big])} bytes ({synth})");
    }

    [Benchmark(Baseline = true)]
    public int Corpus()
    {
        int n = 0;
        foreach (string text in _corpus)
        {
            n += XenConfig.Parse(text).Values.Count;
        }

        return n;
    }

    [Benchmark]
    public int Synth2000()
    {
        int n = 0;
        foreach (string text in _synth)
        {
            n += XenConfig.Parse(text).Values.Count;
        }

        return n;
    }

    [Benchmark]
    public int Synth20MB() => XenConfig.Parse(_big).Values.Count;

    [Benchmark]
    public int CorpusTreeOnly()
    {
        int n = 0;
        foreach (string text in _corpus)
        {
            n += XenConfig.Parse(text).HasErrors ? 1 : 0;
        }

        return n;
    }
}

/// <summary>
/// The seeded generated corpus: runs <c>python3 ../shared/tools/gen_synth.py OUTDIR</c> (or <c>XEN_HVM_GEN_SYNTH</c>)
/// once into a cache folder named after the script's content, so every benchmark process reads the same files.
/// </summary>
internal static class SynthCorpus
{
    public static string Directory()
    {
        string script = Environment.GetEnvironmentVariable("XEN_HVM_GEN_SYNTH") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.Combine(CorpusFiles.RepositoryRoot(), "..", "shared", "tools", "gen_synth.py");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"gen_synth.py not found at '{script}': set XEN_HVM_GEN_SYNTH.");
        }

        string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(script)))[..12];
        string outDir = Path.Combine(Path.GetTempPath(), "xen-hvm-gen-synth", hash);
        string done = Path.Combine(outDir, ".complete");
        if (File.Exists(done))
        {
            return outDir;
        }

        // Generate beside the cache and move it in whole, so a half-written corpus is never read.
        string temp = outDir + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new System.Diagnostics.ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(temp);
        using (var python = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started."))
        {
            python.StandardOutput.ReadToEnd();
            python.WaitForExit();
            if (python.ExitCode != 0)
            {
                throw new InvalidOperationException($"gen_synth.py exited with {python.ExitCode}.");
            }
        }

        File.WriteAllText(Path.Combine(temp, ".complete"), hash);
        try
        {
            System.IO.Directory.Move(temp, outDir);
        }
        catch (IOException) when (File.Exists(done))
        {
            System.IO.Directory.Delete(temp, recursive: true); // another benchmark process got there first
        }

        return outDir;
    }
}

/// <summary>Finds the shared corpus (XEN_HVM_CORPUS or ../shared/corpus beside the repository).</summary>
internal static class CorpusFiles
{
    /// <summary>Returns the folder holding Xen.Hvm.sln, above the benchmark's own folder.</summary>
    public static string RepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Xen.Hvm.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? System.IO.Directory.GetCurrentDirectory();
    }

    /// <summary>Reads the corpus configs: exactly the files of <c>xl-oracle.jsonl</c>, the 218 that libxlu was run on
    /// (not the libvirt XML or the host-info captures beside them).</summary>
    public static string[] ReadAll() => Paths().Select(static f => Encoding.UTF8.GetString(File.ReadAllBytes(f))).ToArray();

    /// <summary>Returns the full paths of the corpus configs, in the oracle's order.</summary>
    public static string[] Paths()
    {
        string? root = Environment.GetEnvironmentVariable("XEN_HVM_CORPUS");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(RepositoryRoot(), "..", "shared", "corpus");
        }

        string oracle = Path.Combine(root, "xl-oracle.jsonl");
        if (!File.Exists(oracle))
        {
            throw new FileNotFoundException($"Corpus not found at '{root}': set XEN_HVM_CORPUS.", oracle);
        }

        return File.ReadLines(oracle)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("file").GetString()!)
            .Select(file => Path.Combine(root, file))
            .ToArray();
    }
}
