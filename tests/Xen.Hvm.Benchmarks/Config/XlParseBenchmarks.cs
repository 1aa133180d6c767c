using System.Text;
using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;

namespace Xen.Hvm.Benchmarks.Config;

/// <summary>
/// xl parsing throughput: the corpus configs, 2,000 generated 1–4 KB configs, and one generated 20 MB file.
/// Each benchmark parses the whole set once and touches the effective values, so the work cannot be skipped.
/// MB/s = <see cref="InputBytes"/> / mean time; allocation per input byte = Allocated / input bytes.
/// </summary>
[MemoryDiagnoser]
public class XlParseBenchmarks
{
    private string[] _corpus = [];
    private string[] _generated = [];
    private string _big = string.Empty;
    private static readonly XenConfigParseOptions s_xl = new() { Dialect = ConfigDialect.Xl };

    /// <summary>Prints the input sizes so MB/s can be computed from the mean times.</summary>
    public static string InputBytes(string[] texts) => texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusFiles.ReadAll();
        _generated = Enumerable.Range(0, 2000).Select(i => ConfigGenerator.Generate(new Random(i), 1024 + (i * 1543 % 3072))).ToArray();
        var sb = new StringBuilder(21 * 1024 * 1024);
        var random = new Random(42);
        while (sb.Length < 20 * 1024 * 1024)
        {
            sb.Append(ConfigGenerator.Generate(random, 4096));
        }

        _big = sb.ToString();
        Console.WriteLine($"// corpus: {_corpus.Length} files, {InputBytes(_corpus)} bytes; generated: {InputBytes(_generated)} bytes; big: {InputBytes([_big])} bytes");
    }

    [Benchmark(Baseline = true)]
    public int Corpus()
    {
        int n = 0;
        foreach (string text in _corpus)
        {
            n += XenConfig.Parse(text, options: s_xl).Values.Count;
        }

        return n;
    }

    [Benchmark]
    public int Generated2000()
    {
        int n = 0;
        foreach (string text in _generated)
        {
            n += XenConfig.Parse(text, options: s_xl).Values.Count;
        }

        return n;
    }

    [Benchmark]
    public int Generated20MB() => XenConfig.Parse(_big, options: s_xl).Values.Count;

    [Benchmark]
    public int CorpusTreeOnly()
    {
        int n = 0;
        foreach (string text in _corpus)
        {
            n += XenConfig.Parse(text, options: s_xl).HasErrors ? 1 : 0;
        }

        return n;
    }
}

/// <summary>Finds the shared corpus (XEN_HVM_CORPUS or ../shared/corpus above the working directory).</summary>
internal static class CorpusFiles
{
    public static string[] ReadAll()
    {
        string? root = Environment.GetEnvironmentVariable("XEN_HVM_CORPUS");
        if (string.IsNullOrEmpty(root))
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Xen.Hvm.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            root = Path.Combine(dir ?? Directory.GetCurrentDirectory(), "..", "shared", "corpus");
        }

        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Corpus not found at '{root}': set XEN_HVM_CORPUS.");
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.Contains("/info/", StringComparison.Ordinal) && !f.EndsWith("INDEX.txt", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)))
            .ToArray();
    }
}

/// <summary>Deterministic, realistic xl configs: comments, scalars, and disk/vif lists.</summary>
internal static class ConfigGenerator
{
    private static readonly string[] s_keys = ["name", "memory", "maxmem", "vcpus", "type", "boot", "acpi", "apic", "pae", "vnc", "vnclisten", "serial", "on_crash", "cpus", "extra", "kernel", "usbdevice", "localtime"];

    public static string Generate(Random random, int approximateBytes)
    {
        var sb = new StringBuilder(approximateBytes + 256);
        while (sb.Length < approximateBytes)
        {
            switch (random.Next(6))
            {
                case 0:
                    sb.Append("# ").Append(new string('-', random.Next(5, 40))).Append(" section ").Append(random.Next(1000)).Append('\n');
                    break;
                case 1:
                    sb.Append("disk = [ 'format=raw, vdev=xvd").Append((char)('a' + random.Next(26))).Append(", access=rw, target=/dev/vg/guest").Append(random.Next(100)).Append("',\n         'file:/var/lib/xen/iso/install").Append(random.Next(10)).Append(".iso,hdc:cdrom,r' ]\n");
                    break;
                case 2:
                    sb.Append("vif = [ 'mac=00:16:3e:").Append(random.Next(10, 99)).Append(":").Append(random.Next(10, 99)).Append(":").Append(random.Next(10, 99)).Append(", bridge=xenbr").Append(random.Next(3)).Append("' ]\n");
                    break;
                default:
                    string key = s_keys[random.Next(s_keys.Length)];
                    sb.Append(key).Append(" = ");
                    if (random.Next(2) == 0)
                    {
                        sb.Append(random.Next(1, 65536));
                    }
                    else
                    {
                        sb.Append('"').Append(key).Append('-').Append(random.Next(100000)).Append('"');
                    }

                    sb.Append(random.Next(4) == 0 ? "    # note\n" : "\n");
                    break;
            }
        }

        return sb.ToString();
    }
}
