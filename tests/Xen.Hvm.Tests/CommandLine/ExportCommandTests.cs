using System.Text.Json.Nodes;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary><c>xencfg export</c>: the model JSON and libxl's JSON on standard output, diagnostics on standard error.</summary>
public sealed class ExportCommandTests
{
    private static string Sample(string name) => Path.Combine(Corpus.RepositoryRoot, "samples", "configs", name);

    [Fact]
    public void Export_ToJson_PrintsTheModelThatReadsBack()
    {
        var r = Cli.Run("export", "--to", "json", Sample("winxp-hvm.cfg"));

        Assert.Equal(0, r.ExitCode);
        DomainConfig model = DomainConfigJson.Parse(r.Out).Value;
        Assert.Equal(("winxp", 512L), (model.Name, model.MemoryMiB));
        Assert.Contains("exported as json", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_XmFileToJson_IsXendsReadingUnlessAskedForXl()
    {
        string[] common = ["export", "--to", "json", "--uname", "Linux dom0 2.6.18 #1 SMP x86_64", "--var", "vmid=2", Sample("winxp-hvm.xm.cfg")];

        var xend = Cli.Run(common);
        var xl = Cli.Run([.. common, "--toolstack", "xl"]);

        Assert.Equal(0, xend.ExitCode);
        Assert.Equal("WinXP2", JsonNode.Parse(xend.Out)!["name"]!.GetValue<string>());
        Assert.Equal("hvm", JsonNode.Parse(xend.Out)!["builder"]!.GetValue<string>());
        Assert.Equal("qemu-dm", Path.GetFileName(JsonNode.Parse(xend.Out)!["device_model"]!.GetValue<string>()));
        Assert.Equal("WinXP2", JsonNode.Parse(xl.Out)!["name"]!.GetValue<string>());
        Assert.Contains("exported as json", xl.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ToLibxl_PrintsXlCreateDryRunsJson()
    {
        var r = Cli.Run("export", "--to", "libxl", Sample("winxp-hvm.cfg"));

        Assert.Equal(0, r.ExitCode);
        JsonObject json = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(("hvm", "winxp"), (json["c_info"]!["type"]!.GetValue<string>(), json["c_info"]!["name"]!.GetValue<string>()));
        Assert.Equal(512 * 1024, json["b_info"]!["max_memkb"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("--to", "yaml")]
    [InlineData("--toolstack", "xm")]
    public void Export_BadFormatOrLibxlUnderXm_IsAUsageError(string option, string value)
    {
        string[] args = option == "--to" ? ["export", "--to", value, Sample("winxp-hvm.cfg")] : ["export", "--to", "libxl", option, value, Sample("winxp-hvm.cfg")];

        var r = Cli.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Out);
    }
}
