using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Tests.Infrastructure;
using static Xen.Hvm.Tests.Config.Model.ApplyTestSupport;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// Write-back on real files: every corpus config (xl and xm, as <see cref="ConfigDialect.Auto"/> reads it), bound,
/// one option changed (memory, name, a disk added, a disk removed), written back and bound again: the change is there,
/// the rest of the model is as it was, and every line the change did not touch is byte-identical. A change is refused
/// only where the file computes the value (xm code, an xl <c>+=</c> chain).
/// </summary>
public sealed class ApplyCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (JsonObject row in BindConformanceTests.DryRunRows())
        {
            data.Add(row["file"]!.GetValue<string>());
        }

        return data;
    }

    private static IEnumerable<(string Key, Func<DomainConfig, DomainConfig> Change)> Changes(ConfigDialect dialect)
    {
        DiskSpec added = DiskSpec.Parse(dialect == ConfigDialect.Xm ? "phy:/dev/vg/added,hdd,w" : "/dev/vg/added,raw,xvdz,w", dialect, null).Value;
        yield return ("memory", static m => m with { MemoryMiB = (m.MemoryMiB ?? 256) + 128 });
        yield return ("name", static m => m with { Name = (m.Name ?? "guest") + "-2" });
        yield return ("disk", m => m with { Disks = [.. m.Disks ?? [], added] });
        yield return ("disk", static m => m.Disks is { Count: > 0 } disks ? m with { Disks = disks.WithoutItem(0) } : m with { Disks = null });
    }

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void WithModel_CorpusFileOneChange_IsWrittenAndNothingElse(string file)
    {
        ConfigDocument doc = XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file);
        BindOptions options = doc.Dialect == ConfigDialect.Xm ? new BindOptions { Toolstack = Toolstack.Xm } : BindOptions.Default;
        BindResult read = DomainConfig.Bind(doc, options);
        DomainConfig bound = read.Config;

        // An xm file whose code stops early (xmexample2 raises without 'vmid=' on the command line) reads nothing after
        // that point: a value written there does not read back (XH3204).
        bool stopsEarly = read.Diagnostics.Any(static d => d.IsError && d.Id.StartsWith("XH41", StringComparison.Ordinal));
        foreach (var (key, change) in Changes(doc.Dialect))
        {
            DomainConfig model = change(bound);
            ApplyResult result = doc.WithModel(model, options);
            if (result.HasRefusals)
            {
                // Only the change itself, only for code, and the file stays as it was.
                Assert.Equal(ConfigDialect.Xm, doc.Dialect);
                Assert.Equal([key], result.RefusedKeys);
                Assert.All(result.Diagnostics, d => Assert.True(CodeRefusals.Contains(d.Id) || (stopsEarly && d.Id == DiagnosticIds.WriteBackDoesNotReadBack), d.ToString()));
                Assert.Equal(doc.Text, result.Document.Text);
                continue;
            }

            AssertReadsBack(bound, model, result, options);
            AssertUntouchedLinesKept(doc, result.Document, new HashSet<string>([key], StringComparer.Ordinal));
        }
    }
}
