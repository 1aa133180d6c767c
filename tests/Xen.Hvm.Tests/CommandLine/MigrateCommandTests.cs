using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary><c>xencfg migrate</c>: where the xl file and the notes go, and that an existing file is only replaced with --force.</summary>
public sealed class MigrateCommandTests
{
    private const string Uname = "Linux dom0 2.6.18 #1 SMP x86_64";

    private static string Sample => Path.Combine(Corpus.RepositoryRoot, "samples", "configs", "winxp-hvm.xm.cfg");

    [Fact]
    public void Migrate_ToStandardOutput_PrintsTheXlFileAndTheNotesOnStandardError()
    {
        var r = Cli.Run("migrate", "--uname", Uname, "--var", "vmid=2", Sample);

        Assert.Equal(0, r.ExitCode);
        ConfigDocument xl = XenConfig.Parse(r.Out, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        Assert.False(xl.HasErrors);
        Assert.Equal("WinXP2", xl.Values.GetString("name"));
        Assert.Contains(DiagnosticIds.MigrationPythonReplaced, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("XH90", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_ToAFile_WritesItAndReplacesItOnlyWithForce()
    {
        using var temp = new TempDirectory();
        string target = temp.File("winxp.cfg");

        var first = Cli.Run("migrate", "--uname", Uname, "--var", "vmid=2", "-o", target, Sample);
        string written = File.ReadAllText(target);
        File.WriteAllText(target, "name = \"mine\"\n");
        var again = Cli.Run("migrate", "--uname", Uname, "--var", "vmid=2", "-o", target, Sample);
        string kept = File.ReadAllText(target);
        var forced = Cli.Run("migrate", "--uname", Uname, "--var", "vmid=2", "--force", "-o", target, Sample);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("name = \"WinXP2\"", written, StringComparison.Ordinal);
        Assert.Contains(DiagnosticIds.MigrationPythonReplaced, first.Out, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains(DiagnosticIds.ExistingFileNotReplaced, again.Error, StringComparison.Ordinal);
        Assert.Equal("name = \"mine\"\n", kept);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(written, File.ReadAllText(target));
    }

    [Fact]
    public void Migrate_WithoutTheVariablesTheFileNeeds_IsAnErrorAndWritesNothing()
    {
        using var temp = new TempDirectory();
        string target = temp.File("winxp.cfg");

        var r = Cli.Run("migrate", "--uname", Uname, "-o", target, Sample);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(DiagnosticIds.MigrationEvaluationIncomplete, r.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("--device-model", "qemu")]
    [InlineData("--xen", "3.4")]
    [InlineData("--uname", "Linux")]
    public void Migrate_BadOption_IsAUsageError(string option, string value)
    {
        var r = Cli.Run("migrate", option, value, Sample);

        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void Migrate_UpstreamDeviceModel_WarnsAndWritesNoTraditionalDeviceModel()
    {
        var r = Cli.Run("migrate", "--uname", Uname, "--var", "vmid=2", "--device-model", "upstream", Sample);

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("qemu-xen-traditional", r.Out, StringComparison.Ordinal);
        Assert.Contains(DiagnosticIds.MigrationDeviceModelUpgraded, r.Error, StringComparison.Ordinal);
    }
}
