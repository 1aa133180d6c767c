using System.Text.Json.Nodes;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// What <c>ToLibxlJson</c> takes from outside the config: the host's CPUs and NUMA nodes (checked against the real xl
/// on the xl-dryrun shim's fake hosts), the uuid xl makes up, and xl.conf. The xl.conf expectations were checked with
/// the real xl run under a private xl.conf (a bind mount in a mount namespace of its own).
/// </summary>
public sealed class LibxlJsonOptionsTests
{
    public static TheoryData<int, int, string> HostCases() => new()
    {
        { 4, 2, "name = \"a\"\nkernel = \"/k\"\nvcpus = 2\ncpus = \"nodes:1\"\n" },
        { 12, 3, "name = \"a\"\nkernel = \"/k\"\nvcpus = 2\ncpus = \"all\"\ncpus_soft = \"nodes:1-2\"\n" },
        { 12, 3, "name = \"a\"\ntype = \"hvm\"\nvcpus = 3\ncpus = [ \"node:0\", \"^0,node:1\", \"all,^11\" ]\n" },
        { 16, 2, "name = \"a\"\ntype = \"pvh\"\nkernel = \"/k\"\nvcpus = 2\ncpus = \"nodes:0-1\"\n" },
        { 4, 2, "name = \"n\"\ntype = \"hvm\"\nvnuma = [ [ \"pnode=1\", \"size=512\", \"vcpus=0-1\", \"vdistances=10,20\" ], [ \"pnode=0\", \"size=256\", \"vcpus=2\", \"vdistances=20,10\" ] ]\n" },
        { 6, 1, "name = \"a\"\nkernel = \"/k\"\nvcpus = 4\ncpus = \"0-9\"\n" },
        { 1, 1, "name = \"a\"\nkernel = \"/k\"\nvcpus = 2\ncpus = \"all\"\n" },
    };

    [XlTheory]
    [MemberData(nameof(HostCases))]
    public void ToLibxlJsonText_OtherHost_IsWhatXlPrintsOnIt(int cpus, int nodes, string text)
    {
        using var temp = new TempDirectory();
        string path = temp.File("guest.cfg");
        File.WriteAllText(path, text);
        var (rc, stdout, stderr) = LibxlXl.Run(path, cpus, nodes);
        Assert.True(rc == 0, stderr);
        BindResult bound = BindTestSupport.BindXl(text, new BindOptions { HostCpus = cpus, HostNodes = nodes });
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));

        string ours = bound.Config.ToLibxlJsonText(new LibxlJsonOptions { HostCpuCount = cpus, HostNodeCount = nodes });

        LibxlJsonTestSupport.AssertSameJson(JsonNode.Parse(stdout), JsonNode.Parse(ours));
        Assert.Equal(stdout, ours);
    }

    [Fact]
    public void ToLibxlJson_CpusAllOnTwelveCpus_SetsEveryBitOfTwoBytes()
    {
        DomainConfig config = LibxlJsonTestSupport.BindXl("name = \"a\"\nkernel = \"/k\"\nvcpus = 1\ncpus = \"all\"\n");

        JsonObject json = config.ToLibxlJson(new LibxlJsonOptions { HostCpuCount = 12 });

        Assert.Equal(Enumerable.Range(0, 16), json["b_info"]!["vcpu_hard_affinity"]![0]!.AsArray().Select(static b => b!.GetValue<int>()));
    }

    [Fact]
    public void ToLibxlJson_NoUuid_PrintsTheGeneratedOne()
    {
        var uuid = new Guid("12345678-9abc-4def-8012-3456789abcde");
        DomainConfig config = LibxlJsonTestSupport.BindXl("name = \"a\"\nkernel = \"/k\"\n");

        Assert.Equal("00000000-0000-4000-8000-000000000000", config.ToLibxlJson()["c_info"]!["uuid"]!.GetValue<string>());
        Assert.Equal(uuid.ToString(), config.ToLibxlJson(new LibxlJsonOptions { GeneratedUuid = uuid })["c_info"]!["uuid"]!.GetValue<string>());
        Assert.Equal("b8b5d2a6-0f4f-4a0c-8f1e-4c3a33d3f4b1", (config with { Uuid = "B8B5D2A6-0F4F-4A0C-8F1E-4C3A33D3F4B1" })
            .ToLibxlJson(new LibxlJsonOptions { GeneratedUuid = uuid })["c_info"]!["uuid"]!.GetValue<string>());
    }

    [Fact]
    public void ToLibxlJson_MsVmGenidGenerate_PrintsTheGivenIdOrNothing()
    {
        DomainConfig config = LibxlJsonTestSupport.BindXl("name = \"a\"\ntype = \"hvm\"\nms_vm_genid = \"generate\"\n");
        var id = new Guid("00112233-4455-6677-8899-aabbccddeeff");

        JsonObject with = config.ToLibxlJson(new LibxlJsonOptions { GeneratedVmGenerationId = id });

        Assert.False(config.ToLibxlJson()["b_info"]!["type.hvm"]!.AsObject().ContainsKey("ms_vm_genid"));
        Assert.Equal(id.ToByteArray().Select(static b => (int)b), with["b_info"]!["type.hvm"]!["ms_vm_genid"]!.AsArray().Select(static b => b!.GetValue<int>()));
    }

    [Fact]
    public void ToLibxlJson_XlConfWithDefaults_FillsWhatXlTakesFromIt()
    {
        XlConf conf = XlConf.Parse("""
            blkdev_start="xvda"
            run_hotplug_scripts=0
            vif.default.backend="0"
            vif.default.gatewaydev="eth0"
            vif.default.script="vif-bridge"
            vif.default.bridge="xenbr0"
            claim_mode=0
            vm.cpumask="0-7"
            vm.pv.cpumask="0-3"
            vm.hvm.cpumask="3-7"
            max_grant_frames=64
            """).Value;
        DomainConfig config = LibxlJsonTestSupport.BindXl("name=\"a\"\nkernel=\"/k\"\nvcpus=2\nvif=[\"mac=00:16:3e:00:00:01\", \"bridge=br9,script=s\"]\n");

        JsonObject json = config.ToLibxlJson(new LibxlJsonOptions { XlConf = conf });

        // The real xl with that xl.conf prints exactly this.
        LibxlJsonTestSupport.AssertSameJson(JsonNode.Parse("""
            {"c_info": {"type": "pv", "name": "a", "uuid": "00000000-0000-4000-8000-000000000000", "run_hotplug_scripts": "False"},
             "b_info": {"max_vcpus": 2, "avail_vcpus": [0, 1], "vcpu_hard_affinity": [[0, 1, 2, 3], [0, 1, 2, 3]],
                        "blkdev_start": "xvda", "max_grant_frames": 64, "sched_params": {}, "claim_mode": "False", "kernel": "/k",
                        "type.pv": {}, "arch_arm": {}, "arch_x86": {}},
             "nics": [{"backend_domname": "0", "devid": 0, "mac": "00:16:3e:00:00:01", "bridge": "xenbr0", "script": "vif-bridge", "gatewaydev": "eth0"},
                      {"backend_domname": "0", "devid": 1, "bridge": "br9", "script": "s", "gatewaydev": "eth0"}],
             "on_reboot": "restart", "on_soft_reset": "soft_reset"}
            """), json);
    }

    [Fact]
    public void ToLibxlJson_XlConfHvmMaskAndConfigGrantLimit_AndsTheMaskAndKeepsTheConfigValue()
    {
        XlConf conf = XlConf.Parse("vifscript=\"old\"\ndefaultbridge=\"oldbr\"\nmax_maptrack_frames=\"1024\"\nmax_grant_version=1\nvm.hvm.cpumask=\"2,4\"\n").Value;
        DomainConfig config = LibxlJsonTestSupport.BindXl("name=\"h\"\ntype=\"hvm\"\nvcpus=3\ncpus=\"0-5\"\nmax_grant_frames=8\n");

        JsonObject bInfo = config.ToLibxlJson(new LibxlJsonOptions { XlConf = conf })["b_info"]!.AsObject();

        Assert.Equal("[[2,4],[2,4],[2,4]]", bInfo["vcpu_hard_affinity"]!.ToJsonString());
        Assert.Equal(8, bInfo["max_grant_frames"]!.GetValue<long>());
        Assert.Equal(1024, bInfo["max_maptrack_frames"]!.GetValue<long>());
        Assert.Equal(1, bInfo["max_grant_version"]!.GetValue<long>());
    }

    [Fact]
    public void ToLibxlJson_XlConfMaskLeavingNoCpu_IsRefusedOnce()
    {
        XlConf conf = XlConf.Parse("vm.cpumask=\"junk\"\n").PartialValue!;
        DomainConfig config = LibxlJsonTestSupport.BindXl("name=\"h\"\ntype=\"hvm\"\nvcpus=3\n");

        config.ToLibxlJson(new LibxlJsonOptions { XlConf = conf }, out var diagnostics);

        Assert.Equal([DiagnosticIds.LibxlValueRefused], diagnostics.Select(static d => d.Id));
    }

    [Fact]
    public void FromHost_XlInfo_TakesCpusAndNodes()
    {
        HostInfo host = HostInfo.Parse("nr_cpus                : 6\nmax_cpu_id             : 11\nnr_nodes               : 2\n").Value;

        LibxlJsonOptions options = LibxlJsonOptions.FromHost(host);

        Assert.Equal(12, options.HostCpuCount);
        Assert.Equal(2, options.HostNodeCount);
        Assert.Same(XlConf.Default, options.XlConf);
    }

    [Fact]
    public void HostCpuCount_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LibxlJsonOptions { HostCpuCount = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LibxlJsonOptions { HostNodeCount = 1025 });
        Assert.Throws<ArgumentNullException>(() => LibxlJsonOptions.FromHost(null!));
    }
}
