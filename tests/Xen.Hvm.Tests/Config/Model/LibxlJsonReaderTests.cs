using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary><c>DomainConfig.FromLibxlJson</c>: the shapes it accepts, what it reports, and the model it builds.</summary>
public sealed class LibxlJsonReaderTests
{
    private const string Minimal = """
        {"c_info": {"type": "hvm", "name": "w", "uuid": "b8b5d2a6-0f4f-4a0c-8f1e-4c3a33d3f4b1", "run_hotplug_scripts": "True"},
         "b_info": {"max_vcpus": 2, "avail_vcpus": [0, 1], "max_memkb": 1048576, "target_memkb": 1048576, "sched_params": {},
                    "claim_mode": "True", "type.hvm": {"vga": {}, "vnc": {}, "sdl": {}, "spice": {}, "rdm": {}}, "arch_arm": {}, "arch_x86": {}},
         "on_reboot": "restart", "on_soft_reset": "soft_reset"}
        """;

    private static DomainConfig Read(string json)
    {
        ParseResult<DomainConfig> result = DomainConfig.FromLibxlJson(json);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.Value;
    }

    [Fact]
    public void FromLibxlJson_MinimalHvm_GivesItsOptions()
    {
        DomainConfig config = Read(Minimal);

        Assert.Equal(new DomainConfig
        {
            Name = "w",
            Type = GuestType.Hvm,
            Uuid = "b8b5d2a6-0f4f-4a0c-8f1e-4c3a33d3f4b1",
            MemoryMiB = 1024,
            Vcpus = 2,
        }, config);
    }

    [Fact]
    public void FromLibxlJson_XlListWrapperOrOneItemList_ReadsTheConfig()
    {
        DomainConfig bare = Read(Minimal);

        Assert.Equal(bare, Read("{\"domid\": 7, \"config\": " + Minimal + "}"));
        Assert.Equal(bare, Read("[{\"domid\": 7, \"config\": " + Minimal + "}]"));
    }

    [Theory]
    [InlineData("{\"c_info\": ")]
    [InlineData("[]")]
    [InlineData("[{\"c_info\": {}}, {\"c_info\": {}}]")]
    [InlineData("42")]
    [InlineData("{\"domid\": 1}")]
    public void FromLibxlJson_NotOneDomainsJson_IsXH3100(string text)
    {
        ParseResult<DomainConfig> result = DomainConfig.FromLibxlJson(text);

        Assert.False(result.Success);
        Assert.Equal(DiagnosticIds.LibxlJsonInvalid, Assert.Single(result.Diagnostics).Id);
        Assert.Null(result.PartialValue);
    }

    [Fact]
    public void FromLibxlJson_FieldLibxlLacks_IsXH3101()
    {
        var json = JsonNode.Parse(Minimal)!.AsObject();
        json["b_info"]!["type.hvm"]!["vnc"]!["frobnicate"] = 1;
        json["extra_device"] = new JsonArray();

        ParseResult<DomainConfig> result = DomainConfig.FromLibxlJson(json);

        Assert.True(result.Success);
        Assert.Equal([DiagnosticIds.LibxlJsonUnknownMember, DiagnosticIds.LibxlJsonUnknownMember], result.Diagnostics.Select(static d => d.Id));
        Assert.All(result.Diagnostics, static d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(Read(Minimal), result.Value);
    }

    [Theory]
    [InlineData("\"name\": \"w\"", "\"name\": \"w\", \"pool_name\": 5")]
    [InlineData("\"name\": \"w\"", "\"name\": \"w\", \"hap\": true")]
    [InlineData("\"type\": \"hvm\"", "\"type\": \"hvm2\"")]
    [InlineData("\"avail_vcpus\": [0, 1]", "\"avail_vcpus\": [0, -1]")]
    public void FromLibxlJson_ValueOfTheWrongKind_IsXH3102AndIgnored(string member, string replacement)
    {
        ParseResult<DomainConfig> result = DomainConfig.FromLibxlJson(Minimal.Replace(member, replacement, StringComparison.Ordinal));

        Assert.Equal(DiagnosticIds.LibxlJsonUnexpectedValue, Assert.Single(result.Diagnostics).Id);
        Assert.True(result.Success);
    }

    [Fact]
    public void FromLibxlJson_DuplicateMember_IsXH3100()
    {
        ParseResult<DomainConfig> result = DomainConfig.FromLibxlJson("{\"c_info\": {\"name\": \"a\", \"name\": \"b\"}}");

        Assert.Equal(DiagnosticIds.LibxlJsonInvalid, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void FromLibxlJson_ValuesNoConfigGives_AreXH3103()
    {
        var json = JsonNode.Parse(Minimal)!.AsObject();
        json["c_info"]!["domid"] = 7;
        json["b_info"]!["claim_mode"] = "False";
        json["b_info"]!["target_memkb"] = 1000;
        json["b_info"]!["sched_params"]!["sched"] = "credit2";

        ParseResult<DomainConfig> result = DomainConfig.FromLibxlJson(json);

        Assert.True(result.Success);
        Assert.Equal(4, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, static d => Assert.Equal(DiagnosticIds.LibxlJsonNotExpressible, d.Id));
        Assert.Equal(0, result.Value.MemoryMiB);
    }

    [Fact]
    public void FromLibxlJson_XlConfDefaults_AreNotOptionsOfTheFile()
    {
        var options = new LibxlJsonOptions { XlConf = new XlConf { VifBridge = "xenbr0", MaxGrantFrames = 64 } };
        DomainConfig written = LibxlJsonTestSupport.BindXl("name = \"a\"\nkernel = \"/k\"\nvif = [ \"mac=00:16:3e:00:00:01\", \"bridge=br1\" ]\n");
        JsonObject json = written.ToLibxlJson(options);

        DomainConfig read = DomainConfig.FromLibxlJson(json, options).Value;

        Assert.Equal([null, "br1"], read.Vifs!.Select(static v => v.Bridge));
        Assert.Null(read.MaxGrantFrames);
        Assert.Equal("xenbr0", DomainConfig.FromLibxlJson(json).Value.Vifs![0].Bridge);
    }

    [Fact]
    public void FromLibxlJson_ToLibxlJsonOfACanonicalModel_GivesTheModelBack()
    {
        var model = new DomainConfig
        {
            Name = "db",
            Type = GuestType.Hvm,
            Uuid = "b8b5d2a6-0f4f-4a0c-8f1e-4c3a33d3f4b1",
            MemoryMiB = 2048,
            MaxMemoryMiB = 4096,
            Vcpus = 2,
            MaxVcpus = 4,
            CpuAffinity = OneOrList<CpuListSpec>.One(CpuListSpec.Parse("0-3,6").Value),
            Pae = true,
            Acpi = false,
            Hpet = true,
            Viridian = ViridianSetting.FromGroups([new ViridianSpec(null), new ViridianSpec(ViridianGroup.CrashCtl, Disable: true)]),
            OnCrash = ShutdownAction.RenameRestart,
            OnReboot = ShutdownAction.Destroy,
            TscMode = TscMode.Native,
            Vga = VgaKind.Std,
            VideoRamMiB = 16,
            Vnc = true,
            VncListen = "0.0.0.0",
            Serial = OneOrList<string>.List(["pty", "file:/tmp/s"]),
            Boot = "dc",
            Disks = [DiskSpec.Parse("/img/a.qcow2,qcow2,hda,rw").Value, DiskSpec.Parse("/iso/b.iso,raw,hdc,cdrom").Value],
            Vifs = [VifSpec.Parse("mac=00:16:3e:01:02:03,bridge=br0,model=e1000,type=ioemu").Value],
            PciDevices = [PciSpec.Parse("0000:03:00.1@4,msitranslate=1").Value],
            UsbControllers = [new UsbControllerSpec(UsbControllerType.Qusb, 2, 4)],
            Channels = [new ChannelSpec("org.qemu.guest_agent.0", ChannelConnection.Socket, "/run/qga.sock")],
            Cpuid = OneOrList<CpuidSpec>.List([CpuidSpec.Parse("1:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1").Value]),
            VirtualKeyboards = ["backend-type=linux,unique-id=k0,width=800,height=600"],
        };

        ParseResult<DomainConfig> read = DomainConfig.FromLibxlJson(model.ToLibxlJson());

        Assert.Empty(read.Diagnostics);
        Assert.Equal(model, read.Value);
    }

    [Fact]
    public void FromLibxlJson_PvTopLevelVnc_ReadsAsAVfbAndPrintsTheSame()
    {
        DomainConfig written = LibxlJsonTestSupport.BindXl("name = \"f\"\nkernel = \"/k\"\nvnc = 1\nvnclisten = \"0.0.0.0\"\nkeymap = \"de\"\n");
        JsonObject json = written.ToLibxlJson();

        DomainConfig read = Read(json.ToJsonString());

        VfbSpec vfb = Assert.Single(read.Vfbs!);
        Assert.Equal((true, "0.0.0.0", "de"), (vfb.Vnc, vfb.VncListen, vfb.Keymap));
        Assert.Null(read.VirtualKeyboards);
        LibxlJsonTestSupport.AssertSameJson(json, read.ToLibxlJson());
    }

    [Fact]
    public void FromLibxlJson_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DomainConfig.FromLibxlJson((string)null!));
        Assert.Throws<ArgumentNullException>(() => DomainConfig.FromLibxlJson((JsonObject)null!));
    }

    [Fact]
    public void FromLibxlJson_JsonObject_IsNotChanged()
    {
        var json = JsonNode.Parse(Minimal)!.AsObject();
        string before = json.ToJsonString();

        DomainConfig.FromLibxlJson(json);

        Assert.Equal(before, json.ToJsonString());
    }
}
