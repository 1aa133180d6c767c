namespace Xen.Hvm.Config.Model;

/// <summary>The emulated UART of an Arm guest (<c>vuart</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum VuartType
{
    /// <summary>The SBSA UART (<c>sbsa_uart</c>).</summary>
    SbsaUart,
}
