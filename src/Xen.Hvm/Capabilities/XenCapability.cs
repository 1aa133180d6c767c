using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Xen.Hvm.Capabilities;

/// <summary>What kind of guest a <c>xen_caps</c> token offers.</summary>
public enum XenCapabilityKind
{
    /// <summary>Not a recognised token.</summary>
    Unknown = 0,

    /// <summary><c>xen-*</c>: paravirtualised (PV) guests.</summary>
    Xen = 1,

    /// <summary><c>hvm-*</c>: HVM guests (needs VT-x/AMD-V enabled and initialised by Xen).</summary>
    Hvm = 2,
}

/// <summary>The guest architecture named by a <c>xen_caps</c> token.</summary>
public enum XenArchitecture
{
    /// <summary>An architecture this library does not know.</summary>
    Unknown = 0,

    /// <summary>32-bit x86 (<c>x86_32</c>, or <c>x86_32p</c> with PAE).</summary>
    X86_32,

    /// <summary>64-bit x86 (<c>x86_64</c>).</summary>
    X86_64,

    /// <summary>Itanium (<c>ia64</c>, <c>ia64be</c>, <c>ia64-sioemu</c>), Xen 3.0–4.1.</summary>
    Ia64,

    /// <summary>64-bit PowerPC (<c>powerpc64</c>), Xen 3.1–3.2.</summary>
    PowerPc64,

    /// <summary>32-bit ARM (<c>armv7l</c>).</summary>
    Armv7l,

    /// <summary>64-bit ARM (<c>aarch64</c>).</summary>
    Aarch64,
}

/// <summary>
/// One <c>xen_caps</c> token, such as <c>hvm-3.0-x86_32p</c>: the guest kind, the ABI version (always 3.0), the
/// architecture and whether it uses PAE paging.
/// </summary>
/// <remarks>
/// <para>The grammar is <c>(xen|hvm)-major.minor-arch</c>; Xen 3.0.0 on ia64 printed <c>xen_3.0_ia64</c> with
/// underscores, which is accepted too (<see cref="IsUnderscoreForm"/>).</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct XenCapability : IEquatable<XenCapability>
{
    private readonly string? _text;
    private readonly string? _architectureText;

    private XenCapability(string text, XenCapabilityKind kind, int abiMajor, int abiMinor, string architectureText, bool underscore)
    {
        _text = text;
        Kind = kind;
        AbiMajor = abiMajor;
        AbiMinor = abiMinor;
        _architectureText = architectureText;
        IsUnderscoreForm = underscore;
        (Architecture, IsPae) = architectureText switch
        {
            "x86_32" => (XenArchitecture.X86_32, false),
            "x86_32p" => (XenArchitecture.X86_32, true),
            "x86_64" => (XenArchitecture.X86_64, false),
            "ia64" or "ia64be" or "ia64-sioemu" => (XenArchitecture.Ia64, false),
            "powerpc64" => (XenArchitecture.PowerPc64, false),
            "armv7l" => (XenArchitecture.Armv7l, false),
            "aarch64" => (XenArchitecture.Aarch64, false),
            _ => (XenArchitecture.Unknown, false),
        };
    }

    /// <summary>Gets the token text.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>Gets the guest kind: <c>xen</c> (PV) or <c>hvm</c>.</summary>
    public XenCapabilityKind Kind { get; }

    /// <summary>Gets the ABI major number (3 in every release).</summary>
    public int AbiMajor { get; }

    /// <summary>Gets the ABI minor number (0 in every release).</summary>
    public int AbiMinor { get; }

    /// <summary>Gets the ABI version as printed, e.g. <c>3.0</c>.</summary>
    public string AbiVersion => AbiMajor.ToString(CultureInfo.InvariantCulture) + "." + AbiMinor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the architecture text as printed, e.g. <c>x86_32p</c> or <c>ia64-sioemu</c>.</summary>
    public string ArchitectureText => _architectureText ?? string.Empty;

    /// <summary>Gets the architecture.</summary>
    public XenArchitecture Architecture { get; }

    /// <summary>Gets a value indicating whether the token is the PAE (3-level paging) form <c>x86_32p</c>.</summary>
    public bool IsPae { get; }

    /// <summary>Gets a value indicating whether the token uses the Xen 3.0.0 ia64 underscore form <c>xen_3.0_ia64</c>.</summary>
    public bool IsUnderscoreForm { get; }

    /// <summary>Reads one token, or throws when it does not have the form <c>(xen|hvm)[-_]major.minor[-_]arch</c>.</summary>
    /// <param name="token">The token, e.g. <c>hvm-3.0-x86_64</c>.</param>
    /// <returns>The token's meaning.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The token does not have that form.</exception>
    public static XenCapability Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TryParse(token, out XenCapability capability)
            ? capability
            : throw new FormatException("A xen_caps token has the form (xen|hvm)-major.minor-arch, e.g. 'hvm-3.0-x86_64'.");
    }

    /// <summary>Reads one token.</summary>
    /// <param name="token">The token, e.g. <c>hvm-3.0-x86_64</c>.</param>
    /// <param name="capability">The token's meaning, when it has the form <c>(xen|hvm)[-_]major.minor[-_]arch</c>.</param>
    /// <returns><see langword="true"/> when the token has that form.</returns>
    public static bool TryParse([NotNullWhen(true)] string? token, out XenCapability capability)
    {
        capability = default;
        if (token is null || token.Length < 9)
        {
            return false;
        }

        XenCapabilityKind kind = token.StartsWith("xen", StringComparison.Ordinal) ? XenCapabilityKind.Xen
            : token.StartsWith("hvm", StringComparison.Ordinal) ? XenCapabilityKind.Hvm
            : XenCapabilityKind.Unknown;
        if (kind == XenCapabilityKind.Unknown || (token[3] != '-' && token[3] != '_'))
        {
            return false;
        }

        bool underscore = token[3] == '_';
        int i = 4;
        if (!TryNumber(token, ref i, out int major) || i >= token.Length || token[i] != '.')
        {
            return false;
        }

        i++;
        if (!TryNumber(token, ref i, out int minor) || i >= token.Length - 1 || (token[i] != '-' && token[i] != '_'))
        {
            return false;
        }

        string arch = token[(i + 1)..];
        foreach (char c in arch)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        capability = new XenCapability(token, kind, major, minor, arch, underscore);
        return true;
    }

    private static bool TryNumber(string s, ref int i, out int value)
    {
        int start = i;
        while (i < s.Length && i - start < 6 && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        value = i > start ? int.Parse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        return i > start;
    }

    /// <summary>Returns the token text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    /// <inheritdoc/>
    public bool Equals(XenCapability other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is XenCapability other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>Compares two tokens for equality.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when the texts are equal.</returns>
    public static bool operator ==(XenCapability left, XenCapability right) => left.Equals(right);

    /// <summary>Compares two tokens for inequality.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when the texts differ.</returns>
    public static bool operator !=(XenCapability left, XenCapability right) => !left.Equals(right);
}
