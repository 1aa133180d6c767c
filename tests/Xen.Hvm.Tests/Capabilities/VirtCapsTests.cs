using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class VirtCapsTests
{
    [Fact]
    public void Parse_Xl422Order_ReadsEveryToken()
    {
        var result = VirtCaps.Parse("pv hvm hvm_directio pv_directio hap shadow iommu_hap_pt_share vmtrace vpmu gnttab-v1 gnttab-v2",
            new XenVersion(4, 22));

        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(11, result.Value.Tokens.Count);
        Assert.True(result.Value.Has(VirtCapabilities.Pv | VirtCapabilities.Hvm | VirtCapabilities.Hap | VirtCapabilities.GnttabV2));
    }

    [Fact]
    public void Parse_TokenNewerThanVersion_Warns()
    {
        var result = VirtCaps.Parse("hvm hap", new XenVersion(4, 11));

        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.VirtCapsTokenNotInVersion, d.Id);
        Assert.Equal(4, d.Span.Start);
        Assert.Equal(3, d.Span.Length);
    }

    [Fact]
    public void Parse_UnknownToken_Warns()
    {
        var result = VirtCaps.Parse("hvm sparkles");

        Assert.Equal(["sparkles"], result.Value.UnknownTokens);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.VirtCapsUnknownToken && d.Span.Start == 4);
    }

    [Theory]
    [InlineData(4, 11, FactState.Unknown)]
    [InlineData(4, 12, FactState.No)]
    public void GetState_PvAbsent_IsOnlyKnownFrom412(int major, int minor, FactState expected)
    {
        VirtCaps caps = VirtCaps.Parse("hvm hvm_directio", new XenVersion(major, minor)).Value;

        Assert.Equal(expected, caps.GetState(VirtCapabilities.Pv));
        Assert.Equal(FactState.Yes, caps.GetState(VirtCapabilities.HvmDirectIO));
    }

    [Fact]
    public void GetState_NoVersion_InfersPrinterFromNewestToken()
    {
        Assert.Equal(FactState.No, VirtCaps.Parse("pv hvm shadow").Value.GetState(VirtCapabilities.Hap));
        Assert.Equal(FactState.Unknown, VirtCaps.Parse("hvm").Value.GetState(VirtCapabilities.Hap));
    }

    [Fact]
    public void IsReported_KnowsFirstVersions()
    {
        Assert.False(VirtCaps.IsReported(VirtCapabilities.Hvm, new XenVersion(3, 2)));
        Assert.True(VirtCaps.IsReported(VirtCapabilities.Hvm, new XenVersion(3, 3)));
        Assert.True(VirtCaps.IsReported(VirtCapabilities.Vmtrace, new XenVersion(4, 15)));
        Assert.Equal("hvm_directio", VirtCaps.TokenOf(VirtCapabilities.HvmDirectIO));
    }
}
