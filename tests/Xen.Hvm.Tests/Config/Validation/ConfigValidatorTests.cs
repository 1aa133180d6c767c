using System.Text.Json.Nodes;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Config.Model;
using Xen.Hvm.Tests.Infrastructure;
using static Xen.Hvm.Tests.Config.Validation.ValidationTestSupport;

namespace Xen.Hvm.Tests.Config.Validation;

/// <summary>The validator as a whole: the xl rule set against xl itself, rule sets, severities, suppression, host fit.</summary>
public sealed class ConfigValidatorTests
{
    // A Xen 4.0.1 host in the layout of `xm info` (our own fixture, after the Chinese seed's machine).
    internal const string Xen401Host = """
        host                   : vmserver
        release                : 2.6.32-5-xen-amd64
        machine                : x86_64
        nr_cpus                : 4
        nr_nodes               : 1
        cores_per_socket       : 4
        threads_per_core       : 1
        cpu_mhz                : 2826
        hw_caps                : bfebfbff:20100800:00000000:00000940:0408e3fd:00000000:00000001:00000000
        virt_caps              : hvm hvm_directio
        total_memory           : 8025
        free_memory            : 1509
        xen_major              : 4
        xen_minor              : 0
        xen_extra              : .1-rc6
        xen_caps               : xen-3.0-x86_64 xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64
        xen_scheduler          : credit
        xen_pagesize           : 4096
        """;

    // The Russian seed's Windows XP guest, in our own words (xm syntax).
    internal const string WinXpGuest = """
        kernel = "/usr/lib/xen/boot/hvmloader"
        builder = 'hvm'
        memory = 512
        name = "winxp"
        vcpus = 1
        pae = 0
        acpi = 0
        apic = 0
        vif = [ 'type=ioemu, bridge=xenbr0' ]
        disk = [ 'file:/srv/xen/winxp.img,ioemu:hda,w', 'file:/srv/iso/winxp-sp2.iso,ioemu:hdc:cdrom,r' ]
        on_poweroff = 'destroy'
        on_reboot = 'destroy'
        on_crash = 'destroy'
        device_model = '/usr/lib/xen/bin/qemu-dm'
        boot = 'd'
        sdl = 0
        vnc = 1
        stdvga = 0
        serial = 'pty'
        """;

    public static TheoryData<string> DryRunFiles()
    {
        var data = new TheoryData<string>();
        foreach (JsonObject row in BindConformanceTests.DryRunRows())
        {
            data.Add(row["file"]!.GetValue<string>());
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(DryRunFiles))]
    public void Validate_RulesXl_HasErrorsExactlyWhenXlRefuses(string file)
    {
        JsonObject row = BindConformanceTests.DryRunRows().Single(r => r["file"]!.GetValue<string>() == file);
        ConfigDocument doc = XenConfig.Parse(File.ReadAllBytes(Corpus.PathOf(file)), file, new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
        ValidationResult result = ConfigValidator.Validate(doc, new ValidationOptions { Rules = ValidationRuleSet.Xl });

        bool refused = row["rc"]!.GetValue<int>() != 0;
        Assert.True(refused == result.HasErrors,
            $"xl rc {row["rc"]}: {string.Join(" | ", row["stderr"]!.AsArray().Skip(1))}\nours: {string.Join("\n", result.Diagnostics.Where(static d => d.IsError))}");
    }

    [CorpusTheory]
    [MemberData(nameof(DryRunFiles))]
    public void Validate_AnyCorpusFileAnyRulesAnyTarget_DoesNotThrowAndReportsIds(string file)
    {
        byte[] bytes = File.ReadAllBytes(Corpus.PathOf(file));
        ConfigDocument doc = XenConfig.Parse(bytes, file);
        HostInfo host = HostInfo.Parse(Xen401Host).Value;
        foreach (var (toolstack, version) in new[] { (Toolstack.Xl, new XenVersion(4, 17)), (Toolstack.Xl, new XenVersion(4, 21)), (Toolstack.Xm, new XenVersion(4, 1)) })
        {
            ValidationResult r = ConfigValidator.Validate(doc, new ValidationOptions { Rules = ValidationRuleSet.All, Toolstack = toolstack, XenVersion = version, Host = host });
            Assert.All(r.Diagnostics, static d => Assert.Matches("^XH[0-9]{4}$", d.Id));
            Assert.NotNull(r.FitsHost);
        }
    }

    [Fact]
    public void Validate_RuleSets_AreCumulative()
    {
        const string text = HvmBase + "videoram = 6\nmemroy = 512\nbuilder = \"hvm\"\n";
        int Count(ValidationRuleSet rules) => ValidateXl(text, new ValidationOptions { Rules = rules }).Diagnostics.Count(static d => d.Id.StartsWith("XH8", StringComparison.Ordinal));
        Assert.Equal(0, Count(ValidationRuleSet.Xl));
        Assert.Equal(1, Count(ValidationRuleSet.Libxl));
        Assert.Equal(2, Count(ValidationRuleSet.Recommended));
        Assert.Equal(3, Count(ValidationRuleSet.All));
    }

    [Fact]
    public void Validate_SeverityOverride_ChangesSeverityAndHasErrors()
    {
        const string text = HvmBase + "memory = 2048\nmaxmem = 1024\n";
        Assert.False(ValidateXl(text).HasErrors);
        ValidationResult r = ValidateXl(text, ValidationOptions.Default.WithSeverity("xh8108", DiagnosticSeverity.Error));
        Assert.True(r.HasErrors);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.MemoryAboveMaxmem).Severity);
    }

    [Fact]
    public void Validate_SeverityOverride_AppliesToBindingIds()
    {
        ValidationResult r = ValidateXl(HvmBase + "vga = \"vmware\"\n", ValidationOptions.Default.WithSeverity(DiagnosticIds.UnknownSetValue, DiagnosticSeverity.Warning));
        Assert.False(r.HasErrors);
        Assert.True(r.Binding.HasErrors);
    }

    [Fact]
    public void Validate_Suppressed_LeavesTheIdOut()
    {
        ValidationResult r = ValidateXl(HvmBase + "videoram = 6\n", ValidationOptions.Default.WithSuppressed(DiagnosticIds.VideoRamTooSmall));
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id == DiagnosticIds.VideoRamTooSmall);
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Validate_Diagnostics_AreOrderedByPosition()
    {
        ValidationResult r = ValidateXl(HvmBase + "soundhw = \"all\"\nvideoram = 6\nmemroy = 1\n");
        Assert.Equal(r.Diagnostics.Select(static d => d.Span.Start).Order(), r.Diagnostics.Select(static d => d.Span.Start));
    }

    [Fact]
    public void Validate_SeedWinXpOnXen401Host_Fits()
    {
        HostInfo host = HostInfo.Parse(Xen401Host).Value;
        ValidationResult r = ValidateXm(WinXpGuest, new ValidationOptions { Host = host, Toolstack = Toolstack.Xm, XenVersion = host.XenVersion!.Value });
        Assert.True(r.FitsHost);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
    }

    [Fact]
    public void Validate_HostWithLessFreeMemory_ReportsXH5045AtMemory()
    {
        HostInfo host = HostInfo.Parse(Xen401Host).Value;
        const string text = HvmBase + "memory = 4096\nvcpus = 8\n";
        ValidationResult r = ValidateXl(text, new ValidationOptions { Host = host });
        Assert.False(r.FitsHost);
        Assert.Equal(BindTestSupport.SpanOf(text, "4096"), Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.CheckMemoryShort).Span);
        Diagnostic vcpus = Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.CheckVcpusOvercommitted);
        Assert.Equal(BindTestSupport.SpanOf(text, "8"), vcpus.Span);
    }

    [Fact]
    public void Validate_HostWithoutHvm_ReportsAtType()
    {
        HostInfo host = HostInfo.Parse(Xen401Host.Replace("virt_caps              : hvm hvm_directio", "virt_caps              :", StringComparison.Ordinal)
            .Replace(" hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64", string.Empty, StringComparison.Ordinal)).Value;
        ValidationResult r = ValidateXl(HvmBase, new ValidationOptions { Host = host });
        Assert.False(r.FitsHost);
        Diagnostic d = Assert.Single(r.Diagnostics, static d => d.IsError && d.Id.StartsWith("XH504", StringComparison.Ordinal));
        Assert.Equal(BindTestSupport.SpanOf(HvmBase, "\"hvm\""), d.Span);
    }

    [Fact]
    public void Validate_HostWithoutHapOrIommu_ReportsHapAndPci()
    {
        // Xen 4.17 reports hap in virt_caps (4.0 did not): a 4.17 host without it has no HAP.
        HostInfo host = HostInfo.Parse(Xen401Host.Replace("hvm hvm_directio", "hvm", StringComparison.Ordinal)
            .Replace("xen_minor              : 0", "xen_minor              : 17", StringComparison.Ordinal)
            .Replace(".1-rc6", ".0", StringComparison.Ordinal)).Value;
        const string text = HvmBase + "hap = 1\npci = [\"01:00.0\"]\n";
        ValidationResult r = ValidateXl(text, new ValidationOptions { Host = host });
        Assert.Equal(BindTestSupport.SpanOf(text, "1"), Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.CheckHapUnavailable).Span);
        Assert.Equal(BindTestSupport.SpanOf(text, "[\"01:00.0\"]"), Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.CheckNoIommu).Span);
    }

    [Fact]
    public void Validate_PvGuestOnHostWithoutPv_ReportsXH8151()
    {
        HostInfo host = HostInfo.Parse(Xen401Host.Replace("xen-3.0-x86_64 xen-3.0-x86_32p ", string.Empty, StringComparison.Ordinal)).Value;
        ValidationResult r = ValidateXl(PvBase, new ValidationOptions { Host = host });
        Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.PvUnavailable);
        Assert.False(r.FitsHost);
    }

    [Fact]
    public void Validate_HostCpus_ReachXlsAffinityCheck()
    {
        const string text = PvBase + "vcpus = 2\ncpus = \"6\"\n";
        Assert.False(ValidateXl(text).HasErrors);
        ValidationResult r = ValidateXl(text, new ValidationOptions { Host = HostInfo.Parse(Xen401Host).Value });
        Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.AffinityOutsideHost);
    }

    [Fact]
    public void Validate_NoHost_FitsHostIsNull() => Assert.Null(ValidateXl(HvmBase).FitsHost);
}
