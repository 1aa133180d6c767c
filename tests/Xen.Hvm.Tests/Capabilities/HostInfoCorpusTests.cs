using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class HostInfoCorpusTests
{
    public static IEnumerable<object[]> InfoFiles() => Corpus.Files("info").Select(f => new object[] { f });

    // Reference section 6: per capture, the layout, the vendor guess and the raw bits vmx, svm, lm, nx, pae, hypervisor (in that order).
    public static TheoryData<string, HwCapsLayout, CpuVendor, string> Vectors => new()
    {
        { "alpine-saphir-xen-4.19.1-intel", HwCapsLayout.B, CpuVendor.Intel, "101110" },
        { "blog-gentlexen1-centos6-xen-4.2.1-xm", HwCapsLayout.A, CpuVendor.Intel, "101110" },
        { "blog-xen-2-centos6-xen-4.6.3", HwCapsLayout.A, CpuVendor.Intel, "101110" },
        { "debian-bug-iniza-xen-4.19.1-intel-partial", HwCapsLayout.B, CpuVendor.Intel, "101110" },
        { "onapp-plugin-dev1-hv1-xen-3.4.2", HwCapsLayout.A, CpuVendor.Intel, "101110" },
        { "opensuse-xensrv-xen-4.20.1-amd", HwCapsLayout.B, CpuVendor.Amd, "011110" },
        { "oracle-ovm-scas22adm05-xen-4.4.4OVM", HwCapsLayout.A, CpuVendor.Intel, "101110" },
        { "qubes-dom0-xen-4.14.0-amd", HwCapsLayout.B, CpuVendor.Amd, "011110" },
        { "xen-devel-bisect-xen-4.13-unstable-intel-partial", HwCapsLayout.B, CpuVendor.Intel, "101110" },
        { "xen-devel-cly-xen-1-xen-4.13.0-rc-amd", HwCapsLayout.B, CpuVendor.Amd, "011111" },
        { "xen-devel-hoffa-xen-4.17.4-pre-amd", HwCapsLayout.B, CpuVendor.Amd, "011110" },
        { "xen-devel-immortal-xen-4.14.0-rc", HwCapsLayout.B, CpuVendor.Intel, "101110" },
        { "xen-devel-redacted-xen-4.19.2-pre-intel", HwCapsLayout.B, CpuVendor.Intel, "101110" },
        { "xen-devel-test-xen-4.16.0-amd", HwCapsLayout.B, CpuVendor.Amd, "011110" },
        { "xen-devel-xvg-xen-4.15.3-pre-amd", HwCapsLayout.B, CpuVendor.Amd, "011110" },
        { "xen-docs-xl.pod.1-scarlett-xen-4.2-unstable", HwCapsLayout.A, CpuVendor.Intel, "101110" },
        { "xen-users-m5p-xen-4.11.4-amd", HwCapsLayout.B, CpuVendor.Amd, "011111" },
        { "xen-devel-raspberrypi4-xen-4.13.0-arm64", HwCapsLayout.B, CpuVendor.Arm, "000000" },
        { "xen-devel-hikey960-xen-4.13-unstable-arm64", HwCapsLayout.B, CpuVendor.Arm, "000000" },
    };

    [CorpusTheory]
    [MemberData(nameof(InfoFiles))]
    public void Parse_CorpusFile_HasNoErrorAndPartialFilesWarn(string file)
    {
        string text = File.ReadAllText(Corpus.PathOf(file));

        var result = HostInfo.Parse(text, new HostInfoParseOptions { Path = file });

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        HostInfo info = result.Value;
        Assert.NotNull(info.HwCaps);
        Assert.NotNull(info.XenCaps);
        Assert.NotNull(info.XenVersion);
        Assert.Empty(info.XenCaps!.UnknownTokens);
        Assert.Empty(info.VirtCaps?.UnknownTokens ?? []);
        if (file.Contains("partial", StringComparison.Ordinal))
        {
            Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.InfoFieldsMissing && d.Severity == DiagnosticSeverity.Warning);
        }

        foreach (HostInfoField field in info.Fields)
        {
            Assert.Equal(text.Substring(field.ValueSpan.Start, field.ValueSpan.Length), field.RawValue);
            Assert.True(field.Span.Contains(field.KeySpan) && field.Span.Contains(field.ValueSpan));
        }

        Assert.Equal(info.GetValueOrDefault("hw_caps"), info.HwCaps!.ToString());
    }

    [CorpusTheory]
    [MemberData(nameof(Vectors))]
    public void Parse_CorpusFile_MatchesReferenceVector(string name, HwCapsLayout layout, CpuVendor vendor, string bits)
    {
        HostInfo info = HostInfo.Parse(File.ReadAllText(Corpus.PathOf("info/" + name + ".txt"))).Value;
        HwCaps hw = info.HwCaps!;
        string actual = string.Concat(new[] { "vmx", "svm", "lm", "nx", "pae", "hypervisor" }.Select(n => hw.Has(n) ? '1' : '0'));

        Assert.Equal(layout, hw.Layout);
        Assert.Equal(HwCapsLayoutSource.Version, hw.LayoutSource);
        Assert.Equal(vendor, info.Facts.Vendor);
        Assert.Equal(bits, actual);
    }

    [CorpusFact]
    public void Parse_SnippedHwCaps_WarnsButStaysUsable()
    {
        var result = HostInfo.Parse(File.ReadAllText(Corpus.PathOf("info/mirage-ubuntu-xen-4.4.2-hwcaps-snipped.txt")));

        Assert.True(result.Success);
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticIds.HwCapsUnreadable);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(FactState.No, result.Value.Facts.HvmUsable.State);
        Assert.Equal(2294m, result.Value.CpuMhz);
    }

    [CorpusFact]
    public void Parse_AmdLevellingBug_NestedFactIsUnknownNotYes()
    {
        HostInfo info = HostInfo.Parse(File.ReadAllText(Corpus.PathOf("info/xen-users-m5p-xen-4.11.4-amd.txt"))).Value;

        Assert.True(info.HwCaps!.Has("hypervisor"));
        Assert.Equal(FactState.Unknown, info.Facts.RunningNested.State);
        Assert.Equal(FactState.Probable, info.Facts.Hap.State);
    }

    [CorpusFact]
    public void Parse_Arm_SaysX86FeaturesDoNotApplyAndGuestsArePvh()
    {
        HostInfo info = HostInfo.Parse(File.ReadAllText(Corpus.PathOf("info/xen-devel-raspberrypi4-xen-4.13.0-arm64.txt"))).Value;

        Assert.False(info.HwCaps!.HasX86Information);
        Assert.Equal(FactState.NotApplicable, info.Facts.VtxPresent.State);
        Assert.Equal(FactState.NotApplicable, info.Facts.Pae.State);
        Assert.Equal((FactState.Yes, "pvh"), (info.Facts.HvmUsable.State, info.Facts.HvmUsable.Value));
        Assert.Equal(FactState.No, info.Facts.PvUsable.State);
        Assert.Equal(FactState.Yes, info.Facts.Cpu64Bit.State);
        Assert.Equal(FactState.Yes, info.Facts.Hap.State);
    }

    [CorpusFact]
    public void Parse_ArmBeforeVirtCaps_HapYesAndIommuUnknown()
    {
        // A 4.13-unstable ARM build that predates ARM's virt_caps: the empty field says nothing.
        HostInfo info = HostInfo.Parse(File.ReadAllText(Corpus.PathOf("info/xen-devel-hikey960-xen-4.13-unstable-arm64.txt"))).Value;

        Assert.Equal(FactState.Yes, info.Facts.Hap.State);
        Assert.Equal(FactState.Unknown, info.Facts.Iommu.State);
        Assert.Equal("pvh", info.Facts.HvmUsable.Value);
    }
}
