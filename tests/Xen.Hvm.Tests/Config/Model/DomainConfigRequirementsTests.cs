using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Config.Model;

public sealed class DomainConfigRequirementsTests
{
    private const string HapHost = "nr_cpus : 8\nxen_major : 4\nxen_minor : 17\nxen_extra : .0\nxen_caps : xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64\nfree_memory : 4096\nvirt_caps : pv hvm hvm_directio pv_directio hap shadow\n";
    private const string ShadowOnlyHost = "nr_cpus : 8\nxen_major : 4\nxen_minor : 17\nxen_extra : .0\nxen_caps : xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64\nfree_memory : 4096\nvirt_caps : pv hvm shadow\n";

    private static readonly DomainConfig Hvm = new() { Name = "g", Type = GuestType.Hvm };

    [Fact]
    public void GetRequirements_HvmWithDevices_TakesTheEffectiveValues()
    {
        PciSpec device = PciSpec.Parse("01:00.0", ConfigDialect.Xl, null).Value;

        GuestRequirements r = (Hvm with { MemoryMiB = 1024, Vcpus = 2, PciDevices = [device] }).GetRequirements();

        Assert.Equal(new GuestRequirements { Hvm = true, Pae = true, MemoryMiB = 1024, Vcpus = 2, PciPassthrough = true, Hap = false }, r);
    }

    [Fact]
    public void GetRequirements_NothingSet_ToolstackDefaultsForMemoryAndVcpus()
    {
        DomainConfig config = Hvm with { Builder = "hvm" };

        GuestRequirements xl = config.GetRequirements(Toolstack.Xl, new(4, 17));
        GuestRequirements xm = config.GetRequirements(Toolstack.Xm, new(4, 4));

        Assert.Equal((32L, 1), (xl.MemoryMiB, xl.Vcpus));
        Assert.Equal((128L, 1), (xm.MemoryMiB, xm.Vcpus));
    }

    [Fact]
    public void GetRequirements_MaxmemOnly_MemoryFollowsMaxmem()
    {
        Assert.Equal(2048L, (Hvm with { MaxMemoryMiB = 2048 }).GetRequirements().MemoryMiB);
    }

    [Fact]
    public void GetRequirements_PvGuest_NeitherHvmNorPae()
    {
        GuestRequirements r = new DomainConfig { Name = "g", Kernel = "/k", Pae = true, Hap = true }.GetRequirements();

        Assert.False(r.Hvm);
        Assert.False(r.Pae);
        Assert.False(r.Hap);
    }

    [Fact]
    public void GetRequirements_PvhGuest_NeedsHardwareVirtualisationNotPae()
    {
        GuestRequirements r = new DomainConfig { Name = "g", Type = GuestType.Pvh, Kernel = "/k" }.GetRequirements();

        Assert.True(r.Hvm);
        Assert.False(r.Pae);
    }

    [Fact]
    public void GetRequirements_PaeOff_NoPae()
    {
        Assert.False((Hvm with { Pae = false }).GetRequirements().Pae);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void GetRequirements_Hap_OnlyWhenTheModelAsksForIt(bool hap, bool expected)
    {
        Assert.Equal(expected, (Hvm with { Hap = hap }).GetRequirements().Hap);
        Assert.False(Hvm.GetRequirements().Hap);
    }

    [Fact]
    public void Check_HapAskedOnShadowOnlyHost_XH3150AtVirtCaps()
    {
        HostInfo host = HostInfo.Parse(ShadowOnlyHost).Value;

        HostCheckResult result = host.Check((Hvm with { Hap = true, MemoryMiB = 512 }).GetRequirements());

        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.CheckHapUnavailable, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(ShadowOnlyHost.Split('\n').ToList().FindIndex(l => l.StartsWith("virt_caps", StringComparison.Ordinal)) + 1, d.Location.Line);
    }

    [Fact]
    public void Check_HapUnsetOnShadowOnlyHost_NoProblem()
    {
        HostInfo host = HostInfo.Parse(ShadowOnlyHost).Value;

        Assert.Empty(host.Check((Hvm with { MemoryMiB = 512 }).GetRequirements()).Diagnostics);
    }

    [Fact]
    public void Check_BoundConfigTooBigForTheHost_MemoryAndVcpuDiagnostics()
    {
        ConfigDocument doc = XenConfig.Parse("name = \"g\"\ntype = \"hvm\"\nmemory = 8192\nvcpus = 16\nhap = 1\n", "g.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        HostInfo host = HostInfo.Parse(HapHost).Value;

        HostCheckResult result = host.Check(DomainConfig.Bind(doc).Config.GetRequirements());

        Assert.Equal(
            [DiagnosticIds.CheckMemoryShort, DiagnosticIds.CheckVcpusOvercommitted],
            result.Diagnostics.Select(static d => d.Id).Order(StringComparer.Ordinal));
    }
}
