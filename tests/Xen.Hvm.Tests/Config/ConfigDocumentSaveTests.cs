using System.Diagnostics;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the Unix-only facts are skipped there
public sealed class ConfigDocumentSaveTests
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [UnixFact]
    public void Save_ExistingFile_KeepsItsPermissions()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "vncpasswd = 'secret'\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        ConfigSaveResult result = XenConfig.Load(path).WithValue("vncpasswd", "other").Save(path);

        Assert.Equal(ConfigSaveMethod.Replaced, result.Method);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("vncpasswd = 'other'\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("memory = 512\ndisk = [ 'a',\n", ConfigDialect.Xl, "name", "a", DiagnosticIds.EditInsideOpenStatement)]
    [InlineData("# -*- coding: ascii -*-\nname = 'a'\n", ConfigDialect.Xm, "name", "caf\u00e9", DiagnosticIds.XmEditCharacterNotInEncoding)]
    [InlineData("# -*- coding: mac-klingon -*-\nname = 'a'\n", ConfigDialect.Xm, "name", "caf\u00e9", DiagnosticIds.XmEditUnknownEncoding)]
    public async Task Save_DocumentFromARefusedEdit_WritesNothingWithXH2020(string text, ConfigDialect dialect, string key, string value, string refusal)
    {
        // The trap: a refused edit returned the same text with an error, and Save wrote it as if the edit was made.
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        ConfigDocument doc = XenConfig.Parse(text, path, new XenConfigParseOptions { Dialect = dialect });

        ConfigDocument refused = doc.WithValue(key, value);
        ConfigDocument further = refused.WithValue("vcpus", 2).WithoutSetting("vcpus").WithValue("memory", 1024);

        Assert.False(doc.HasRefusedEdits);
        Assert.True(refused.HasRefusedEdits);
        Assert.True(further.HasRefusedEdits);
        foreach (ConfigDocument d in new[] { refused, further })
        {
            Assert.False(d.TrySave(path, null, out ConfigSaveResult result));
            Assert.Equal(ConfigSaveMethod.NotSaved, result.Method);
            Assert.Equal(DiagnosticIds.EditRefusedNotSaved, result.Diagnostics[0].Id);
            Assert.NotEmpty(result.Diagnostics.Skip(1));
            Assert.All(result.Diagnostics.Skip(1), x => Assert.Equal(refusal, x.Id));
            Assert.Equal(DiagnosticIds.EditRefusedNotSaved, Assert.Throws<XenConfigException>(() => d.Save(path)).Diagnostics[0].Id);
            Assert.Equal(DiagnosticIds.EditRefusedNotSaved, (await Assert.ThrowsAsync<XenConfigException>(() => d.SaveAsync(path))).Diagnostics[0].Id);
        }

        Assert.False(File.Exists(path));
        Assert.True(doc.WithValue("memory", 1024).Save(path).Saved);
    }

    [Fact]
    public async Task SaveAsync_NewFile_WritesTheBytesAsSaveDoes()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        ConfigDocument doc = XenConfig.Parse("memory = 512 # c\n").WithValue("memory", 1024);

        ConfigSaveResult result = await doc.SaveAsync(path);

        Assert.Equal(ConfigSaveMethod.Created, result.Method);
        Assert.Equal(doc.ToBytes(), await File.ReadAllBytesAsync(path));
        Assert.Equal(DiagnosticIds.ExistingFileNotReplaced, (await Assert.ThrowsAsync<XenConfigException>(() => doc.SaveAsync(path, new ConfigSaveOptions { ReplaceExistingFile = false }))).Diagnostics[0].Id);
    }

    [Fact]
    public async Task SaveAsync_Canceled_LeavesTheOldFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\n");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => XenConfig.Parse("memory = 1\n").SaveAsync(path, null, new CancellationToken(canceled: true)));

        Assert.Equal("memory = 512\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Save_ThroughSymbolicLink_WritesTheTargetAndKeepsTheLink()
    {
        using var dir = new TempDirectory();
        string target = dir.File("guest.cfg");
        string link = dir.File("auto.cfg");
        File.WriteAllText(target, "memory = 512\n");
        File.CreateSymbolicLink(link, target);

        ConfigSaveResult result = XenConfig.Load(link).WithValue("memory", 1024).Save(link);

        Assert.True(result.Saved);
        Assert.Equal(target, result.Path);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("memory = 1024\n", File.ReadAllText(target));
    }

    [Fact]
    public void Save_DanglingSymbolicLink_CreatesTheTarget()
    {
        using var dir = new TempDirectory();
        string target = dir.File("guest.cfg");
        string link = dir.File("auto.cfg");
        File.CreateSymbolicLink(link, target);

        ConfigSaveResult result = XenConfig.Parse("memory = 512\n").Save(link);

        Assert.Equal(ConfigSaveMethod.Created, result.Method);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("memory = 512\n", File.ReadAllText(target));
    }

    [RootFact]
    public void Save_FileOfAnotherOwnerAndGroup_KeepsThem()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\n");
        Run("chown", "4321:5432", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        ConfigSaveResult result = XenConfig.Load(path).WithValue("memory", 1024).Save(path);

        Assert.Equal(ConfigSaveMethod.Replaced, result.Method);
        Assert.Equal("4321 5432 1", Stat(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Equal("memory = 1024\n", File.ReadAllText(path));
    }

    [UnixFact]
    public void Save_HardLinkedFile_WritesInPlaceSoEveryNameSeesTheChange()
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        string other = dir.File("auto.cfg");
        File.WriteAllText(path, "memory = 512\n");
        Run("ln", path, other);

        ConfigSaveResult result = XenConfig.Load(path).WithValue("memory", 1024).Save(path);

        Assert.Equal(ConfigSaveMethod.WrittenInPlace, result.Method);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FileWrittenInPlace, d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("memory = 1024\n", File.ReadAllText(other));
        Assert.EndsWith(" 2", Stat(path), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length); // the backup copy is gone
    }

    [UnixFact]
    public void Save_ReadOnlyFile_IsRefusedWithXH2011UnlessAllowed()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\n");
        File.SetUnixFileMode(path, ReadOnly);
        ConfigDocument edited = XenConfig.Load(path).WithValue("memory", 1024);

        Assert.False(edited.TrySave(path, null, out ConfigSaveResult refused));
        var thrown = Assert.Throws<XenConfigException>(() => edited.Save(path));

        Assert.Equal(DiagnosticIds.ReadOnlyFileNotReplaced, thrown.FirstError?.Id);
        Assert.False(refused.Saved);
        Assert.Equal(DiagnosticIds.ReadOnlyFileNotReplaced, Assert.Single(refused.Diagnostics).Id);
        Assert.Equal("memory = 512\n", File.ReadAllText(path));

        ConfigSaveResult allowed = edited.Save(path, new ConfigSaveOptions { ReplaceReadOnlyFile = true });

        Assert.True(allowed.Saved);
        Assert.Equal("memory = 1024\n", File.ReadAllText(path));
        Assert.Equal(ReadOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Save_ExistingFileWithoutConsent_IsRefusedWithXH2012()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\n");
        var createOnly = new ConfigSaveOptions { ReplaceExistingFile = false };

        Assert.False(XenConfig.Parse("memory = 1\n").TrySave(path, createOnly, out ConfigSaveResult refused));
        ConfigSaveResult created = XenConfig.Parse("memory = 1\n").Save(dir.File("new.cfg"), createOnly);

        Assert.Equal(DiagnosticIds.ExistingFileNotReplaced, Assert.Single(refused.Diagnostics).Id);
        Assert.Equal("memory = 512\n", File.ReadAllText(path));
        Assert.Equal(ConfigSaveMethod.Created, created.Method);
        Assert.Equal("memory = 1\n", File.ReadAllText(dir.File("new.cfg")));
    }

    [Theory]
    [InlineData("missing/g.cfg")]
    [InlineData("")]
    public void TrySave_PathThatCannotBeWritten_ReportsXH2010AndSaveThrowsIt(string relative)
    {
        using var dir = new TempDirectory();
        string path = relative.Length == 0 ? dir.Path : dir.File(relative);
        ConfigDocument doc = XenConfig.Parse("memory = 1\n");

        Assert.False(doc.TrySave(path, null, out ConfigSaveResult result));
        Assert.Equal(DiagnosticIds.ConfigFileNotWritten, Assert.Throws<XenConfigException>(() => doc.Save(path)).FirstError?.Id);

        Assert.False(result.Saved);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.ConfigFileNotWritten, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void SaveThenLoad_LatinOneBytes_AreKept()
    {
        using var dir = new TempDirectory();
        string path = dir.File("latin1.cfg");
        byte[] bytes = [.. "# caf"u8, 0xE9, (byte)'\n', .. "name = \"x\"\n"u8];
        File.WriteAllBytes(path, bytes);

        Assert.True(XenConfig.Load(path).WithValue("name", "y").Save(path).Saved);

        byte[] after = File.ReadAllBytes(path);
        Assert.Equal(bytes[..6], after[..6]);
        Assert.Equal("name = \"y\"\n"u8.ToArray(), after[7..]);
    }

    [Fact]
    public void TryLoad_MissingFileAndFolder_ReportXH2009()
    {
        using var dir = new TempDirectory();

        Assert.False(XenConfig.TryLoad(dir.File("none.cfg"), null, out var doc, out var missing));
        Assert.False(XenConfig.TryLoad(dir.Path, null, out _, out var folder));

        Assert.Null(doc);
        Assert.Equal(DiagnosticIds.ConfigFileUnreadable, missing.Id);
        Assert.Equal(DiagnosticIds.ConfigFileUnreadable, folder.Id);
        Assert.Equal(dir.File("none.cfg"), missing.Location.Path);
    }

    /// <summary>Owner, group and link count, as <c>stat</c> prints them.</summary>
    internal static string Stat(string path) => Run("stat", "-c", "%u %g %h", path).Trim();

    internal static string Run(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{command}: {error}");
        return output;
    }
}

/// <summary>A [Fact] for Unix file semantics (modes, hard links), skipped with the reason elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes and hard links: not on Windows; this test did NOT run.";
        }
    }
}

/// <summary>A [Fact] that needs root on Linux (to give a file another owner), skipped with the reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "Needs root on Linux to chown a file to another user; this test did NOT run.";
        }
    }
}
