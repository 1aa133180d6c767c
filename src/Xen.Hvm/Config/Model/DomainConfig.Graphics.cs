using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The graphics options (OptionGroup.Graphics); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>vga</c>: The emulated graphics card: <c>stdvga</c>, <c>cirrus</c>, <c>qxl</c> or <c>none</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<VgaKind>? Vga { get; init; }

    /// <summary>Gets <c>stdvga</c>: The old boolean form of <c>vga = "stdvga"</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? StdVga { get; init; }

    /// <summary>Gets <c>videoram</c>: The graphics card's memory, in MiB (the default depends on the card and the device model).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? VideoRamMiB { get; init; }

    /// <summary>Gets <c>vnc</c>: Whether the guest's console is offered over VNC.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Vnc { get; init; }

    /// <summary>Gets <c>vnclisten</c>: The address (and optionally display) the VNC server listens on.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? VncListen { get; init; }

    /// <summary>Gets <c>vncdisplay</c>: The VNC display number (port 5900 + display).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? VncDisplay { get; init; }

    /// <summary>Gets <c>vncunused</c>: Whether the first free VNC display is used.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? VncUnused { get; init; }

    /// <summary>Gets <c>vncpasswd</c>: The VNC password.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? VncPassword { get; init; }

    /// <summary>Gets <c>keymap</c>: The keyboard layout of the emulated keyboard (<c>en-us</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Keymap { get; init; }

    /// <summary>Gets <c>sdl</c>: Whether the console is shown in an SDL window on the host.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Sdl { get; init; }

    /// <summary>Gets <c>opengl</c>: Whether the SDL window uses OpenGL.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? OpenGl { get; init; }

    /// <summary>Gets <c>display</c>: The X display the SDL window opens on.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Display { get; init; }

    /// <summary>Gets <c>xauthority</c>: The X authority file for the SDL window.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XAuthority { get; init; }

    /// <summary>Gets <c>nographic</c>: Whether the guest has no graphics at all.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? NoGraphic { get; init; }

    /// <summary>Gets <c>spice</c>: Whether the console is offered over SPICE.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Spice { get; init; }

    /// <summary>Gets <c>spiceport</c>: The SPICE port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpicePort { get; init; }

    /// <summary>Gets <c>spicetls_port</c>: The SPICE TLS port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpiceTlsPort { get; init; }

    /// <summary>Gets <c>spicehost</c>: The address the SPICE server listens on.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpiceHost { get; init; }

    /// <summary>Gets <c>spicedisable_ticketing</c>: Whether SPICE clients connect without a password.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceDisableTicketing { get; init; }

    /// <summary>Gets <c>spicepasswd</c>: The SPICE password.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpicePassword { get; init; }

    /// <summary>Gets <c>spiceagent_mouse</c>: Whether the SPICE agent drives the mouse.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceAgentMouse { get; init; }

    /// <summary>Gets <c>spicevdagent</c>: Whether the SPICE vdagent channel is offered.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceVdAgent { get; init; }

    /// <summary>Gets <c>spice_clipboard_sharing</c>: Whether the clipboard is shared over SPICE.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceClipboardSharing { get; init; }

    /// <summary>Gets <c>spiceusbredirection</c>: The number of SPICE USB redirection channels.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpiceUsbRedirection { get; init; }

    /// <summary>Gets <c>spice_image_compression</c>: The SPICE image compression.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpiceImageCompression { get; init; }

    /// <summary>Gets <c>spice_streaming_video</c>: The SPICE video streaming mode.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpiceStreamingVideo { get; init; }

    /// <summary>Gets <c>gfx_passthru</c>: Whether the host's graphics card is passed through, and of which kind (<c>igd</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public GfxPassthruSetting? GfxPassthru { get; init; }

    /// <summary>Gets <c>vncviewer</c>: xm's request to start a VNC viewer; xl ignores it with a warning (use <c>xl create -V</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? VncViewer { get; init; }
}
