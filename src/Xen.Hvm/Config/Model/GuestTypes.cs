namespace Xen.Hvm.Config.Model;

/// <summary>The guest types an option applies to.</summary>
[Flags]
public enum GuestTypes
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>PV guests.</summary>
    Pv = 1,

    /// <summary>PVH guests.</summary>
    Pvh = 2,

    /// <summary>HVM guests.</summary>
    Hvm = 4,

    /// <summary>Every guest type.</summary>
    All = Pv | Pvh | Hvm,
}
