using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary><c>xencfg check --host</c>: the host check runs on what the toolstack makes of each config.</summary>
public sealed class CheckHostTests
{
    // A whole xl info of a 4-CPU Intel host with VT-x and no EPT (shadow paging only); free_memory is FREE (line 14).
    private static readonly string Host = string.Join("\n",
        [
            "host                   : h",
            "release                : 6.1.0-18-amd64",
            "version                : #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
            "machine                : x86_64",
            "nr_cpus                : 4",
            "max_cpu_id             : 3",
            "nr_nodes               : 1",
            "cores_per_socket       : 4",
            "threads_per_core       : 1",
            "cpu_mhz                : 2394.454",
            "hw_caps                : bfebfbff:77fafbff:2c100800:00000121:0000000f:009c6fbf:00000000:00000100",
            "virt_caps              : pv hvm shadow",
            "total_memory           : 8191",
            "free_memory            : FREE",
            "xen_major              : 4",
            "xen_minor              : 17",
            "xen_extra              : .3",
            "xen_version            : 4.17.3",
            "xen_caps               : xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64",
            "xen_scheduler          : credit2",
            "xen_pagesize           : 4096",
            "platform_params        : virt_start=0xffff800000000000",
            "xen_changeset          :",
            "xen_commandline        : placeholder",
            "cc_compiler            : x86_64-linux-gnu-gcc (Debian 12.2.0-14) 12.2.0",
            "cc_compile_by          : pkg-xen-devel",
            "cc_compile_domain      : lists.alioth.debian.org",
            "cc_compile_date        : Wed Feb  7 00:00:00 UTC 2024",
        ]) + "\n";

    private static string Write(TempDirectory dir, string name, string text)
    {
        string path = dir.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Ids(string output) =>
        System.Text.RegularExpressions.Regex.Matches(output, @": (?:error|warning) (XH\d{4}):").Select(static m => m.Groups[1].Value).ToArray();

    [Fact]
    public void CheckHost_GuestFits_ExitsZeroWithOneSummaryLinePerFile()
    {
        using var dir = new TempDirectory();
        string host = Write(dir, "host.txt", Host.Replace("FREE", "4096", StringComparison.Ordinal));
        string guest = Write(dir, "g.cfg", "name = \"g\"\ntype = \"hvm\"\nmemory = 1024\nvcpus = 2\n");

        var r = Cli.Run("check", "--host", host, guest, guest);

        Assert.Equal(0, r.ExitCode);
        Assert.Empty(Ids(r.Out));
        Assert.Equal(2, r.Out.Split('\n').Count(l => l.StartsWith(guest + ": ", StringComparison.Ordinal)));
    }

    [Fact]
    public void CheckHost_TooBigForTheHost_MemoryErrorAtTheMemorySettingAndVcpuWarning()
    {
        using var dir = new TempDirectory();
        string host = Write(dir, "host.txt", Host.Replace("FREE", "512", StringComparison.Ordinal));
        string guest = Write(dir, "g.cfg", "name = \"g\"\ntype = \"hvm\"\nmemory = 1024\nvcpus = 8\n");

        var r = Cli.Run("check", "--host", host, guest);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal([DiagnosticIds.CheckMemoryShort, DiagnosticIds.CheckVcpusOvercommitted], Ids(r.Out).Order(StringComparer.Ordinal));
        // Validation puts a host-fit diagnostic on the config setting that makes the need: memory is g.cfg's line 3.
        Assert.Contains(guest + "(3,", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckHost_MemoryUnset_ToolstackDefaultIsChecked()
    {
        using var dir = new TempDirectory();
        string host = Write(dir, "host.txt", Host.Replace("FREE", "16", StringComparison.Ordinal));
        string guest = Write(dir, "g.cfg", "name = \"g\"\ntype = \"hvm\"\n");

        var xl = Cli.Run("check", "--host", host, guest);

        // No memory= in the file: libxl's default 32 MiB does not fit in 16.
        Assert.Equal(1, xl.ExitCode);
        Assert.Equal([DiagnosticIds.CheckMemoryShort], Ids(xl.Out));
    }

    [Fact]
    public void CheckHost_HapAskedOnAShadowOnlyHost_XH3150()
    {
        using var dir = new TempDirectory();
        string host = Write(dir, "host.txt", Host.Replace("FREE", "4096", StringComparison.Ordinal));
        string guest = Write(dir, "g.cfg", "name = \"g\"\ntype = \"hvm\"\nmemory = 512\nhap = 1\n");

        var r = Cli.Run("check", "--host", host, guest);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal([DiagnosticIds.CheckHapUnavailable], Ids(r.Out));
    }

    [Fact]
    public void CheckHost_HostFileMissing_ExitsTwoAndChecksNothing()
    {
        using var dir = new TempDirectory();
        string guest = Write(dir, "g.cfg", "name = \"g\"\ntype = \"hvm\"\n");

        var r = Cli.Run("check", "--host", dir.File("none.txt"), guest);

        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain(guest, r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckHost_NotHostInfo_ExitsOne()
    {
        using var dir = new TempDirectory();
        string host = Write(dir, "host.txt", "this is not xl info\n");
        string guest = Write(dir, "g.cfg", "name = \"g\"\ntype = \"hvm\"\n");

        Assert.Equal(1, Cli.Run("check", "--host", host, guest).ExitCode);
    }
}
