using System.Text;
using System.Text.Json.Nodes;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// <c>ToLibxlJson</c> on xl's quirks (each expectation is what the real xl 4.17 printed for that config), the values xl
/// refuses (XH3110, XH3111), and the yajl text.
/// </summary>
public sealed class LibxlJsonWriterTests
{
    private static JsonNode? At(JsonObject json, string path)
    {
        JsonNode? node = json;
        foreach (string key in path.Split('/'))
        {
            node = int.TryParse(key, out int i) ? node![i] : node![key];
        }

        return node;
    }

    public static TheoryData<string, string, string> Quirks() => new()
    {
        // kernel = hvmloader is dropped for HVM; root and extra make the command line.
        { "type = \"hvm\"\nkernel = \"/usr/lib/xen/boot/hvmloader\"\nroot = \"/dev/xvda1\"\nextra = \"quiet\"\n", "b_info/cmdline", "\"root=/dev/xvda1 quiet\"" },
        // memory without maxmem: both; vcpus without maxvcpus: both.
        { "kernel = \"/k\"\nmemory = 512\nvcpus = 2\n", "b_info/max_memkb", "524288" },
        { "kernel = \"/k\"\nmemory = 512\nvcpus = 2\n", "b_info/max_vcpus", "2" },
        // "destroy" is libxl's default and never prints, so on_reboot = destroy removes the member.
        { "kernel = \"/k\"\non_reboot = \"destroy\"\non_crash = \"rename-restart\"\n", "on_crash", "\"restart_rename\"" },
        // A negative rtc_timeoffset wraps into the unsigned field.
        { "type = \"hvm\"\nrtc_timeoffset = \"-3600\"\n", "b_info/rtc_timeoffset", "4294963696" },
        // viridian groups are enum bits; "all" sets 64.
        { "type = \"hvm\"\nviridian = [ \"defaults\", \"hcall_remote_tlb_flush\", \"!crash_ctl\", \"stimer\" ]\n", "b_info/type.hvm/viridian_enable", "[4,8]" },
        { "type = \"hvm\"\nviridian = [ \"all\" ]\n", "b_info/type.hvm/viridian_enable/63", "63" },
        // The deprecated altp2mhvm writes the old defbool in the HVM member.
        { "type = \"hvm\"\naltp2mhvm = 1\n", "b_info/type.hvm/altp2m", "\"True\"" },
        // rdm = "strategy=host" leaves the policy unset (null), and every pci device copies it.
        { "type = \"hvm\"\nrdm = \"strategy=host\"\npci = [ \"01:00.0\" ]\n", "pcidevs/0/rdm_policy", "null" },
        // On PV, pci devices read the policy through the union (strict) and force e820_host.
        { "kernel = \"/k\"\ne820_host = 0\npci = [ \"01:00.0\" ]\n", "b_info/type.pv/e820_host", "\"True\"" },
        { "kernel = \"/k\"\npci = [ \"01:00.0\" ]\n", "pcidevs/0/rdm_policy", "\"strict\"" },
        // A wildcard function is every function.
        { "type = \"hvm\"\npci = [ \"04:00.*\" ]\n", "pcidevs/0/vfunc_mask", "4294967295" },
        // Every vfb adds a vkb; vkb items are numbered after them.
        { "kernel = \"/k\"\nvfb = [ \"vnc=1\", \"sdl=1\" ]\nvkb = [ \"backend-type=linux\" ]\n", "vkbs/2", "{\"devid\":2,\"backend_type\":\"linux\"}" },
        // An empty CD-ROM drive has an empty path and the empty format.
        { "type = \"hvm\"\ndisk = [ \",,hdc,cdrom\" ]\n", "disks/0", "{\"pdev_path\":\"\",\"vdev\":\"hdc\",\"format\":\"empty\",\"removable\":1,\"is_cdrom\":1}" },
        // A vif's devid is its index; rates become bytes per interval.
        { "kernel = \"/k\"\nvif = [ \"\", \"rate=10Mb/s@20ms\" ]\n", "nics/1", "{\"devid\":1,\"rate_bytes_per_interval\":25000,\"rate_interval_usecs\":20000}" },
        // A p9 share keeps devid -1, which never prints.
        { "kernel = \"/k\"\np9 = [ \"tag=s,security_model=none,path=/srv\" ]\n", "p9s/0", "{\"tag\":\"s\",\"path\":\"/srv\",\"security_model\":\"none\"}" },
        // cpuid's string form sets bits by name; an unnamed leaf of the list form keeps its registers.
        { "kernel = \"/k\"\ncpuid = \"host,tm=0,sse3=1\"\n", "b_info/cpuid/cpuid/0", "{\"leaf\":1,\"ecx\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1\",\"edx\":\"xx0xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}" },
        { "kernel = \"/k\"\ncpuid = \"host,family=20,model=0x2a,stepping=3\"\n", "b_info/cpuid/cpuid/0/eax", "\"xxxx000001010010xxxx111110100011\"" },
        // firmware = "pvgrub64" on PV is the packaged grub.
        { "firmware = \"pvgrub64\"\n", "b_info/kernel", "\"/usr/lib/xen-4.17/boot/pvgrub64.bin\"" },
        // vnuma sets max_vcpus and max_memkb, and pnode turns NUMA placement off.
        { "type = \"hvm\"\nvnuma = [ [ \"pnode=0\", \"size=512\", \"vcpus=0-1\" ] ]\n", "b_info/numa_placement", "\"False\"" },
    };

    [Theory]
    [MemberData(nameof(Quirks))]
    public void ToLibxlJson_XlQuirk_PrintsWhatXlPrints(string text, string path, string expected)
    {
        JsonObject json = LibxlJsonTestSupport.BindXl("name = \"q\"\n" + text).ToLibxlJson(null, out var refused);

        Assert.Empty(refused);
        LibxlJsonTestSupport.AssertSameJson(JsonNode.Parse(expected), At(json, path)?.DeepClone(), path);
    }

    [Fact]
    public void ToLibxlJson_NoNameOrPvWithoutKernel_IsXH3111()
    {
        new DomainConfig { Kernel = "/k" }.ToLibxlJson(null, out var noName);
        new DomainConfig { Name = "a" }.ToLibxlJson(null, out var noKernel);

        Assert.Equal(DiagnosticIds.LibxlRequiredOptionMissing, Assert.Single(noName).Id);
        Assert.Equal(DiagnosticIds.LibxlRequiredOptionMissing, Assert.Single(noKernel).Id);
        Assert.All(noName.Concat(noKernel), static d => Assert.True(d.IsError));
    }

    [Fact]
    public void ToLibxlJson_ValuesXlRefuses_AreXH3110AndLeftOut()
    {
        var config = new DomainConfig
        {
            Name = "a",
            Type = GuestType.Hvm,
            Vcpus = 4,
            MaxVcpus = 2,
            OnCrash = ConfigEnum<ShutdownAction>.Unrecognised("explode"),
            Uuid = "not-a-uuid",
            Vga = ConfigEnum<VgaKind>.Unrecognised("vesa"),
        };

        JsonObject json = config.ToLibxlJson(null, out var refused);

        Assert.Equal(4, refused.Count);
        Assert.All(refused, static d => Assert.Equal(DiagnosticIds.LibxlValueRefused, d.Id));
        Assert.False(json.ContainsKey("on_crash"));
        Assert.False(json["c_info"]!.AsObject().ContainsKey("uuid"));
        Assert.False(json["b_info"]!["type.hvm"]!["vga"]!.AsObject().ContainsKey("kind"));
    }

    [Fact]
    public void ToLibxlJson_EmptyModel_IsAPvGuestXlWouldRefuse()
    {
        JsonObject json = new DomainConfig().ToLibxlJson();

        Assert.Equal("""{"c_info":{"type":"pv","uuid":"00000000-0000-4000-8000-000000000000","run_hotplug_scripts":"True"},"b_info":{"sched_params":{},"claim_mode":"True","type.pv":{},"arch_arm":{},"arch_x86":{}},"on_reboot":"restart","on_soft_reset":"soft_reset"}""", json.ToJsonString());
    }

    [Fact]
    public void ToLibxlJsonText_Minimal_IsYajlsBeautifiedText()
    {
        string text = new DomainConfig { Name = "pv1", Kernel = "/boot/vmlinuz" }.ToLibxlJsonText();

        Assert.Equal("""
            {
                "c_info": {
                    "type": "pv",
                    "name": "pv1",
                    "uuid": "00000000-0000-4000-8000-000000000000",
                    "run_hotplug_scripts": "True"
                },
                "b_info": {
                    "sched_params": {

                    },
                    "claim_mode": "True",
                    "kernel": "/boot/vmlinuz",
                    "type.pv": {

                    },
                    "arch_arm": {

                    },
                    "arch_x86": {

                    }
                },
                "on_reboot": "restart",
                "on_soft_reset": "soft_reset"
            }

            """, text);
    }

    [Fact]
    public void ToLibxlJsonText_StringEscapes_AreYajls()
    {
        string text = new DomainConfig { Name = "q\"uote\\back\tslash/x", Kernel = "/k", Cmdline = "a\bb\fc\rd\ne \u00e9 \u0001 \u007f \u000b" }.ToLibxlJsonText();

        Assert.Contains("\"name\": \"q\\\"uote\\\\back\\tslash/x\",", text, StringComparison.Ordinal);
        Assert.Contains("\"cmdline\": \"a\\bb\\fc\\rd\\ne \u00e9 \\u0001 \u007f \\u000B\",", text, StringComparison.Ordinal);
    }

    [XlFact]
    public void ToLibxlJsonText_StringEscapes_AreWhatXlPrints()
    {
        using var temp = new TempDirectory();
        string path = temp.File("escapes.cfg");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("name = \"q\\\"uote\\\\back\\tslash/x\"\nkernel = \"/k\"\ncmdline = \"a\\bb\\fc\\rd\\ne \u00e9 \u0001 \u007f\"\nbootloader_args = [ \"\u000b\", \"tab\\there\" ]\n"));
        var (rc, stdout, stderr) = LibxlXl.Run(path);
        Assert.True(rc == 0, stderr);

        string ours = LibxlJsonTestSupport.BindFile(path).ToLibxlJsonText();

        Assert.Equal(stdout, ours);
    }
}
