using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class HwCapsTests
{
    // Russian seed (xm info | grep caps): Xen 3.0, AMD, 32-bit PAE Xen, 7 words, layout A. Expected names per word
    // are written from reference tables T1, T3 (with the AMD mirror bits), T7, T2 and T4.
    private const string RussianSeed = "178bfbff:ebd3fbff:00000000:00000010:00002001:00000000:0000001f";

    // Chinese seed (xm info, Xen 4.0.1-rc6, Intel Core 2 Quad), layout A, 8 words.
    private const string ChineseSeed = "bfebfbff:20100800:00000000:00000940:0408e3fd:00000000:00000001:00000000";

    public static TheoryData<string, int, string> RussianSeedWords => new()
    {
        { RussianSeed, 0, "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht" },
        { RussianSeed, 1, "(fpu) (vme) (de) (pse) (tsc) (msr) (pae) (mce) (cx8) (apic) syscall (mtrr) (pge) (mca) (cmov) (pat) (pse36) nx mmxext (mmx) (fxsr) fxsr_opt rdtscp lm 3dnowext 3dnow" },
        { RussianSeed, 2, "" },
        { RussianSeed, 3, "k8" },
        { RussianSeed, 4, "pni cx16" },
        { RussianSeed, 5, "" },
        { RussianSeed, 6, "lahf_lm cmp_legacy svm extapic cr8_legacy" },
        { ChineseSeed, 0, "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe" },
        { ChineseSeed, 1, "syscall nx lm" },
        { ChineseSeed, 2, "" },
        { ChineseSeed, 3, "p3 constant_tsc arch_perfmon" },
        { ChineseSeed, 4, "pni dtes64 monitor ds_cpl vmx smx est tm2 ssse3 cx16 xtpr pdcm sse4_1 xsave" },
        { ChineseSeed, 5, "" },
        { ChineseSeed, 6, "lahf_lm" },
        { ChineseSeed, 7, "" },
    };

    public static TheoryData<string, int, string> LayoutBWords => new()
    {
        // Alpine Xen 4.19.1, Intel (reference section 6), names from T1, T2, T3, T4, T9, T5, T10, T11.
        { "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100", 1, "pni pclmulqdq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 fma cx16 xtpr pdcm pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand" },
        { "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100", 2, "syscall nx pdpe1gb rdtscp lm" },
        { "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100", 3, "lahf_lm abm 3dnowprefetch" },
        { "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100", 4, "xsaveopt xsavec xgetbv1 xsaves" },
        { "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100", 5, "fsgsbase tsc_adjust bmi1 avx2 fdp_excptn_only smep bmi2 erms invpcid zero_fcs_fds rdseed adx smap clflushopt clwb intel_pt sha_ni" },
        { "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100", 6, "umip pku shstk gfni vaes vpclmulqdq rdpid movdiri movdir64b pks" },
        { "bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100", 7, "itsc" },
        // openSUSE Xen 4.20.1, AMD.
        { "178bf3ff:76f8320b:2e500800:644037ff:0000000f:219c97a9:0040068c:00000780", 0, "fpu vme de pse tsc msr pae mce cx8 apic mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht" },
        { "178bf3ff:76f8320b:2e500800:644037ff:0000000f:219c97a9:0040068c:00000780", 1, "pni pclmulqdq monitor ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand" },
        { "178bf3ff:76f8320b:2e500800:644037ff:0000000f:219c97a9:0040068c:00000780", 2, "syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm" },
        { "178bf3ff:76f8320b:2e500800:644037ff:0000000f:219c97a9:0040068c:00000780", 3, "lahf_lm cmp_legacy svm extapic cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw ibs skinit wdt topoext bpext mwaitx addr_msk_ext" },
        { "178bf3ff:76f8320b:2e500800:644037ff:0000000f:219c97a9:0040068c:00000780", 5, "fsgsbase bmi1 avx2 smep bmi2 erms invpcid cqm rdt_a rdseed adx smap clflushopt clwb sha_ni" },
        { "178bf3ff:76f8320b:2e500800:644037ff:0000000f:219c97a9:0040068c:00000780", 6, "umip pku shstk vaes vpclmulqdq rdpid" },
        { "178bf3ff:76f8320b:2e500800:644037ff:0000000f:219c97a9:0040068c:00000780", 7, "hw_pstate itsc cpb efro" },
    };

    [Theory]
    [MemberData(nameof(RussianSeedWords))]
    public void Parse_SeedStringLayoutA_NamesExactlyTheReferenceFeatures(string text, int word, string expected)
    {
        var result = HwCaps.Parse(text, new HwCapsOptions { Version = text == RussianSeed ? new XenVersion(3, 0) : new XenVersion(4, 0, ".1-rc6") });

        Assert.True(result.Success);
        Assert.Equal(HwCapsLayout.A, result.Value.Layout);
        Assert.Equal(Split(expected), result.Value.FeaturesOf(word).Select(f => f.DisplayName).ToArray());
    }

    [Theory]
    [MemberData(nameof(LayoutBWords))]
    public void Parse_CorpusStringLayoutB_NamesExactlyTheReferenceFeatures(string text, int word, string expected)
    {
        HwCaps caps = HwCaps.Parse(text, new HwCapsOptions { Version = new XenVersion(4, 19, ".1") }).Value;

        Assert.Equal(HwCapsLayout.B, caps.Layout);
        Assert.Equal(Split(expected), caps.FeaturesOf(word).Select(f => f.DisplayName).ToArray());
    }

    [Fact]
    public void Parse_RussianSeed_AllFeatureNamesAreNamedAndWordsMatch()
    {
        HwCaps caps = HwCaps.Parse(RussianSeed).Value;

        Assert.Equal(7, caps.Words.Count);
        Assert.Equal(0x178bfbffu, caps.Words[0]);
        Assert.All(caps.Features, f => Assert.True(f.IsNamed));
        Assert.True(caps.Has("svm"));
        Assert.False(caps.Has("vmx"));
        Assert.Equal(2, caps.Features.Count(f => f.Name == "fpu"));
        Assert.Single(caps.Features, f => f.Name == "fpu" && f.IsMirror && f.Word == 1);
        Assert.Equal(RussianSeed, caps.ToString());
    }

    [Fact]
    public void Parse_NoVersionSevenWords_ChoosesLayoutAByHeuristicWithInfo()
    {
        var result = HwCaps.Parse(RussianSeed);

        Assert.Equal(HwCapsLayout.A, result.Value.Layout);
        Assert.Equal(HwCapsLayoutSource.Heuristic, result.Value.LayoutSource);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.HwCapsLayoutGuessed && d.Severity == DiagnosticSeverity.Info);
    }

    [Theory]
    [InlineData("bfebfbff:2c100800:00000000:00003f00:029ee3ff:00000000:00000001:00000000", HwCapsLayout.A)]
    [InlineData("bfebfbff:029ee3ff:2c100800:00000001:00000000:00000000:00000000:00000100", HwCapsLayout.B)]
    public void Parse_NoVersionEightWords_UsesWordTwoToChoose(string text, HwCapsLayout expected)
    {
        HwCaps caps = HwCaps.Parse(text).Value;

        Assert.Equal(expected, caps.Layout);
        Assert.True(caps.Has("vmx"));
        Assert.True(caps.Has("lm"));
    }

    [Theory]
    [InlineData(4, 6, HwCapsLayout.A)]
    [InlineData(4, 7, HwCapsLayout.B)]
    [InlineData(3, 0, HwCapsLayout.A)]
    [InlineData(4, 22, HwCapsLayout.B)]
    public void LayoutFor_Version_SplitsAtFourSeven(int major, int minor, HwCapsLayout expected)
    {
        Assert.Equal(expected, HwCaps.LayoutFor(new XenVersion(major, minor)));
    }

    [Fact]
    public void Parse_CallerLayout_OverridesVersion()
    {
        HwCaps caps = HwCaps.Parse(ChineseSeed, new HwCapsOptions { Version = new XenVersion(4, 19), Layout = HwCapsLayout.A }).Value;

        Assert.Equal(HwCapsLayout.A, caps.Layout);
        Assert.Equal(HwCapsLayoutSource.Caller, caps.LayoutSource);
        Assert.True(caps.Has("vmx"));
    }

    [Fact]
    public void Parse_AllZero_HasNoX86InformationRatherThanNoFeatures()
    {
        var result = HwCaps.Parse("00000000:00000000:00000000:00000000:00000000:00000000:00000000:00000000");

        Assert.True(result.Success);
        Assert.False(result.Value.HasX86Information);
        Assert.Empty(result.Value.Features);
        Assert.Equal(FactState.Unknown, result.Value.GetFeatureState("vmx"));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.HwCapsNoX86Information);
    }

    [Fact]
    public void Parse_UnnamedBits_KeptAsWordColonBitWithInfo()
    {
        // Oracle VM 4.4.4OVM word 3: bits 20-22, 24 and 30 are vendor additions with no upstream name.
        var result = HwCaps.Parse("bfebfbff:2c100800:00000000:41707f00:77fefbff:00000000:00000021:000037ab",
            new HwCapsOptions { Version = new XenVersion(4, 4, ".4OVM") });

        string[] unnamed = result.Value.Features.Where(f => !f.IsNamed).Select(f => f.Name).ToArray();
        Assert.Equal(["3:20", "3:21", "3:22", "3:24", "3:30"], unnamed);
        Assert.Equal(5, result.Diagnostics.Count(d => d.Id == DiagnosticIds.HwCapsUnnamedBit));
        Assert.True(result.Success);
    }

    [Fact]
    public void Parse_TrailingColon_IsAcceptedAsXmQuirk()
    {
        var result = HwCaps.Parse("0383fbff:00000000:00000000:00000040:");

        Assert.True(result.Success);
        Assert.Equal(4, result.Value.Words.Count);
        Assert.True(result.Value.Has("p3"));
    }

    [Fact]
    public void Parse_ShortWord_WarnsAndReadsValue()
    {
        const string Text = "bfebfbff:20100800:00000000:0000940:0408e3fd:00000000:00000001:00000000";

        var result = HwCaps.Parse(Text, new HwCapsOptions { Version = new XenVersion(4, 0) });

        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticIds.HwCapsShortWord);
        Assert.Equal(27, d.Span.Start);
        Assert.Equal(7, d.Span.Length);
        Assert.Equal(0x940u, result.Value.Words[3]);
        Assert.True(result.Success);
    }

    [Fact]
    public void Parse_NineWords_WarnsAndKeepsEight()
    {
        var result = HwCaps.Parse(ChineseSeed + ":00000001");

        Assert.Equal(8, result.Value.Words.Count);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.HwCapsTooManyWords && d.Span.Start == ChineseSeed.Length + 1);
    }

    [Theory]
    [InlineData("(snip:-)")]
    [InlineData("")]
    [InlineData("not hex at all")]
    public void Parse_Unreadable_ReportsXH5020AndDoesNotThrow(string text)
    {
        var result = HwCaps.Parse(text);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.HwCapsUnreadable && d.IsError);
        Assert.Throws<HostCapabilitiesException>(() => result.Value);
        Assert.Equal(text, result.PartialValue!.ToString());
        Assert.False(result.PartialValue!.IsReadable);
    }

    [Fact]
    public void Parse_OneBadWord_ReportsXH5021AtThatWord()
    {
        var result = HwCaps.Parse("bfebfbff:2010zz00:00000000");

        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticIds.HwCapsInvalidWord);
        Assert.Equal(9, d.Span.Start);
        Assert.Equal(8, d.Span.Length);
        Assert.Equal(FactState.Unknown, result.PartialValue!.GetFeatureState("lm"));
    }

    [Fact]
    public void Features_LayoutBTsxldtrkPosition_IsNamedLa57ByHardware()
    {
        HwCaps caps = HwCaps.Parse("00000001:00000000:00000000:00000000:00000000:00000000:00010000:00000000",
            new HwCapsOptions { Version = new XenVersion(4, 15) }).Value;

        Assert.True(caps.Has("la57"));
    }

    [Fact]
    public void ToString_AnyText_PrintsBackExactly()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            string text = s ?? string.Empty;
            return HwCaps.Parse(text).PartialValue!.ToString() == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_RandomWords_PrintBackAndReadBackTheSameWords()
    {
        var words = ArbMap.Default.GeneratorFor<uint>().ArrayOf(8);
        Prop.ForAll(words.ToArbitrary(), ws =>
        {
            string text = string.Join(":", ws.Select(w => w.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)));
            var result = HwCaps.Parse(text);
            return result.Success && result.Value.ToString() == text && result.Value.Words.SequenceEqual(ws) &&
                   result.Value.Features.Count == ws.Sum(w => System.Numerics.BitOperations.PopCount(w));
        }).QuickCheckThrowOnFailure();
    }

    private static string[] Split(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
