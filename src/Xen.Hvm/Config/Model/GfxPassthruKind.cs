namespace Xen.Hvm.Config.Model;

/// <summary>The kind of graphics card passed through (<c>gfx_passthru</c> as a string).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum GfxPassthruKind
{
    /// <summary>Chosen by libxl (<c>default</c>).</summary>
    Default,

    /// <summary>Intel integrated graphics (<c>igd</c>).</summary>
    Igd,
}
