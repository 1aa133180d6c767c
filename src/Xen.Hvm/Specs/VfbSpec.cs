namespace Xen.Hvm.Specs;

/// <summary>A PV framebuffer, as a <c>vfb = [ ... ]</c> item describes it (libxl <c>libxl_device_vfb</c>).</summary>
/// <remarks>Unset keys are <see langword="null"/>. Equality is by value. Immutable; safe to share across threads.</remarks>
public sealed partial record VfbSpec
{
    /// <summary>Gets <c>vnc=</c>.</summary>
    public bool? Vnc { get; init; }

    /// <summary>Gets <c>vnclisten=</c>.</summary>
    public string? VncListen { get; init; }

    /// <summary>Gets <c>vncpasswd=</c>.</summary>
    public string? VncPassword { get; init; }

    /// <summary>Gets <c>vncdisplay=</c>.</summary>
    public int? VncDisplay { get; init; }

    /// <summary>Gets <c>vncunused=</c>.</summary>
    public bool? VncUnused { get; init; }

    /// <summary>Gets <c>keymap=</c>.</summary>
    public string? Keymap { get; init; }

    /// <summary>Gets <c>sdl=</c>.</summary>
    public bool? Sdl { get; init; }

    /// <summary>Gets <c>opengl=</c>.</summary>
    public bool? OpenGl { get; init; }

    /// <summary>Gets <c>display=</c>.</summary>
    public string? Display { get; init; }

    /// <summary>Gets <c>xauthority=</c>.</summary>
    public string? XAuthority { get; init; }

    /// <summary>Gets the xend-only keys (<c>type</c>, <c>serial</c>, <c>monitor</c>, <c>videoram</c>), in order; xl ignores them.</summary>
    public SpecList<SpecSetting> XmOnly { get; init; }

    /// <summary>Returns the canonical xl form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}
