using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// Xen's <c>xl create -n</c> run directly with the xl-dryrun shim preloaded (the shim that
/// <see cref="XlDryRun"/>'s script builds): xl's exact stdout bytes, and fast enough (a few milliseconds a run, against
/// a fifth of a second through the script) for property tests. The fake host's CPUs and nodes are the shim's
/// <c>XLSHIM_NR_CPUS</c> and <c>XLSHIM_NR_NODES</c>.
/// </summary>
internal static class LibxlXl
{
    private static readonly Lazy<string> s_shim = new(FindShim);

    /// <summary>Runs xl on a config file.</summary>
    public static (int Rc, string Stdout, string Stderr) Run(string path, int cpus = 8, int nodes = 1)
    {
        string shim = s_shim.Value;
        string cwd = Path.Combine(Path.GetTempPath(), "xen-hvm-xl-cwd");
        Directory.CreateDirectory(cwd);
        var start = new ProcessStartInfo(XlDryRun.XlBinary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = cwd,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("create");
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(path);
        start.Environment["LD_PRELOAD"] = shim;
        start.Environment["XLSHIM_NR_CPUS"] = cpus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["XLSHIM_NR_NODES"] = nodes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("XLSHIM_RANDOM_UUID");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "xl did not finish in 30 s");
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>The shim as xl-dryrun.sh names it (built by running the script once).</summary>
    private static string FindShim()
    {
        using (var temp = new TempDirectory())
        {
            string probe = temp.File("probe.cfg");
            File.WriteAllText(probe, "name = \"probe\"\nkernel = \"/k\"\n");
            Assert.Equal(0, XlDryRun.Run(probe)["rc"]!.GetValue<int>());
        }

        if (Environment.GetEnvironmentVariable("SHIM") is { Length: > 0 } given)
        {
            return given;
        }

        string script = Environment.GetEnvironmentVariable("XEN_HVM_XL_DRYRUN") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(Corpus.RepositoryRoot, "..", "shared", "tools", "xl-dryrun", "xl-dryrun.sh"));
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(script)!, "shim.c")))).ToLowerInvariant()[..12];
        string cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x
            ? x
            : Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".cache");
        string shim = Path.Combine(cache, "xl-dryrun", "shim-" + hash + ".so");
        Assert.True(File.Exists(shim), "xl-dryrun.sh ran but its shim is not at " + shim);
        return shim;
    }
}
