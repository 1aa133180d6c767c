using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Config.Model;
using static Xen.Hvm.Tests.Config.Validation.ValidationTestSupport;

namespace Xen.Hvm.Tests.Config.Validation;

/// <summary>
/// What neither xl nor libxl checks (XH81xx): unknown keys with the key meant, options the guest type, toolstack or
/// version ignores, values a version does not know, memory above maxmem, duplicate MACs, pae = 0 above 4 GiB, the
/// CD-ROM first in boot; and the file-system probe.
/// </summary>
public sealed class ConfigValidatorRecommendedTests
{
    private static readonly ValidationOptions s_all = new() { Rules = ValidationRuleSet.All };

    public static TheoryData<string, string, string, string, int, string, string> Cases() => new()
    {
        // id, bad config, severity, span text, occurrence, fixed config, target version
        { DiagnosticIds.UnknownKey, HvmBase + "memroy = 512\n", "Warning", "512", 0, HvmBase + "memory = 512\n", "4.17" },
        { DiagnosticIds.UnknownKey, HvmBase + "vcpu = 2\n", "Warning", "2", 0, HvmBase + "vcpus = 2\n", "4.17" },
        { DiagnosticIds.OptionNotForGuestType, PvBase + "viridian = 1\n", "Warning", "1", 0, PvBase, "4.17" },
        { DiagnosticIds.OptionNotForGuestType, PvBase + "stdvga = 1\n", "Warning", "1", 0, HvmBase + "stdvga = 1\n", "4.17" },
        { DiagnosticIds.OptionNotYetAvailable, "name = \"h\"\ntype = \"hvm\"\n", "Warning", "\"hvm\"", 0, "name = \"h\"\nbuilder = \"hvm\"\n", "4.9" },
        { DiagnosticIds.OptionRemoved, PvBase + "pvh = 1\n", "Warning", "1", 0, "name = \"v\"\ntype = \"pvh\"\nkernel = \"/k\"\n", "4.17" },
        { DiagnosticIds.OptionOfOtherToolstack, HvmBase + "cdrom = \"/iso/x.iso\"\n", "Warning", "\"/iso/x.iso\"", 0, HvmBase + "disk = [\"/iso/x.iso,raw,hdc,ro,devtype=cdrom\"]\n", "4.17" },
        { DiagnosticIds.OptionDeprecated, "name = \"h\"\nbuilder = \"hvm\"\n", "Warning", "\"hvm\"", 0, HvmBase, "4.17" },
        { DiagnosticIds.OptionDeprecated, HvmBase + "stdvga = 1\n", "Warning", "1", 0, HvmBase + "vga = \"stdvga\"\n", "4.17" },
        { DiagnosticIds.ValueNotAvailableAtVersion, HvmBase + "device_model_version = \"qemu-xen-traditional\"\n", "Error", "\"qemu-xen-traditional\"", 0, HvmBase + "device_model_version = \"qemu-xen\"\n", "4.21" },
        { DiagnosticIds.ValueNotAvailableAtVersion, HvmBase + "viridian = [\"base\", \"hcall_ipi\"]\n", "Error", "\"hcall_ipi\"", 0, HvmBase + "viridian = [\"base\", \"freq\"]\n", "4.12" },
        { DiagnosticIds.ValueNotAvailableAtVersion, HvmBase + "builder = \"hvm\"\nviridian = [\"base\"]\n", "Warning", "[\"base\"]", 0, HvmBase + "viridian = 1\n", "4.4" },
        { DiagnosticIds.MemoryAboveMaxmem, HvmBase + "memory = 2048\nmaxmem = 1024\n", "Warning", "2048", 0, HvmBase + "memory = 2048\nmaxmem = 2048\n", "4.17" },
        { DiagnosticIds.CdromFirstInBoot, HvmBase + "boot = \"dc\"\ndisk = [\"/img/a.img,raw,hda,rw\", \"/iso/x.iso,raw,hdc,ro,devtype=cdrom\"]\n", "Info", "\"dc\"", 0, HvmBase + "boot = \"cd\"\ndisk = [\"/img/a.img,raw,hda,rw\", \"/iso/x.iso,raw,hdc,ro,devtype=cdrom\"]\n", "4.17" },
        { DiagnosticIds.DuplicateMac, PvBase + "vif = [\"mac=00:16:3e:00:00:01\", \"mac=00:16:3e:00:00:01\"]\n", "Warning", "\"mac=00:16:3e:00:00:01\"", 1, PvBase + "vif = [\"mac=00:16:3e:00:00:01\", \"mac=00:16:3e:00:00:02\"]\n", "4.17" },
        { DiagnosticIds.PaeOffWithLargeMemory, HvmBase + "pae = 0\nmemory = 8192\n", "Warning", "0", 0, HvmBase + "pae = 1\nmemory = 8192\n", "4.17" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_RecommendedRule_ReportsItsIdAtTheValueAndTheFixIsClean(
        string id, string text, string severity, string part, int occurrence, string fixedText, string version) =>
        AssertRule(text, id, Enum.Parse<DiagnosticSeverity>(severity), part, occurrence, fixedText, s_all with { XenVersion = Xen.Hvm.Capabilities.XenVersion.Parse(version) });

    [Fact]
    public void Cases_CoverEveryRecommendedIdButTheProbeAndValueHints()
    {
        var covered = Cases().Select(static row => (string)row[0])
            .Concat([DiagnosticIds.BridgeNotFound, DiagnosticIds.DiskTargetNotFound, DiagnosticIds.DidYouMeanValue])
            .ToHashSet(StringComparer.Ordinal);
        var recommended = DiagnosticCatalog.All.Select(static d => d.Id).Where(static id => string.CompareOrdinal(id, "XH8100") >= 0 && string.CompareOrdinal(id, "XH8150") < 0);
        Assert.DoesNotContain(recommended, id => !covered.Contains(id));
    }

    [Fact]
    public void Validate_UnknownKey_SuggestsTheOptionMeant()
    {
        ValidationResult r = ValidateXl(HvmBase + "memroy = 512\n");
        Assert.Equal("memory", Assert.IsType<string>(Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.UnknownKey).Arguments[2]).Split('\'')[1]);
    }

    [Fact]
    public void Validate_XmHelperVariable_IsOnlyAnInfo()
    {
        ValidationResult r = ValidateXm("import os\narch_libdir = 'lib'\nname = 'h'\nbuilder = 'hvm'\n");
        Diagnostic d = Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.UnknownKey);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void Validate_MisspeltSetValue_AddsDidYouMeanAtTheBindingError()
    {
        const string text = HvmBase + "vga = \"cirus\"\n";
        ValidationResult r = ValidateXl(text);
        Diagnostic error = Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.UnknownSetValue);
        Diagnostic hint = Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.DidYouMeanValue);
        Assert.Equal(error.Span, hint.Span);
        Assert.Equal(DiagnosticSeverity.Info, hint.Severity);
        Assert.Equal("cirrus", hint.Arguments[2]);
    }

    [Fact]
    public void Validate_MisspeltSoundCard_AddsDidYouMean()
    {
        ValidationResult r = ValidateXl(HvmBase + "soundhw = \"ac98\"\n");
        Assert.Equal("ac97", Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.DidYouMeanValue).Arguments[2]);
    }

    [Fact]
    public void Validate_DefaultOptions_ProbeNothing()
    {
        Assert.Null(ValidationOptions.Default.Probe);
        ValidationResult r = ValidateXl(PvBase + "vif = [\"bridge=no-such-br9\"]\ndisk = [\"/no/such/disk.img,raw,xvda,rw\"]\n", new ValidationOptions { Rules = ValidationRuleSet.All });
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id is DiagnosticIds.BridgeNotFound or DiagnosticIds.DiskTargetNotFound);
    }

    [Fact]
    public void Validate_ProbeSaysMissing_ReportsBridgeAndTargetAtTheirItems()
    {
        const string text = PvBase + "vif = [\"bridge=br9\", \"script=vif-route\"]\ndisk = [\"/nope.img,raw,xvda,rw\", \"/ok.img,raw,xvdb,rw\"]\n";
        var probe = new FakeProbe { Bridges = ["xenbr0"], Paths = ["/ok.img"] };
        ValidationResult r = ValidateXl(text, ValidationOptions.Default with { Probe = probe });
        Assert.Equal(BindTestSupport.SpanOf(text, "\"bridge=br9\""), Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.BridgeNotFound).Span);
        Diagnostic missing = Assert.Single(r.Diagnostics, static d => d.Id == DiagnosticIds.DiskTargetNotFound);
        Assert.Equal(BindTestSupport.SpanOf(text, "\"/nope.img,raw,xvda,rw\""), missing.Span);
        Assert.True(missing.IsError);
    }

    [Fact]
    public void Validate_ProbeCannotTell_ReportsNothing()
    {
        ValidationResult r = ValidateXl(PvBase + "vif = [\"bridge=br9\"]\n", ValidationOptions.Default with { Probe = new FakeProbe { Unknown = true } });
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id == DiagnosticIds.BridgeNotFound);
    }

    [Fact]
    public void LocalValidationProbe_RelativeOrEmpty_CannotTell()
    {
        Assert.Null(LocalValidationProbe.Instance.PathExists("relative.img"));
        Assert.Null(LocalValidationProbe.Instance.PathExists(string.Empty));
        Assert.Null(LocalValidationProbe.Instance.BridgeExists("../x"));
        Assert.True(LocalValidationProbe.Instance.PathExists(AppContext.BaseDirectory));
    }

    private sealed class FakeProbe : IValidationProbe
    {
        public HashSet<string> Bridges { get; init; } = [];

        public HashSet<string> Paths { get; init; } = [];

        public bool Unknown { get; init; }

        public bool? BridgeExists(string name)
        {
            return Unknown ? null : Bridges.Contains(name);
        }

        public bool? PathExists(string path)
        {
            return Unknown ? null : Paths.Contains(path);
        }
    }
}
