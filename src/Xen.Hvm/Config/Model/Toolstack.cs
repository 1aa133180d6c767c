namespace Xen.Hvm.Config.Model;

/// <summary>The toolstack that reads a config: its defaults and conversions differ (xm's <c>on_crash</c> restarts, xl's destroys).</summary>
public enum Toolstack
{
    /// <summary>xl (libxl), Xen 4.0 and later; the only one since Xen 4.5.</summary>
    Xl,

    /// <summary>xm (xend), Xen 2.0 to 4.4.</summary>
    Xm,
}
