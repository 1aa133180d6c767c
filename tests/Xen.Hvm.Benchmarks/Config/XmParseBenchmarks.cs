using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;

namespace Xen.Hvm.Benchmarks.Config;

/// <summary>
/// xm throughput over the corpus files that Auto reads as xm (the configs libxlu rejects for their Python), next to
/// CPython 2.7 compiling and executing the same files: <see cref="Setup"/> runs <see cref="CPythonTimer"/> once and
/// prints its MB/s into the log (<c>// CPython ...</c>). MB/s = input bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class XmParseBenchmarks
{
    /// <summary>Times compile() and compile()+exec() of the files given on stdin (one path a line), Python 2 or 3.</summary>
    private const string CPythonTimer = """
        import sys, time, os
        paths = [l.strip() for l in sys.stdin if l.strip()]
        sources = []
        rejected = 0
        for p in paths:
            s = open(p, 'rb').read()
            try:
                compile(s, p, 'exec')
                sources.append((p, s))
            except SyntaxError:
                rejected += 1
        total = sum(len(s) for p, s in sources)
        class Vars:
            def __init__(self, *a): pass
            def var(self, *a, **k): pass
            def check(self): pass
        os.uname = lambda: ('Linux', 'host', '2.6.18', '#1 SMP', 'x86_64')
        def run(do_exec):
            n = 0
            start = time.time()
            while time.time() - start < 2.0:
                for p, s in sources:
                    code = compile(s, p, 'exec')
                    if do_exec:
                        locs = {'vmid': '3', 'xm_vars': Vars(), 'xm_file': p, 'xm_help': 0, 'os': os}
                        try:
                            exec(code, {}, locs)
                        except Exception:
                            pass
                n += 1
            return n * total / (time.time() - start) / 1e6
        sys.stdout.write('%d files, %d bytes (%d it rejects left out): compile %.1f MB/s, compile+exec %.1f MB/s (Python %s)\n' % (len(sources), total, rejected, run(False), run(True), sys.version.split()[0]))
        """;

    private (string Path, string Text)[] _files = [];
    private XmEvaluationContext _context = XmEvaluationContext.Default;

    [GlobalSetup]
    public void Setup()
    {
        _files = CorpusFiles.Paths()
            .Select(f => (Path: f, Text: Encoding.UTF8.GetString(File.ReadAllBytes(f))))
            .Where(f => XenConfig.Parse(f.Text).Dialect == ConfigDialect.Xm)
            .ToArray();
        _context = new XmEvaluationContext
        {
            Host = XmHostProfile.Parse("Linux host 2.6.18 #1 SMP x86_64"),
            Variables = new Dictionary<string, string> { ["vmid"] = "3" },
        };
        long bytes = _files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
        Console.WriteLine($"// xm corpus: {_files.Length} files, {bytes} bytes");
        foreach (string python in new[] { Environment.GetEnvironmentVariable("XEN_HVM_PYTHON2") ?? "/root/.pyenv/versions/2.7.18/bin/python", "python3" })
        {
            Console.WriteLine("// CPython: " + TimeCPython(python));
        }
    }

    private string TimeCPython(string python)
    {
        string script = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xm_timer_" + Guid.NewGuid().ToString("N") + ".py");
        File.WriteAllText(script, CPythonTimer);
        try
        {
            var psi = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            using Process p = Process.Start(psi)!;
            p.StandardInput.Write(string.Join('\n', _files.Select(f => f.Path)));
            p.StandardInput.Close();
            Task<string> error = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return python + ": " + output.Trim() + error.Result.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return python + ": not found";
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>The lossless parse (tokens and rows), as CPython's compile().</summary>
    [Benchmark(Baseline = true)]
    public int XmParse()
    {
        int n = 0;
        foreach (var (_, text) in _files)
        {
            n += XenConfig.Parse(text, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm }).HasErrors ? 1 : 0;
        }

        return n;
    }

    /// <summary>Auto: the xl attempt, then the xm parse, as a caller that does not know the dialect pays.</summary>
    [Benchmark]
    public int AutoParse()
    {
        int n = 0;
        foreach (var (_, text) in _files)
        {
            n += XenConfig.Parse(text).HasErrors ? 1 : 0;
        }

        return n;
    }

    /// <summary>Parse and evaluate (host profile, vmid=3), as CPython's compile()+exec().</summary>
    [Benchmark]
    public int XmParseAndEvaluate()
    {
        int n = 0;
        foreach (var (_, text) in _files)
        {
            n += XenConfig.Parse(text, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm }).Evaluate(_context).Variables.Count;
        }

        return n;
    }
}
