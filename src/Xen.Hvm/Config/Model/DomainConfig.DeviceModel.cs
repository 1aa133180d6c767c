using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The device model options (OptionGroup.DeviceModel); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>device_model_version</c>: Which qemu emulates the devices: <c>qemu-xen</c> or <c>qemu-xen-traditional</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<DeviceModelVersion>? DeviceModelVersion { get => Get<ConfigEnum<DeviceModelVersion>?>(Slots.DeviceModelVersion); init => Init(Slots.DeviceModelVersion, value); }

    /// <summary>Gets <c>device_model_override</c>: The path of the device model to run instead of the built-in one.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? DeviceModelOverride { get => Get<string?>(Slots.DeviceModelOverride); init => Init(Slots.DeviceModelOverride, value); }

    /// <summary>Gets <c>device_model</c>: xm's device model path; xl ignores it with a warning (use <c>device_model_override</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? DeviceModel { get => Get<string?>(Slots.DeviceModel); init => Init(Slots.DeviceModel, value); }

    /// <summary>Gets <c>device_model_stubdomain_override</c>: Whether the device model runs in a stub domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? DeviceModelStubdomain { get => Get<bool?>(Slots.DeviceModelStubdomain); init => Init(Slots.DeviceModelStubdomain, value); }

    /// <summary>Gets <c>device_model_stubdomain_seclabel</c>: The XSM label of the device model's stub domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? DeviceModelStubdomainSecurityLabel { get => Get<string?>(Slots.DeviceModelStubdomainSecurityLabel); init => Init(Slots.DeviceModelStubdomainSecurityLabel, value); }

    /// <summary>Gets <c>device_model_user</c>: The user the device model runs as.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? DeviceModelUser { get => Get<string?>(Slots.DeviceModelUser); init => Init(Slots.DeviceModelUser, value); }

    /// <summary>Gets <c>stubdomain_kernel</c>: The kernel of the device model's stub domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? StubdomainKernel { get => Get<string?>(Slots.StubdomainKernel); init => Init(Slots.StubdomainKernel, value); }

    /// <summary>Gets <c>stubdomain_ramdisk</c>: The ramdisk of the device model's stub domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? StubdomainRamdisk { get => Get<string?>(Slots.StubdomainRamdisk); init => Init(Slots.StubdomainRamdisk, value); }

    /// <summary>Gets <c>stubdomain_cmdline</c>: The command line of the device model's stub domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? StubdomainCmdline { get => Get<string?>(Slots.StubdomainCmdline); init => Init(Slots.StubdomainCmdline, value); }

    /// <summary>Gets <c>stubdomain_memory</c>: The memory of the device model's stub domain, in MiB.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? StubdomainMemoryMiB { get => Get<long?>(Slots.StubdomainMemoryMiB); init => Init(Slots.StubdomainMemoryMiB, value); }

    /// <summary>Gets <c>device_model_args</c>: Extra arguments for the device model.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? DeviceModelArgs { get => Get<ValueList<string>?>(Slots.DeviceModelArgs); init => Init(Slots.DeviceModelArgs, value); }

    /// <summary>Gets <c>device_model_args_pv</c>: Extra arguments for the device model of a PV guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? DeviceModelArgsPv { get => Get<ValueList<string>?>(Slots.DeviceModelArgsPv); init => Init(Slots.DeviceModelArgsPv, value); }

    /// <summary>Gets <c>device_model_args_hvm</c>: Extra arguments for the device model of an HVM guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? DeviceModelArgsHvm { get => Get<ValueList<string>?>(Slots.DeviceModelArgsHvm); init => Init(Slots.DeviceModelArgsHvm, value); }

    /// <summary>Gets <c>dm_restrict</c>: Whether the device model runs deprivileged.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? DeviceModelRestrict { get => Get<bool?>(Slots.DeviceModelRestrict); init => Init(Slots.DeviceModelRestrict, value); }
}
