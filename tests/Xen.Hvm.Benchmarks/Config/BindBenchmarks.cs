using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;

namespace Xen.Hvm.Benchmarks.Config;

/// <summary>
/// Binding cost next to parse cost (issue 10, item 9), on the shared corpus (xl and xm configs) and the 2,000 configs
/// of <c>gen_synth.py</c>. <c>Bind*</c>: the documents are parsed once in the setup, then
/// <see cref="DomainConfig.Bind"/> types every option of every file (the documents' own lazy caches, made by the
/// first bind, are warm). <c>ParseAndBind*</c>: parse then bind each text, as a tool does with a file it has not seen,
/// so the bind's share is that row minus <c>Parse*</c>, cold caches included. The <c>Parse*</c> rows parse the same
/// texts in the same run (<c>XenConfig.Parse(text).Values</c>), so the claim "binding costs no more than the parse"
/// reads off one table.
/// </summary>
[MemoryDiagnoser]
public class BindBenchmarks
{
    private string[] _corpus = [];
    private string[] _synth = [];
    private ConfigDocument[] _corpusDocs = [];
    private ConfigDocument[] _synthDocs = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusFiles.ReadAll();
        string synth = SynthCorpus.Directory();
        _synth = Directory.EnumerateFiles(Path.Combine(synth, "synth"), "*.cfg").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        _corpusDocs = _corpus.Select(static t => XenConfig.Parse(t)).ToArray();
        _synthDocs = _synth.Select(static t => XenConfig.Parse(t)).ToArray();
        Console.WriteLine($"// corpus: {_corpus.Length} files, {XlParseBenchmarks.InputBytes(_corpus)} bytes; gen_synth: {_synth.Length} files, {XlParseBenchmarks.InputBytes(_synth)} bytes");
    }

    [Benchmark(Baseline = true)]
    public int ParseCorpus()
    {
        int n = 0;
        foreach (string text in _corpus)
        {
            n += XenConfig.Parse(text).Values.Count;
        }

        return n;
    }

    [Benchmark]
    public int BindCorpus()
    {
        int n = 0;
        foreach (ConfigDocument doc in _corpusDocs)
        {
            n += DomainConfig.Bind(doc).Diagnostics.Count;
        }

        return n;
    }

    [Benchmark]
    public int ParseAndBindCorpus()
    {
        int n = 0;
        foreach (string text in _corpus)
        {
            n += DomainConfig.Bind(XenConfig.Parse(text)).Diagnostics.Count;
        }

        return n;
    }

    [Benchmark]
    public int ParseSynth2000()
    {
        int n = 0;
        foreach (string text in _synth)
        {
            n += XenConfig.Parse(text).Values.Count;
        }

        return n;
    }

    [Benchmark]
    public int BindSynth2000()
    {
        int n = 0;
        foreach (ConfigDocument doc in _synthDocs)
        {
            n += DomainConfig.Bind(doc).Diagnostics.Count;
        }

        return n;
    }

    [Benchmark]
    public int ParseAndBindSynth2000()
    {
        int n = 0;
        foreach (string text in _synth)
        {
            n += DomainConfig.Bind(XenConfig.Parse(text)).Diagnostics.Count;
        }

        return n;
    }
}
