using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class XenCapsTests
{
    [Theory]
    [InlineData("xen-3.0-x86_32", XenCapabilityKind.Xen, XenArchitecture.X86_32, false)]
    [InlineData("xen-3.0-x86_32p", XenCapabilityKind.Xen, XenArchitecture.X86_32, true)]
    [InlineData("hvm-3.0-x86_32p", XenCapabilityKind.Hvm, XenArchitecture.X86_32, true)]
    [InlineData("hvm-3.0-x86_64", XenCapabilityKind.Hvm, XenArchitecture.X86_64, false)]
    [InlineData("xen-3.0-ia64be", XenCapabilityKind.Xen, XenArchitecture.Ia64, false)]
    [InlineData("hvm-3.0-ia64-sioemu", XenCapabilityKind.Hvm, XenArchitecture.Ia64, false)]
    [InlineData("xen-3.0-powerpc64", XenCapabilityKind.Xen, XenArchitecture.PowerPc64, false)]
    [InlineData("xen-3.0-armv7l", XenCapabilityKind.Xen, XenArchitecture.Armv7l, false)]
    [InlineData("xen-3.0-aarch64", XenCapabilityKind.Xen, XenArchitecture.Aarch64, false)]
    public void TryParse_KnownToken_ReadsKindArchitectureAndPae(string token, XenCapabilityKind kind, XenArchitecture arch, bool pae)
    {
        Assert.True(XenCapability.TryParse(token, out XenCapability cap));
        Assert.Equal(kind, cap.Kind);
        Assert.Equal(arch, cap.Architecture);
        Assert.Equal(pae, cap.IsPae);
        Assert.Equal("3.0", cap.AbiVersion);
        Assert.False(cap.IsUnderscoreForm);
        Assert.Equal(token, cap.ToString());
    }

    [Fact]
    public void TryParse_Ia64UnderscoreForm_IsRecognised()
    {
        Assert.True(XenCapability.TryParse("xen_3.0_ia64", out XenCapability cap));
        Assert.True(cap.IsUnderscoreForm);
        Assert.Equal(XenArchitecture.Ia64, cap.Architecture);
        Assert.Equal(XenCapabilityKind.Xen, cap.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hvm")]
    [InlineData("kvm-3.0-x86_64")]
    [InlineData("hvm-3-x86_64")]
    [InlineData("hvm-3.0-")]
    [InlineData("hvm-3.0-x86 64")]
    public void TryParse_BadToken_ReturnsFalse(string token)
    {
        Assert.False(XenCapability.TryParse(token, out _));
    }

    [Fact]
    public void Parse_GoodAndBadToken_ReturnsOrThrowsFormatException()
    {
        Assert.Equal(XenArchitecture.X86_64, XenCapability.Parse("hvm-3.0-x86_64").Architecture);
        Assert.Throws<FormatException>(() => XenCapability.Parse("kvm-3.0-x86_64"));
        Assert.Throws<ArgumentNullException>(() => XenCapability.Parse(null!));
    }

    [Fact]
    public void Parse_RussianSeed_OffersHvm32AndPaeButNot64()
    {
        var result = XenCaps.Parse("xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p");

        Assert.True(result.Success);
        XenCaps caps = result.Value;
        Assert.True(caps.SupportsHvm);
        Assert.True(caps.Supports(XenCapabilityKind.Hvm, XenArchitecture.X86_32));
        Assert.True(caps.Supports(XenCapabilityKind.Hvm, XenArchitecture.X86_32, pae: true));
        Assert.False(caps.Supports(XenCapabilityKind.Hvm, XenArchitecture.X86_64));
        Assert.Equal(FactState.No, caps.X86_64Hypervisor);
    }

    [Fact]
    public void Parse_TrailingSpaceAndXapiSeparators_AreAccepted()
    {
        Assert.Equal(2, XenCaps.Parse("xen-3.0-x86_64 hvm-3.0-x86_64 ").Value.Tokens.Count);
        Assert.Equal(2, XenCaps.Parse("xen-3.0-x86_64; hvm-3.0-x86_64").Value.Tokens.Count);
        Assert.Empty(XenCaps.Parse(string.Empty).Value.Tokens);
    }

    [Fact]
    public void Parse_UnknownToken_WarnsAtItsSpan()
    {
        var result = XenCaps.Parse("xen-3.0-x86_64 bogus");

        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.XenCapsUnknownToken, d.Id);
        Assert.Equal(15, d.Span.Start);
        Assert.Equal(5, d.Span.Length);
        Assert.Equal(["bogus"], result.Value.UnknownTokens);
        Assert.True(result.Success);
    }

    [Fact]
    public void Parse_TokenSplitByPaste_IsRejoined()
    {
        var result = XenCaps.Parse("hvm-\t3.0-x86_32 hvm-3.0-x86_64");

        Assert.Equal(["hvm-3.0-x86_32", "hvm-3.0-x86_64"], result.Value.Tokens.Select(t => t.Text).ToArray());
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.XenCapsTokenRejoined && d.Span.Start == 0 && d.Span.Length == 15);
    }

    [Fact]
    public void Parse_Arm_IsArm()
    {
        XenCaps caps = XenCaps.Parse("xen-3.0-aarch64 xen-3.0-armv7l ").Value;

        Assert.True(caps.IsArm);
        Assert.False(caps.SupportsHvm);
        Assert.Equal(FactState.Unknown, caps.X86_64Hypervisor);
    }
}
