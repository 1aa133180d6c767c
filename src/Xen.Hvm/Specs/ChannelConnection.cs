namespace Xen.Hvm.Specs;

/// <summary>How the backend end of a channel is exposed (<c>connection=</c>).</summary>
public enum ChannelConnection
{
    /// <summary><c>pty</c>: a pseudo-terminal.</summary>
    Pty,

    /// <summary><c>socket</c>: a listening Unix socket at <c>path=</c>.</summary>
    Socket,
}
