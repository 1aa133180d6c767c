using System.Text.Json.Serialization;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Conversion.Internal.Json;

/// <summary>
/// The source-generated contract of the model JSON (no reflection: trim- and AOT-safe). Property names are snake
/// case; <see cref="DomainConfigJson"/> renames the options of <see cref="DomainConfig"/> to their config keys.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters =
    [
        typeof(ConfigValueConverter), typeof(ViridianSettingConverter), typeof(MacAddressConverter), typeof(PciAddressConverter),
        typeof(CpuListSpecConverter), typeof(RangeListConverter),

        typeof(ConfigEnumConverter<Altp2mMode>), typeof(ConfigEnumConverter<BiosKind>), typeof(ConfigEnumConverter<DeviceModelVersion>),
        typeof(ConfigEnumConverter<GicVersion>), typeof(ConfigEnumConverter<GuestType>), typeof(ConfigEnumConverter<HdType>),
        typeof(ConfigEnumConverter<PassthroughMode>), typeof(ConfigEnumConverter<ShutdownAction>), typeof(ConfigEnumConverter<TeeType>),
        typeof(ConfigEnumConverter<TimerMode>), typeof(ConfigEnumConverter<TscMode>), typeof(ConfigEnumConverter<VendorDevice>),
        typeof(ConfigEnumConverter<VgaKind>), typeof(ConfigEnumConverter<VuartType>), typeof(ConfigEnumConverter<XendStartAction>),
        typeof(ConfigEnumConverter<XendStopAction>), typeof(ConfigEnumConverter<GfxPassthruKind>),

        typeof(ValueListConverter<string>), typeof(ValueListConverter<long>), typeof(ValueListConverter<ConfigValue>),
        typeof(ValueListConverter<ConfigSetting>), typeof(ValueListConverter<ChannelSpec>), typeof(ValueListConverter<DiskSpec>),
        typeof(ValueListConverter<IoMemRange>), typeof(ValueListConverter<IoPortRange>), typeof(ValueListConverter<IrqSpec>),
        typeof(ValueListConverter<P9Spec>), typeof(ValueListConverter<PciSpec>), typeof(ValueListConverter<SmbiosSpec>),
        typeof(ValueListConverter<UsbControllerSpec>), typeof(ValueListConverter<UsbPassthroughSpec>), typeof(ValueListConverter<VnumaOption>),
        typeof(ValueListConverter<ValueList<VnumaOption>>), typeof(ValueListConverter<VfbSpec>), typeof(ValueListConverter<VifSpec>),
        typeof(ValueListConverter<VtpmSpec>), typeof(ValueListConverter<ViridianSpec>),

        typeof(OneOrListConverter<string>), typeof(OneOrListConverter<CpuListSpec>), typeof(OneOrListConverter<CpuidSpec>),
        typeof(OneOrListConverter<EmulatedUsbDeviceSpec>),

        typeof(SpecListConverter<CpuidRegisterPolicy>), typeof(SpecListConverter<CpuidSetting>), typeof(SpecListConverter<SpecSetting>),
        typeof(SpecListConverter<VlanTerm>), typeof(SpecListConverter<ulong>),

        typeof(SnakeCaseEnumConverter<ChannelConnection>), typeof(SnakeCaseEnumConverter<CpuidForm>), typeof(SnakeCaseEnumConverter<DiskAccess>),
        typeof(SnakeCaseEnumConverter<DiskBackendType>), typeof(SnakeCaseEnumConverter<DiskDeviceType>), typeof(SnakeCaseEnumConverter<DiskFormat>),
        typeof(SnakeCaseEnumConverter<DiskSpecification>), typeof(SnakeCaseEnumConverter<EmulatedUsbDeviceKind>), typeof(SnakeCaseEnumConverter<P9Type>),
        typeof(SnakeCaseEnumConverter<PciRdmPolicy>), typeof(SnakeCaseEnumConverter<SmbiosKey>), typeof(SnakeCaseEnumConverter<UsbControllerType>),
        typeof(SnakeCaseEnumConverter<VifIntervalUnit>), typeof(SnakeCaseEnumConverter<VifRateUnit>), typeof(SnakeCaseEnumConverter<VifType>),
        typeof(SnakeCaseEnumConverter<ViridianGroup>), typeof(SnakeCaseEnumConverter<VnumaKey>),
    ])]
[JsonSerializable(typeof(DomainConfig))]
[JsonSerializable(typeof(ConfigValue))]
[JsonSerializable(typeof(ConfigSetting))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(ChannelSpec))]
[JsonSerializable(typeof(DiskSpec))]
[JsonSerializable(typeof(IoMemRange))]
[JsonSerializable(typeof(IoPortRange))]
[JsonSerializable(typeof(IrqSpec))]
[JsonSerializable(typeof(P9Spec))]
[JsonSerializable(typeof(PciSpec))]
[JsonSerializable(typeof(SmbiosSpec))]
[JsonSerializable(typeof(UsbControllerSpec))]
[JsonSerializable(typeof(UsbPassthroughSpec))]
[JsonSerializable(typeof(VnumaOption))]
[JsonSerializable(typeof(ValueList<VnumaOption>))]
[JsonSerializable(typeof(VfbSpec))]
[JsonSerializable(typeof(VifSpec))]
[JsonSerializable(typeof(VtpmSpec))]
[JsonSerializable(typeof(ViridianSpec))]
[JsonSerializable(typeof(CpuListSpec))]
[JsonSerializable(typeof(CpuidSpec))]
[JsonSerializable(typeof(EmulatedUsbDeviceSpec))]
[JsonSerializable(typeof(CpuidRegisterPolicy))]
[JsonSerializable(typeof(CpuidSetting))]
[JsonSerializable(typeof(SpecSetting))]
[JsonSerializable(typeof(VlanTerm))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
