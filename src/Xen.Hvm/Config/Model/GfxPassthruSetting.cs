namespace Xen.Hvm.Config.Model;

/// <summary>
/// The <c>gfx_passthru</c> option: a number (non-zero passes the host's graphics card through, of a kind libxl
/// chooses) or the name of the kind (<c>igd</c>), which also turns it on.
/// </summary>
/// <param name="Enabled">Whether the graphics card is passed through.</param>
/// <param name="Kind">The kind named by the string form, or <see langword="null"/> for the numeric form.</param>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record GfxPassthruSetting(bool Enabled, ConfigEnum<GfxPassthruKind>? Kind = null);
