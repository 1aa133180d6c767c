using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config;

/// <summary>
/// Conformance with libxlu: <c>xl-oracle.jsonl</c> records how Xen's own parser read each of the 218 corpus configs.
/// </summary>
public sealed partial class XlOracleConformanceTests
{
    public static TheoryData<string> OracleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var row in OracleRows())
        {
            data.Add(row["file"]!.GetValue<string>());
        }

        return data;
    }

    [CorpusFact]
    public void Oracle_Has218Files()
    {
        Assert.Equal(218, OracleRows().Count());
    }

    [CorpusTheory]
    [MemberData(nameof(OracleFiles))]
    public void Parse_XlDialect_HasErrorsExactlyWhenLibxluRejects(string file)
    {
        JsonObject row = Row(file);
        ConfigDocument doc = Load(file);

        Assert.Equal(!row["ok"]!.GetValue<bool>(), doc.HasErrors);
    }

    [CorpusTheory]
    [MemberData(nameof(OracleFiles))]
    public void Values_AcceptedFile_EqualLibxluEffectiveValuesInOrder(string file)
    {
        JsonObject row = Row(file);
        if (!row["ok"]!.GetValue<bool>())
        {
            return; // libxlu reads no values from a rejected file; the theory below covers those
        }

        ConfigDocument doc = Load(file);
        var expected = row["val"]!.AsObject();
        Assert.Equal(expected.Select(p => p.Key), doc.Values.Keys);
        foreach (var (key, value) in doc.Values)
        {
            JsonNode ours = JsonNode.Parse(value.ToString())!;
            Assert.True(JsonNode.DeepEquals(expected[key], ours), $"{key}: libxlu {expected[key]?.ToJsonString()} ours {ours.ToJsonString()}");
        }
    }

    [CorpusTheory]
    [MemberData(nameof(OracleFiles))]
    public void Diagnostics_RejectedFile_FirstErrorLineMatchesAndEveryLibxluErrorLineIsReported(string file)
    {
        JsonObject row = Row(file);
        if (row["ok"]!.GetValue<bool>())
        {
            Assert.DoesNotContain(Load(file).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            return;
        }

        var theirs = row["err"]!.AsArray()
            .Select(e => LibxluLine().Match(e!.GetValue<string>()))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        var ours = Load(file).Diagnostics.Where(d => d.IsError).Select(d => d.Location.Line).ToList();

        Assert.NotEmpty(ours);
        Assert.Equal(theirs.Min(), ours.Min());
        Assert.Subset(ours.ToHashSet(), theirs);
    }

    [CorpusFact]
    public void Parse_PythonFilesRejectedByLibxlu_SuggestXmDialect()
    {
        foreach (var row in OracleRows().Where(r => r["err"]!.AsArray().Any(e => e!.GetValue<string>().Contains("looks like it contains Python", StringComparison.Ordinal))))
        {
            ConfigDocument doc = Load(row["file"]!.GetValue<string>());
            Assert.Contains(doc.Diagnostics, d => d.Id == DiagnosticIds.LooksLikePython);
        }
    }

    internal static IEnumerable<JsonObject> OracleRows()
    {
        if (Corpus.Root is null)
        {
            return [];
        }

        return File.ReadLines(Corpus.PathOf("xl-oracle.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!.AsObject())
            .ToArray();
    }

    private static JsonObject Row(string file) => OracleRows().Single(r => r["file"]!.GetValue<string>() == file);

    private static ConfigDocument Load(string file) =>
        XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file, new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

    [GeneratedRegex(@":(\d+): config parsing error")]
    private static partial Regex LibxluLine();
}
