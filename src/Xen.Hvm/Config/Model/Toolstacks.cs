namespace Xen.Hvm.Config.Model;

/// <summary>The toolstacks that read an option: xl (libxl, Xen 4.0+) and xm (xend, removed in Xen 4.5).</summary>
[Flags]
public enum Toolstacks
{
    /// <summary>Neither.</summary>
    None = 0,

    /// <summary>xl.</summary>
    Xl = 1,

    /// <summary>xm (xend).</summary>
    Xm = 2,

    /// <summary>Both.</summary>
    Both = Xl | Xm,
}
