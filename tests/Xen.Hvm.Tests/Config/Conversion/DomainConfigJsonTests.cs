using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Conversion;

/// <summary>
/// <see cref="DomainConfigJson"/>: the model as JSON and back (an equal model for every corpus config and for
/// generated models), its errors as diagnostics, and its schema: the checked-in <c>docs/domain-config.schema.json</c>
/// is what the contract generates, and every model's JSON is valid against it.
/// </summary>
public sealed class DomainConfigJsonTests
{
    private static string SchemaPath => Path.Combine(Corpus.RepositoryRoot, "docs", "domain-config.schema.json");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<JsonObject> Schema = new(DomainConfigJson.GetSchema);

    /// <summary>Configs that set most options with most value shapes; the generated models draw their values from them.</summary>
    private const string Rich = """
        name = "rich"
        type = "hvm"
        uuid = "c7a5fdb2-cdaf-9455-926a-d65c16db1809"
        memory = 1024
        maxmem = 2048
        vcpus = 2
        maxvcpus = 4
        cpus = [ "0-3,^1", "node:0" ]
        cpus_soft = "all"
        cpuid = [ "0x80000008:eax=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "1:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1" ]
        viridian = [ "defaults", "!time_ref_count" ]
        gfx_passthru = "igd"
        tsc_mode = "native"
        timer_mode = 1
        on_crash = "coredump-restart"
        on_reboot = "rename-restart"
        disk = [ "format=qcow2, vdev=xvda, access=rw, target=/img.qcow2", "/dev/vg/x,raw,hda,ro", ",,hdc,cdrom", "vdev=xvdb, discard, backend=dom1, script=block-iscsi, target=iqn" ]
        vif = [ "mac=00:16:3e:00:00:01, bridge=xenbr0, rate=10Mb/s@20ms, vlan=10.20n2, model=e1000", "type=vif, mtu=9000, foo=bar" ]
        pci = [ "0000:01:00.0@8,msitranslate=1,permissive=1", "02:00.*" ]
        vfb = [ "vnc=1, vnclisten=0.0.0.0, vncdisplay=3, keymap=de" ]
        channel = [ "name=org.qemu.guest_agent.0, connection=socket, path=/run/ga.sock" ]
        vtpm = [ "backend=vtpm-dom, uuid=b2d7c47b-3d4b-4d43-9d45-2a3f4ad7a0e5" ]
        p9 = [ "tag=share, security_model=none, path=/srv/share" ]
        usbctrl = [ "type=qusb, version=2, ports=4" ]
        usbdev = [ "hostbus=1, hostaddr=3, controller=0, port=1" ]
        usbdevice = [ "tablet", "host:1.3" ]
        ioports = [ "2f8-2ff", "3f8" ]
        iomem = [ "fe000,1@80000" ]
        irqs = [ 3, 4 ]
        smbios = [ "bios_vendor=Xen", "oem=x" ]
        vnuma = [ [ "pnode=0", "size=512", "vcpus=0-1", "vdistances=10,20" ], [ "pnode=0", "size=512", "vcpus=2-3", "vdistances=20,10" ] ]
        serial = [ "pty", "file:/tmp/s" ]
        device_model_args = [ "-d", "1" ]
        my_own_key = [ "a", [ "b" ], 3 ]
        """;

    private const string RichXm = """
        import os
        name = 'rich-xm'
        builder = 'hvm'
        memory = 512
        ratio = 1.5
        cpu_cap = 50
        irq = [ 5 ]
        disk = [ 'phy:sda7,ioemu:hda,w!', 'file:/x,xvdb,r,1,x86_32-abi' ]
        vif = [ 'bridge=xenbr1, accel=x, policy=p, label=l' ]
        on_xend_start = 'start'
        arch = os.uname()[4]
        """;

    private static DomainConfig Bind(string text, Toolstack toolstack, ConfigDialect dialect = ConfigDialect.Auto) =>
        DomainConfig.Bind(XenConfig.Parse(text, "rich.cfg", new XenConfigParseOptions { Dialect = dialect }), new BindOptions { Toolstack = toolstack }).Config;

    private static void AssertRoundTrips(DomainConfig config, string what, bool checkSchema = true)
    {
        string json = DomainConfigJson.Serialize(config);
        ParseResult<DomainConfig> back = DomainConfigJson.Parse(json);
        Assert.True(back.Success, $"{what}: {back.FirstError}\n{json}");
        Assert.True(config.Equals(back.Value), $"{what}: " + string.Join(", ", OptionCatalog.All.Where(o => !Equals(o.GetValue(config), o.GetValue(back.Value))).Select(static o => o.Name)) + "\n" + json);
        if (checkSchema)
        {
            JsonSchemaCheck.AssertValid(Schema.Value, JsonNode.Parse(json), what);
        }
    }

    [Fact]
    public void Serialize_WindowsXpSample_OptionNamesXlSpellingsAndDeviceObjects()
    {
        DomainConfig config = DomainConfig.Bind(XenConfig.Load(Path.Combine(Corpus.RepositoryRoot, "samples", "configs", "winxp-hvm.cfg"))).Config;

        JsonObject json = JsonNode.Parse(DomainConfigJson.Serialize(config))!.AsObject();

        Assert.Equal("name", json.First().Key);
        Assert.Equal("other_settings", json.Last().Key);
        Assert.Equal(("winxp", "hvm", 512L, "destroy", true), (json["name"]!.GetValue<string>(), json["type"]!.GetValue<string>(), json["memory"]!.GetValue<long>(), json["on_crash"]!.GetValue<string>(), json["localtime"]!.GetValue<bool>()));
        JsonObject disk = json["disk"]![0]!.AsObject();
        Assert.Equal(("/var/lib/xen/images/winxp.img", "raw", "hda", "read_write"), (disk["target"]!.GetValue<string>(), disk["format"]!.GetValue<string>(), disk["vdev"]!.GetValue<string>(), disk["access"]!.GetValue<string>()));
        Assert.Null(json["kernel"]);
        Assert.DoesNotContain("  ", DomainConfigJson.Serialize(config, indented: false), StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Müller's <guest>\"", DomainConfigJson.Serialize(config with { Name = "Müller's <guest>" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RichConfigsUnderEitherToolstack_GiveBackAnEqualModel()
    {
        AssertRoundTrips(Bind(Rich, Toolstack.Xl), "xl");
        AssertRoundTrips(Bind(Rich, Toolstack.Xm), "xl file under xm");
        AssertRoundTrips(Bind(RichXm, Toolstack.Xm, ConfigDialect.Xm), "xm");
        AssertRoundTrips(new DomainConfig(), "empty");
    }

    public static TheoryData<string> CorpusFiles() => Model.BindConformanceTests.AllFiles();

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Parse_EveryCorpusConfigsModel_GivesBackAnEqualModelValidAgainstTheSchema(string file)
    {
        ConfigDocument doc = XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file);

        AssertRoundTrips(DomainConfig.Bind(doc).Config, file + " under xl");
        if (doc.Dialect == ConfigDialect.Xm)
        {
            AssertRoundTrips(DomainConfig.Bind(doc, new BindOptions { Toolstack = Toolstack.Xm }).Config, file + " under xm", checkSchema: false);
        }
    }

    /// <summary>Models made of values the rich configs bind, a random subset of options each, with random scalars.</summary>
    private static Gen<DomainConfig> Models()
    {
        DomainConfig[] sources = [Bind(Rich, Toolstack.Xl), Bind(Rich, Toolstack.Xm), Bind(RichXm, Toolstack.Xm, ConfigDialect.Xm)];
        Gen<string> text = ArbMap.Default.ArbFor<NonNull<string>>().Generator.Select(static s => s.Get);
        Gen<long> number = ArbMap.Default.ArbFor<long>().Generator;
        Gen<object?> ValueOf(OptionDefinition option)
        {
            object[] seen = [.. sources.Select(option.GetValue).Where(static v => v is not null).Select(static v => v!)];
            Gen<object?>? scalar = seen.FirstOrDefault() switch
            {
                string => text.Select(static s => (object?)s),
                long => number.Select(static n => (object?)n),
                bool => Gen.Elements<object?>(true, false),
                _ => null,
            };
            return seen.Length == 0 ? Gen.Constant<object?>(null) : scalar is null ? Gen.Elements<object?>(seen) : Gen.OneOf(Gen.Elements<object?>(seen), scalar);
        }

        Gen<ConfigValue> raw = Gen.OneOf(
            text.Select(static s => (ConfigValue)new ConfigString(s)),
            number.Select(static n => (ConfigValue)new ConfigInteger(n)),
            ArbMap.Default.ArbFor<NormalFloat>().Generator.Select(static f => (ConfigValue)new ConfigFloat(f.Get)));
        Gen<ConfigValue> rawList = raw.ArrayOf().Select(static items => (ConfigValue)new ConfigList(items));
        Gen<ConfigSetting> other = Gen.Zip(Gen.Elements("a", "b.c", "x_1"), Gen.OneOf(raw, rawList)).Select(static p => new ConfigSetting(p.Item1, p.Item2));

        return Gen.Zip(Gen.SubListOf(OptionCatalog.All.AsEnumerable()), other.ArrayOf()).SelectMany(p =>
        {
            OptionDefinition[] chosen = [.. p.Item1];
            ConfigSetting[] others = p.Item2;
            return Gen.CollectToArray(chosen, ValueOf).Select(values =>
            {
                var config = new DomainConfig { OtherSettings = [.. others] };
                for (int i = 0; i < chosen.Length; i++)
                {
                    config = values[i] is { } v ? chosen[i].WithValue(config, v) : config;
                }

                return config;
            });
        });
    }

    [Fact]
    public void Parse_AnyGeneratedModel_GivesBackAnEqualModel()
    {
        Prop.ForAll(Models().ToArbitrary(), config => AssertRoundTrips(config, "generated")).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Theory]
    [InlineData("{ \"name\": ", DiagnosticIds.ModelJsonSyntax, 1)]
    [InlineData("{ \"name\": \"g\" } x", DiagnosticIds.ModelJsonSyntax, 1)]
    [InlineData("{\n  \"memory\": \"512\"\n}", DiagnosticIds.ModelJsonMismatch, 2)]
    [InlineData("{\n  \"memroy\": 512\n}", DiagnosticIds.ModelJsonMismatch, 2)]
    [InlineData("{ \"disk\": [ { \"access\": \"sometimes\" } ] }", DiagnosticIds.ModelJsonMismatch, 1)]
    [InlineData("{ \"disk\": [ null ] }", DiagnosticIds.ModelJsonMismatch, 1)]
    [InlineData("[ 1 ]", DiagnosticIds.ModelJsonMismatch, 1)]
    [InlineData("null", DiagnosticIds.ModelJsonMismatch, 1)]
    public void Parse_JsonThatIsNotAModel_IsOneErrorDiagnosticAtItsLine(string json, string id, int line)
    {
        ParseResult<DomainConfig> result = DomainConfigJson.Parse(json, "guest.json");

        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.False(result.Success);
        Assert.Equal((id, DiagnosticSeverity.Error, "guest.json", line), (error.Id, error.Severity, error.Location.Path, error.Location.Line));
        Assert.InRange(error.Span.End, 0, json.Length);
    }

    [Fact]
    public void Parse_WrongTypeOfAnOption_NamesItsPath()
    {
        Diagnostic error = Assert.Single(DomainConfigJson.Parse("{ \"vcpus\": 2, \"memory\": [ 1 ] }").Diagnostics);

        Assert.Equal("$.memory", error.Arguments[0]);
    }

    [Fact]
    public void SerializeAndParse_Null_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => DomainConfigJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => DomainConfigJson.Parse(null!));
    }

    [Fact]
    public void Options_WithJsonSerializer_WriteTheSameJson()
    {
        DomainConfig config = Bind(Rich, Toolstack.Xl);

        string viaOptions = JsonSerializer.Serialize(config, DomainConfigJson.Options);

        Assert.Equal(DomainConfigJson.Serialize(config, indented: false), viaOptions);
        Assert.True(DomainConfigJson.Options.IsReadOnly);
    }

    [Fact]
    public void SchemaFile_CheckedIn_IsWhatTheContractGenerates()
    {
        string expected = DomainConfigJson.GetSchema().ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        string actual = File.Exists(SchemaPath) ? File.ReadAllText(SchemaPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual != expected && Environment.GetEnvironmentVariable("XEN_HVM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(SchemaPath, expected);
        }

        Assert.True(actual == expected, "docs/domain-config.schema.json is not what the contract generates: run XEN_HVM_UPDATE_DOCS=1 dotnet test tests/Xen.Hvm.Tests --filter DomainConfigJsonTests, then commit it.");
    }

    [Fact]
    public void GetSchema_EveryOption_IsAPropertyWithItsSummary()
    {
        JsonObject properties = DomainConfigJson.GetSchema()["properties"]!.AsObject();

        Assert.All(OptionCatalog.All, o => Assert.StartsWith(o.Summary, properties[o.Name]?["description"]?.GetValue<string>() ?? "(missing " + o.Name + ")", StringComparison.Ordinal));
        Assert.Equal(OptionCatalog.All.Count + 1, properties.Count);
        Assert.False(JsonSchemaCheck.IsValid(DomainConfigJson.GetSchema(), JsonNode.Parse("{ \"memory\": \"lots\" }")));
        Assert.False(JsonSchemaCheck.IsValid(DomainConfigJson.GetSchema(), JsonNode.Parse("{ \"memroy\": 512 }")));
        Assert.False(JsonSchemaCheck.IsValid(DomainConfigJson.GetSchema(), JsonNode.Parse("{ \"disk\": [ { \"access\": \"sometimes\" } ] }")));
    }
}
