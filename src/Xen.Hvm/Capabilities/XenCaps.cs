using System.Diagnostics.Contracts;
using Xen.Hvm.Capabilities.Internal;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// A decoded <c>xen_caps</c> line: the guest ABIs the hypervisor can run, e.g.
/// <c>xen-3.0-x86_64 xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64</c>.
/// </summary>
/// <remarks>
/// <para>An <c>hvm-*</c> token means Xen has VT-x/AMD-V enabled and initialised, on every version; it is a better
/// sign of usable HVM than the <c>vmx</c>/<c>svm</c> bit of <c>hw_caps</c>.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class XenCaps
{
    private readonly XenCapability[] _tokens;
    private readonly string[] _unknown;

    private XenCaps(string text, XenCapability[] tokens, string[] unknown)
    {
        Text = text;
        _tokens = tokens;
        _unknown = unknown;
    }

    /// <summary>Gets the text exactly as given.</summary>
    public string Text { get; }

    /// <summary>Gets the recognised tokens, in order.</summary>
    public IReadOnlyList<XenCapability> Tokens => _tokens;

    /// <summary>Gets the tokens that do not have the <c>(xen|hvm)-3.0-arch</c> form.</summary>
    public IReadOnlyList<string> UnknownTokens => _unknown;

    /// <summary>Gets a value indicating whether any <c>hvm-*</c> token is present.</summary>
    public bool SupportsHvm => Array.Exists(_tokens, t => t.Kind == XenCapabilityKind.Hvm);

    /// <summary>Gets a value indicating whether any <c>xen-*</c> (PV) token is present.</summary>
    public bool SupportsPv => Array.Exists(_tokens, t => t.Kind == XenCapabilityKind.Xen);

    /// <summary>Gets a value indicating whether a token names an ARM architecture (then <c>hw_caps</c> is all zero).</summary>
    public bool IsArm => Array.Exists(_tokens, t => t.Architecture is XenArchitecture.Aarch64 or XenArchitecture.Armv7l);

    /// <summary>Gets whether the hypervisor is 64-bit x86: <see cref="FactState.Yes"/> with an <c>x86_64</c> token,
    /// <see cref="FactState.No"/> with only <c>x86_32*</c> tokens (a 32-bit Xen), <see cref="FactState.Unknown"/> when
    /// no x86 token is present (an ARM hypervisor, an empty line).</summary>
    public FactState X86_64Hypervisor =>
        Array.Exists(_tokens, t => t.Architecture == XenArchitecture.X86_64) ? FactState.Yes
        : Array.Exists(_tokens, t => t.Architecture == XenArchitecture.X86_32) ? FactState.No
        : FactState.Unknown;

    /// <summary>Returns whether a token of this kind, architecture and paging mode is present.</summary>
    /// <param name="kind">PV (<see cref="XenCapabilityKind.Xen"/>) or HVM.</param>
    /// <param name="architecture">The architecture.</param>
    /// <param name="pae">For <see cref="XenArchitecture.X86_32"/>: the PAE form <c>x86_32p</c>; ignored otherwise.</param>
    /// <returns><see langword="true"/> when the hypervisor offers it.</returns>
    [Pure]
    public bool Supports(XenCapabilityKind kind, XenArchitecture architecture, bool pae = false) =>
        Array.Exists(_tokens, t => t.Kind == kind && t.Architecture == architecture &&
                                   (architecture != XenArchitecture.X86_32 || t.IsPae == pae));

    /// <summary>Decodes a <c>xen_caps</c> value. Never throws on bad text: unknown tokens become warnings.</summary>
    /// <param name="text">The value.</param>
    /// <returns>The decoded value and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    [Pure]
    public static ParseResult<XenCaps> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new DiagnosticSink(null, text);
        XenCaps caps = Decode(text, sink);
        return HostCapabilitiesException.Result(caps, sink.ToSortedList());
    }

    /// <summary>Returns the input text exactly.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    internal static XenCaps Decode(string text, DiagnosticSink sink)
    {
        List<TextSpan> spans = Internal.Tokens.Split(text);
        var tokens = new List<XenCapability>(spans.Count);
        var unknown = new List<string>();
        for (int i = 0; i < spans.Count; i++)
        {
            string token = text.Substring(spans[i].Start, spans[i].Length);
            if (XenCapability.TryParse(token, out XenCapability cap))
            {
                tokens.Add(cap);
                continue;
            }

            // A paste can split a token ("hvm-" then "3.0-x86_32"): join it with the next piece when that makes a token.
            if (i + 1 < spans.Count && spans[i].Length < 64 && spans[i + 1].Length < 64)
            {
                string next = text.Substring(spans[i + 1].Start, spans[i + 1].Length);
                if (XenCapability.TryParse(token + next, out XenCapability joined))
                {
                    sink.Add(DiagnosticDescriptors.XenCapsTokenRejoined, TextSpan.FromBounds(spans[i].Start, spans[i + 1].End),
                        HwCaps.Shorten(token), next);
                    tokens.Add(joined);
                    i++;
                    continue;
                }
            }

            sink.Add(DiagnosticDescriptors.XenCapsUnknownToken, spans[i], HwCaps.Shorten(token));
            unknown.Add(token);
        }

        return new XenCaps(text, tokens.ToArray(), unknown.ToArray());
    }
}
