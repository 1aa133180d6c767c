using System.Globalization;
using System.Text.Json.Nodes;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// Effective values on the corpus: every file gets a view under every toolstack without throwing, and where the JSON
/// of Xen 4.17's <c>xl create -n</c> (<c>xl-dryrun.jsonl</c>) shows a value the toolstack settled itself (xl's own
/// defaults and derivations, before libxl's), our effective value is the same.
/// </summary>
public sealed class EffectiveCorpusTests
{
    private static readonly XenVersion Xen417 = new(4, 17);

    [CorpusTheory]
    [MemberData(nameof(BindConformanceTests.AllFiles), MemberType = typeof(BindConformanceTests))]
    public void GetEffectiveValues_AnyCorpusFileEitherToolstack_GivesAViewOfEveryOptionSet(string file)
    {
        ConfigDocument doc = XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file);
        foreach ((Toolstack toolstack, XenVersion version) in new[] { (Toolstack.Xl, Xen417), (Toolstack.Xl, new XenVersion(4, 2)), (Toolstack.Xm, new XenVersion(4, 4)) })
        {
            DomainConfig config = DomainConfig.Bind(doc, new BindOptions { Toolstack = toolstack, XenVersion = version }).Config;

            EffectiveConfig effective = config.GetEffectiveValues(toolstack, version);

            // Every option the model sets is in the view, with the model's value beside what the toolstack makes of it.
            foreach (OptionDefinition option in OptionCatalog.All.Where(o => o.GetValue(config) is not null))
            {
                Assert.Equal(option.GetValue(config), effective[option.Name].FileValue);
            }

            Assert.All(effective.Where(v => v.Source == EffectiveValueSource.File), v => Assert.Equal(v.FileValue, v.Value));
        }
    }

    public static TheoryData<string> AcceptedFiles()
    {
        var data = new TheoryData<string>();
        foreach (JsonObject row in BindConformanceTests.DryRunRows().Where(static r => r["oracle_ok"]!.GetValue<bool>() && r["rc"]!.GetValue<int>() == 0))
        {
            data.Add(row["file"]!.GetValue<string>());
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(AcceptedFiles))]
    public void GetEffectiveValues_Xl417_AgreesWithXlCreateDryRunWhereItsJsonShowsTheValue(string file)
    {
        JsonObject json = BindConformanceTests.DryRunRows().Single(r => r["file"]!.GetValue<string>() == file)["config"]!.AsObject();
        ConfigDocument doc = XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file, new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        DomainConfig config = DomainConfig.Bind(doc).Config;
        EffectiveConfig effective = config.GetEffectiveValues(Toolstack.Xl, Xen417);
        JsonObject bInfo = json["b_info"]!.AsObject();
        string type = json["c_info"]!["type"]!.GetValue<string>();
        JsonObject? typeInfo = bInfo["type." + type] as JsonObject;

        // c_info.type: type, else builder, else pv.
        Assert.Equal(type, Libxl(effective["type"].Value));
        Assert.Equal(type, Libxl(new ConfigEnum<GuestType>(effective.GuestType)));

        // Actions: xl always sets all five; libxl's JSON leaves out destroy, its init value.
        foreach (string action in (string[])["on_poweroff", "on_reboot", "on_watchdog", "on_crash", "on_soft_reset"])
        {
            Assert.True((json[action]?.GetValue<string>() ?? "destroy") == Libxl(effective[action].Value), action);
        }

        // Memory and vCPUs (vNUMA sets max_memkb and max_vcpus from its nodes instead).
        if (config.VnumaNodes is null)
        {
            AssertKiB(bInfo["max_memkb"], effective["maxmem"], "maxmem");
            AssertKiB(bInfo["target_memkb"], effective["memory"], "memory");
            if (bInfo["max_vcpus"] is { } maxVcpus)
            {
                Assert.Equal(maxVcpus.GetValue<long>(), effective["maxvcpus"].Value);
            }
        }

        AssertKiB(bInfo["video_memkb"], effective.TryGet("videoram", out EffectiveValue? videoram) ? videoram : null, "videoram");
        if (typeInfo?["vga"]?["kind"] is { } vga)
        {
            Assert.Equal(vga.GetValue<string>(), Libxl(effective["vga"].Value));
        }

        if (typeInfo?["boot"] is { } boot)
        {
            Assert.Equal(boot.GetValue<string>(), effective["boot"].Value);
        }

        if (typeInfo?["e820_host"] is { } e820)
        {
            Assert.Equal(e820.GetValue<string>() == "True", effective["e820_host"].Value);
        }

        if (bInfo["device_model_version"] is { } dm)
        {
            Assert.Equal(dm.GetValue<string>(), Libxl(effective["device_model_version"].Value));
        }

        // A kernel libxl got is the one we say xl uses; one xl dropped (hvmloader) is not in its JSON.
        Assert.Equal(bInfo["kernel"]?.GetValue<string>(), effective.TryGet("kernel", out EffectiveValue? kernel) ? kernel.Value : null);
    }

    private static string? Libxl(object? value) => value switch
    {
        ConfigEnum<GuestType> e => e.LibxlName,
        ConfigEnum<ShutdownAction> e => e.LibxlName,
        ConfigEnum<VgaKind> e => e.LibxlName,
        ConfigEnum<DeviceModelVersion> e => e.LibxlName,
        _ => null,
    };

    // A MiB option against its KiB field when libxl's JSON prints it (it leaves out LIBXL_MEMKB_DEFAULT, that is, unset).
    private static void AssertKiB(JsonNode? kib, EffectiveValue? mib, string what)
    {
        if (kib is not null)
        {
            Assert.NotNull(mib);
            Assert.True(
                kib.GetValue<ulong>() == unchecked((ulong)((long)mib.Value! * 1024)),
                string.Create(CultureInfo.InvariantCulture, $"{what}: xl {kib} KiB, ours {mib}"));
        }
    }
}
