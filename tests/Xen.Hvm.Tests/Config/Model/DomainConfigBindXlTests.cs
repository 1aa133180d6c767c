using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Tests.Infrastructure;
using static Xen.Hvm.Tests.Config.Model.BindTestSupport;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>xl files are typed as xl's getters type them (<c>xl_parse.c</c>, <c>libxlu_cfg.c</c>).</summary>
public sealed class DomainConfigBindXlTests
{
    private const string Pv = "name = \"p\"\nkernel = \"/k\"\n";

    [Theory]
    [InlineData("memory = 512\n", 512)]
    [InlineData("memory = \"512\"\n", 512)]
    [InlineData("memory = \"0x200\"\n", 512)]
    [InlineData("memory = 0x200\n", 512)]
    [InlineData("memory = \"010\"\n", 8)]
    [InlineData("memory = \" +7\"\n", 7)]
    [InlineData("memory = \"-1\"\n", -1)]
    public void Bind_GetLong_ReadsNumbersAndStringsAsStrtolBase0(string line, long expected)
    {
        BindResult r = BindXl(Pv + line);

        Assert.Equal(expected, r.Config.MemoryMiB);
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id is DiagnosticIds.NotANumber or DiagnosticIds.NumberOutOfRange);
    }

    [Theory]
    [InlineData("\"12abc\"")]
    [InlineData("\"512M\"")]
    [InlineData("\"512 \"")]
    [InlineData("\"\"")]
    [InlineData("\"0x\"")]
    [InlineData("\"09\"")]
    public void Bind_GetLongTrailingCharacters_IsNotANumberAndKeepsTheRawValue(string value)
    {
        string text = Pv + "memory = " + value + "\n";
        BindResult r = BindXl(text);

        Assert.Null(r.Config.MemoryMiB);
        AssertDiagnostic(r, DiagnosticIds.NotANumber, DiagnosticSeverity.Warning, text, value);
        Assert.True(r.TryGetRawValue(OptionCatalog.Get("memory"), out ConfigValue? raw));
        Assert.Equal(new ConfigString(value.Trim('"')), raw);
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Bind_GetLongOverflow_IsOutOfRange()
    {
        string text = Pv + "memory = 99999999999999999999\n";
        BindResult r = BindXl(text);

        Assert.Null(r.Config.MemoryMiB);
        AssertDiagnostic(r, DiagnosticIds.NumberOutOfRange, DiagnosticSeverity.Warning, text, "99999999999999999999");
    }

    [Fact]
    public void Bind_GetLongAfterAppend_IsRefusedAtTheLastSetting()
    {
        string text = Pv + "memory = \"5\"\nmemory += \"12\"\n";
        BindResult r = BindXl(text);

        Assert.Null(r.Config.MemoryMiB);
        AssertDiagnostic(r, DiagnosticIds.AppendToNumber, DiagnosticSeverity.Warning, text, "\"12\"");
        Assert.True(r.TryGetRawValue(OptionCatalog.Get("memory"), out ConfigValue? raw));
        Assert.Equal(new ConfigString("512"), raw);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("\"2\"", true)]
    [InlineData("\"-1\"", true)]
    [InlineData("\"0x0\"", false)]
    public void Bind_GetDefbool_ReadsAnIntegerZeroFalseElseTrue(string value, bool expected)
    {
        BindResult r = BindXl(Pv + "nomigrate = " + value + "\n");

        Assert.Equal(expected, r.Config.NoMigrate);
    }

    [Fact]
    public void Bind_GetDefboolWord_IsNotANumber()
    {
        string text = Pv + "nomigrate = \"yes\"\n";
        BindResult r = BindXl(text);

        Assert.Null(r.Config.NoMigrate);
        AssertDiagnostic(r, DiagnosticIds.NotANumber, DiagnosticSeverity.Warning, text, "\"yes\"");
    }

    [Fact]
    public void Bind_GetStringNumberAtom_IsItsTextAsWritten()
    {
        BindResult r = BindXl("name = 1\nkernel = 0x10\n");

        Assert.Equal("1", r.Config.Name);
        Assert.Equal("0x10", r.Config.Kernel);
    }

    [Fact]
    public void Bind_ScalarGivenAList_IsIgnoredWithAWarningAtTheList()
    {
        string text = Pv + "memory = [512]\n";
        BindResult r = BindXl(text);

        Assert.Null(r.Config.MemoryMiB);
        AssertDiagnostic(r, DiagnosticIds.ValueIsList, DiagnosticSeverity.Warning, text, "[512]");
    }

    [Fact]
    public void Bind_ListGivenAScalar_IsIgnoredWithAWarning()
    {
        string text = Pv + "pci = \"01:00.0\"\n";
        BindResult r = BindXl(text);

        Assert.Null(r.Config.PciDevices);
        AssertDiagnostic(r, DiagnosticIds.ValueIsNotList, DiagnosticSeverity.Warning, text, "\"01:00.0\"");
    }

    [Fact]
    public void Bind_NestedListInADeviceList_CutsTheListThere()
    {
        string text = Pv + "disk = [\"/a,raw,xvda,w\", [\"x\"], \"/b,raw,xvdb,w\"]\n";
        BindResult r = BindXl(text);

        DiskSpec disk = Assert.Single(r.Config.Disks!);
        Assert.Equal("/a", disk.Target);
        AssertDiagnostic(r, DiagnosticIds.NestedListCutsList, DiagnosticSeverity.Warning, text, "[\"x\"]");
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Bind_NestedListInAStringList_CutsTheListThere()
    {
        BindResult r = BindXl(Pv + "dtdev = [\"/a\", [\"b\"], \"/c\"]\n");

        Assert.Equal(["/a"], r.Config.DeviceTreeDevices!);
    }

    [Fact]
    public void Bind_NestedListInIoports_IsRefused()
    {
        string text = Pv + "ioports = [[\"2f8\"]]\n";
        BindResult r = BindXl(text);

        AssertDiagnostic(r, DiagnosticIds.NestedListItemRefused, DiagnosticSeverity.Error, text, "[\"2f8\"]");
    }

    [Fact]
    public void Bind_StringOrListOption_KeepsTheFormTheFileUsed()
    {
        BindResult one = BindXl(Pv + "serial = \"pty\"\ncpus = \"0-3\"\n");
        BindResult list = BindXl(Pv + "serial = [\"pty\", \"file:/tmp/s\"]\ncpus = [\"0\", \"1-2\"]\n");

        Assert.False(one.Config.Serial!.IsList);
        Assert.Equal("pty", one.Config.Serial.Single);
        Assert.False(one.Config.CpuAffinity!.IsList);
        Assert.Equal("0-3", one.Config.CpuAffinity.Single!.ToString());
        Assert.True(list.Config.Serial!.IsList);
        Assert.Equal(["pty", "file:/tmp/s"], list.Config.Serial.Items);
        Assert.True(list.Config.CpuAffinity!.IsList);
        Assert.Equal(2, list.Config.CpuAffinity.Items.Count);
    }

    [Theory]
    [InlineData("hvm", GuestType.Hvm)]
    [InlineData("h", GuestType.Hvm)]
    [InlineData("", GuestType.Hvm)]
    [InlineData("p", GuestType.Pv)]
    [InlineData("pv", GuestType.Pv)]
    [InlineData("pvh", GuestType.Pvh)]
    public void Bind_Type_MatchesAPrefixAndKeepsTheSpelling(string value, GuestType expected)
    {
        BindResult r = BindXl(Pv + "type = \"" + value + "\"\n");

        Assert.Equal(expected, r.Config.Type!.Value.Value);
        Assert.Equal(value, r.Config.Type.Value.Spelling);
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id == DiagnosticIds.UnknownSetValue);
    }

    [Fact]
    public void Bind_TypeNotAPrefix_IsKeptUnrecognisedAndRefused()
    {
        string text = Pv + "type = \"xen\"\n";
        BindResult r = BindXl(text);

        Assert.False(r.Config.Type!.Value.IsKnown);
        Assert.Equal("xen", r.Config.Type.Value.Spelling);
        AssertDiagnostic(r, DiagnosticIds.UnknownSetValue, DiagnosticSeverity.Error, text, "\"xen\"");
    }

    [Theory]
    [InlineData("builder = \"hvm\"\n", false)]
    [InlineData("builder = \"gen\"\nkernel = \"/k\"\n", false)]
    [InlineData("builder = \"linux\"\nkernel = \"/k\"\n", true)]
    public void Bind_Builder_MatchesAPrefixOfHvmOrGeneric(string lines, bool refused)
    {
        BindResult r = BindXl("name = \"b\"\n" + lines);

        Assert.Equal(refused, r.Diagnostics.Any(static d => d.Id == DiagnosticIds.UnknownSetValue && d.IsError));
        Assert.Equal(refused, r.HasErrors);
    }

    [Fact]
    public void Bind_LibxlFromStringSet_IsCaseInsensitive()
    {
        BindResult r = BindXl("name = \"h\"\ntype = \"hvm\"\nbios = \"SeaBIOS\"\nhdtype = \"AHCI\"\n");

        Assert.Equal(BiosKind.Seabios, r.Config.Bios!.Value.Value);
        Assert.Equal("SeaBIOS", r.Config.Bios.Value.Spelling);
        Assert.Equal(HdType.Ahci, r.Config.HdType!.Value.Value);
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Bind_XlStrcmpSet_IsExactAndKeepsTheUnknownSpelling()
    {
        string text = Pv + "on_crash = \"Restart\"\n";
        BindResult r = BindXl(text);

        Assert.False(r.Config.OnCrash!.Value.IsKnown);
        Assert.Equal("Restart", r.Config.OnCrash.Value.Spelling);
        AssertDiagnostic(r, DiagnosticIds.UnknownSetValue, DiagnosticSeverity.Error, text, "\"Restart\"");
    }

    [Theory]
    [InlineData("0", TscMode.Default)]
    [InlineData("1", TscMode.AlwaysEmulate)]
    [InlineData("\"2\"", TscMode.Native)]
    [InlineData("3", TscMode.NativeParavirt)]
    public void Bind_TscModeInteger_MapsToTheMemberAndIsDeprecated(string value, TscMode expected)
    {
        string text = Pv + "tsc_mode = " + value + "\n";
        BindResult r = BindXl(text);

        Assert.Equal(expected, r.Config.TscMode!.Value.Value);
        AssertDiagnostic(r, DiagnosticIds.DeprecatedIntegerForm, DiagnosticSeverity.Warning, text, value);
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Bind_TscModeIntegerOutOfRange_IsRefused()
    {
        string text = Pv + "tsc_mode = 7\n";
        BindResult r = BindXl(text);

        Assert.False(r.Config.TscMode!.Value.IsKnown);
        AssertDiagnostic(r, DiagnosticIds.ValueOutOfRange, DiagnosticSeverity.Error, text, "7");
    }

    [Fact]
    public void Bind_TimerModeName_IsCaseInsensitiveAndNotDeprecated()
    {
        BindResult r = BindXl("name = \"h\"\ntype = \"hvm\"\ntimer_mode = \"No_Delay_For_Missed_Ticks\"\n");

        Assert.Equal(TimerMode.NoDelayForMissedTicks, r.Config.TimerMode!.Value.Value);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Bind_Altp2mInteger_MapsWithoutDeprecation()
    {
        BindResult r = BindXl("name = \"h\"\ntype = \"hvm\"\naltp2m = 2\n");

        Assert.Equal(Altp2mMode.External, r.Config.Altp2m!.Value.Value);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Bind_Viridian_IsABooleanOrAListOfGroups()
    {
        BindResult boolean = BindXl("name = \"h\"\ntype = \"hvm\"\nviridian = 1\n");
        BindResult groups = BindXl("name = \"h\"\ntype = \"hvm\"\nviridian = [\"base\", \"!time_ref_count\"]\n");

        Assert.True(boolean.Config.Viridian!.Enabled);
        Assert.Null(boolean.Config.Viridian.Groups);
        Assert.Equal(2, groups.Config.Viridian!.Groups!.Count);
        Assert.True(groups.Config.Viridian.Groups[1].Disable);
    }

    [Fact]
    public void Bind_GfxPassthru_IsANumberOrAKind()
    {
        BindResult number = BindXl("name = \"h\"\ntype = \"hvm\"\ngfx_passthru = 0\n");
        BindResult kind = BindXl("name = \"h\"\ntype = \"hvm\"\ngfx_passthru = \"igd\"\n");

        Assert.Equal(new GfxPassthruSetting(false), number.Config.GfxPassthru);
        Assert.True(kind.Config.GfxPassthru!.Enabled);
        Assert.Equal(GfxPassthruKind.Igd, kind.Config.GfxPassthru.Kind!.Value.Value);
    }

    [Fact]
    public void Bind_SpecStringDiagnostic_LandsInTheFile()
    {
        string text = Pv + "disk = [\"/x,raw,xvda,rx\"]\n";
        BindResult r = BindXl(text);

        Assert.True(r.Diagnostics.Count(static d => d.Id == DiagnosticIds.DiskUnknownAccess) == 1, string.Join("\n", r.Diagnostics));
        Diagnostic d = r.Diagnostics.Single(static d => d.Id == DiagnosticIds.DiskUnknownAccess);
        Assert.True(d.IsError);
        Assert.Equal(SpanOf(text, "rx"), d.Span);
        Assert.Equal(3, d.Location.Line);
        Assert.Empty(r.Config.Disks!);
    }

    [Fact]
    public void Bind_SpecStringErrorOfAKeyXlDoesNotCheck_IsAWarning()
    {
        BindResult r = BindXl("name = \"h\"\ntype = \"hvm\"\nusbdevice = \"nosuchdevice:1\"\n");

        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Bind_DeviceListsAndVnuma_AreTheSpecRecords()
    {
        BindResult r = BindXl("name = \"h\"\ntype = \"hvm\"\nvif = [\"mac=00:16:3e:00:00:01,bridge=xenbr0\"]\npci = [\"01:00.0\"]\n" +
            "vnuma = [[\"pnode=0\", \"size=512\", \"vcpus=0\"]]\nmaxvcpus = 1\n");

        Assert.Equal("xenbr0", Assert.Single(r.Config.Vifs!).Bridge);
        Assert.Single(r.Config.PciDevices!);
        Assert.Equal(3, Assert.Single(r.Config.VnumaNodes!).Count);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
    }

    /// <summary>Without maxvcpus, xl takes the vNUMA vCPU count as maxvcpus, then refuses more vcpus than that
    /// ("xl: maxvcpus < vcpus"); as many or fewer are fine.</summary>
    [Theory]
    [InlineData(4, "0-1", true)]
    [InlineData(3, "0,1", true)]
    [InlineData(2, "0-1", false)]
    [InlineData(1, "0-1", false)]
    public void Bind_VnumaWithFewerVcpusThanVcpus_IsXH3020(int vcpus, string vnumaVcpus, bool refused)
    {
        BindResult r = BindXl(VnumaGuest(vcpus, vnumaVcpus));

        Assert.Equal(refused ? [DiagnosticIds.VnumaMismatch] : [], r.Diagnostics.Where(static d => d.IsError).Select(static d => d.Id));
    }

    [XlTheory]
    [InlineData(4, "0-1")]
    [InlineData(3, "0,1")]
    [InlineData(2, "0-1")]
    [InlineData(1, "0-1")]
    public void Bind_VnumaAgainstVcpus_RefusesExactlyWhenRealXlDoes(int vcpus, string vnumaVcpus)
    {
        using var dir = new TempDirectory();
        string text = VnumaGuest(vcpus, vnumaVcpus);
        File.WriteAllText(dir.File("g.cfg"), text);

        bool xlRefuses = XlDryRun.Run(dir.File("g.cfg"))["rc"]!.GetValue<int>() != 0;

        Assert.Equal(xlRefuses, BindXl(text).HasErrors);
    }

    private static string VnumaGuest(int vcpus, string vnumaVcpus) =>
        $"name = \"h\"\ntype = \"hvm\"\nmemory = 1024\nvcpus = {vcpus}\nvnuma = [[\"pnode=0\", \"size=1024\", \"vcpus={vnumaVcpus}\", \"vdistances=10\"]]\n";

    [Fact]
    public void Bind_UnknownKeys_AreKeptInOrderWithoutDiagnostics()
    {
        BindResult r = BindXl(Pv + "zeta = 1\nalpha = [\"a\"]\nzeta = \"2\"\n");

        Assert.Equal(["zeta", "alpha"], r.Config.OtherSettings.Select(static s => s.Name));
        Assert.Equal(new ConfigString("2"), r.Config.OtherSettings[0].Value);
        Assert.Empty(r.Diagnostics);
        Assert.True(r.TryGetLocation("alpha", out var location));
        Assert.Equal(4, location.Line);
    }

    [Fact]
    public void Bind_OptionTheTargetVersionDoesNotRead_IsStillBound()
    {
        BindResult r = BindXl(Pv + "virtio = [\"type=virtio,mmio\"]\nxenstore_feature_mask = 3\n");

        Assert.Equal(["type=virtio,mmio"], r.Config.VirtioDevices!);
        Assert.Equal(3, r.Config.XenstoreFeatureMask);
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Bind_Location_IsTheLastSettingsValue()
    {
        string text = Pv + "memory = 256\nmemory = \"1024\"\n";
        BindResult r = BindXl(text);

        Assert.Equal(1024, r.Config.MemoryMiB);
        Assert.True(r.TryGetLocation(OptionCatalog.Get("memory"), out var location));
        Assert.Equal(SpanOf(text, "\"1024\""), location.Span);
        Assert.Equal("guest.cfg", location.Path);
        Assert.True(r.TryGetRawValue(OptionCatalog.Get("memory"), out ConfigValue? raw));
        Assert.Equal(new ConfigString("1024"), raw);
        Assert.False(r.TryGetLocation(OptionCatalog.Get("vcpus"), out _));
    }

    [Fact]
    public void Bind_AppendedList_ItemsKeepTheirOwnSpans()
    {
        string text = Pv + "disk = [\"/a,raw,xvda,w\"]\ndisk += [\"/b,raw,xvdb,rx\"]\n";
        BindResult r = BindXl(text);

        Assert.True(r.Diagnostics.Count(static d => d.Id == DiagnosticIds.DiskUnknownAccess) == 1, string.Join("\n", r.Diagnostics));
        Diagnostic d = r.Diagnostics.Single(static d => d.Id == DiagnosticIds.DiskUnknownAccess);
        Assert.Equal(SpanOf(text, "rx"), d.Span);
        Assert.Single(r.Config.Disks!);
    }

    [Fact]
    public void Bind_DocumentWithSyntaxErrors_BindsWhatParsed()
    {
        BindResult r = BindXl(Pv + "memory = 512\nvcpus = = 2\n");

        Assert.Equal(512, r.Config.MemoryMiB);
    }

    [Fact]
    public void Bind_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(static () => DomainConfig.Bind(null!));
    }
}
