using System.Text.RegularExpressions;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests;

/// <summary>Every C# sample of the docs is a region of docs/snippets (a project that compiles and runs them): the articles
/// include the regions through DocFX, and the READMEs, which GitHub and nuget.org show without includes, copy them
/// exactly under a <c>&lt;!-- snippet: FILE#REGION[#REGION...] --&gt;</c> marker.</summary>
public sealed partial class DocsSnippetsTests
{
    private static readonly string s_root = Corpus.RepositoryRoot;
    private static readonly string s_snippets = Path.Combine(s_root, "docs", "snippets");

    [GeneratedRegex(@"^<!-- snippet: docs/snippets/(?<file>[A-Za-z]+\.cs)(?<regions>(#[a-z-]+)+) .*-->\n```csharp\n(?<code>.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    [GeneratedRegex(@"^```csharp$", RegexOptions.Multiline)]
    private static partial Regex AnyCSharpBlock();

    [GeneratedRegex(@"\[!code-csharp\[\]\((?:\.\./)?snippets/(?<file>[A-Za-z]+\.cs)#(?<region>[a-z-]+)\)\]")]
    private static partial Regex Include();

    [Theory]
    [InlineData("README.md")]
    [InlineData("nuget/README.md")]
    public void Readme_CSharpBlocks_AreTheSnippetRegionsTheyName(string readme)
    {
        string text = File.ReadAllText(Path.Combine(s_root, readme)).ReplaceLineEndings("\n");
        var blocks = MarkedBlock().Matches(text);

        Assert.NotEmpty(blocks);
        Assert.Equal(AnyCSharpBlock().Matches(text).Count, blocks.Count);   // no C# block without its marker
        foreach (Match block in blocks)
        {
            string file = Path.Combine(s_snippets, block.Groups["file"].Value);
            string expected = string.Join("\n\n", block.Groups["regions"].Value.Split('#', StringSplitOptions.RemoveEmptyEntries).Select(r => Region(file, r)));
            Assert.Equal(expected, block.Groups["code"].Value);
        }
    }

    [Fact]
    public void Articles_CodeSamples_AreIncludedRegionsThatExist()
    {
        var docs = Directory.EnumerateFiles(Path.Combine(s_root, "docs"), "*.md", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}_site{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        int includes = 0;
        foreach (string doc in docs)
        {
            string text = File.ReadAllText(doc);
            Assert.True(AnyCSharpBlock().Matches(text).Count == 0, $"{doc}: a C# sample written inline; make it a region of docs/snippets and include it");
            foreach (Match m in Include().Matches(text))
            {
                Assert.NotEmpty(Region(Path.Combine(s_snippets, m.Groups["file"].Value), m.Groups["region"].Value));
                includes++;
            }
        }

        Assert.True(includes >= 5, $"only {includes} includes of docs/snippets regions in docs/");
    }

    [Fact]
    public void SnippetRegions_Each_IsShownSomewhere()
    {
        string shown = string.Concat(
            new[] { "README.md", "nuget/README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(s_root, "docs"), "*.md", SearchOption.AllDirectories))
                .Select(p => File.ReadAllText(Path.Combine(s_root, p))));
        foreach (string file in Directory.EnumerateFiles(s_snippets, "*.cs"))
        {
            foreach (string region in Regions(file))
            {
                string name = Path.GetFileName(file);
                Assert.True(
                    shown.Contains($"snippets/{name}#{region})", StringComparison.Ordinal) || Regex.IsMatch(shown, $"docs/snippets/{Regex.Escape(name)}(#[a-z-]+)*#{region}[# ]"),
                    $"{name}#{region} is in no doc: a sample nobody reads");
            }
        }
    }

    private static IEnumerable<string> Regions(string file) =>
        File.ReadLines(file).Select(l => l.Trim()).Where(l => l.StartsWith("#region ", StringComparison.Ordinal)).Select(l => l["#region ".Length..]);

    /// <summary>The lines between <c>#region NAME</c> and its <c>#endregion</c>, less their common indentation (as DocFX shows them).</summary>
    private static string Region(string file, string name)
    {
        var lines = File.ReadAllLines(file).SkipWhile(l => l.Trim() != "#region " + name).Skip(1).TakeWhile(l => l.Trim() != "#endregion").ToArray();
        Assert.True(lines.Length > 0, $"{file} has no region '{name}'");
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]));
    }
}
