namespace Xen.Hvm.Config.Model;

/// <summary>The alternate-p2m mode of a guest (<c>altp2m</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum Altp2mMode
{
    /// <summary>No alternate p2m (<c>disabled</c>).</summary>
    Disabled,

    /// <summary>Usable by the guest and by external tools (<c>mixed</c>).</summary>
    Mixed,

    /// <summary>Usable by external tools only (<c>external</c>).</summary>
    External,

    /// <summary>External tools, with limited guest access (<c>limited</c>).</summary>
    Limited,
}
