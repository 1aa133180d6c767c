using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Capabilities;

/// <summary>Facts that do not mislead, from fixtures of our own in the shape of xm/xl info output.</summary>
public sealed class HostFactsTests
{
    /// <summary>An info block with the capability fields given and the usual ones around them.</summary>
    internal static string Info(string machine, int major, int minor, string hwCaps, string virtCaps, string xenCaps) => $"""
        host                   : fixture
        machine                : {machine}
        nr_cpus                : 2
        nr_nodes               : 1
        cores_per_socket       : 2
        threads_per_core       : 1
        cpu_mhz                : 2400
        hw_caps                : {hwCaps}
        virt_caps              : {virtCaps}
        total_memory           : 4096
        free_memory            : 1024
        xen_major              : {major}
        xen_minor              : {minor}
        xen_extra              : .0
        xen_caps               : {xenCaps}
        """;

    // A Pentium 4 (2004) under xm 3.1, which leaves out the trailing zero words: 1.ecx (word 4) and the others are 0.
    private const string FourWords = "bfebfbff:00000000:00000000:00000180";

    // A Core 2 (Merom): VT-x (word 4 bit 5) without popcnt or sse4_2, so without EPT; and a Nehalem with both.
    private const string Core2 = "bfebfbff:20100800:00000000:00000140:0000e3bd:00000000:00000001:00000000";
    private const string Nehalem = "bfebfbff:28100800:00000000:00000140:0098e3bd:00000000:00000001:00000000";

    private static HostInfo Parse(string text) => HostInfo.Parse(text).Value;

    [Fact]
    public void Parse_XmBefore33WithTrailingWordsLeftOut_ReadsThemAsZero()
    {
        var result = HostInfo.Parse(Info("i686", 3, 1, FourWords, "", "xen-3.0-x86_32p"));
        HostFacts facts = result.Value.Facts;

        Assert.True(result.Value.HwCaps!.AbsentWordsAreZero);
        Assert.Equal(FactState.No, facts.VtxPresent.State);
        Assert.Equal(FactState.No, facts.AmdVPresent.State);
        Assert.Equal(FactState.No, facts.RunningNested.State);
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticIds.HwCapsTrailingZerosOmitted);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal(FourWords.Length, d.Span.Length);
    }

    [Theory]
    [InlineData(3, 2, FactState.No)]
    [InlineData(3, 3, FactState.Unknown)] // prints all 8 words: a shorter string lost some
    public void GetFeatureState_WordNotPrinted_IsZeroOnlyUpToXen32(int major, int minor, FactState expected)
    {
        HwCaps hw = HwCaps.Parse(FourWords, new HwCapsOptions { Version = new XenVersion(major, minor) }).PartialValue!;

        Assert.Equal(expected, hw.GetFeatureState("vmx"));
        Assert.Equal(FactState.Yes, hw.GetFeatureState("pae"));
        Assert.Equal(4, hw.Words.Count);
    }

    [Fact]
    public void Facts_ArmHost_X86FeaturesDoNotApplyAndGuestsArePvh()
    {
        HostInfo info = Parse(Info("aarch64", 4, 17, "00000000:00000000:00000000:00000000:00000000:00000000:00000000:00000000",
            "hvm hap", "xen-3.0-aarch64 xen-3.0-armv7l"));
        HostFacts f = info.Facts;

        Assert.All(new[] { f.VtxPresent, f.AmdVPresent, f.Pae, f.Nx, f.InvariantTsc, f.Pages1GiB }, x => Assert.Equal(FactState.NotApplicable, x.State));
        Assert.Equal(FactState.No, f.PvUsable.State);
        Assert.Equal((FactState.Yes, "pvh"), (f.HvmUsable.State, f.HvmUsable.Value));
        Assert.Equal(FactState.Yes, f.Cpu64Bit.State);
        Assert.Equal(FactState.Yes, f.Hypervisor64Bit.State);
        Assert.Equal(FactState.Yes, f.Hap.State);
        Assert.Equal(FactState.No, f.Iommu.State);
    }

    [Fact]
    public void Check_HvmGuestOnArmHost_IsXH5081()
    {
        HostInfo info = Parse(Info("aarch64", 4, 17, "00000000:00000000:00000000:00000000:00000000:00000000:00000000:00000000",
            "hvm hap", "xen-3.0-aarch64 xen-3.0-armv7l"));

        HostCheckResult r = info.Check(new GuestRequirements { Hvm = true, Architecture = GuestArchitecture.X86_64 });

        Assert.False(r.CanRun);
        Assert.Equal([DiagnosticIds.CheckHvmOnArm], r.Diagnostics.Select(d => d.Id));
        Assert.Equal(15, r.Diagnostics[0].Location.Line); // at xen_caps
        Assert.True(info.Check(new GuestRequirements { Hvm = false, MemoryMiB = 512 }).CanRun);
    }

    [Theory]
    [InlineData("xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p", "x86_32p")]
    [InlineData("xen-3.0-x86_32 hvm-3.0-x86_32", "x86_32")]
    public void Facts_32BitHypervisor_NamesTheBuildNotTheFactKey(string xenCaps, string build)
    {
        HostFacts f = Parse(Info("i686", 3, 4, Core2, "hvm", xenCaps)).Facts;

        Assert.Equal(FactState.No, f.Hypervisor64Bit.State);
        Assert.Equal(FactState.Yes, f.Cpu64Bit.State);
        Assert.NotNull(f.Cpu64Bit.Caveat);
        Assert.DoesNotContain("xen64", f.Cpu64Bit.Caveat, StringComparison.Ordinal);
        Assert.Contains("(" + build + ")", f.Pae.Caveat, StringComparison.Ordinal);
        Assert.Equal(FactState.Yes, f.Pae.State);
    }

    [Fact]
    public void Facts_64BitHypervisor_Cpu64HasNoCaveat()
    {
        HostFacts f = Parse(Info("x86_64", 4, 1, Core2, "hvm", "xen-3.0-x86_64 xen-3.0-x86_32p hvm-3.0-x86_64")).Facts;

        Assert.Equal(FactState.Yes, f.Hypervisor64Bit.State);
        Assert.Null(f.Cpu64Bit.Caveat);
    }

    [Theory]
    [InlineData(Core2, FactState.Unlikely)]
    [InlineData(Nehalem, FactState.Probable)]
    [InlineData("178bfbff:e3d3fbff:00000000:00000110:00002001:00000000:0000001f:00000000", FactState.Unlikely)] // K8 rev F: svm, no sse4a/abm
    [InlineData("178bfbff:efd3fbff:00000000:00000110:00802009:00000000:000037ff:00000000", FactState.Probable)] // Barcelona: svm, sse4a, abm
    public void Facts_HapBeforeXen413_FollowsTheCpuGeneration(string hwCaps, FactState expected)
    {
        HostFacts f = Parse(Info("x86_64", 4, 1, hwCaps, "hvm", "xen-3.0-x86_64 hvm-3.0-x86_64")).Facts;

        Assert.Equal(FactState.Yes, f.HvmUsable.State);
        Assert.Equal(expected, f.Hap.State);
    }

    [Theory]
    [InlineData(4, 14, "pv hap", true)] // xl 4.12+ prints hvm_directio only next to hvm
    [InlineData(4, 2, "", false)] // xm prints it alone: no is no
    [InlineData(4, 14, "pv hvm hap", false)]
    public void Facts_NoIommu_CaveatOnlyWhereXlHidesIt(int major, int minor, string virtCaps, bool caveat)
    {
        HostFacts f = Parse(Info("x86_64", major, minor, Nehalem, virtCaps, "xen-3.0-x86_64")).Facts;

        Assert.Equal(FactState.No, f.Iommu.State);
        Assert.Equal(caveat, f.Iommu.Caveat is not null);
    }
}
