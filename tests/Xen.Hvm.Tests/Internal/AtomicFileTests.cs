using Xen.Hvm.Internal;
using Xen.Hvm.Tests.Config;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Internal;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix facts only
public sealed class AtomicFileTests
{
    private static readonly AtomicFileOptions s_replace = new(ReplaceExisting: true, ReplaceReadOnly: false);

    [UnixFact]
    public void Write_NewContentWhileItIsWritten_IsReadableByTheOwnerOnly()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "vncpasswd = 'a'\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        UnixFileMode whileWritten = UnixFileMode.None;

        AtomicWriteResult result = AtomicFile.Write(path, s =>
        {
            whileWritten = File.GetUnixFileMode(((FileStream)s).Name);
            s.Write("vncpasswd = 'b'\n"u8);
        }, s_replace);

        Assert.Equal(AtomicWriteOutcome.Replaced, result.Outcome);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, whileWritten);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
    }

    [UnixFact]
    public void Write_WriterThrows_KeepsTheOldFileAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("memory = 1"u8);
            throw new InvalidOperationException("writer bug");
        }, s_replace));

        Assert.Equal("memory = 512\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [UnixFact]
    public void Write_InPlaceWriteFails_PutsTheOldContentBackAndRemovesTheBackup()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "memory = 512\n");
        ConfigDocumentSaveTests.Run("ln", path, dir.File("link.cfg"));

        AtomicWriteResult result = AtomicFile.Write(path, s =>
        {
            s.Write("memo"u8);
            throw new IOException("disk full", 28);
        }, s_replace);

        Assert.Equal(AtomicWriteOutcome.Failed, result.Outcome);
        Assert.Equal(AtomicFileError.DiskFull, result.Error);
        Assert.Null(result.BackupPath);
        Assert.Equal("memory = 512\n", File.ReadAllText(dir.File("link.cfg")));
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
    }

    [UnixFact]
    public void Write_ExistingFileWithoutConsent_IsNotTouched()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        File.WriteAllText(path, "a\n");
        bool called = false;

        AtomicWriteResult result = AtomicFile.Write(path, _ => called = true, new AtomicFileOptions(ReplaceExisting: false, ReplaceReadOnly: true));

        Assert.Equal(AtomicWriteOutcome.RefusedExisting, result.Outcome);
        Assert.False(called);
        Assert.Equal("a\n", File.ReadAllText(path));
    }

    [UnixFact]
    public async Task WriteAsync_CancelledWhileWriting_KeepsTheOldFileAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("disk.img");
        File.WriteAllText(path, "old");
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync("new"u8.ToArray(), ct);
            await cts.CancelAsync();
        }, s_replace, cts.Token));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
