using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model.Internal.Effective;

namespace Xen.Hvm.Config.Model;

public sealed partial record DomainConfig
{
    private static readonly XenVersion s_defaultVersion = new(4, 17);

    /// <summary>Returns what xl of Xen 4.17 makes of the model: every option's value and where it comes from.</summary>
    /// <returns>The effective values.</returns>
    public EffectiveConfig GetEffectiveValues() => GetEffectiveValues(Toolstack.Xl, s_defaultVersion);

    /// <summary>
    /// Returns what a toolstack of a Xen version makes of the model: for every option that applies to the guest's type
    /// and that it reads, the value it will use and where that comes from (the file, its default, a derivation from
    /// other options, or the host), plus the options the model sets that it ignores or does not read. For example an
    /// unset <c>on_crash</c> is <c>destroy</c> under xl and <c>restart</c> under xm, and <c>kernel = "hvmloader"</c>
    /// in an HVM guest is ignored by xl 4.5+.
    /// </summary>
    /// <param name="toolstack">The toolstack.</param>
    /// <param name="version">The Xen version (xm: the xend of that release, 4.4 at most).</param>
    /// <param name="host">The host, to settle what only the host decides (<c>hap</c>); <see langword="null"/> leaves those values unknown.</param>
    /// <returns>The effective values.</returns>
    public EffectiveConfig GetEffectiveValues(Toolstack toolstack, XenVersion version, HostInfo? host = null) =>
        EffectiveContext.Evaluate(this, toolstack, version, host);

    /// <summary>Returns what the guest needs from a host under xl of Xen 4.17, for <see cref="HostInfo.Check"/>.</summary>
    /// <returns>The requirements (see <see cref="EffectiveConfig.GetRequirements"/>).</returns>
    public GuestRequirements GetRequirements() => GetEffectiveValues().GetRequirements();

    /// <summary>Returns what the guest needs from a host under a toolstack and Xen version, for <see cref="HostInfo.Check"/>.</summary>
    /// <param name="toolstack">The toolstack (its defaults give the memory and vCPUs of a model that does not set them).</param>
    /// <param name="version">The Xen version.</param>
    /// <returns>The requirements (see <see cref="EffectiveConfig.GetRequirements"/>).</returns>
    public GuestRequirements GetRequirements(Toolstack toolstack, XenVersion version) => GetEffectiveValues(toolstack, version).GetRequirements();
}
