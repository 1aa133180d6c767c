using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Capabilities;

public sealed class HostInfoTests
{
    // Our own fixture in the shape of xl info 4.19 output.
    internal const string Xl419 = """
        host                   : dom0
        release                : 6.12.6-amd64
        version                : #1 SMP PREEMPT_DYNAMIC Debian 6.12.6-1 (2024-12-21)
        machine                : x86_64
        nr_cpus                : 8
        max_cpu_id             : 7
        nr_nodes               : 1
        cores_per_socket       : 4
        threads_per_core       : 2
        cpu_mhz                : 2533.431
        hw_caps                : bfebfbff:77faf3ff:2c100800:00000121:0000000f:239c27eb:9840078c:00000100
        virt_caps              : pv hvm hvm_directio pv_directio hap shadow gnttab-v1 gnttab-v2
        total_memory           : 16250
        free_memory            : 2048
        sharing_freed_memory   : 0
        sharing_used_memory    : 0
        outstanding_claims     : 0
        free_cpus              : 0
        xen_major              : 4
        xen_minor              : 19
        xen_extra              : .1
        xen_version            : 4.19.1
        xen_caps               : xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64 
        xen_scheduler          : credit2
        xen_pagesize           : 4096
        platform_params        : virt_start=0xffff800000000000
        xen_changeset          : 
        xen_commandline        : dom0_mem=2048M,max:2048M loglvl=all
        cc_compiler            : gcc (Debian 14.2.0-8) 14.2.0
        cc_compile_by          : builder
        cc_compile_domain      : example.org
        cc_compile_date        : Mon Dec  2 00:00:00 UTC 2024
        build_id               : 0123456789abcdef0123456789abcdef01234567
        xend_config_format     : 4
        """;

    // Our own fixture in the shape of a badly pasted web page: prompt and prose around the block, HTML markup, values
    // wrapped onto the next line (even inside a word and inside a token), a key that lost its ':', a blank line inside.
    private const string MangledPaste =
        "Check the host first\n" +
        "$ sudo xm info\n" +
        "\n" +
        "host\t: server1\n" +
        "release\t: 2.6.32-5-xen-amd64\n" +
        "\n" +
        "version\t: #1 SMP Thu Aug 12 15:17:50 UTC\n" +
        "2010\n" +
        "machine\t: x86_64\n" +
        "nr_cpus\t: 4\n" +
        "hw_caps\t:\n" +
        "<mark>bfebfbff:20100800:000</mark>\t00000:00000940:0408e3fd:00000\n" +
        "000:00000001:000000\t<mark>00</mark>\n" +
        "virt_caps\t<mark>: hvm hvm_directio</mark>\n" +
        "total_memory\t<mark>:8025</mark>\n" +
        "free_memory\t: 1509\n" +
        "xen_major\t: 4\n" +
        "xen_minor\t: 0\n" +
        "xen_extra\t: .1-rc6\n" +
        "xen_caps\t: xen-3.0-x86_64\n" +
        "xen-3.0-x86_32p hvm-\t3.0-x86_32 hvm-3.0-x86_32p\n" +
        "<mark>hvm-3.0-x86_64</mark>\t\n" +
        "xen_commandline\t\n" +
        "cc_compiler\t: gcc version 4.4.5 20100816\n" +
        "(prerelease) (Debian 4.4.4-9)\n" +
        "xend_config_format\t: 4\n" +
        "\n" +
        "Next: create a PV guest\n";

    [Fact]
    public void Parse_XlOutput_ReadsTypedFieldsWithUnits()
    {
        var result = HostInfo.Parse(Xl419);

        Assert.True(result.Success);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        HostInfo info = result.Value;
        Assert.Equal("dom0", info.Host);
        Assert.Equal("x86_64", info.Machine);
        Assert.Equal(8, info.NrCpus);
        Assert.Equal(7, info.MaxCpuId);
        Assert.Equal(2533.431m, info.CpuMhz);
        Assert.Equal(16250L, info.TotalMemoryMiB);
        Assert.Equal(2048L, info.FreeMemoryMiB);
        Assert.Equal(new XenVersion(4, 19, ".1"), info.XenVersion);
        Assert.Equal(1, info.XenVersion!.Value.Patch);
        Assert.Equal(4096, info.XenPageSize);
        Assert.Equal(0xffff800000000000UL, info.VirtStart);
        Assert.Equal(4, info.XendConfigFormat);
        Assert.Equal(string.Empty, info.XenChangeset);
        Assert.Equal("dom0_mem=2048M,max:2048M loglvl=all", info.XenCommandLine);
        Assert.Equal(HwCapsLayout.B, info.HwCaps!.Layout);
        Assert.True(info.VirtCaps!.Has(VirtCapabilities.Hvm | VirtCapabilities.Hap));
        Assert.True(info.XenCaps!.Supports(XenCapabilityKind.Hvm, XenArchitecture.X86_32, pae: true));
        Assert.Equal(FactState.Yes, info.Facts.HvmUsable.State);
        Assert.Equal(FactState.Yes, info.Facts.Iommu.State);
        Assert.Equal(FactState.Yes, info.Facts.Hap.State);
        Assert.Equal(FactState.Yes, info.Facts.InvariantTsc.State);
        Assert.Equal(FactState.Yes, info.Facts.Hypervisor64Bit.State);
    }

    [Fact]
    public void Parse_MangledPaste_RecoversEveryFieldWithInfosAndOneWarning()
    {
        var result = HostInfo.Parse(MangledPaste);

        Assert.True(result.Success);
        HostInfo info = result.Value;
        Assert.Equal("bfebfbff:20100800:00000000:00000940:0408e3fd:00000000:00000001:00000000", info.HwCaps!.Text);
        Assert.Equal(HwCapsLayout.A, info.HwCaps.Layout);
        Assert.True(info.HwCaps.Has("vmx"));
        Assert.Equal("#1 SMP Thu Aug 12 15:17:50 UTC 2010", info.KernelVersion);
        Assert.Equal(8025L, info.TotalMemoryMiB);
        Assert.Equal(new XenVersion(4, 0, ".1-rc6"), info.XenVersion);
        Assert.Equal(["xen-3.0-x86_64", "xen-3.0-x86_32p", "hvm-3.0-x86_32", "hvm-3.0-x86_32p", "hvm-3.0-x86_64"],
            info.XenCaps!.Tokens.Select(t => t.Text).ToArray());
        Assert.Equal("gcc version 4.4.5 20100816 (prerelease) (Debian 4.4.4-9)", info.CcCompiler);
        Assert.Equal(string.Empty, info.XenCommandLine);
        Assert.Equal(["hvm", "hvm_directio"], info.VirtCaps!.Tokens);

        string[] ids = result.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [DiagnosticIds.InfoLineIgnored, DiagnosticIds.InfoLinesJoined, DiagnosticIds.InfoMarkupRemoved, DiagnosticIds.InfoFieldsMissing,
             DiagnosticIds.InfoSeparatorMissing, DiagnosticIds.XenCapsTokenRejoined],
            ids);
        Assert.Equal(3, result.Diagnostics.Count(d => d.Id == DiagnosticIds.InfoLineIgnored));
    }

    [Fact]
    public void Parse_MangledPaste_RawValueKeepsTheSourceAndSpansPointIntoIt()
    {
        HostInfo info = HostInfo.Parse(MangledPaste).Value;
        Assert.True(info.TryGetField("hw_caps", out HostInfoField? hw));

        Assert.StartsWith("<mark>bfebfbff", hw.RawValue, StringComparison.Ordinal);
        Assert.EndsWith("<mark>00</mark>", hw.RawValue, StringComparison.Ordinal);
        Assert.Equal(MangledPaste.Substring(hw.ValueSpan.Start, hw.ValueSpan.Length), hw.RawValue);
    }

    [Fact]
    public void GetField_PresentAndAbsentKey_FollowsTheDictionaryConventions()
    {
        HostInfo info = HostInfo.Parse(Xl419).Value;

        Assert.Equal("dom0", info.GetField("host").Value);
        Assert.True(info.TryGetField("host", out HostInfoField? field));
        Assert.Equal("host", field.Key);
        Assert.Null(info.GetValueOrDefault("no_such_field"));
        Assert.False(info.TryGetField("no_such_field", out _));
        Assert.Throws<KeyNotFoundException>(() => info.GetField("no_such_field"));
    }

    [Fact]
    public void Facts_AreAReadOnlyListWithKeyedLookup()
    {
        HostFacts facts = HostInfo.Parse(Xl419).Value.Facts;

        Assert.Equal(facts.Count, facts.Count());
        Assert.Same(facts.HvmUsable, facts.Get("hvm"));
        Assert.Contains(facts.HvmUsable, facts);
        Assert.Equal(facts[0], facts.First());
        Assert.True(facts.TryGet("iommu", out HostFact? iommu));
        Assert.Same(facts.Iommu, iommu);
        Assert.False(facts.TryGet("warp_drive", out _));
        Assert.Throws<KeyNotFoundException>(() => facts.Get("warp_drive"));
    }

    [Fact]
    public void Parse_SeparatorMissing_ReportsAtTheKey()
    {
        var result = HostInfo.Parse(MangledPaste);

        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticIds.InfoSeparatorMissing);
        Assert.Equal(MangledPaste.IndexOf("xen_commandline", StringComparison.Ordinal), d.Span.Start);
        Assert.Equal("xen_commandline".Length, d.Span.Length);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Parse_UnknownField_IsPreservedWithInfo()
    {
        var result = HostInfo.Parse(Xl419 + "\nfuture_field           : 42\n");

        HostInfoField f = Assert.Single(result.Value.UnknownFields);
        Assert.Equal("future_field", f.Key);
        Assert.Equal("42", f.Value);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.InfoUnknownField);
    }

    [Fact]
    public void Parse_DuplicateField_WarnsAndKeepsFirst()
    {
        var result = HostInfo.Parse("host : a\nnr_cpus : 2\nhost : b\n");

        Assert.Equal("a", result.Value.Host);
        Assert.Equal(2, result.Value.Fields.Count(f => f.Key == "host"));
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticIds.InfoDuplicateField);
        Assert.Equal(3, d.Location.Line);
        Assert.Equal(1, d.Arguments[1]);
    }

    [Fact]
    public void Parse_InvalidNumber_WarnsAndLeavesFieldAsText()
    {
        var result = HostInfo.Parse("nr_cpus : four\nfree_memory : (none)\n");

        Assert.Null(result.Value.NrCpus);
        Assert.Null(result.Value.FreeMemoryMiB);
        Assert.Equal("four", result.Value.GetValueOrDefault("nr_cpus"));
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == DiagnosticIds.InfoInvalidValue);
        Assert.Equal(10, d.Span.Start);
    }

    [Fact]
    public void Parse_VersionFieldsDisagree_Warns()
    {
        var result = HostInfo.Parse("xen_major : 4\nxen_minor : 13\nxen_extra : .0\nxen_version : 4.14.0\n");

        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.InfoVersionMismatch);
        Assert.Equal(new XenVersion(4, 13, ".0"), result.Value.XenVersion);
    }

    [Fact]
    public void Parse_OnlyXenVersion_UsesIt()
    {
        HostInfo info = HostInfo.Parse("xen_version : 4.19.1\nhw_caps : bfebfbff:17bae3bf:28100800:00000001:00000001:00000000:00000000:00000100\n").Value;

        Assert.Equal(new XenVersion(4, 19, ".1"), info.XenVersion);
        Assert.Equal(HwCapsLayoutSource.Version, info.HwCaps!.LayoutSource);
        Assert.Equal(HwCapsLayout.B, info.HwCaps.Layout);
    }

    [Fact]
    public void Parse_LayoutOption_OverridesVersion()
    {
        HostInfo info = HostInfo.Parse(Xl419, new HostInfoParseOptions { Layout = HwCapsLayout.A }).Value;

        Assert.Equal(HwCapsLayout.A, info.HwCaps!.Layout);
        Assert.Equal(HwCapsLayoutSource.Caller, info.HwCaps.LayoutSource);
    }

    [Fact]
    public void Parse_BareHwCapsValue_IsDecodedWithInfo()
    {
        var result = HostInfo.Parse("  178bfbff:ebd3fbff:00000000:00000010:00002001:00000000:0000001f\n");

        Assert.True(result.Success);
        Assert.True(result.Value.HwCaps!.Has("svm"));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.InfoBareHwCaps && d.Span.Start == 2);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.InfoFieldsMissing);
    }

    [Fact]
    public void Parse_MailQuotedAndSnipped_ReadsFields()
    {
        var result = HostInfo.Parse("> host : a\n> (snip)\n> nr_cpus : 12\n>> xen_caps : xen-3.0-x86_64\n");

        Assert.Equal("a", result.Value.Host);
        Assert.Equal(12, result.Value.NrCpus);
        Assert.Single(result.Value.XenCaps!.Tokens);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.InfoSnipped);
    }

    [Fact]
    public void Parse_MultiNodeXmLines_JoinAsOneField()
    {
        const string Text = "node_to_cpu            : node0:0-3\n                         node1:4-7\nmax_node_id            : 1\n";

        var result = HostInfo.Parse(Text);

        Assert.Equal("node0:0-3\nnode1:4-7", result.Value.NodeToCpu);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is DiagnosticIds.InfoLinesJoined or DiagnosticIds.InfoUnknownField);
    }

    [Fact]
    public void Parse_TopologyTables_StayInsideTheirField()
    {
        const string Text = "nr_cpus : 2\ncpu_topology           :\ncpu:    core    socket     node\n  0:       0        0        0\n" +
                            "device topology        :\ndevice           node\nNo device topology data available\nxen_major : 4\n";

        HostInfo info = HostInfo.Parse(Text).Value;

        Assert.Equal("cpu:    core    socket     node\n0:       0        0        0", info.GetValueOrDefault("cpu_topology"));
        Assert.Equal("device           node\nNo device topology data available", info.GetValueOrDefault("device topology"));
        Assert.Equal(4, info.XenMajor);
        Assert.Empty(info.UnknownFields);
    }

    [Fact]
    public void Parse_CrlfAndBom_SameFieldsAsLf()
    {
        HostInfo lf = HostInfo.Parse(Xl419).Value;
        HostInfo crlf = HostInfo.Parse("\uFEFF" + Xl419.Replace("\n", "\r\n", StringComparison.Ordinal)).Value;

        Assert.Equal(lf.Fields.Select(f => (f.Key, f.Value)), crlf.Fields.Select(f => (f.Key, f.Value)));
        Assert.Equal(lf.HwCaps!.Text, crlf.HwCaps!.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0")]
    [InlineData("hw_caps : \0bfebfbff")]
    [InlineData(":::::")]
    [InlineData("<<<<>>>>")]
    [InlineData("host")]
    [InlineData("\uFEFF")]
    [InlineData("\r\r\r\n\n")]
    public void Parse_DamagedInput_NeverThrows(string text)
    {
        var result = HostInfo.Parse(text);

        Assert.NotNull(result.PartialValue);
        Assert.All(result.Diagnostics, d => Assert.InRange(d.Span.End, 0, text.Length));
    }

    [Fact]
    public void Parse_NoFields_ReportsXH5001Error()
    {
        var result = HostInfo.Parse("hello world\n");

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.InfoNotHostInfo && d.IsError);
        var ex = Assert.Throws<HostCapabilitiesException>(() => HostInfo.Parse("hello world\n").Value);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Parse_OneMegabyteLines_NeverThrows()
    {
        string big = new('a', 1 << 20);
        string[] inputs =
        [
            big,
            "hw_caps : " + big,
            "hw_caps : " + string.Concat(Enumerable.Repeat("0000ffff:", 1 << 17)),
            "xen_caps : " + string.Concat(Enumerable.Repeat("hvm- ", 1 << 17)),
            "virt_caps : " + string.Concat(Enumerable.Repeat("<b>x</b> ", 1 << 16)),
            string.Concat(Enumerable.Repeat("host : x\n", 1 << 16)),
        ];

        foreach (string text in inputs)
        {
            var result = HostInfo.Parse(text);
            Assert.NotNull(result.PartialValue);
        }
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(4);
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            string text = System.Text.Encoding.Latin1.GetString(bytes);
            Assert.NotNull(HostInfo.Parse(text).PartialValue);
        }
    }

    [Fact]
    public void Parse_ArbitraryText_NeverThrowsAndSpansStayInside()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            string text = s ?? string.Empty;
            var result = HostInfo.Parse(text);
            return result.PartialValue is not null && result.Diagnostics.All(d => d.Span.End <= text.Length);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_MutatedRealOutput_NeverThrows()
    {
        var gen = from cut in Gen.Choose(0, Xl419.Length)
                  from len in Gen.Choose(0, 40)
                  from insert in ArbMap.Default.GeneratorFor<string>()
                  select Xl419[..cut] + (insert ?? string.Empty) + Xl419[Math.Min(Xl419.Length, cut + len)..];
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var result = HostInfo.Parse(text);
            return result.PartialValue is not null && result.Diagnostics.All(d => d.Span.End <= text.Length);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => HostInfo.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => HwCaps.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => XenCaps.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => VirtCaps.Parse(null!));
    }
}
