namespace Xen.Hvm.Config.Model;

/// <summary>The interrupt controller an Arm guest sees (<c>gic_version</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum GicVersion
{
    /// <summary>The host's (<c>default</c>).</summary>
    Default,

    /// <summary>GICv2 (<c>v2</c>).</summary>
    V2,

    /// <summary>GICv3 (<c>v3</c>).</summary>
    V3,
}
