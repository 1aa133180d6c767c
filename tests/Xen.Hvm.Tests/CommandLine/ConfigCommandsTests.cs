using System.Text.Json.Nodes;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the Unix-only facts are skipped there
public sealed class ConfigCommandsTests
{
    private static string Sample(string name) => Path.Combine(Corpus.RepositoryRoot, "samples", "configs", name);

    [Fact]
    public void Check_BundledWindowsXpExample_PrintsOneSummaryLineAndExitsZero()
    {
        string path = Sample("winxp-hvm.cfg");
        int settings = Xen.Hvm.Config.XenConfig.Load(path).Settings.Count;

        var r = Cli.Run("check", "--dialect", "xl", path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"{path}: xl, {settings} settings, no problems\n", r.Out); // a clean check is never silent
    }

    [Fact]
    public void Check_BrokenExample_PrintsCompilerStyleDiagnosticsAndExitsOne()
    {
        var r = Cli.Run("check", Sample("broken-crlf.cfg"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("broken-crlf.cfg(1,16): error XH1002:", r.Out, StringComparison.Ordinal);
        Assert.Contains("broken-crlf.cfg(3,11): error XH2004:", r.Out, StringComparison.Ordinal);
        Assert.Contains("broken-crlf.cfg(4,25): error XH2003:", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFile_ExitsTwo()
    {
        var r = Cli.Run("check", "/nonexistent/guest.cfg");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("/nonexistent/guest.cfg(1,1): error XH2009:", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Roundtrip_MissingFileOrDirectory_ReportsXH2009WithoutExceptionText()
    {
        using var dir = new TempDirectory();
        var missing = Cli.Run("roundtrip", dir.File("none.cfg"));
        var directory = Cli.Run("roundtrip", dir.Path);

        Assert.Equal((2, 2), (missing.ExitCode, directory.ExitCode));
        Assert.StartsWith(dir.File("none.cfg") + "(1,1): error XH2009:", missing.Error, StringComparison.Ordinal);
        Assert.StartsWith(dir.Path + "(1,1): error XH2009:", directory.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_MissingFileOrDirectory_ExitsTwoInOurOwnWords()
    {
        using var dir = new TempDirectory();
        var missing = Cli.Run("caps", dir.File("none.txt"));
        var directory = Cli.Run("caps", dir.Path);

        Assert.Equal((2, 2), (missing.ExitCode, directory.ExitCode));
        // The runtime's own texts ("Could not find file", "Access to the path ... is denied") never reach a user.
        Assert.Equal($"xencfg: cannot read '{dir.File("none.txt")}': it does not exist", missing.Error.TrimEnd());
        Assert.Equal($"xencfg: cannot read '{dir.Path}': it is a directory, not a file", directory.Error.TrimEnd());
    }

    [Fact]
    public void Check_UnknownOption_IsAUsageErrorNotAFileName()
    {
        var r = Cli.Run("check", "--frobnicate", Sample("winxp-hvm.cfg"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'--frobnicate'", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("XH2009", r.Error, StringComparison.Ordinal); // it was not read as a file
        Assert.Equal(string.Empty, r.Out); // and nothing was checked
        Assert.Equal(2, Cli.Run("check").ExitCode);
    }

    [Fact]
    public void Roundtrip_IdenticalAndDifferentFiles_ReportEach()
    {
        var ok = Cli.Run("roundtrip", Sample("winxp-hvm.cfg"), Sample("broken-crlf.cfg"));
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("2 identical, 0 different", ok.Out, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Roundtrip_WholeCorpus_ExitsZero()
    {
        var files = Corpus.Files("", f => !f.EndsWith(".jsonl", StringComparison.Ordinal)).Select(Corpus.PathOf).ToArray();
        var r = Cli.Run(["roundtrip", .. files]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"{files.Length} identical, 0 different", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_Example_PrintsEffectiveValuesAsJsonInOrder()
    {
        var r = Cli.Run("dump", Sample("debian-pvhvm.cfg"));
        Assert.Equal(0, r.ExitCode);
        var json = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal("name", json.First().Key);
        Assert.Equal("2048", json["memory"]!.GetValue<string>());
        Assert.Equal(2, json["vif"]!.AsArray().Count);
    }

    [Fact]
    public void SetAndUnset_EditInPlaceKeepingComments()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "# guest\nname = 'a'  # keep\nmemory = 512\nboot = 'd'\n");

        var set = Cli.Run("set", path, "memory=1024", "boot='c'", "vif=['bridge=xenbr0']", "extra=console=hvc0");
        Assert.Equal(0, set.ExitCode);
        var unset = Cli.Run("unset", path, "name");
        Assert.Equal(0, unset.ExitCode);

        Assert.Equal("# guest\nmemory = 1024\nboot = 'c'\nvif = ['bridge=xenbr0']\nextra = 'console=hvc0'\n", File.ReadAllText(path));
    }

    [Fact]
    public void Set_InvalidKey_ExitsTwoAndLeavesFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "a = 1\n");
        Assert.Equal(2, Cli.Run("set", path, "Bad=1").ExitCode);
        Assert.Equal("a = 1\n", File.ReadAllText(path));
    }

    [Fact]
    public void Dump_BundledXmExample_EvaluatesWithHostAndVariables()
    {
        var r = Cli.Run("dump", "--uname", "Linux dom0 2.6.18 #1 SMP x86_64", "--var", "vmid=2", Sample("winxp-hvm.xm.cfg"));
        Assert.Equal(0, r.ExitCode);
        var json = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal("WinXP2", json["name"]!.GetValue<string>());
        Assert.Equal("/usr/lib64/xen/bin/qemu-dm", json["device_model"]!.GetValue<string>());
        Assert.Equal(512, json["memory"]!.GetValue<int>());
        Assert.Equal("phy:/dev/vg/winxp2,ioemu:hda,w", json["disk"]![0]!.GetValue<string>());

        var withoutVmid = Cli.Run("dump", Sample("winxp-hvm.xm.cfg"));
        Assert.Equal(1, withoutVmid.ExitCode); // xend's vmid_check raises: no domain
    }

    [Fact]
    public void Set_NonAsciiValueInXmFileWithoutCodingLine_WritesOnlyAsciiAndSaysSo()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "import os\nname = 'a'\n");

        var r = Cli.Run("set", path, "name=café");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("import os\nname = 'caf\\xc3\\xa9'\n", File.ReadAllText(path));
        Assert.Contains("info XH4202:", r.Out, StringComparison.Ordinal);
    }

    [Xen.Hvm.Tests.Config.Xm.PythonFact(2)]
    public void Set_NonAsciiValueAndTrailingContinuationInXmFile_Python2StillReadsTheFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "import os\nname = 'a'\nmemory = 512 \\\n");

        Assert.Equal(0, Cli.Run("set", path, "name=café", "vcpus=2").ExitCode);

        var values = Xen.Hvm.Tests.Config.Xm.XmEditingTests.RunPython2(File.ReadAllBytes(path));
        Assert.Equal("636166c3a9", values["name"]!.GetValue<string>());
        Assert.Equal(512, values["memory"]!.GetValue<int>());
        Assert.Equal(2, values["vcpus"]!.GetValue<int>());
    }

    [Fact]
    public void Set_FileEndingInsideAnOpenList_ExitsOneWithXH2008AndLeavesTheFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\ndisk = [ 'a',\n");

        var r = Cli.Run("set", path, "memory=1024", "vcpus=2");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("g.cfg(2,1): error XH2008:", r.Error, StringComparison.Ordinal);
        Assert.Equal("memory = 512\ndisk = [ 'a',\n", File.ReadAllText(path));
    }

    [Xen.Hvm.Tests.Config.UnixFact]
    public void Set_ReadOnlyFile_ExitsTwoWithXH2011UnlessReplaceReadOnly()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var refused = Cli.Run("set", path, "memory=1024");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("error XH2011:", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Error, StringComparison.Ordinal);
        Assert.Equal("memory = 512\n", File.ReadAllText(path));

        var allowed = Cli.Run("set", "--replace-read-only", path, "memory=1024");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal("memory = 1024\n", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Unset_FileInAMissingFolder_ExitsTwoWithXH2009()
    {
        var r = Cli.Run("unset", "/nonexistent/dir/g.cfg", "memory");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error XH2009:", r.Error, StringComparison.Ordinal);
    }
}
