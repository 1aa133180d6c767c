using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// <c>docs/options.md</c> is generated from the catalogue: this test renders it and fails when the checked-in file
/// differs; with <c>XEN_HVM_UPDATE_DOCS=1</c> it rewrites the file instead (and still fails if it had to, so CI never
/// passes on a stale file).
/// </summary>
public sealed class OptionsDocTests
{
    private static string DocPath => Path.Combine(Corpus.RepositoryRoot, "docs", "options.md");

    [Fact]
    public void OptionsMd_CheckedIn_IsWhatTheCatalogueGenerates()
    {
        string expected = OptionsDoc.Render();
        string actual = File.Exists(DocPath) ? File.ReadAllText(DocPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual != expected && Environment.GetEnvironmentVariable("XEN_HVM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, expected);
        }

        Assert.True(actual == expected, "docs/options.md is not what the catalogue generates: run XEN_HVM_UPDATE_DOCS=1 dotnet test tests/Xen.Hvm.Tests --filter OptionsDocTests, then commit docs/options.md.");
    }

    [Fact]
    public void Render_EveryOption_HasOneRowUnderItsGroup()
    {
        string[] lines = OptionsDoc.Render().Split('\n');

        foreach (OptionDefinition option in OptionCatalog.All)
        {
            Assert.Single(lines, l => l.StartsWith("| `" + option.Name + "` |", StringComparison.Ordinal));
        }

        Assert.Equal(OptionCatalog.All.Select(static o => o.Group).Distinct().Count(), lines.Count(static l => l.StartsWith("## ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_OnCrash_ShowsBothToolstacksDefaults()
    {
        string row = OptionsDoc.Render().Split('\n').Single(static l => l.StartsWith("| `on_crash` |", StringComparison.Ordinal));
        string[] cells = row.Split(" | ");

        Assert.Equal("`destroy`", cells[5]);
        Assert.StartsWith("`restart`", cells[6], StringComparison.Ordinal);
    }

    [Fact]
    public void GetTitle_EveryGroup_DistinctWordsAndAnUndefinedValueItsNumber()
    {
        string[] titles = Enum.GetValues<OptionGroup>().Select(static g => g.GetTitle()).ToArray();

        Assert.Equal(titles.Length, titles.Distinct().Count());
        Assert.All(titles, static t => Assert.False(char.IsDigit(t[0]), t));
        Assert.Equal("99", ((OptionGroup)99).GetTitle());
    }
}
