using System.Text.Json.Nodes;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

public sealed class XmCommandsTests
{
    private const string Example3 = """
        def vmid_check(var, val):
            val = int(val)
            if val <= 0:
                raise ValueError
            return val
        xm_vars.var('vmid', use="Virtual machine id.", check=vmid_check)
        xm_vars.check()
        import os, re
        arch = os.uname()[4]
        if re.search('64', arch):
            arch_libdir = 'lib64'
        else:
            arch_libdir = 'lib'
        name = "VM%d" % vmid
        memory = 64
        ratio = 1.5
        acpi = True
        disk = [ 'phy:sda%d,sda1,w' % (7+vmid) ]
        device_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'
        """;

    [Fact]
    public void Dump_XmFileWithUnameAndVar_PrintsEvaluatedJson()
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, Example3);

        var r = Cli.Run("dump", "--uname", "Linux host 2.6.18 #1 SMP x86_64", "--var", "vmid=3", path);

        Assert.Equal(0, r.ExitCode);
        JsonObject json = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(3, json["vmid"]!.GetValue<long>());
        Assert.Equal("VM3", json["name"]!.GetValue<string>());
        Assert.Equal(64, json["memory"]!.GetValue<long>());
        Assert.Equal(1.5, json["ratio"]!.GetValue<double>());
        Assert.Equal("phy:sda10,sda1,w", json["disk"]![0]!.GetValue<string>());
        Assert.Equal("/usr/lib64/xen/bin/qemu-dm", json["device_model"]!.GetValue<string>());
        Assert.False(json.ContainsKey("acpi"));
        Assert.Contains("XH4108", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_XmFileWithoutTheVariable_ReportsTheExceptionAndExitsOne()
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, Example3);

        var r = Cli.Run("dump", path);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("guest.cfg(7,1): error XH4103:", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_XmFileWithoutUname_LeavesHostValuesOut()
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, "import os\narch = os.uname()[4]\nmemory = 512\n");

        var r = Cli.Run("dump", "--dialect", "xm", path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("{\"memory\": 512}", r.Out.Trim());
        Assert.Contains(path + "(2,8): warning XH4101", r.Error, StringComparison.Ordinal); // at os.uname(), the unknown arch
    }

    [Theory]
    [InlineData("--uname", "Linux")]
    [InlineData("--var", "novalue")]
    [InlineData("--dialect", "python")]
    public void Dump_BadOption_ExitsTwo(string option, string value)
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, "memory = 512\n");
        Assert.Equal(2, Cli.Run("dump", option, value, path).ExitCode);
    }

    [Fact]
    public void CheckAndRoundtrip_XmFile_ReadAsXmInAutoMode()
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, Example3);

        // Auto reads it as xm does: the same exit code and diagnostics as --dialect xm, none of xl's (XH1006).
        // check validates too: without a vmid (xm create vmid=3) xm stops at vmid_check (XH4103), so there is no domain.
        var check = Cli.Run("check", path);
        var asXm = Cli.Run("check", "--dialect", "xm", path);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"guest.cfg(7,1): error {Xen.Hvm.Diagnostics.DiagnosticIds.XmRaisedException}:", check.Out, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: xm, {Xen.Hvm.Config.XenConfig.Load(path).Settings.Count} settings, ", check.Out.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Equal(asXm.ExitCode, check.ExitCode);
        Assert.Equal(asXm.Out, check.Out);
        Assert.DoesNotContain("XH1006", check.Out, StringComparison.Ordinal);

        var asXl = Cli.Run("check", "--dialect", "xl", path);
        Assert.Equal(1, asXl.ExitCode);
        Assert.Contains("XH1006", asXl.Out, StringComparison.Ordinal);

        Assert.Equal(0, Cli.Run("roundtrip", "--dialect", "xm", path).ExitCode);
        Assert.Equal(0, Cli.Run("roundtrip", path).ExitCode);
    }

    [Fact]
    public void Check_BrokenPython_ExitsOneWithXH4001()
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, "import os\nif os.path.exists('/x')\n    memory = 1\n");

        var r = Cli.Run("check", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("guest.cfg(2,24): error XH4001:", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_XmFileComputedValue_WritesALiteralAndKeepsTheCode()
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllText(path, Example3);

        var r = Cli.Run("set", path, "device_model=qemu-dm", "memory=128");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("XH4201", r.Out, StringComparison.Ordinal);
        string text = File.ReadAllText(path);
        Assert.Contains("device_model = 'qemu-dm'", text, StringComparison.Ordinal);
        Assert.Contains("memory = 128\n", text, StringComparison.Ordinal);
        Assert.Contains("xm_vars.check()", text, StringComparison.Ordinal);
    }
}
