using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Model.Internal.Binding;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// A bind finds a setting by key through the option table its values keep (<c>KeyOptions</c>, kept in
/// <c>ConfigValueCollection.BindingTable</c> on the first bind): on every corpus file, in both dialects, the setting found for every key the file sets and
/// for every option of the catalogue is the one a plain search of the values gives, and a second bind of the same
/// document, reading the kept table, gives the first bind's model and diagnostics.
/// </summary>
public sealed class SettingSourceSetTests
{
    private const string Fixture = "name = \"a\"\nmemory = 512\nmemory = 1024\nmy_own_key = \"x\"\nvcpus = 2\n";

    [CorpusTheory]
    [MemberData(nameof(BindConformanceTests.AllFiles), MemberType = typeof(BindConformanceTests))]
    public void Find_EveryKeyAndEveryOption_IsTheSettingAPlainSearchFinds(string file)
    {
        byte[] bytes = File.ReadAllBytes(Corpus.PathOf(file));
        foreach (ConfigDialect dialect in (ConfigDialect[])[ConfigDialect.Xl, ConfigDialect.Xm])
        {
            ConfigDocument doc = XenConfig.Parse(bytes, file, new XenConfigParseOptions { Dialect = dialect });
            (ConfigValueCollection values, IReadOnlyList<string> unknown, SettingSourceSet sources) = Read(doc);
            AssertFindsAsAPlainSearch(values, unknown, sources);
        }
    }

    [Fact]
    public void Find_KeyOfAnOptionSetTwiceOrNotAtAllOrNoOption_IsTheLastValueOrNothing()
    {
        ConfigDocument doc = XenConfig.Parse(Fixture, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        SettingSourceSet sources = SettingSources.ReadXl(doc);

        Assert.Equal("1024", Assert.IsType<ConfigString>(sources.Find("memory")!.Value.Value).Value); // libxlu hands numbers over as text
        Assert.Equal(OptionCatalog.Get("memory"), sources.Find("memory")!.Value.Option);
        Assert.Null(sources.Find("maxmem"));
        Assert.Equal("x", Assert.IsType<ConfigString>(sources.Find("my_own_key")!.Value.Value).Value);
        Assert.Null(sources.Find("my_other_key"));
        Assert.Equal(3, sources.OptionCount);
    }

    [Fact]
    public void Find_XmVariableOfUnknownValue_IsFoundWithoutAValue()
    {
        // 'memory' is computed from a host value the evaluation does not know; 'vcpus' is plain.
        ConfigDocument doc = XenConfig.Parse("import os\nmemory = int(os.environ['MEM'])\nvcpus = 2\n", "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        (ConfigValueCollection values, IReadOnlyList<string> unknown, SettingSourceSet sources) = Read(doc);

        Assert.Contains("memory", unknown);
        Assert.Null(sources.Find("memory")!.Value.Value);
        Assert.Equal(OptionCatalog.Get("memory"), sources.Find("memory")!.Value.Option);
        Assert.Equal(2, Assert.IsType<ConfigInteger>(sources.Find("vcpus")!.Value.Value).Value);
        AssertFindsAsAPlainSearch(values, unknown, sources);
    }

    [CorpusTheory]
    [MemberData(nameof(BindConformanceTests.AllFiles), MemberType = typeof(BindConformanceTests))]
    public void Bind_SameDocumentTwice_GivesTheSameModelAndDiagnostics(string file)
    {
        ConfigDocument doc = XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file);
        BindResult first = DomainConfig.Bind(doc);
        BindResult second = DomainConfig.Bind(doc);
        BindResult fresh = DomainConfig.Bind(XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file));

        Assert.Equal(first.Config, second.Config);
        Assert.Equal(fresh.Config, second.Config);
        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(Ids(fresh), Ids(second));
    }

    private static (ConfigValueCollection Values, IReadOnlyList<string> Unknown, SettingSourceSet Sources) Read(ConfigDocument doc)
    {
        if (doc.Dialect == ConfigDialect.Xl)
        {
            return (doc.Values, [], SettingSources.ReadXl(doc));
        }

        XmEvaluationResult evaluation = doc.Evaluate(BindOptions.Default.XmContext);
        return (evaluation.Variables, evaluation.UnknownVariables, SettingSources.ReadXm(doc, evaluation));
    }

    private static void AssertFindsAsAPlainSearch(ConfigValueCollection values, IReadOnlyList<string> unknown, SettingSourceSet sources)
    {
        IEnumerable<string> names = values.Select(static p => p.Key).Concat(unknown).Concat(OptionCatalog.All.Select(static o => o.Name)).Append("no_such_key");
        foreach (string name in names)
        {
            SettingSource? found = sources.Find(name);
            bool isUnknown = unknown.Contains(name);
            bool isValue = values.TryGetValue(name, out ConfigValue? value);
            if (!isUnknown && !isValue)
            {
                Assert.Null(found);
                continue;
            }

            Assert.NotNull(found);
            Assert.Equal(name, found.Value.Name);
            Assert.Same(isUnknown ? null : value, found.Value.Value);
            Assert.Same(OptionCatalog.TryGet(name, out OptionDefinition? option) ? option : null, found.Value.Option);
        }
    }

    private static (string Id, int Start, int Length)[] Ids(BindResult result) =>
        [.. result.Diagnostics.Select(static d => (d.Id, d.Span.Start, d.Span.Length))];
}
