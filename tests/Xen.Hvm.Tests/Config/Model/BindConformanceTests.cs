using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// Conformance with xl itself: <c>xl-dryrun.jsonl</c> records what Xen 4.17's <c>xl create -n</c> did with every corpus
/// config (oracle host: 8 CPUs, 1 NUMA node). Binding under xl has an error exactly when xl refused the file, and xl's
/// warnings are our warnings.
/// </summary>
public sealed class BindConformanceTests
{
    public static TheoryData<string> AcceptedSyntaxFiles()
    {
        var data = new TheoryData<string>();
        foreach (JsonObject row in DryRunRows().Where(static r => r["oracle_ok"]!.GetValue<bool>()))
        {
            data.Add(row["file"]!.GetValue<string>());
        }

        return data;
    }

    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (JsonObject row in DryRunRows())
        {
            data.Add(row["file"]!.GetValue<string>());
        }

        return data;
    }

    [CorpusFact]
    public void DryRun_Holds218FilesOf171AcceptedAnd19Refused()
    {
        var rows = DryRunRows().ToArray();
        Assert.Equal(218, rows.Length);
        Assert.Equal(171, rows.Count(static r => r["oracle_ok"]!.GetValue<bool>()));
        Assert.Equal(19, rows.Count(static r => r["oracle_ok"]!.GetValue<bool>() && r["rc"]!.GetValue<int>() != 0));
    }

    [CorpusTheory]
    [MemberData(nameof(AcceptedSyntaxFiles))]
    public void Bind_Xl_HasErrorsExactlyWhenXlRefuses(string file)
    {
        JsonObject row = Row(file);
        BindResult result = DomainConfig.Bind(LoadXl(file));

        bool refused = row["rc"]!.GetValue<int>() != 0;
        Assert.True(refused == result.HasErrors,
            $"xl rc {row["rc"]}: {string.Join(" | ", row["stderr"]!.AsArray().Skip(1))}\nours: {string.Join("\n", result.Diagnostics.Where(static d => d.IsError))}");
    }

    [CorpusTheory]
    [MemberData(nameof(AcceptedSyntaxFiles))]
    public void Bind_Xl_EveryXlWarningClassIsReportedAsItsWarning(string file)
    {
        JsonObject row = Row(file);
        BindResult result = DomainConfig.Bind(LoadXl(file));
        var ours = result.Diagnostics.Where(static d => !d.IsError).Select(static d => d.Id).ToHashSet(StringComparer.Ordinal);

        foreach (string line in row["stderr"]!.AsArray().Select(static l => l!.GetValue<string>()))
        {
            if (WarningId(line) is { } id)
            {
                Assert.True(ours.Contains(id), $"xl: '{line}' should be {id}; ours: {string.Join(", ", ours)}");
            }
        }
    }

    [CorpusTheory]
    [MemberData(nameof(AllFiles))]
    public void Bind_AnyCorpusFileEitherDialectEitherToolstack_DoesNotThrow(string file)
    {
        byte[] bytes = File.ReadAllBytes(Corpus.PathOf(file));
        foreach (ConfigDialect dialect in (ConfigDialect[])[ConfigDialect.Auto, ConfigDialect.Xl, ConfigDialect.Xm])
        {
            ConfigDocument doc = XenConfig.Parse(bytes, file, new XenConfigParseOptions { Dialect = dialect });
            foreach (Toolstack toolstack in (Toolstack[])[Toolstack.Xl, Toolstack.Xm])
            {
                BindResult result = DomainConfig.Bind(doc, new BindOptions { Toolstack = toolstack });
                Assert.Same(doc, result.Document);
                Assert.All(result.Diagnostics, static d => Assert.Matches("^XH[0-9]{4}$", d.Id));
            }
        }
    }

    /// <summary>The warning ID for an xl stderr line of a class we map; <see langword="null"/> for lines we do not map.</summary>
    internal static string? WarningId(string line) => line switch
    {
        _ when line.StartsWith("WARNING: ignoring device_model directive", StringComparison.Ordinal) => DiagnosticIds.DeviceModelIgnored,
        _ when line.StartsWith("WARNING: you seem to be using \"kernel\" directive", StringComparison.Ordinal) => DiagnosticIds.HvmloaderKernelIgnored,
        _ when line.StartsWith("WARNING: specifying \"tsc_mode\" as an integer", StringComparison.Ordinal) => DiagnosticIds.DeprecatedIntegerForm,
        _ when line.StartsWith("WARNING: specifying \"timer_mode\" as an integer", StringComparison.Ordinal) => DiagnosticIds.DeprecatedIntegerForm,
        _ when line.StartsWith("WARNING: device model override given without specific DM version", StringComparison.Ordinal) => DiagnosticIds.OverrideWithoutSelector,
        _ when line.StartsWith("WARNING: bios_path_override given without", StringComparison.Ordinal) => DiagnosticIds.OverrideWithoutSelector,
        _ when line.StartsWith("Warning: ignoring root= and extra= in favour of cmdline=", StringComparison.Ordinal) => DiagnosticIds.OptionIgnored,
        _ when line.StartsWith("WARNING: ignoring \"vncviewer\" option", StringComparison.Ordinal) => DiagnosticIds.OptionIgnored,
        _ when line.StartsWith("WARNING: vif2: netchannel2 is deprecated", StringComparison.Ordinal) => DiagnosticIds.OptionIgnored,
        _ when line.StartsWith("WARNING: Specifying \"bootloader_args\" as a string", StringComparison.Ordinal) => DiagnosticIds.DeprecatedOption,
        _ when line.StartsWith("WARNING: Specifying \"altp2mhvm\" is deprecated", StringComparison.Ordinal) => DiagnosticIds.DeprecatedOption,
        _ when line.StartsWith("WARNING: msr_relaxed will be removed", StringComparison.Ordinal) => DiagnosticIds.DeprecatedOption,
        _ when line.StartsWith("unrecognized argument `", StringComparison.Ordinal) => DiagnosticIds.VifUnknownKey,
        _ when line.StartsWith("Invalid parameter `type'", StringComparison.Ordinal) => DiagnosticIds.VifInvalidType,
        _ when line.StartsWith("Invalid parameter `mac'", StringComparison.Ordinal) => DiagnosticIds.VifInvalidMac,
        _ when line.Contains(": warning: parameter `", StringComparison.Ordinal) && line.EndsWith("is a list but should be a single value", StringComparison.Ordinal) => DiagnosticIds.ValueIsList,
        _ when line.Contains(": warning: parameter `", StringComparison.Ordinal) && line.EndsWith("is a single value but should be a list", StringComparison.Ordinal) => DiagnosticIds.ValueIsNotList,
        _ when line.Contains(": warning: parameter `", StringComparison.Ordinal) && line.EndsWith("is not a valid number", StringComparison.Ordinal) => DiagnosticIds.NotANumber,
        _ when line.Contains(": warning: can't use += with numbers", StringComparison.Ordinal) => DiagnosticIds.AppendToNumber,
        _ => null,
    };

    internal static IEnumerable<JsonObject> DryRunRows()
    {
        if (Corpus.Root is null)
        {
            return [];
        }

        return s_rows.Value;
    }

    private static readonly Lazy<JsonObject[]> s_rows = new(() => File.ReadLines(Corpus.PathOf("xl-dryrun.jsonl"))
        .Where(static l => l.Length > 0)
        .Select(static l => JsonNode.Parse(l)!.AsObject())
        .ToArray());

    private static JsonObject Row(string file) => DryRunRows().Single(r => r["file"]!.GetValue<string>() == file);

    private static ConfigDocument LoadXl(string file) =>
        XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file, new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
}
