using System.Text.Json;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;
using XenCfg;

namespace Xen.Hvm.Tests.Capabilities;

[Collection(nameof(ConsoleInputCollection))]
public sealed class CapsCommandTests
{
    [Fact]
    public void Run_InfoFile_PrintsSummaryFactsAndFeaturesAsPlainText()
    {
        using var dir = new TempDirectory();
        string path = dir.File("info.txt");
        File.WriteAllText(path, HostInfoTests.Xl419);

        Cli.Result r = Cli.Run("caps", path);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        string[] lines = r.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains("host         dom0", lines);
        Assert.Contains("machine      x86_64", lines);
        Assert.Contains("memory       16,250 MiB total, 2,048 MiB free", lines);
        Assert.Contains("cpus         8 at 2533.431 MHz (1 node, 4 cores per socket, 2 threads per core)", lines);
        Assert.Contains("xen_version  4.19.1", lines);
        Assert.Contains("layout       B (version)", lines);
        Assert.Contains(lines, l => l.StartsWith("HVM usable ", StringComparison.Ordinal) && l.Contains(" yes ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  w7  e7d ", StringComparison.Ordinal) && l.EndsWith("00000100  itsc", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', r.Out);
        Assert.StartsWith($"{path}: host info, ", r.Error, StringComparison.Ordinal); // the summary, with the diagnostics
        Assert.EndsWith(", Xen 4.19.1, no problems", r.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Single(r.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Run_Json_WritesTheListedFields()
    {
        using var dir = new TempDirectory();
        string path = dir.File("info.txt");
        File.WriteAllText(path, HostInfoTests.Xl419 + "\nfuture_field : 1\n");

        Cli.Result r = Cli.Run("caps", "--json", path);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("dom0", root.GetProperty("host").GetString());
        Assert.Equal("x86_64", root.GetProperty("machine").GetString());
        Assert.Equal((8, 2533.431m, 16250, 2048), (root.GetProperty("nr_cpus").GetInt32(), root.GetProperty("cpu_mhz").GetDecimal(),
            root.GetProperty("total_memory_mib").GetInt64(), root.GetProperty("free_memory_mib").GetInt64()));
        Assert.Equal("4.19.1", root.GetProperty("xen_version").GetString());
        Assert.Equal("B", root.GetProperty("layout").GetString());
        string[] features = root.GetProperty("features").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains("vmx", features);
        Assert.Contains("itsc", features);
        Assert.Equal("yes", root.GetProperty("facts").GetProperty("hvm").GetProperty("state").GetString());
        Assert.Equal("Intel", root.GetProperty("facts").GetProperty("vendor").GetProperty("value").GetString());
        JsonElement token = root.GetProperty("xen_caps")[2];
        Assert.Equal("hvm-3.0-x86_32p", token.GetProperty("token").GetString());
        Assert.True(token.GetProperty("pae").GetBoolean());
        Assert.Equal("hvm", token.GetProperty("kind").GetString());
        Assert.Equal(8, root.GetProperty("virt_caps").GetArrayLength());
        JsonElement diag = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(DiagnosticIds.InfoUnknownField, diag.GetProperty("id").GetString());
        Assert.Equal(35, diag.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Run_ArmHost_SaysNoX86FeatureInformation()
    {
        using var dir = new TempDirectory();
        string path = dir.File("arm.txt");
        File.WriteAllText(path, "machine : aarch64\nhw_caps : 00000000:00000000:00000000:00000000:00000000:00000000:00000000:00000000\n" +
                                "virt_caps : hvm hap\nxen_version : 4.13.0\nxen_caps : xen-3.0-aarch64 xen-3.0-armv7l\n");

        Cli.Result r = Cli.Run("caps", path);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("  no x86 feature information (hw_caps is all zero: ARM host)", r.Out, StringComparison.Ordinal);
        Assert.Contains(DiagnosticIds.HwCapsNoX86Information, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NotInfoText_ExitsFailedWithXH5001()
    {
        using var dir = new TempDirectory();
        string path = dir.File("junk.txt");
        File.WriteAllText(path, "just some words\n");

        Cli.Result r = Cli.Run("caps", "--json", path);

        Assert.Equal(ExitCodes.Failed, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Out);
        Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("id").GetString() == DiagnosticIds.InfoNotHostInfo && d.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Run_DashOrNoFile_ReadsStandardInput()
    {
        TextReader saved = Console.In;
        try
        {
            Console.SetIn(new StringReader("xl info\nhw_caps : 178bfbff:ebd3fbff:00000000:00000010:00002001:00000000:0000001f\n"));
            Cli.Result dash = Cli.Run("caps", "--json", "-");
            Console.SetIn(new StringReader("hw_caps : 178bfbff:ebd3fbff:00000000:00000010:00002001:00000000:0000001f\n"));
            Cli.Result none = Cli.Run("caps");

            Assert.Equal(ExitCodes.Ok, dash.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(dash.Out);
            Assert.Equal("A", doc.RootElement.GetProperty("layout").GetString());
            Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(),
                d => d.GetProperty("id").GetString() == DiagnosticIds.InfoLineIgnored && d.GetProperty("line").GetInt32() == 1);
            Assert.Contains("<stdin>(1,11): info " + DiagnosticIds.HwCapsLayoutGuessed, none.Error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Ok, none.ExitCode);
            Assert.Contains("  w6  e1c ", none.Out, StringComparison.Ordinal);
        }
        finally
        {
            Console.SetIn(saved);
        }
    }

    [Fact]
    public void Run_ArmHost_SaysNotApplicableAndWhatCpuMhzIs()
    {
        using var dir = new TempDirectory();
        string path = dir.File("info.txt");
        File.WriteAllText(path, HostFactsTests.Info("aarch64", 4, 17, "00000000:00000000:00000000:00000000:00000000:00000000:00000000:00000000",
            "hvm hap", "xen-3.0-aarch64 xen-3.0-armv7l").Replace("2400", "54.000", StringComparison.Ordinal));

        Cli.Result r = Cli.Run("caps", path);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        string[] lines = r.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Contains(lines, l => l.StartsWith("cpus         2 (1 node, 2 cores per socket, 1 thread per core); cpu_mhz 54.000 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PAE ", StringComparison.Ordinal) && l.Contains(" n/a ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("HVM usable ", StringComparison.Ordinal) && l.Contains(" pvh (yes) ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PV guests ", StringComparison.Ordinal) && l.Contains(" no ", StringComparison.Ordinal));

        using JsonDocument json = JsonDocument.Parse(Cli.Run("caps", "--json", path).Out);
        Assert.Equal("n/a", json.RootElement.GetProperty("facts").GetProperty("vtx").GetProperty("state").GetString());
    }
}

/// <summary>Tests that replace <see cref="Console.In"/> run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleInputCollection), DisableParallelization = true)]
public sealed class ConsoleInputCollection
{
}
