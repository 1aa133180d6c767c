using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class HostInfoCheckTests
{
    // A Core 2 laptop on Xen 3.3: the CPU has VT-x (vmx in word 4) but virt_caps and xen_caps offer no HVM.
    private const string VtxDisabled = """
        nr_cpus                : 2
        hw_caps                : bfebfbff:20100000:00000000:00000140:0008e3bd:00000000:00000001:00000000
        virt_caps              : 
        total_memory           : 2038
        free_memory            : 16
        xen_major              : 3
        xen_minor              : 3
        xen_extra              : .0
        xen_caps               : xen-3.0-x86_32p 
        """;

    // The Russian seed host: Xen 3.0 AMD with a 32-bit PAE hypervisor.
    private const string Amd32 = """
        nr_cpus                : 2
        hw_caps                : 178bfbff:ebd3fbff:00000000:00000010:00002001:00000000:0000001f
        total_memory           : 1024
        free_memory            : 512
        xen_major              : 3
        xen_minor              : 0
        xen_extra              : .2
        xen_caps               : xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p
        """;

    [Fact]
    public void Check_VtxPresentButNoHvm_SaysEnableVtxInBiosAtVirtCaps()
    {
        HostInfo info = HostInfo.Parse(VtxDisabled).Value;

        HostCheckResult result = info.Check(new GuestRequirements());

        Assert.False(result.CanRun);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.CheckHvmDisabled, d.Id);
        Assert.Equal("Intel VT-x (vmx)", d.Arguments[0]);
        Assert.Equal(3, d.Location.Line);
    }

    [Fact]
    public void Check_CpuWithoutVmxOrSvm_SaysUsePv()
    {
        HostInfo info = HostInfo.Parse(VtxDisabled.Replace("0008e3bd", "0008e39d", StringComparison.Ordinal)).Value;

        Diagnostic d = Assert.Single(info.Check(new GuestRequirements()).Diagnostics);

        Assert.Equal(DiagnosticIds.CheckHvmNoCpuSupport, d.Id);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void Check_Xen419WithoutVmx_CannotTellFirmwareFromCpu()
    {
        const string Text = "hw_caps : bfebfbff:77faf3df:2c100800:00000121:0000000f:239c27eb:9840078c:00000100\n" +
                            "virt_caps : pv\nxen_version : 4.19.1\nxen_caps : xen-3.0-x86_64\n";

        Diagnostic d = Assert.Single(HostInfo.Parse(Text).Value.Check(new GuestRequirements()).Diagnostics);

        Assert.Equal(DiagnosticIds.CheckHvmUnavailable, d.Id);
    }

    [Fact]
    public void Check_NestedWithoutVirtualization_SaysEnableNestedVirtualization()
    {
        const string Text = "hw_caps : 178bfbff:2c100800:00000000:00000000:80002001:00000000:00000000:00000000\n" +
                            "virt_caps :\nxen_version : 4.4.2\nxen_caps : xen-3.0-x86_64 xen-3.0-x86_32p\n";

        Diagnostic d = Assert.Single(HostInfo.Parse(Text).Value.Check(new GuestRequirements()).Diagnostics);

        Assert.Equal(DiagnosticIds.CheckHvmNested, d.Id);
    }

    [Fact]
    public void Check_64BitGuestOn32BitXen_ReportsArchitecture()
    {
        HostInfo info = HostInfo.Parse(Amd32).Value;

        HostCheckResult result = info.Check(new GuestRequirements { Architecture = GuestArchitecture.X86_64, Pae = true });

        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.CheckArchitectureUnsupported, d.Id);
        Assert.Equal("hvm-3.0-x86_64", d.Arguments[1]);
        Assert.Equal(8, d.Location.Line);
    }

    [Fact]
    public void Check_32BitPaeGuestOnSeedHost_CanRun()
    {
        HostInfo info = HostInfo.Parse(Amd32).Value;

        HostCheckResult result = info.Check(new GuestRequirements { Architecture = GuestArchitecture.X86_32p, Pae = true, MemoryMiB = 512, Vcpus = 2 });

        Assert.True(result.CanRun);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Check_PaeWithoutPaeAbi_ReportsPae()
    {
        const string Text = "hw_caps : 0383fbff:00000000:00000000:00000040\nxen_major : 3\nxen_minor : 0\nxen_caps : xen-3.0-x86_32 hvm-3.0-x86_32\n";

        Diagnostic d = Assert.Single(HostInfo.Parse(Text).Value.Check(new GuestRequirements { Pae = true }).Diagnostics);

        Assert.Equal(DiagnosticIds.CheckPaeUnavailable, d.Id);
    }

    [Fact]
    public void Check_MemoryAndVcpus_ErrorAndWarningAtTheirFields()
    {
        HostInfo info = HostInfo.Parse(HostInfoTests.Xl419).Value;

        HostCheckResult result = info.Check(new GuestRequirements { MemoryMiB = 4096, Vcpus = 16 });

        Assert.False(result.CanRun);
        Diagnostic memory = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.CheckMemoryShort);
        Assert.Equal(DiagnosticSeverity.Error, memory.Severity);
        Assert.Equal(14, memory.Location.Line);
        Assert.Equal("2048", memory.Arguments[1]);
        Diagnostic vcpus = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.CheckVcpusOvercommitted);
        Assert.Equal(DiagnosticSeverity.Warning, vcpus.Severity);
        Assert.Equal(5, vcpus.Location.Line);
    }

    [Fact]
    public void Check_PassthroughWithoutIommu_SaysEnableVtd()
    {
        HostInfo info = HostInfo.Parse(HostInfoTests.Xl419.Replace("hvm hvm_directio pv_directio", "hvm", StringComparison.Ordinal)).Value;

        Diagnostic d = Assert.Single(info.Check(new GuestRequirements { PciPassthrough = true }).Diagnostics);

        Assert.Equal(DiagnosticIds.CheckNoIommu, d.Id);
    }

    [Fact]
    public void Check_NothingKnown_WarnsThatItCannotCheck()
    {
        HostInfo info = HostInfo.Parse("host : x\n").Value;

        HostCheckResult result = info.Check(new GuestRequirements { MemoryMiB = 1, Vcpus = 1, PciPassthrough = true, Architecture = GuestArchitecture.X86_64 });

        Assert.True(result.CanRun);
        Assert.Equal(5, result.Diagnostics.Count(d => d.Id == DiagnosticIds.CheckNotPossible));
    }

    [Fact]
    public void Check_PvGuest_DoesNotNeedHvm()
    {
        HostInfo info = HostInfo.Parse(VtxDisabled).Value;

        HostCheckResult result = info.Check(new GuestRequirements { Hvm = false, Architecture = GuestArchitecture.X86_32p });

        Assert.True(result.CanRun);
    }

    [Fact]
    public void Check_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => HostInfo.Parse(Amd32).Value.Check(null!));
    }
}
