using System.CommandLine;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;
using XenCfg;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary>The traps a first run of <c>xencfg</c> fell into (issue 15): each one here would have caught it.</summary>
public sealed class XenCfgAppTests
{
    /// <summary>Every command that reads a file, with the stream its summary goes to (true: standard output).</summary>
    public static TheoryData<string, bool> FileCommands => new()
    {
        { "check", true },
        { "roundtrip", true },
        { "set", true },
        { "unset", true },
        { "dump", false },
        { "caps", false },
    };

    [Theory]
    [MemberData(nameof(FileCommands))]
    public void Run_EveryFileCommandOnACleanFile_PrintsOneSummaryLineForIt(string command, bool onStdout)
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, command == "caps" ? Capabilities.HostInfoTests.Xl419 : "name = 'a'\nkernel = '/k'\nmemory = 512\n");
        string[] args = command switch
        {
            "set" => [command, path, "vcpus=2"],
            "unset" => [command, path, "memory"],
            _ => [command, path],
        };

        var r = Cli.Run(args);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        string stream = onStdout ? r.Out : r.Error;
        Assert.Single(stream.Split('\n'), l => l.StartsWith(path + ": ", StringComparison.Ordinal));
        Assert.EndsWith(command == "roundtrip" ? "identical bytes" : "no problems", stream.Split('\n').Single(l => l.StartsWith(path + ": ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ImageInfo_CleanImage_PrintsOneSummaryLineOnStandardError()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.raw");
        File.WriteAllBytes(path, new byte[4096]);

        var r = Cli.Run("image-info", "--json", path);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        System.Text.Json.JsonDocument.Parse(r.Out).Dispose(); // standard output stays JSON alone
        Assert.StartsWith(path + ": raw image, ", r.Error, StringComparison.Ordinal);
        Assert.EndsWith(", no problems", r.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeveralFiles_OneSummaryEachAndTheWorstExitCode()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("good.cfg"), "name = 'g'\nkernel = '/k'\n"); // check validates: a clean guest has a name and a kernel
        File.WriteAllText(dir.File("bad.cfg"), "memory = [\n");

        var r = Cli.Run("check", dir.File("good.cfg"), dir.File("bad.cfg"), dir.File("missing.cfg"));

        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains($"{dir.File("good.cfg")}: xl, 2 settings, no problems", r.Out, StringComparison.Ordinal);
        Assert.Contains(r.Out.Split('\n'), l => l.StartsWith(dir.File("bad.cfg") + ": xl, ", StringComparison.Ordinal) && l.Contains(" error", StringComparison.Ordinal)); // the syntax error, and what validation makes of the rest
        Assert.Contains($"{dir.File("missing.cfg")}(1,1): error {DiagnosticIds.ConfigFileUnreadable}", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--frobnicate")]
    [InlineData("roundtrip", "-x")]
    [InlineData("dump", "--verbose")]
    [InlineData("caps", "--frobnicate")]
    [InlineData("image-info", "--frobnicate")]
    public void Run_UnknownOptionBeforeAFile_IsAUsageError(string command, string option)
    {
        using var dir = new TempDirectory();
        string path = dir.File("f.cfg");
        File.WriteAllText(path, "memory = 512\n");

        var r = Cli.Run(command, option, path);

        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains($"'{option}'", r.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Check_DoubleDashThenDashName_ReadsItAsAFile()
    {
        using var dir = new TempDirectory();
        var r = Cli.Run("check", "--", dir.File("-odd.cfg"), "--frobnicate");

        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains($"--frobnicate(1,1): error {DiagnosticIds.ConfigFileUnreadable}", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AtSignFileName_IsAFileNotAResponseFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("@guest.cfg");
        File.WriteAllText(path, "name = 'g'\nkernel = '/k'\n");

        var r = Cli.Run("check", path);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.StartsWith(path + ": xl, 2 settings", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Mkimage_NegativeSize_IsASizeNotAnOption()
    {
        using var dir = new TempDirectory();
        var r = Cli.Run("mkimage", dir.File("x.img"), "-1G");

        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains(DiagnosticIds.NegativeSize, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_KeyThatIsNotSet_ExitsOneAndLeavesTheFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\nvcpus = 2\n");

        var r = Cli.Run("unset", path, "vcpus", "nosuchkey");

        Assert.Equal(ExitCodes.Failed, r.ExitCode);
        Assert.Contains("'nosuchkey'", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'vcpus'", r.Error, StringComparison.Ordinal);
        Assert.Equal("memory = 512\nvcpus = 2\n", File.ReadAllText(path)); // not half done either
    }

    [Fact]
    public void Unset_KeyThatIsNotSetWithIgnoreMissing_RemovesTheOthers()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\nvcpus = 2\n");

        var r = Cli.Run("unset", "--ignore-missing", path, "vcpus", "nosuchkey");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Equal("memory = 512\n", File.ReadAllText(path));
        Assert.Equal($"{path}: xl, 1 setting, 1 setting removed, no problems", r.Out.TrimEnd());
    }

    // -f qcow3 exited 1 and a missing SIZE 2: the same kind of mistake now has the same code.
    [Theory]
    [InlineData(null, "-f", "qcow3", "x.img", "1G")]
    [InlineData(null, "x.img")]
    [InlineData(DiagnosticIds.InvalidSize, "x.img", "10Q")]
    [InlineData(DiagnosticIds.InvalidImageOptionValue, "-f", "qcow2", "-o", "cluster_size=3", "x.img", "1G")]
    [InlineData(DiagnosticIds.UnknownImageOption, "-f", "raw", "-o", "frobnicate=1", "x.img", "1G")]
    [InlineData(DiagnosticIds.InvalidImageRequest, "-f", "vhd", "x.img", "3T")]
    public void Mkimage_AnyCommandLineMistake_ExitsTwoAndWritesNothing(string? id, params string[] args)
    {
        using var dir = new TempDirectory();
        args[Array.IndexOf(args, "x.img")] = dir.File("x.img");

        var r = Cli.Run(["mkimage", .. args]);

        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.False(File.Exists(dir.File("x.img")));
        if (id is not null)
        {
            Assert.Contains(id, r.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("image-info", "-f", "qcow3")]
    [InlineData("convert-image", "-O", "qcow3")]
    [InlineData("convert-image", "-f", "qcow3", "-O", "raw")]
    public void ImageCommands_UnknownFormat_ExitsTwo(params string[] args)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.raw"), new byte[512]);
        string[] files = args[0] == "convert-image" ? [dir.File("a.raw"), dir.File("b.img")] : [dir.File("a.raw")];

        Assert.Equal(ExitCodes.UsageOrIo, Cli.Run([.. args, .. files]).ExitCode);
    }

    [Fact]
    public void Mkimage_ExistingFile_NamesTheFlagNotTheLibraryProperty()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.img"), "keep");

        var r = Cli.Run("mkimage", dir.File("a.img"), "1M");

        Assert.Equal(ExitCodes.UsageOrIo, r.ExitCode);
        Assert.Contains(DiagnosticIds.ImageTargetExists, r.Error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("set Overwrite", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CommandThatFailsWithAnException_ExitsThreeWithoutItsMessage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        static Command Throwing(CliContext context)
        {
            var command = new Command("explode");
            command.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("Sequence contains no elements")));
            return command;
        }

        int code = XenCfgApp.Run(["explode"], stdout, stderr, Throwing);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.DoesNotContain("Sequence contains no elements", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal); // no stack trace
        Assert.Contains("'explode'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void For_Diagnostics_FollowsTheTable()
    {
        static Diagnostic Make(string id) =>
            Diagnostic.Create(DiagnosticCatalog.All.Single(d => d.Id == id), new Xen.Hvm.Text.SourceLocation("f", default, default, default), "a", "b", "c", "d");

        Assert.Equal(ExitCodes.Ok, ExitCodes.For([]));
        Assert.Equal(ExitCodes.Failed, ExitCodes.For([Make(DiagnosticIds.ExpectedCommaOrCloseBracket)]));
        Assert.Equal(ExitCodes.UsageOrIo, ExitCodes.For([Make(DiagnosticIds.ConfigFileUnreadable)]));
        Assert.Equal(ExitCodes.UsageOrIo, ExitCodes.For([Make(DiagnosticIds.ExpectedCommaOrCloseBracket), Make(DiagnosticIds.ImageFileAccess)]));
        Assert.Equal(ExitCodes.Ok, ExitCodes.For([Make(DiagnosticIds.HwCapsLayoutGuessed)])); // a note is not an error
    }

    // check's verdict is xl's: a config check passes is one Xen's own xl accepts, and one it fails xl rejects.
    [XlTheory]
    [InlineData("winxp-hvm.cfg")]
    [InlineData("debian-pvhvm.cfg")]
    [InlineData("broken-crlf.cfg")]
    [InlineData("winxp-hvm.xm.cfg")]
    public void Check_BundledSample_AgreesWithXl(string name)
    {
        string path = Path.Combine(Corpus.RepositoryRoot, "samples", "configs", name);

        var check = Cli.Run("check", "--dialect", "xl", path);
        var xl = XlDryRun.Run(path);

        Assert.Equal(xl["rc"]!.GetValue<int>() == 0, check.ExitCode == ExitCodes.Ok);
    }
}
