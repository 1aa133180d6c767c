namespace Xen.Hvm.Specs;

/// <summary>A PV channel, as a <c>channel = [ ... ]</c> item describes it (libxl <c>libxl_device_channel</c>).</summary>
/// <param name="Name">The channel name the guest sees (<c>name=</c>, e.g. <c>org.qemu.guest_agent.0</c>).</param>
/// <param name="Connection">The backend end (<c>connection=</c>).</param>
/// <param name="Path">The socket path (<c>path=</c>).</param>
/// <param name="Backend">The backend domain (<c>backend=</c>).</param>
public sealed partial record ChannelSpec(string? Name, ChannelConnection? Connection, string? Path = null, string? Backend = null)
{
    /// <summary>Returns the canonical form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}
