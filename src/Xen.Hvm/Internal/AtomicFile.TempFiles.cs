using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Xen.Hvm.Internal;

/// <content>
/// The temporary files: named <c>.NAME.xenhvm-tmp-PID-RANDOM</c> beside the target (hidden, so that shell globs such
/// as <c>/etc/xen/auto/*</c> skip them). A process that was killed cannot remove its own, so before a new one is
/// made, those of the same target whose process is gone are removed.
/// </content>
internal static partial class AtomicFile
{
    /// <summary>The part of every temporary file name that marks it as ours.</summary>
    public const string TempMarker = ".xenhvm-tmp-";

    /// <summary>Returns the temporary name a process uses for a target: <c>.NAME.xenhvm-tmp-PID-RANDOM</c>.</summary>
    public static string TempName(string name, int processId) =>
        "." + name + TempMarker + processId.ToString(CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    /// <summary>Removes the temporary files of <paramref name="name"/> in <paramref name="directory"/> whose process is
    /// no longer running (best effort: what cannot be listed or removed stays).</summary>
    /// <returns>The names removed.</returns>
    public static List<string> RemoveStaleTemps(string directory, string name)
    {
        var removed = new List<string>();
        string prefix = "." + name + TempMarker;
        List<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, prefix + "*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, MatchType = MatchType.Simple })
                .Select(Path.GetFileName)
                .Where(n => n is not null && n.StartsWith(prefix, StringComparison.Ordinal))
                .ToList()!;
        }
        catch (Exception ex) when (IsFileSystemError(ex))
        {
            return removed;
        }

        foreach (string candidate in candidates)
        {
            if (ProcessOf(candidate[prefix.Length..]) is not { } pid || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            string path = Path.Combine(directory, candidate);
            try
            {
                if ((File.GetAttributes(path) & (FileAttributes.ReparsePoint | FileAttributes.Directory)) == 0)
                {
                    File.Delete(path);
                    removed.Add(candidate);
                }
            }
            catch (Exception ex) when (IsFileSystemError(ex))
            {
                // Not ours to remove after all (permissions), or gone already.
            }
        }

        return removed;
    }

    private static string TempPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", TempName(Path.GetFileName(target), Environment.ProcessId));

    /// <summary>Parses <c>PID-RANDOM</c> (12 lowercase hex digits); null when the rest is not of that shape.</summary>
    private static int? ProcessOf(string rest)
    {
        int dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || rest.Length - dash - 1 != 12 || rest.AsSpan(dash + 1).IndexOfAnyExcept("0123456789abcdef") >= 0
            || !int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid <= 0)
        {
            return null;
        }

        return pid;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true; // running, but not ours to look at
        }
    }
}
