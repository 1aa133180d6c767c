using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The Arm options (OptionGroup.Arm); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>device_tree</c>: The partial device tree to pass to an Arm guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? DeviceTree { get; init; }

    /// <summary>Gets <c>vpmu</c>: Whether an Arm guest gets a virtual performance monitoring unit.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Vpmu { get; init; }

    /// <summary>Gets <c>dtdev</c>: The device-tree paths of Arm devices passed through.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? DeviceTreeDevices { get; init; }

    /// <summary>Gets <c>gic_version</c>: The interrupt controller of an Arm guest: <c>v2</c> or <c>v3</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<GicVersion>? GicVersion { get; init; }

    /// <summary>Gets <c>vuart</c>: The emulated UART of an Arm guest (<c>sbsa_uart</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<VuartType>? Vuart { get; init; }

    /// <summary>Gets <c>tee</c>: The TEE mediator of an Arm guest: <c>none</c>, <c>optee</c>, <c>ffa</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<TeeType>? Tee { get; init; }

    /// <summary>Gets <c>sve</c>: The SVE vector length of an Arm guest, in bits (Xen 4.18+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it. xl reads a name (libxl's <c>sve_type</c>): <c>"128"</c> to <c>"2048"</c> are those lengths, <c>"disabled"</c> is 0 and <c>"hw"</c> (the host's length) is -1.</remarks>
    public long? SveVectorLength { get; init; }

    /// <summary>Gets <c>llc_colors</c>: The last-level cache colours of an Arm guest (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? LlcColors { get; init; }

    /// <summary>Gets <c>nr_spis</c>: The number of shared peripheral interrupts of an Arm guest (Xen 4.20+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpiCount { get; init; }

    /// <summary>Gets <c>trap_unmapped_accesses</c>: Whether an Arm guest's accesses to unmapped MMIO fault (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? TrapUnmappedAccesses { get; init; }

    /// <summary>Gets <c>arm_sci</c>: The SCI mediator of an Arm guest (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? ArmSci { get; init; }
}
