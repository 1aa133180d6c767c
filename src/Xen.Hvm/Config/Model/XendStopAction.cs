namespace Xen.Hvm.Config.Model;

/// <summary>What xend did with the guest when xend stopped (xm's <c>on_xend_stop</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum XendStopAction
{
    /// <summary>Nothing (<c>ignore</c>), the default.</summary>
    Ignore,

    /// <summary>Shut it down (<c>shutdown</c>).</summary>
    Shutdown,

    /// <summary>Suspend it (<c>suspend</c>).</summary>
    Suspend,
}
