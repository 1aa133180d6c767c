using System.Text.Json.Nodes;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// Conformance with xl itself: for every corpus config that Xen 4.17's <c>xl create -n</c> accepted
/// (<c>xl-dryrun.jsonl</c>, rc 0), the model bound from the file prints the same <c>libxl_domain_config</c>, value for
/// value and member for member in the same order, with the options the oracle was made with (the defaults).
/// </summary>
public sealed class LibxlJsonConformanceTests
{
    public static TheoryData<string> AcceptedFiles()
    {
        var data = new TheoryData<string>();
        foreach (JsonObject row in LibxlJsonTestSupport.AcceptedRows())
        {
            data.Add(row["file"]!.GetValue<string>());
        }

        return data;
    }

    [CorpusFact]
    public void DryRun_Has152FilesXlAccepts()
    {
        Assert.Equal(152, LibxlJsonTestSupport.AcceptedRows().Count());
    }

    [CorpusTheory]
    [MemberData(nameof(AcceptedFiles))]
    public void ToLibxlJson_CorpusFileXlAccepts_EqualsXlDryRun(string file)
    {
        JsonNode expected = LibxlJsonTestSupport.Row(file)["config"]!;
        JsonObject actual = LibxlJsonTestSupport.BindCorpusFile(file).ToLibxlJson(null, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.True(JsonNode.DeepEquals(expected, actual), LibxlJsonTestSupport.Difference(expected, actual, "$"));
        LibxlJsonTestSupport.AssertSameJson(expected, actual, file);
    }

    /// <summary>The text too, byte for byte: xl itself is run on every accepted corpus file (a few milliseconds each).</summary>
    [XlFact]
    public void ToLibxlJsonText_CorpusFilesXlAccepts_AreWhatXlPrints()
    {
        var failures = new List<string>();
        foreach (string file in LibxlJsonTestSupport.AcceptedRows().Select(static r => r["file"]!.GetValue<string>()))
        {
            var (rc, stdout, _) = LibxlXl.Run(Corpus.PathOf(file));
            Assert.Equal(0, rc);
            string ours = LibxlJsonTestSupport.BindCorpusFile(file).ToLibxlJsonText();
            if (ours != stdout)
            {
                failures.Add(file + ": " + LibxlJsonTestSupport.Difference(JsonNode.Parse(stdout), JsonNode.Parse(ours), "$"));
            }
        }

        Assert.Empty(failures);
    }
}
