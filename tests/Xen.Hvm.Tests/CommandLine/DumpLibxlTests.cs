using System.Text.Json.Nodes;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary><c>xencfg dump --libxl</c>: the libxl JSON of <c>xl create -n</c>, judged by the real xl.</summary>
public sealed class DumpLibxlTests
{
    private static string Sample(string name) => Path.Combine(Corpus.RepositoryRoot, "samples", "configs", name);

    private static string[] Ids(string output) =>
        System.Text.RegularExpressions.Regex.Matches(output, @": (?:error|warning) (XH\d{4}):").Select(static m => m.Groups[1].Value).ToArray();

    [XlTheory]
    [InlineData("winxp-hvm.cfg")]
    [InlineData("debian-pvhvm.cfg")]
    public void DumpLibxl_Sample_PrintsWhatXlCreateDashNPrints(string name)
    {
        string path = Sample(name);

        var r = Cli.Run("dump", "--libxl", path);
        JsonObject xl = XlDryRun.Run(path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0, xl["rc"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(xl["config"], JsonNode.Parse(r.Out)), r.Out);
        Assert.EndsWith("}\n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void DumpLibxl_ConfigXlRefuses_NoJsonExitOneWithTheRefusal()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "pv.cfg");
        File.WriteAllText(path, "name = \"p\"\nmemory = 256\n"); // PV without kernel, bootloader or firmware

        var r = Cli.Run("dump", "--libxl", path);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
        Assert.Contains(DiagnosticIds.NoKernel, Ids(r.Error));
    }

    [Fact]
    public void DumpLibxl_XlConfSetsTheBridge_VifTakesIt()
    {
        using var dir = new TempDirectory();
        string conf = Path.Combine(dir.Path, "xl.conf");
        File.WriteAllText(conf, "vif.default.bridge = \"br-lan\"\n");
        string path = Path.Combine(dir.Path, "g.cfg");
        File.WriteAllText(path, "name = \"g\"\ntype = \"hvm\"\nvif = [\"mac=00:16:3e:00:00:01\"]\n");

        var r = Cli.Run("dump", "--libxl", "--xl-conf", conf, path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("br-lan", JsonNode.Parse(r.Out)!["nics"]![0]!["bridge"]!.GetValue<string>());
    }

    [Fact]
    public void DumpLibxl_MissingXlConf_ExitTwo()
    {
        var r = Cli.Run("dump", "--libxl", "--xl-conf", "/nonexistent/xl.conf", Sample("winxp-hvm.cfg"));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
    }
}
