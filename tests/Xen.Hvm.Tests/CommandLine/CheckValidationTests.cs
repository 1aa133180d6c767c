using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Config.Validation;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary><c>xencfg check</c> validating: --xen, --host, --rules, --probe and --explain, with the usual exit codes.</summary>
public sealed class CheckValidationTests
{
    [Fact]
    public void Check_SeedWinXpOnXen401Host_SaysTheGuestFits()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("winxp"), ConfigValidatorTests.WinXpGuest);
        File.WriteAllText(dir.File("host.txt"), ConfigValidatorTests.Xen401Host);

        var r = Cli.Run("check", "--host", dir.File("host.txt"), dir.File("winxp"));

        Assert.Equal(0, r.ExitCode);
        string summary = r.Out.TrimEnd().Split('\n')[^1];
        Assert.StartsWith(dir.File("winxp") + ": ", summary, StringComparison.Ordinal);
        Assert.Contains(", fits the host", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HostWithTooLittleMemory_SaysItDoesNotFitAndExitsOne()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("big.cfg"), "name = \"big\"\ntype = \"hvm\"\nmemory = 8192\n");
        File.WriteAllText(dir.File("host.txt"), ConfigValidatorTests.Xen401Host);

        var r = Cli.Run("check", "--host", dir.File("host.txt"), "--xen", "4.17", dir.File("big.cfg"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"big.cfg(3,10): error {DiagnosticIds.CheckMemoryShort}:", r.Out, StringComparison.Ordinal);
        Assert.Contains(", does not fit the host, ", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Rules_SelectTheChecks()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("g.cfg"), "name = \"g\"\ntype = \"hvm\"\nvideoram = 4\n");

        var xl = Cli.Run("check", "--rules", "xl", dir.File("g.cfg"));
        var libxl = Cli.Run("check", "--rules", "libxl", dir.File("g.cfg"));

        Assert.Equal((0, 1), (xl.ExitCode, libxl.ExitCode));
        Assert.Contains($"g.cfg(3,12): error {DiagnosticIds.VideoRamTooSmall}:", libxl.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_XenVersion_ReportsOptionsItDoesNotRead()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("g.cfg"), "name = \"g\"\ntype = \"hvm\"\n");

        var r = Cli.Run("check", "--xen", "4.9", dir.File("g.cfg"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"g.cfg(2,8): warning {DiagnosticIds.OptionNotYetAvailable}:", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rules", "strict")]
    [InlineData("--rules", "2")]
    [InlineData("--xen", "four")]
    public void Check_BadOptionValue_IsAUsageError(string option, string value)
    {
        var r = Cli.Run("check", option, value, "guest.cfg");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Check_HostFileMissingOrNotHostInfo_ExitsTwoOrOne()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("g.cfg"), "name = \"g\"\ntype = \"hvm\"\n");
        File.WriteAllText(dir.File("notes.txt"), "just some words\n");

        Assert.Equal(2, Cli.Run("check", "--host", dir.File("none.txt"), dir.File("g.cfg")).ExitCode);
        Assert.Equal(1, Cli.Run("check", "--host", dir.File("notes.txt"), dir.File("g.cfg")).ExitCode);
    }

    [Fact]
    public void Check_Explain_PrintsTheIdsDocumentation()
    {
        var r = Cli.Run("check", "--explain", "xh8000");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("XH8000: ", r.Out, StringComparison.Ordinal);
        Assert.Contains("Fix:", r.Out, StringComparison.Ordinal);
        Assert.Contains("videoram = 8", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("### XH8001", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExplainUnknownId_IsAUsageError() => Assert.Equal(2, Cli.Run("check", "--explain", "XH9998").ExitCode);
}
