using System.Text.Json.Nodes;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary><c>xencfg show</c>: the typed view of a config; exit codes and the table's structure, never its English.</summary>
public sealed class ShowCommandTests
{
    private static readonly string[] Sources = ["file", "default", "derived", "host", "unset", "ignored", "not applicable", "not read"];

    private static string Sample(string name) => Path.Combine(Corpus.RepositoryRoot, "samples", "configs", name);

    private static int LineOf(string path, string start) =>
        File.ReadAllLines(path).ToList().FindIndex(l => l.StartsWith(start, StringComparison.Ordinal)) + 1;

    private static JsonObject[] Options(Cli.Result r) => JsonNode.Parse(r.Out)!["options"]!.AsArray().Select(static o => o!.AsObject()).ToArray();

    private static JsonObject Option(Cli.Result r, string name) => Options(r).Single(o => o["option"]!.GetValue<string>() == name);

    private static string[] Values(JsonObject option) => option["value"]!.AsArray().Select(static v => v!.GetValue<string>()).ToArray();

    [Fact]
    public void Show_WindowsXpSample_GroupedTableOfValueSourceAndLine()
    {
        string path = Sample("winxp-hvm.cfg");

        var r = Cli.Run("show", path);

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(path + ": ", lines[0], StringComparison.Ordinal);
        Assert.Equal(["OPTION", "VALUE", "SOURCE", "LINE", "NOTE"], Cells(lines[1]));

        // Rows are indented under group lines; "memory" is the file's at its line, "maxmem" derived, "on_watchdog" a default.
        string[] memory = Cells(lines.Single(static l => l.StartsWith("  memory ", StringComparison.Ordinal)));
        Assert.Equal(["memory", "512 MiB", "file", LineOf(path, "memory").ToString(System.Globalization.CultureInfo.InvariantCulture)], memory);
        Assert.Equal(["maxmem", "512 MiB", "derived"], Cells(lines.Single(static l => l.StartsWith("  maxmem ", StringComparison.Ordinal)))[..3]);
        Assert.Equal(["on_watchdog", "destroy", "default"], Cells(lines.Single(static l => l.StartsWith("  on_watchdog ", StringComparison.Ordinal))));

        // Each group heads one run of rows, in the catalogue's group order.
        string[] groups = lines.Skip(2).Where(static l => !l.StartsWith(' ')).ToArray();
        Assert.Equal(groups.Distinct().Count(), groups.Length);
        Assert.True(groups.Length >= 8, string.Join(", ", groups));
        Assert.Contains("no problems", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Json_EveryRowHasAKnownSourceAndTheFilesLine()
    {
        string path = Sample("winxp-hvm.cfg");

        var r = Cli.Run("show", "--json", path);

        Assert.Equal(0, r.ExitCode);
        JsonObject root = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(("xl", "4.17", "hvm"), (root["toolstack"]!.GetValue<string>(), root["xen"]!.GetValue<string>(), root["guest_type"]!.GetValue<string>()));
        JsonObject[] options = Options(r);
        Assert.All(options, o => Assert.Contains(o["source"]!.GetValue<string>(), Sources));
        Assert.Equal(options.Length, options.Select(static o => o["option"]!.GetValue<string>()).Distinct().Count());
        Assert.All(options.Where(static o => o["source"]!.GetValue<string>() == "file"), o => Assert.NotNull(o["line"]));
        Assert.Equal(LineOf(path, "disk"), Option(r, "disk")["line"]!.GetValue<int>());
        Assert.Equal(2, Values(Option(r, "disk")).Length);
        Assert.Equal(["memory"], Option(r, "maxmem")["derived_from"]!.AsArray().Select(static v => v!.GetValue<string>()));

        // Groups are contiguous: a group once left never comes back.
        string[] groups = options.Select(static o => o["group"]!.GetValue<string>()).ToArray();
        Assert.Equal(groups.Distinct().Count(), groups.Where((g, i) => i == 0 || groups[i - 1] != g).Count());
    }

    [Fact]
    public void Show_All_ListsMoreRowsThanTheDefaultView()
    {
        string path = Sample("winxp-hvm.cfg");

        JsonObject[] some = Options(Cli.Run("show", "--json", path));
        JsonObject[] all = Options(Cli.Run("show", "--json", "--all", path));

        Assert.True(all.Length > some.Length);
        Assert.DoesNotContain(some, static o => o["option"]!.GetValue<string>() == "kernel");
        Assert.Contains(all, static o => o["option"]!.GetValue<string>() == "kernel" && o["source"]!.GetValue<string>() == "unset");
    }

    [Fact]
    public void Show_HvmloaderKernelUnderXl_IgnoredWithANoteAndTheFilesValue()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "name = \"g\"\ntype = \"hvm\"\nkernel = \"/usr/lib/xen/boot/hvmloader\"\n");

        var r = Cli.Run("show", "--json", path);

        Assert.Equal(0, r.ExitCode); // xl only warns
        JsonObject kernel = Option(r, "kernel");
        Assert.Equal("ignored", kernel["source"]!.GetValue<string>());
        Assert.Equal(["/usr/lib/xen/boot/hvmloader"], Values(kernel));
        Assert.Equal(3, kernel["line"]!.GetValue<int>());
        Assert.NotNull(kernel["note"]);
        Assert.Contains("warning XH3025", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_XmSampleUnderEachToolstack_OnCrashDefaultDiffers()
    {
        string path = Sample("winxp-hvm.xm.cfg");
        string[] xmArgs = ["--uname", "Linux dom0 2.6.18 #1 SMP x86_64", "--var", "vmid=2"];

        var xm = Cli.Run(["show", "--json", "--toolstack", "xm", .. xmArgs, path]);
        var xl = Cli.Run(["show", "--json", .. xmArgs, path]);

        Assert.Equal((0, 0), (xm.ExitCode, xl.ExitCode));
        Assert.Equal(["restart"], Values(Option(xm, "on_crash")));
        Assert.Equal(["destroy"], Values(Option(xl, "on_crash")));
        Assert.Equal(("default", "default"), (Option(xm, "on_crash")["source"]!.GetValue<string>(), Option(xl, "on_crash")["source"]!.GetValue<string>()));
        Assert.Equal("4.4", JsonNode.Parse(xm.Out)!["xen"]!.GetValue<string>());
        Assert.Equal("ignored", Option(xl, "device_model")["source"]!.GetValue<string>());
        Assert.Equal("file", Option(xm, "device_model")["source"]!.GetValue<string>());
    }

    [Fact]
    public void Show_OlderXl_TypeNotReadSoTheGuestIsPv()
    {
        var r = Cli.Run("show", "--json", "--xen", "4.2", Sample("winxp-hvm.cfg"));

        // xl reads type from 4.10 on; before, builder says HVM, and this file has none.
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(("4.2", "pv"), (JsonNode.Parse(r.Out)!["xen"]!.GetValue<string>(), JsonNode.Parse(r.Out)!["guest_type"]!.GetValue<string>()));
        Assert.Equal("not read", Option(r, "type")["source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("4.2", "qemu-xen-traditional", "rombios")]
    [InlineData("4.17", "qemu-xen", "seabios")]
    public void Show_XenVersion_DeviceModelAndBiosOfThatVersion(string version, string deviceModel, string bios)
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "name = \"g\"\nbuilder = \"hvm\"\n");

        var r = Cli.Run("show", "--json", "--xen", version, path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal([deviceModel], Values(Option(r, "device_model_version")));
        Assert.Equal([bios], Values(Option(r, "bios")));
    }

    [Fact]
    public void Show_ConfigXlRefuses_ViewPrintedAndExitsOne()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "type = \"hvm\"\nmemory = 256\n");

        var r = Cli.Run("show", "--json", path);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("unset", Option(r, "name")["source"]!.GetValue<string>());
        Assert.Contains("error XH3014", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--xen", "abc")]
    [InlineData("--xen", "4")]
    [InlineData("--toolstack", "xend")]
    public void Show_BadTarget_UsageErrorAndNothingShown(string option, string value)
    {
        var r = Cli.Run("show", option, value, Sample("winxp-hvm.cfg"));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
    }

    [Theory]
    [InlineData("xm", "4.17")]
    [InlineData("xl", "3.4")]
    public void Show_ToolstackThatDidNotExistAtThatVersion_UsageError(string toolstack, string version)
    {
        var r = Cli.Run("show", "--toolstack", toolstack, "--xen", version, Sample("winxp-hvm.cfg"));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Show_MissingFile_ExitsTwoWithXH2009()
    {
        var r = Cli.Run("show", "/nonexistent/guest.cfg");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("/nonexistent/guest.cfg(1,1): error XH2009:", r.Error, StringComparison.Ordinal);
    }

    // A table row's cells: separated by two or more spaces.
    private static string[] Cells(string line) =>
        System.Text.RegularExpressions.Regex.Split(line.Trim(), " {2,}");
}
