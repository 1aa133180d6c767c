using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Xen.Hvm.Tests.Infrastructure;

/// <summary>
/// Runs Xen's own <c>xl create -n</c> (Debian's xen-utils-4.17) on a config through
/// <c>../shared/tools/xl-dryrun/xl-dryrun.sh</c>, which needs no hypervisor: the judge of what xl accepts.
/// Missing locally, its tests skip; in CI they fail (<see cref="Judges"/>).
/// </summary>
public static class XlDryRun
{
    /// <summary>The xl binary the script runs (<c>/usr/sbin/xl</c> is Debian's wrapper around it).</summary>
    public const string XlBinary = "/usr/lib/xen-4.17/bin/xl";

    private static readonly Lazy<string?> s_script = new(FindScript);

    /// <summary>Gets what is missing (the script, xl, gcc for its shim, or python3), or null when all are there.</summary>
    public static string? Missing =>
        s_script.Value is null ? "xl-dryrun.sh not found (../shared/tools/xl-dryrun beside the repository, or XEN_HVM_XL_DRYRUN)."
        : !File.Exists(XlBinary) ? $"{XlBinary} not found (apt-get install xen-utils-4.17)."
        : !OnPath("gcc") && !HasCachedShim() ? "gcc not found: xl-dryrun builds its shim with it (apt-get install gcc)."
        : !OnPath("python3") ? "python3 not found: xl-dryrun prints its JSON with it."
        : null;

    /// <summary>Gets why xl tests are skipped (xl missing, not CI), or null to run them.</summary>
    public static string? SkipReason => Judges.SkipReason(Missing);

    /// <summary>Runs <c>xl create -n</c> on a file and returns its JSON line: <c>rc</c> (0 when xl accepts the config),
    /// <c>stderr</c> (lines) and <c>config</c>.</summary>
    /// <param name="path">The config file.</param>
    public static JsonObject Run(string path)
    {
        string script = Judges.Require(Missing is null ? s_script.Value : null, Missing ?? string.Empty);
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && output.Length > 0, $"xl-dryrun.sh failed with {process.ExitCode}: {error.Result}");
        return JsonNode.Parse(output)!.AsObject();
    }

    private static string? FindScript()
    {
        string? env = Environment.GetEnvironmentVariable("XEN_HVM_XL_DRYRUN");
        string candidate = !string.IsNullOrEmpty(env)
            ? env
            : Path.GetFullPath(Path.Combine(Corpus.RepositoryRoot, "..", "shared", "tools", "xl-dryrun", "xl-dryrun.sh"));
        return File.Exists(candidate) ? candidate : null;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, name)));

    private static bool HasCachedShim()
    {
        string cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x
            ? x
            : Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".cache");
        string dir = Path.Combine(cache, "xl-dryrun");
        return Directory.Exists(dir) && Directory.EnumerateFiles(dir, "shim-*.so").Any();
    }
}

/// <summary>A fact that needs Xen's <c>xl</c>: skipped with the reason when it is missing outside CI, failing in CI.</summary>
public sealed class XlFactAttribute : JudgeFactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public XlFactAttribute()
        : base(XlDryRun.SkipReason)
    {
    }
}

/// <summary>A theory that needs Xen's <c>xl</c>: skipped with the reason when it is missing outside CI, failing in CI.</summary>
public sealed class XlTheoryAttribute : JudgeTheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public XlTheoryAttribute()
        : base(XlDryRun.SkipReason)
    {
    }
}
