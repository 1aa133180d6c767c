namespace Xen.Hvm.Config.Model;

/// <summary>The trusted execution environment mediator of an Arm guest (<c>tee</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum TeeType
{
    /// <summary>None (<c>none</c>), the default.</summary>
    None,

    /// <summary>OP-TEE (<c>optee</c>).</summary>
    Optee,

    /// <summary>Arm FF-A (<c>ffa</c>), from Xen 4.19.</summary>
    Ffa,
}
