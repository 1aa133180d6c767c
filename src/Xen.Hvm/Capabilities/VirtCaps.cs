using System.Diagnostics.Contracts;
using Xen.Hvm.Capabilities.Internal;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// A decoded <c>virt_caps</c> line, e.g. <c>pv hvm hvm_directio pv_directio hap shadow</c>. What a missing token
/// means depends on the Xen version: <c>pv</c> is only printed from 4.12 and <c>hap</c> from 4.13, so their absence
/// says nothing on older releases (<see cref="IsReported"/>).
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class VirtCaps
{
    private static readonly (string Token, VirtCapabilities Flag, int Major, int Minor)[] s_known =
    [
        ("pv", VirtCapabilities.Pv, 4, 12),
        ("hvm", VirtCapabilities.Hvm, 3, 3),
        ("hvm_directio", VirtCapabilities.HvmDirectIO, 3, 3),
        ("pv_directio", VirtCapabilities.PvDirectIO, 4, 12),
        ("hap", VirtCapabilities.Hap, 4, 13),
        ("shadow", VirtCapabilities.Shadow, 4, 13),
        ("iommu_hap_pt_share", VirtCapabilities.IommuHapPtShare, 4, 13),
        ("vmtrace", VirtCapabilities.Vmtrace, 4, 15),
        ("vpmu", VirtCapabilities.Vpmu, 4, 16),
        ("gnttab-v1", VirtCapabilities.GnttabV1, 4, 16),
        ("gnttab-v2", VirtCapabilities.GnttabV2, 4, 16),
        ("assisted_xapic", VirtCapabilities.AssistedXapic, 4, 17),
        ("assisted_x2apic", VirtCapabilities.AssistedX2apic, 4, 17),
    ];

    private readonly string[] _tokens;
    private readonly string[] _unknown;

    private VirtCaps(string text, VirtCapabilities flags, string[] tokens, string[] unknown, XenVersion? version)
    {
        Text = text;
        Flags = flags;
        _tokens = tokens;
        _unknown = unknown;
        Version = version;
    }

    /// <summary>Gets the text exactly as given.</summary>
    public string Text { get; }

    /// <summary>Gets the recognised tokens as flags.</summary>
    public VirtCapabilities Flags { get; }

    /// <summary>Gets every token, in order, recognised or not.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>Gets the tokens this library does not know.</summary>
    public IReadOnlyList<string> UnknownTokens => _unknown;

    /// <summary>Gets the Xen version the line was read for, or <see langword="null"/>.</summary>
    public XenVersion? Version { get; }

    /// <summary>Returns whether every given capability is present.</summary>
    /// <param name="capabilities">One or more flags.</param>
    /// <returns><see langword="true"/> when all are present.</returns>
    [Pure]
    public bool Has(VirtCapabilities capabilities) => (Flags & capabilities) == capabilities;

    /// <summary>Returns whether a capability is known present (<see cref="FactState.Yes"/>), known absent
    /// (<see cref="FactState.No"/>), or unknown (<see cref="FactState.Unknown"/>) because <see cref="Version"/> does
    /// not print that token. Without a version, the newest token present shows how new the printer is.</summary>
    /// <param name="capability">One flag.</param>
    /// <returns>The three-valued answer (never <see cref="FactState.Probable"/>).</returns>
    [Pure]
    public FactState GetState(VirtCapabilities capability)
    {
        if (Has(capability))
        {
            return FactState.Yes;
        }

        XenVersion? printer = Version ?? MinimumPrinterVersion();
        return printer is { } v && IsReported(capability, v) ? FactState.No : FactState.Unknown;
    }

    // Without a version, the newest token present proves the printer is at least that new.
    private XenVersion? MinimumPrinterVersion()
    {
        XenVersion? best = null;
        foreach (var (_, flag, major, minor) in s_known)
        {
            if (Has(flag) && (best is null || !best.Value.IsAtLeast(major, minor)))
            {
                best = new XenVersion(major, minor);
            }
        }

        return best;
    }

    /// <summary>Returns whether a Xen version prints a token at all, so that its absence means "not available".</summary>
    /// <param name="capability">One flag.</param>
    /// <param name="version">The Xen version.</param>
    /// <returns><see langword="true"/> when <paramref name="version"/> is at least the first release that prints it.</returns>
    [Pure]
    public static bool IsReported(VirtCapabilities capability, XenVersion version)
    {
        foreach (var (_, flag, major, minor) in s_known)
        {
            if (flag == capability)
            {
                return version.IsAtLeast(major, minor);
            }
        }

        return false;
    }

    /// <summary>Returns the token text of one flag, e.g. <c>hvm_directio</c>.</summary>
    /// <param name="capability">One flag.</param>
    /// <returns>The token, or <see langword="null"/> when the value is not a single known flag.</returns>
    [Pure]
    public static string? TokenOf(VirtCapabilities capability)
    {
        foreach (var (token, flag, _, _) in s_known)
        {
            if (flag == capability)
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>Decodes a <c>virt_caps</c> value. Never throws on bad text: unknown tokens become warnings.</summary>
    /// <param name="text">The value.</param>
    /// <param name="version">The Xen version that printed it, or <see langword="null"/>; tokens that version cannot
    /// print are reported.</param>
    /// <returns>The decoded value and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    [Pure]
    public static ParseResult<VirtCaps> Parse(string text, XenVersion? version = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new DiagnosticSink(null, text);
        VirtCaps caps = Decode(text, version, sink);
        return HostCapabilitiesException.Result(caps, sink.ToSortedList());
    }

    /// <summary>Returns the input text exactly.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    internal static VirtCaps Decode(string text, XenVersion? version, DiagnosticSink sink)
    {
        List<TextSpan> spans = Internal.Tokens.Split(text);
        var tokens = new string[spans.Count];
        var unknown = new List<string>();
        VirtCapabilities flags = VirtCapabilities.None;
        for (int i = 0; i < spans.Count; i++)
        {
            string token = text.Substring(spans[i].Start, spans[i].Length);
            tokens[i] = token;
            int k = Array.FindIndex(s_known, e => string.Equals(e.Token, token, StringComparison.Ordinal));
            if (k < 0)
            {
                sink.Add(DiagnosticDescriptors.VirtCapsUnknownToken, spans[i], HwCaps.Shorten(token));
                unknown.Add(token);
                continue;
            }

            var (_, flag, major, minor) = s_known[k];
            flags |= flag;
            if (version is { } v && !v.IsAtLeast(major, minor))
            {
                sink.Add(DiagnosticDescriptors.VirtCapsTokenNotInVersion, spans[i], token, v, major + "." + minor);
            }
        }

        return new VirtCaps(text, flags, tokens, unknown.ToArray(), version);
    }
}
