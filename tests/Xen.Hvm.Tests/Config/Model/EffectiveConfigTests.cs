using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Config.Model;

public sealed class EffectiveConfigTests
{
    private static readonly XenVersion Xen417 = new(4, 17);
    private static readonly XenVersion Xen44 = new(4, 4);

    private static readonly DomainConfig Hvm = new() { Name = "g", Type = GuestType.Hvm, Builder = "hvm" };

    [Fact]
    public void GetEffectiveValues_OnCrashUnset_DestroyUnderXlRestartUnderXm()
    {
        EffectiveValue xl = Hvm.GetEffectiveValues(Toolstack.Xl, Xen417)["on_crash"];
        EffectiveValue xm = Hvm.GetEffectiveValues(Toolstack.Xm, Xen44)["on_crash"];

        Assert.Equal(EffectiveValueSource.Default, xl.Source);
        Assert.Equal((ConfigEnum<ShutdownAction>)ShutdownAction.Destroy, xl.Value);
        Assert.Equal(EffectiveValueSource.Default, xm.Source);
        Assert.Equal((ConfigEnum<ShutdownAction>)ShutdownAction.Restart, xm.Value);
    }

    [Fact]
    public void GetEffectiveValues_OnCrashSet_FromTheFileUnderBoth()
    {
        DomainConfig config = Hvm with { OnCrash = ShutdownAction.Preserve };

        foreach (EffectiveValue value in new[] { config.GetEffectiveValues(Toolstack.Xl, Xen417)["on_crash"], config.GetEffectiveValues(Toolstack.Xm, Xen44)["on_crash"] })
        {
            Assert.Equal(EffectiveValueSource.File, value.Source);
            Assert.Equal((ConfigEnum<ShutdownAction>)ShutdownAction.Preserve, value.Value);
            Assert.Null(value.Default);
        }
    }

    // §5.7 of the reference: the defaults that changed between xm and xl, on a guest that sets none of them.
    public static TheoryData<string, object, object> XmXlDifferences => new()
    {
        { "on_crash", (ConfigEnum<ShutdownAction>)ShutdownAction.Restart, (ConfigEnum<ShutdownAction>)ShutdownAction.Destroy },
        { "hpet", false, true },
        { "pci_msitranslate", true, false },
        { "memory", 128L, 32L },
        { "maxmem", 128L, 32L },
        { "videoram", 4L, 8L },
        { "boot", "c", "cda" },
    };

    [Theory]
    [MemberData(nameof(XmXlDifferences))]
    public void GetEffectiveValues_SectionFiveSevenDefault_DiffersBetweenXmAndXl(string key, object xm, object xl)
    {
        Assert.Equal(xm, Hvm.GetEffectiveValues(Toolstack.Xm, Xen44)[key].Value);
        Assert.Equal(xl, Hvm.GetEffectiveValues(Toolstack.Xl, Xen417)[key].Value);
    }

    [Theory]
    [InlineData("4.2", DeviceModelVersion.QemuXenTraditional, BiosKind.Rombios)]
    [InlineData("4.3", DeviceModelVersion.QemuXen, BiosKind.Seabios)]
    [InlineData("4.17", DeviceModelVersion.QemuXen, BiosKind.Seabios)]
    public void GetEffectiveValues_DeviceModelAndBios_FollowTheXlVersion(string version, DeviceModelVersion dm, BiosKind bios)
    {
        EffectiveConfig effective = Hvm.GetEffectiveValues(Toolstack.Xl, XenVersion.Parse(version));

        Assert.Equal((ConfigEnum<DeviceModelVersion>)dm, effective["device_model_version"].Value);
        Assert.Equal(EffectiveValueSource.Default, effective["device_model_version"].Source);
        Assert.Equal((ConfigEnum<BiosKind>)bios, effective["bios"].Value);
        Assert.Equal(EffectiveValueSource.Derived, effective["bios"].Source);
        Assert.Equal(["device_model_version"], effective["bios"].DerivedFrom.Select(o => o.Name));
    }

    [Fact]
    public void GetEffectiveValues_XmDeviceModel_IsQemuDm()
    {
        EffectiveConfig effective = Hvm.GetEffectiveValues(Toolstack.Xm, Xen44);

        Assert.Equal("qemu-dm", effective["device_model"].Value);
        Assert.False(effective.TryGet("device_model_version", out _));
        Assert.False(effective.TryGet("bios", out _));
    }

    [Theory]
    [InlineData("4.3", true, DeviceModelVersion.QemuXenTraditional, EffectiveValueSource.Derived)]
    [InlineData("4.20", true, DeviceModelVersion.QemuXenTraditional, EffectiveValueSource.Derived)]
    [InlineData("4.21", true, DeviceModelVersion.QemuXen, EffectiveValueSource.Default)]
    [InlineData("4.17", false, DeviceModelVersion.QemuXen, EffectiveValueSource.Default)]
    public void GetEffectiveValues_StubDomain_PicksTheDeviceModel(string version, bool stubdomain, DeviceModelVersion expected, EffectiveValueSource source)
    {
        EffectiveValue value = (Hvm with { DeviceModelStubdomain = stubdomain }).GetEffectiveValues(Toolstack.Xl, XenVersion.Parse(version))["device_model_version"];

        Assert.Equal((ConfigEnum<DeviceModelVersion>)expected, value.Value);
        Assert.Equal(source, value.Source);
    }

    [Fact]
    public void GetEffectiveValues_KernelHvmloaderInHvm_IgnoredByXlUsedByXm()
    {
        DomainConfig config = Hvm with { Kernel = "/usr/lib/xen/boot/hvmloader" };

        EffectiveValue xl = config.GetEffectiveValues(Toolstack.Xl, Xen417)["kernel"];
        EffectiveValue xm = config.GetEffectiveValues(Toolstack.Xm, Xen44)["kernel"];
        EffectiveValue xl41 = config.GetEffectiveValues(Toolstack.Xl, new(4, 1))["kernel"];

        Assert.Equal(EffectiveValueSource.Ignored, xl.Source);
        Assert.Null(xl.Value);
        Assert.Equal("/usr/lib/xen/boot/hvmloader", xl.FileValue);
        Assert.NotNull(xl.Note);
        Assert.Equal(EffectiveValueSource.File, xm.Source);
        Assert.Equal("/usr/lib/xen/boot/hvmloader", xm.Value);
        Assert.Equal(EffectiveValueSource.File, xl41.Source);
    }

    [Theory]
    [InlineData("4.3", "/boot/vmlinuz", GuestType.Hvm, EffectiveValueSource.Ignored)]
    [InlineData("4.17", "/boot/vmlinuz", GuestType.Hvm, EffectiveValueSource.File)]
    [InlineData("4.17", "hvmloader", GuestType.Hvm, EffectiveValueSource.Ignored)]
    [InlineData("4.17", "hvmloader", GuestType.Pv, EffectiveValueSource.File)]
    public void GetEffectiveValues_HvmKernel_IgnoredAsEachXlVersionDoes(string version, string kernel, GuestType type, EffectiveValueSource expected)
    {
        // xl before 4.10 does not read type: builder says HVM there.
        var config = new DomainConfig { Name = "g", Type = type, Builder = type == GuestType.Hvm ? "hvm" : null, Kernel = kernel };

        Assert.Equal(expected, config.GetEffectiveValues(Toolstack.Xl, XenVersion.Parse(version))["kernel"].Source);
    }

    [Fact]
    public void GetEffectiveValues_DeviceModelUnderXl_Ignored()
    {
        EffectiveValue value = (Hvm with { DeviceModel = "qemu-dm" }).GetEffectiveValues()["device_model"];

        Assert.Equal(EffectiveValueSource.Ignored, value.Source);
        Assert.Null(value.Value);
    }

    [Fact]
    public void GetEffectiveValues_MemoryOnly_MaxmemDerivedFromIt()
    {
        EffectiveConfig effective = (Hvm with { MemoryMiB = 512 }).GetEffectiveValues();

        Assert.Equal(EffectiveValueSource.File, effective["memory"].Source);
        Assert.Equal(512L, effective["maxmem"].Value);
        Assert.Equal(EffectiveValueSource.Derived, effective["maxmem"].Source);
        Assert.Equal(["memory"], effective["maxmem"].DerivedFrom.Select(o => o.Name));
    }

    [Fact]
    public void GetEffectiveValues_MaxmemOnly_MemoryDerivedFromItUnderXlNotXm()
    {
        DomainConfig config = Hvm with { MaxMemoryMiB = 2048 };

        EffectiveValue xl = config.GetEffectiveValues()["memory"];
        EffectiveValue xm = config.GetEffectiveValues(Toolstack.Xm, Xen44)["memory"];

        Assert.Equal(2048L, xl.Value);
        Assert.Equal(EffectiveValueSource.Derived, xl.Source);
        Assert.Equal(["maxmem"], xl.DerivedFrom.Select(o => o.Name));
        Assert.Equal(128L, xm.Value);
        Assert.Equal(EffectiveValueSource.Default, xm.Source);
    }

    [Fact]
    public void GetEffectiveValues_NeitherMemoryNorMaxmem_LibxlDefaults()
    {
        EffectiveConfig effective = Hvm.GetEffectiveValues();

        Assert.Equal(32L, effective["memory"].Value);
        Assert.Equal(EffectiveValueSource.Default, effective["memory"].Source);
        Assert.Equal(32L, effective["maxmem"].Value);
        Assert.Equal(EffectiveValueSource.Derived, effective["maxmem"].Source);
    }

    [Fact]
    public void GetEffectiveValues_Vcpus_MaxvcpusDerived()
    {
        EffectiveConfig set = (Hvm with { Vcpus = 4 }).GetEffectiveValues();
        EffectiveConfig unset = Hvm.GetEffectiveValues();

        Assert.Equal(4L, set["maxvcpus"].Value);
        Assert.Equal(EffectiveValueSource.Derived, set["maxvcpus"].Source);
        Assert.Equal(1L, unset["vcpus"].Value);
        Assert.Equal(1L, unset["maxvcpus"].Value);
    }

    [Theory]
    [InlineData("hvm", GuestType.Hvm)]
    [InlineData("h", GuestType.Hvm)]
    [InlineData("generic", GuestType.Pv)]
    [InlineData("linux", GuestType.Pv)]
    public void GetEffectiveValues_BuilderWithoutType_TypeDerivedAsXlMatchesIt(string builder, GuestType expected)
    {
        EffectiveConfig effective = new DomainConfig { Name = "g", Builder = builder }.GetEffectiveValues();

        Assert.Equal(expected, effective.GuestType);
        Assert.Equal(["builder"], effective["type"].DerivedFrom.Select(o => o.Name));
    }

    [Fact]
    public void GetEffectiveValues_BuilderWithoutType_TypeSourceDerived()
    {
        EffectiveValue type = new DomainConfig { Name = "g", Builder = "hvm" }.GetEffectiveValues()["type"];

        Assert.Equal(EffectiveValueSource.Derived, type.Source);
        Assert.Equal((ConfigEnum<GuestType>)GuestType.Hvm, type.Value);
    }

    [Fact]
    public void GetEffectiveValues_NoTypeNoBuilder_PvByDefault()
    {
        EffectiveConfig effective = new DomainConfig { Name = "g" }.GetEffectiveValues();

        Assert.Equal(GuestType.Pv, effective.GuestType);
        Assert.Equal(EffectiveValueSource.Default, effective["type"].Source);
    }

    [Fact]
    public void GetEffectiveValues_TypeUnderXm_NotReadAndBuilderDecides()
    {
        var config = new DomainConfig { Name = "g", Type = GuestType.Hvm };

        EffectiveConfig xm = config.GetEffectiveValues(Toolstack.Xm, Xen44);
        EffectiveConfig xmHvm = (config with { Builder = "hvm" }).GetEffectiveValues(Toolstack.Xm, Xen44);

        Assert.Equal(EffectiveValueSource.NotRead, xm["type"].Source);
        Assert.Equal(GuestType.Pv, xm.GuestType);
        Assert.Equal(GuestType.Hvm, xmHvm.GuestType);
    }

    public static TheoryData<string, DeviceModelVersion, VgaKind?, long?> VideoRam => new()
    {
        { "4.17", DeviceModelVersion.QemuXen, null, 8L },
        { "4.17", DeviceModelVersion.QemuXen, VgaKind.Cirrus, 8L },
        { "4.17", DeviceModelVersion.QemuXen, VgaKind.Std, 16L },
        { "4.17", DeviceModelVersion.QemuXen, VgaKind.Qxl, 128L },
        { "4.17", DeviceModelVersion.QemuXen, VgaKind.None, 0L },
        { "4.17", DeviceModelVersion.QemuXenTraditional, VgaKind.Cirrus, 4L },
        { "4.17", DeviceModelVersion.QemuXenTraditional, VgaKind.Std, 8L },
        { "4.17", DeviceModelVersion.QemuXenTraditional, VgaKind.None, 0L },
        { "4.17", DeviceModelVersion.QemuXenTraditional, VgaKind.Qxl, null },
        { "4.4", DeviceModelVersion.QemuXen, VgaKind.Std, 16L },
        { "4.4", DeviceModelVersion.QemuXenTraditional, VgaKind.Std, 8L },
        { "4.4", DeviceModelVersion.QemuXen, VgaKind.Cirrus, 8L },
    };

    [Theory]
    [MemberData(nameof(VideoRam))]
    public void GetEffectiveValues_VideoRam_DerivedFromVgaAndDeviceModel(string version, DeviceModelVersion dm, VgaKind? vga, long? expected)
    {
        DomainConfig config = Hvm with { DeviceModelVersion = dm, Vga = vga is { } v ? (ConfigEnum<VgaKind>)v : null };

        EffectiveValue value = config.GetEffectiveValues(Toolstack.Xl, XenVersion.Parse(version))["videoram"];

        Assert.Equal(expected, value.Value);
        Assert.Equal(EffectiveValueSource.Derived, value.Source);
        Assert.Equal(["vga", "device_model_version"], value.DerivedFrom.Select(o => o.Name));
    }

    [Fact]
    public void GetEffectiveValues_VideoRamBeforeXl43_EightForEveryCard()
    {
        EffectiveValue value = (Hvm with { StdVga = true }).GetEffectiveValues(Toolstack.Xl, new(4, 2))["videoram"];

        Assert.Equal(8L, value.Value);
        Assert.Equal(EffectiveValueSource.Default, value.Source);
    }

    [Fact]
    public void GetEffectiveValues_StdvgaWithoutVga_VgaDerivedAndVideoRamFollows()
    {
        EffectiveConfig effective = (Hvm with { StdVga = true }).GetEffectiveValues();

        Assert.Equal((ConfigEnum<VgaKind>)VgaKind.Std, effective["vga"].Value);
        Assert.Equal(EffectiveValueSource.Derived, effective["vga"].Source);
        Assert.Equal(["stdvga"], effective["vga"].DerivedFrom.Select(o => o.Name));
        Assert.Equal(16L, effective["videoram"].Value);
    }

    [Fact]
    public void GetEffectiveValues_StdvgaWithVga_StdvgaIgnored()
    {
        EffectiveConfig effective = (Hvm with { StdVga = true, Vga = VgaKind.Cirrus }).GetEffectiveValues();

        Assert.Equal(EffectiveValueSource.Ignored, effective["stdvga"].Source);
        Assert.Equal(EffectiveValueSource.File, effective["vga"].Source);
        Assert.Equal(8L, effective["videoram"].Value);
    }

    [Theory]
    [InlineData("uefi", BiosKind.Ovmf, EffectiveValueSource.Derived, "firmware")]
    [InlineData("SeaBIOS", BiosKind.Seabios, EffectiveValueSource.Derived, "firmware")]
    [InlineData("/opt/fw.bin", BiosKind.Seabios, EffectiveValueSource.Derived, "device_model_version")]
    [InlineData("bios", BiosKind.Seabios, EffectiveValueSource.Derived, "device_model_version")]
    public void GetEffectiveValues_Firmware_ChoosesTheBiosWhenItNamesOne(string firmware, BiosKind expected, EffectiveValueSource source, string from)
    {
        EffectiveValue bios = (Hvm with { Firmware = firmware }).GetEffectiveValues()["bios"];

        Assert.Equal((ConfigEnum<BiosKind>)expected, bios.Value);
        Assert.Equal(source, bios.Source);
        Assert.Equal([from], bios.DerivedFrom.Select(o => o.Name));
    }

    [Theory]
    [InlineData(GuestType.Hvm, true, 2L, 1024L, 6L)]   // 4 KiB x (512 + 1 x 1024)
    [InlineData(GuestType.Hvm, false, 2L, 1024L, 10L)] // 4 KiB x (512 + 2 x 1024)
    [InlineData(GuestType.Pvh, true, 1L, 100L, 2L)]    // 4 KiB x (256 + 100) = 1424 KiB, rounded up
    [InlineData(GuestType.Pv, true, 2L, 1024L, 6L)]    // PV: hap does not count, 1 per MiB
    public void GetEffectiveValues_ShadowMemory417_PagingFormula(GuestType type, bool hap, long vcpus, long memory, long expected)
    {
        var config = new DomainConfig { Name = "g", Type = type, Hap = hap, Vcpus = vcpus, MemoryMiB = memory, Kernel = "/k" };

        EffectiveValue value = config.GetEffectiveValues()["shadow_memory"];

        Assert.Equal(expected, value.Value);
        Assert.Equal(EffectiveValueSource.Derived, value.Source);
    }

    [Fact]
    public void GetEffectiveValues_ShadowMemoryBefore417_OldFormula()
    {
        var config = Hvm with { Hap = true, Vcpus = 2, MemoryMiB = 1024 };

        Assert.Equal(10L, config.GetEffectiveValues(Toolstack.Xl, new(4, 16))["shadow_memory"].Value);
    }

    [Fact]
    public void GetEffectiveValues_HapUnsetNoHost_HostDecidesAndShadowUnknown()
    {
        EffectiveConfig effective = (Hvm with { MemoryMiB = 1024 }).GetEffectiveValues();

        Assert.Equal(EffectiveValueSource.Host, effective["hap"].Source);
        Assert.Null(effective["hap"].Value);
        Assert.Equal(EffectiveValueSource.Host, effective["shadow_memory"].Source);
        Assert.Null(effective["shadow_memory"].Value);
    }

    [Fact]
    public void GetEffectiveValues_HapUnsetWithHost_TheHostSettlesIt()
    {
        HostInfo host = HostInfo.Parse("virt_caps : hvm hap shadow\nxen_major : 4\nxen_minor : 17\nxen_extra : .0\n").PartialValue!;

        EffectiveConfig effective = (Hvm with { MemoryMiB = 1024 }).GetEffectiveValues(Toolstack.Xl, Xen417, host);

        Assert.Equal(true, effective["hap"].Value);
        Assert.Equal(EffectiveValueSource.Host, effective["hap"].Source);
        Assert.Equal(5L, effective["shadow_memory"].Value); // 4 KiB x (256 + 1024)
    }

    [Theory]
    [InlineData(false, null, 0L)]
    [InlineData(true, DeviceModelVersion.QemuXenTraditional, 28L)]
    [InlineData(true, DeviceModelVersion.QemuXen, 128L)]
    public void GetEffectiveValues_StubdomainMemory_FollowsTheStubDomain(bool stubdomain, DeviceModelVersion? dm, long expected)
    {
        DomainConfig config = Hvm with
        {
            DeviceModelStubdomain = stubdomain,
            DeviceModelVersion = dm is { } d ? (ConfigEnum<DeviceModelVersion>)d : null,
        };

        EffectiveValue value = config.GetEffectiveValues()["stubdomain_memory"];

        Assert.Equal(expected, value.Value);
        Assert.Equal(["device_model_stubdomain_override", "device_model_version"], value.DerivedFrom.Select(o => o.Name));
    }

    [Fact]
    public void GetEffectiveValues_PciListed_PassthroughEnabledAndPvE820Host()
    {
        PciSpec device = PciSpec.Parse("01:00.0", Xen.Hvm.Config.ConfigDialect.Xl, null).Value;
        EffectiveConfig hvm = (Hvm with { PciDevices = [device] }).GetEffectiveValues();
        EffectiveConfig pv = new DomainConfig { Name = "g", Kernel = "/k", PciDevices = [device] }.GetEffectiveValues();
        EffectiveConfig none = new DomainConfig { Name = "g", Kernel = "/k" }.GetEffectiveValues();

        Assert.Equal((ConfigEnum<PassthroughMode>)PassthroughMode.Enabled, hvm["passthrough"].Value);
        Assert.Equal((ConfigEnum<PassthroughMode>)PassthroughMode.Disabled, none["passthrough"].Value);
        Assert.Equal(true, pv["e820_host"].Value);
        Assert.Equal(EffectiveValueSource.Derived, pv["e820_host"].Source);
        Assert.Equal(false, none["e820_host"].Value);
        Assert.Equal(EffectiveValueSource.Default, none["e820_host"].Source);
    }

    [Theory]
    [InlineData("4.1", true)]
    [InlineData("4.2", false)]
    public void GetEffectiveValues_PciMsiTranslate_XlChangedItsDefaultIn42(string version, bool expected)
    {
        Assert.Equal(expected, Hvm.GetEffectiveValues(Toolstack.Xl, XenVersion.Parse(version))["pci_msitranslate"].Value);
    }

    [Fact]
    public void GetEffectiveValues_Altp2m_CountDerived()
    {
        Assert.Equal(10L, (Hvm with { Altp2m = Altp2mMode.Mixed }).GetEffectiveValues(Toolstack.Xl, new(4, 21))["altp2m_count"].Value);
        Assert.Equal(0L, Hvm.GetEffectiveValues(Toolstack.Xl, new(4, 21))["altp2m_count"].Value);
    }

    [Fact]
    public void GetEffectiveValues_SpiceUsbRedirection_UsbVersionTwo()
    {
        Assert.Equal(2L, (Hvm with { SpiceUsbRedirection = 2 }).GetEffectiveValues()["usbversion"].Value);
        Assert.Equal(0L, Hvm.GetEffectiveValues()["usbversion"].Value);
    }

    [Fact]
    public void GetEffectiveValues_Vnc_OnForHvmOffForPv()
    {
        Assert.Equal(true, Hvm.GetEffectiveValues()["vnc"].Value);
        Assert.Equal(false, new DomainConfig { Name = "g", Kernel = "/k" }.GetEffectiveValues()["vnc"].Value);
        Assert.False(new DomainConfig { Name = "g", Type = GuestType.Pvh }.GetEffectiveValues().TryGet("vnc", out _));
    }

    // Sub-options libxl defaults only when their display, shim or stub domain is on; otherwise nothing takes their place.
    [Theory]
    [InlineData("vnclisten", "vnc", "127.0.0.1")]
    [InlineData("opengl", "sdl", false)]
    [InlineData("spiceagent_mouse", "spice", true)]
    [InlineData("stubdomain_kernel", "device_model_stubdomain_override", null)]
    [InlineData("device_model_user", "dm_restrict", null)]
    public void GetEffectiveValues_SubOption_DefaultOnlyWhenItsSwitchIsOn(string option, string @switch, object? onValue)
    {
        OptionDefinition switchOption = OptionCatalog.Get(@switch);
        EffectiveValue on = switchOption.WithValue(Hvm, true).GetEffectiveValues()[option];
        EffectiveValue off = switchOption.WithValue(Hvm, false).GetEffectiveValues()[option];

        Assert.Equal(onValue, on.Value);
        Assert.Equal(onValue is null ? EffectiveValueSource.Host : EffectiveValueSource.Default, on.Source);
        Assert.Null(off.Value);
        Assert.Equal(EffectiveValueSource.Unset, off.Source);
    }

    [Fact]
    public void GetEffectiveValues_VncUnsetInHvm_ListenDefaultFollowsVncsDefault()
    {
        EffectiveConfig hvm = Hvm.GetEffectiveValues();
        EffectiveConfig pv = new DomainConfig { Name = "g", Kernel = "/k" }.GetEffectiveValues();

        Assert.Equal("127.0.0.1", hvm["vnclisten"].Value);
        Assert.Equal(EffectiveValueSource.Unset, pv["vnclisten"].Source);
    }

    [Fact]
    public void GetEffectiveValues_XmOnlyKeyUnderXl_NotRead()
    {
        EffectiveConfig effective = (Hvm with { XmCpuCap = 50 }).GetEffectiveValues();

        Assert.Equal(EffectiveValueSource.NotRead, effective["cpu_cap"].Source);
        Assert.Null(effective["cpu_cap"].Value);
        Assert.Equal(50L, effective["cpu_cap"].FileValue);
    }

    [Fact]
    public void GetEffectiveValues_NewerKeyUnderOlderXl_NotRead()
    {
        EffectiveConfig effective = (Hvm with { HvmPirq = true }).GetEffectiveValues();

        Assert.Equal(EffectiveValueSource.NotRead, effective["hvm_pirq"].Source);
        Assert.Equal(EffectiveValueSource.File, (Hvm with { HvmPirq = true }).GetEffectiveValues(Toolstack.Xl, new(4, 19))["hvm_pirq"].Source);
    }

    [Fact]
    public void GetEffectiveValues_HvmKeyInPvGuest_NotApplicable()
    {
        EffectiveConfig effective = new DomainConfig { Name = "g", Kernel = "/k", Boot = "d" }.GetEffectiveValues();

        Assert.Equal(EffectiveValueSource.NotApplicable, effective["boot"].Source);
        Assert.Null(effective["boot"].Value);
    }

    [Fact]
    public void GetEffectiveValues_NameUnset_UnsetAndRequired()
    {
        EffectiveValue name = new DomainConfig { Type = GuestType.Hvm }.GetEffectiveValues()["name"];

        Assert.Equal(EffectiveValueSource.Unset, name.Source);
        Assert.Equal(OptionDefaultKind.Required, name.Default!.Kind);
    }

    [Fact]
    public void GetEffectiveValues_List_HoldsReadApplicableOptionsAndWhatTheModelSets()
    {
        DomainConfig config = Hvm with { XmCpuCap = 50, Bootloader = "pygrub" };

        EffectiveConfig effective = config.GetEffectiveValues();

        Assert.All(effective, v => Assert.True(
            v.FileValue is not null || (v.Option.IsReadBy(Toolstack.Xl, Xen417) && v.Option.GuestTypes.HasFlag(GuestTypes.Hvm)), v.Option.Name));
        Assert.False(effective.TryGet("smbios", out _));
        Assert.False(effective.TryGet("ne2000", out _));
        Assert.Equal(EffectiveValueSource.NotApplicable, effective["bootloader"].Source);
        Assert.Equal(
            OptionCatalog.All.Where(o => effective.TryGet(o.Name, out _)).Select(o => o.Name),
            effective.Select(v => v.Option.Name));
    }

    // Every option under every toolstack, version and guest type, unset and set: the rules resolve without a cycle
    // and an unset option never claims to come from the file.
    [Fact]
    public void GetEffectiveValues_EveryVersionAndGuestType_ResolvesEveryOption()
    {
        DomainConfig full = OptionCatalog.All.Aggregate(new DomainConfig(), (c, o) =>
            o.WithValue(c, OptionCatalogTests.SampleOf(typeof(DomainConfig).GetProperty(o.PropertyName)!.PropertyType)));
        var cases = new List<(Toolstack, XenVersion)>();
        cases.AddRange(new[] { "4.0", "4.2", "4.3", "4.5", "4.10", "4.17", "4.21" }.Select(v => (Toolstack.Xl, XenVersion.Parse(v))));
        cases.AddRange(new[] { "3.0", "3.4", "4.4" }.Select(v => (Toolstack.Xm, XenVersion.Parse(v))));

        foreach ((Toolstack toolstack, XenVersion version) in cases)
        {
            foreach (GuestType type in Enum.GetValues<GuestType>())
            {
                EffectiveConfig empty = new DomainConfig { Type = type, Builder = type == GuestType.Hvm ? "hvm" : null }.GetEffectiveValues(toolstack, version);
                EffectiveConfig all = (full with { Type = type }).GetEffectiveValues(toolstack, version);

                Assert.All(empty.Where(v => v.FileValue is null), v => Assert.NotEqual(EffectiveValueSource.File, v.Source));
                Assert.All(all, v => Assert.NotNull(v.FileValue));
                Assert.All(empty.Concat(all), v => Assert.True(v.Value is null || PropertyType(v.Option).IsInstanceOfType(v.Value), v.Option.Name));
            }
        }
    }

    // The typed defaults are complete: every option a toolstack reads has that toolstack's rows, and no toolstack has
    // rows for an option it never reads (type under xm excepted: xm's builder decides the guest type it stands for).
    [Fact]
    public void Defaults_EveryOption_RowsExactlyForTheToolstacksThatReadIt()
    {
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            foreach (Toolstack toolstack in Enum.GetValues<Toolstack>())
            {
                bool reads = (toolstack == Toolstack.Xl ? option.Xl : option.Xm).Introduced is not null;
                bool rows = option.Defaults.Any(d => d.Toolstack == toolstack);
                Assert.True(reads == rows || (option.Name == "type" && toolstack == Toolstack.Xm), option.Name + " " + toolstack);
            }
        }
    }

    // A value row holds a value of the option's property type, so an effective value always fits its property.
    [Fact]
    public void Defaults_FixedValues_AreOfThePropertysType()
    {
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            Type expected = PropertyType(option);
            Assert.All(option.Defaults.Where(static d => d.Kind == OptionDefaultKind.Value), d => Assert.IsType(expected, d.Value, exactMatch: false));
        }
    }

    private static Type PropertyType(OptionDefinition option)
    {
        Type type = typeof(DomainConfig).GetProperty(option.PropertyName)!.PropertyType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }
}
