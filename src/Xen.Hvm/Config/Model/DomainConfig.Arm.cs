using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The Arm options (OptionGroup.Arm); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>device_tree</c>: The partial device tree to pass to an Arm guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? DeviceTree { get => Get<string?>(Slots.DeviceTree); init => Init(Slots.DeviceTree, value); }

    /// <summary>Gets <c>vpmu</c>: Whether an Arm guest gets a virtual performance monitoring unit.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Vpmu { get => Get<bool?>(Slots.Vpmu); init => Init(Slots.Vpmu, value); }

    /// <summary>Gets <c>dtdev</c>: The device-tree paths of Arm devices passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? DeviceTreeDevices { get => Get<ValueList<string>?>(Slots.DeviceTreeDevices); init => Init(Slots.DeviceTreeDevices, value); }

    /// <summary>Gets <c>gic_version</c>: The interrupt controller of an Arm guest: <c>v2</c> or <c>v3</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<GicVersion>? GicVersion { get => Get<ConfigEnum<GicVersion>?>(Slots.GicVersion); init => Init(Slots.GicVersion, value); }

    /// <summary>Gets <c>vuart</c>: The emulated UART of an Arm guest (<c>sbsa_uart</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<VuartType>? Vuart { get => Get<ConfigEnum<VuartType>?>(Slots.Vuart); init => Init(Slots.Vuart, value); }

    /// <summary>Gets <c>tee</c>: The TEE mediator of an Arm guest: <c>none</c>, <c>optee</c>, <c>ffa</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<TeeType>? Tee { get => Get<ConfigEnum<TeeType>?>(Slots.Tee); init => Init(Slots.Tee, value); }

    /// <summary>Gets <c>sve</c>: The SVE vector length of an Arm guest, in bits (Xen 4.18+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it. xl reads a name (libxl's <c>sve_type</c>): <c>"128"</c> to <c>"2048"</c> are those lengths, <c>"disabled"</c> is 0 and <c>"hw"</c> (the host's length) is -1.</remarks>
    public long? SveVectorLength { get => Get<long?>(Slots.SveVectorLength); init => Init(Slots.SveVectorLength, value); }

    /// <summary>Gets <c>llc_colors</c>: The last-level cache colours of an Arm guest (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? LlcColors { get => Get<ValueList<string>?>(Slots.LlcColors); init => Init(Slots.LlcColors, value); }

    /// <summary>Gets <c>nr_spis</c>: The number of shared peripheral interrupts of an Arm guest (Xen 4.20+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpiCount { get => Get<long?>(Slots.SpiCount); init => Init(Slots.SpiCount, value); }

    /// <summary>Gets <c>trap_unmapped_accesses</c>: Whether an Arm guest's accesses to unmapped MMIO fault (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? TrapUnmappedAccesses { get => Get<bool?>(Slots.TrapUnmappedAccesses); init => Init(Slots.TrapUnmappedAccesses, value); }

    /// <summary>Gets <c>arm_sci</c>: The SCI mediator of an Arm guest (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? ArmSci { get => Get<string?>(Slots.ArmSci); init => Init(Slots.ArmSci, value); }
}
