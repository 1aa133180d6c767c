using System.Diagnostics.CodeAnalysis;

namespace Xen.Hvm.Config;

/// <summary>
/// The answer an xm config gets from <c>os.uname()</c>: the five fields of <c>uname -a</c> on the host that ran xm.
/// </summary>
/// <param name="SystemName">The kernel name, <c>os.uname()[0]</c>: <c>Linux</c>, <c>NetBSD</c>.</param>
/// <param name="NodeName">The host name, <c>os.uname()[1]</c>.</param>
/// <param name="Release">The kernel release, <c>os.uname()[2]</c>: <c>2.6.18-xen</c>.</param>
/// <param name="Version">The kernel version, <c>os.uname()[3]</c>: <c>#1 SMP Tue Jan 1 00:00:00 UTC 2008</c>.</param>
/// <param name="Machine">The machine, <c>os.uname()[4]</c>: <c>x86_64</c>, <c>i686</c>.</param>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record XmHostProfile(string SystemName, string NodeName, string Release, string Version, string Machine)
{
    /// <summary>Parses <c>"SYSNAME NODENAME RELEASE VERSION... MACHINE"</c> (the version may hold spaces): <c>"Linux host 2.6.18 #1 SMP x86_64"</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="profile">The profile, when the text has at least four fields.</param>
    /// <returns><see langword="true"/> when the text could be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, [NotNullWhen(true)] out XmHostProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            profile = null;
            return false;
        }

        string version = parts.Length == 4 ? string.Empty : string.Join(' ', parts[3..^1]);
        profile = new XmHostProfile(parts[0], parts[1], parts[2], version, parts[^1]);
        return true;
    }

    /// <summary>Parses <c>"SYSNAME NODENAME RELEASE VERSION... MACHINE"</c>; see <see cref="TryParse"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text has fewer than four fields.</exception>
    public static XmHostProfile Parse(string text) =>
        TryParse(text, out XmHostProfile? profile) ? profile : throw new FormatException($"'{text}' is not 'SYSNAME NODENAME RELEASE VERSION MACHINE'.");
}
