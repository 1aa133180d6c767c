using System.Diagnostics;
using System.Text.Json;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Runs <c>qemu-img</c> (and <c>qemu-io</c>), the judges of our images. Missing tools fail tests in CI.</summary>
internal static class QemuImg
{
    private static readonly Lazy<string?> s_path = new(() => Find("qemu-img"));

    /// <summary>Gets what is missing when qemu-img is not on PATH, or null when it is.</summary>
    public static string? Missing => s_path.Value is null ? "qemu-img not found on PATH (apt-get install qemu-utils)." : null;

    /// <summary>Gets why interop tests are skipped: qemu-img is missing and this is not CI. Null means run them.</summary>
    public static string? SkipReason => Infrastructure.Judges.SkipReason(Missing);

    public static (int ExitCode, string Out, string Error) Run(params string[] args) => RunTool("qemu-img", s_path.Value, args);

    public static (int ExitCode, string Out, string Error) RunIo(params string[] args) => RunTool("qemu-io", Find("qemu-io"), args);

    /// <summary>Runs <c>qemu-img</c> and fails the test unless it exits with 0.</summary>
    public static string Ok(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"qemu-img {string.Join(' ', args)} exited with {code}: {error}{output}");
        return output;
    }

    /// <summary>Returns <c>qemu-img info --output=json</c>.</summary>
    public static JsonElement Info(string path, string? format = null)
    {
        var args = new List<string> { "info", "--output=json" };
        if (format is not null)
        {
            args.AddRange(["-f", format]);
        }

        args.Add(path);
        using var doc = JsonDocument.Parse(Ok([.. args]));
        return doc.RootElement.Clone();
    }

    private static (int ExitCode, string Out, string Error) RunTool(string name, string? path, string[] args)
    {
        path = Infrastructure.Judges.Require(path, $"{name} not found on PATH (apt-get install qemu-utils).");

        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static string? Find(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs qemu-img: skipped with a clear reason when it is missing outside CI, failing in CI.</summary>
public sealed class QemuFactAttribute : Infrastructure.JudgeFactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public QemuFactAttribute()
        : base(QemuImg.SkipReason)
    {
    }
}

/// <summary>A theory that needs qemu-img: skipped with a clear reason when it is missing outside CI, failing in CI.</summary>
public sealed class QemuTheoryAttribute : Infrastructure.JudgeTheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public QemuTheoryAttribute()
        : base(QemuImg.SkipReason)
    {
    }
}
