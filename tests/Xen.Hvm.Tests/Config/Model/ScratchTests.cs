using Xunit.Abstractions;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;
namespace Xen.Hvm.Tests.Config.Model;
public sealed class ScratchTests(ITestOutputHelper output)
{
    static string RunXl(string conf, string cfg)
    {
        File.WriteAllText("/tmp/scr.conf", conf);
        File.WriteAllText("/tmp/scr.cfg", cfg);
        string shim = Directory.GetFiles(Environment.GetEnvironmentVariable("HOME") + "/.cache/xl-dryrun", "shim-*.so")[0];
        var psi = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp/xlcwd" };
        foreach (var a in new[] { "--mount", "sh", "-c", $"mount --bind /tmp/scr.conf /etc/xen/xl.conf && LD_PRELOAD={shim} /usr/lib/xen-4.17/bin/xl create -n /tmp/scr.cfg" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string o = p.StandardOutput.ReadToEnd(); string e = p.StandardError.ReadToEnd(); p.WaitForExit();
        return p.ExitCode == 0 ? o : "RC" + p.ExitCode + " " + e;
    }

    [Fact]
    public void Scratch()
    {
        string[] confs =
        [
            "blkdev_start=\"xvda\"\nrun_hotplug_scripts=0\nvif.default.backend=\"0\"\nvif.default.gatewaydev=\"eth0\"\nvif.default.script=\"vif-bridge\"\nvif.default.bridge=\"xenbr0\"\nclaim_mode=0\nvm.cpumask=\"0-7\"\nvm.pv.cpumask=\"0-3\"\nvm.hvm.cpumask=\"3-7\"\nmax_grant_frames=64\n",
            "vifscript=\"old\"\ndefaultbridge=\"oldbr\"\nmax_maptrack_frames=\"1024\"\nmax_grant_version=1\nvm.hvm.cpumask=\"2,4\"\n",
            "vm.cpumask=\"1-2\"\nvm.pv.cpumask=\"2-3\"\n",
            "run_hotplug_scripts=\"1\"\nclaim_mode=\"0\"\nvif.default.bridge=7\n",
            "vm.cpumask=\"nodes:0\"\n",
            "vm.cpumask=\"1-2,junk,4\"\n",
            "vm.cpumask=\"junk\"\n",
            "vm.hvm.cpumask=\"^all\"\n",
            "vifscript=\"a\"\nvif.default.script=\"b\"\n",
        ];
        string[] cfgs =
        [
            "name=\"a\"\nkernel=\"/k\"\nvcpus=2\nvif=[\"mac=00:16:3e:00:00:01\", \"bridge=br9,script=s\"]\n",
            "name=\"h\"\ntype=\"hvm\"\nvcpus=3\ncpus=\"0-5\"\nmax_grant_frames=8\n",
            "name=\"p\"\ntype=\"pvh\"\nkernel=\"/k\"\nvcpus=1\ncpus=[\"1\",\"2-7\"]\n",
        ];
        int ok = 0;
        foreach (var conf in confs)
        foreach (var cfg in cfgs)
        {
            string xl = RunXl(conf, cfg);
            var xc = XlConf.Parse(conf);
            var bound = BindTestSupport.BindXl(cfg);
            var ours = bound.Config.ToLibxlJsonText(new LibxlJsonOptions { XlConf = xc.Value });
            bound.Config.ToLibxlJson(new LibxlJsonOptions { XlConf = xc.Value }, out var refused);
            if (xl == ours) { ok++; continue; }
            output.WriteLine("CONF:\n" + conf + "CFG:\n" + cfg + "XL: " + (xl.StartsWith("RC") ? xl : LibxlJsonTestSupport.Difference(JsonNode.Parse(xl), JsonNode.Parse(ours), "$")) + "\nrefused: " + string.Join(";", refused) + "\nxlconf diags: " + string.Join(";", xc.Diagnostics));
        }
        output.WriteLine("ok " + ok);
    }
}
