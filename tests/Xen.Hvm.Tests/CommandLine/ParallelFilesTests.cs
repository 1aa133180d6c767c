using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.CommandLine;

/// <summary>check and dump over many files run them on every core, and print as if one file came after another.</summary>
public sealed class ParallelFilesTests
{
    private static readonly string[] s_files = Files();

    [Theory]
    [InlineData("check")]
    [InlineData("dump")]
    public void Run_ManyFiles_PrintsEachFilesOutputInTheOrderGiven(string command)
    {
        var each = s_files.Select(f => Cli.Run(command, f)).ToList();

        var all = Cli.Run([command, .. s_files]);

        Assert.Equal(string.Concat(each.Select(r => r.Out)), all.Out);
        Assert.Equal(string.Concat(each.Select(r => r.Error)), all.Error);
        Assert.Equal(each.Max(r => r.ExitCode), all.ExitCode);
    }

    private static string[] Files()
    {
        string dir = Path.Combine(Corpus.RepositoryRoot, "samples", "configs");
        var files = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToList();

        // Each twice (so that the same file runs at once on two threads), with a file that cannot be read in between.
        return [.. files, Path.Combine(dir, "missing.cfg"), .. files];
    }
}
