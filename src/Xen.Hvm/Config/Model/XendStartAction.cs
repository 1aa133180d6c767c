namespace Xen.Hvm.Config.Model;

/// <summary>What xend did with the guest when xend started (xm's <c>on_xend_start</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum XendStartAction
{
    /// <summary>Nothing (<c>ignore</c>), the default.</summary>
    Ignore,

    /// <summary>Start it (<c>start</c>).</summary>
    Start,
}
