using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The graphics options (OptionGroup.Graphics); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>vga</c>: The emulated graphics card: <c>stdvga</c>, <c>cirrus</c>, <c>qxl</c> or <c>none</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<VgaKind>? Vga { get => Get<ConfigEnum<VgaKind>?>(Slots.Vga); init => Init(Slots.Vga, value); }

    /// <summary>Gets <c>stdvga</c>: The old boolean form of <c>vga = "stdvga"</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? StdVga { get => Get<bool?>(Slots.StdVga); init => Init(Slots.StdVga, value); }

    /// <summary>Gets <c>videoram</c>: The graphics card's memory, in MiB (the default depends on the card and the device model).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? VideoRamMiB { get => Get<long?>(Slots.VideoRamMiB); init => Init(Slots.VideoRamMiB, value); }

    /// <summary>Gets <c>vnc</c>: Whether the guest's console is offered over VNC.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Vnc { get => Get<bool?>(Slots.Vnc); init => Init(Slots.Vnc, value); }

    /// <summary>Gets <c>vnclisten</c>: The address (and optionally display) the VNC server listens on.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? VncListen { get => Get<string?>(Slots.VncListen); init => Init(Slots.VncListen, value); }

    /// <summary>Gets <c>vncdisplay</c>: The VNC display number (port 5900 + display).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? VncDisplay { get => Get<long?>(Slots.VncDisplay); init => Init(Slots.VncDisplay, value); }

    /// <summary>Gets <c>vncunused</c>: Whether the first free VNC display is used.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? VncUnused { get => Get<bool?>(Slots.VncUnused); init => Init(Slots.VncUnused, value); }

    /// <summary>Gets <c>vncpasswd</c>: The VNC password.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? VncPassword { get => Get<string?>(Slots.VncPassword); init => Init(Slots.VncPassword, value); }

    /// <summary>Gets <c>keymap</c>: The keyboard layout of the emulated keyboard (<c>en-us</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Keymap { get => Get<string?>(Slots.Keymap); init => Init(Slots.Keymap, value); }

    /// <summary>Gets <c>sdl</c>: Whether the console is shown in an SDL window on the host.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Sdl { get => Get<bool?>(Slots.Sdl); init => Init(Slots.Sdl, value); }

    /// <summary>Gets <c>opengl</c>: Whether the SDL window uses OpenGL.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? OpenGl { get => Get<bool?>(Slots.OpenGl); init => Init(Slots.OpenGl, value); }

    /// <summary>Gets <c>display</c>: The X display the SDL window opens on.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Display { get => Get<string?>(Slots.Display); init => Init(Slots.Display, value); }

    /// <summary>Gets <c>xauthority</c>: The X authority file for the SDL window.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? XAuthority { get => Get<string?>(Slots.XAuthority); init => Init(Slots.XAuthority, value); }

    /// <summary>Gets <c>nographic</c>: Whether the guest has no graphics at all.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? NoGraphic { get => Get<bool?>(Slots.NoGraphic); init => Init(Slots.NoGraphic, value); }

    /// <summary>Gets <c>spice</c>: Whether the console is offered over SPICE.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Spice { get => Get<bool?>(Slots.Spice); init => Init(Slots.Spice, value); }

    /// <summary>Gets <c>spiceport</c>: The SPICE port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpicePort { get => Get<long?>(Slots.SpicePort); init => Init(Slots.SpicePort, value); }

    /// <summary>Gets <c>spicetls_port</c>: The SPICE TLS port.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpiceTlsPort { get => Get<long?>(Slots.SpiceTlsPort); init => Init(Slots.SpiceTlsPort, value); }

    /// <summary>Gets <c>spicehost</c>: The address the SPICE server listens on.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpiceHost { get => Get<string?>(Slots.SpiceHost); init => Init(Slots.SpiceHost, value); }

    /// <summary>Gets <c>spicedisable_ticketing</c>: Whether SPICE clients connect without a password.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceDisableTicketing { get => Get<bool?>(Slots.SpiceDisableTicketing); init => Init(Slots.SpiceDisableTicketing, value); }

    /// <summary>Gets <c>spicepasswd</c>: The SPICE password.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpicePassword { get => Get<string?>(Slots.SpicePassword); init => Init(Slots.SpicePassword, value); }

    /// <summary>Gets <c>spiceagent_mouse</c>: Whether the SPICE agent drives the mouse.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceAgentMouse { get => Get<bool?>(Slots.SpiceAgentMouse); init => Init(Slots.SpiceAgentMouse, value); }

    /// <summary>Gets <c>spicevdagent</c>: Whether the SPICE vdagent channel is offered.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceVdAgent { get => Get<bool?>(Slots.SpiceVdAgent); init => Init(Slots.SpiceVdAgent, value); }

    /// <summary>Gets <c>spice_clipboard_sharing</c>: Whether the clipboard is shared over SPICE.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? SpiceClipboardSharing { get => Get<bool?>(Slots.SpiceClipboardSharing); init => Init(Slots.SpiceClipboardSharing, value); }

    /// <summary>Gets <c>spiceusbredirection</c>: The number of SPICE USB redirection channels.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? SpiceUsbRedirection { get => Get<long?>(Slots.SpiceUsbRedirection); init => Init(Slots.SpiceUsbRedirection, value); }

    /// <summary>Gets <c>spice_image_compression</c>: The SPICE image compression.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpiceImageCompression { get => Get<string?>(Slots.SpiceImageCompression); init => Init(Slots.SpiceImageCompression, value); }

    /// <summary>Gets <c>spice_streaming_video</c>: The SPICE video streaming mode.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SpiceStreamingVideo { get => Get<string?>(Slots.SpiceStreamingVideo); init => Init(Slots.SpiceStreamingVideo, value); }

    /// <summary>Gets <c>gfx_passthru</c>: Whether the host's graphics card is passed through, and of which kind (<c>igd</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public GfxPassthruSetting? GfxPassthru { get => Get<GfxPassthruSetting?>(Slots.GfxPassthru); init => Init(Slots.GfxPassthru, value); }

    /// <summary>Gets <c>vncviewer</c>: xm's request to start a VNC viewer; xl ignores it with a warning (use <c>xl create -V</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? VncViewer { get => Get<long?>(Slots.VncViewer); init => Init(Slots.VncViewer, value); }
}
