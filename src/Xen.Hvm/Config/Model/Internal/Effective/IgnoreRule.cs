using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Config.Model.Internal.Effective;

/// <summary>
/// A case where a toolstack reads an option and then ignores it (often with a warning): <c>kernel = "hvmloader"</c>
/// in an HVM guest under xl 4.5+, <c>device_model</c> under xl 4.2+, <c>stdvga</c> when <c>vga</c> is set.
/// </summary>
/// <param name="Toolstack">The toolstack.</param>
/// <param name="Since">The first version that ignores it, or <see langword="null"/>.</param>
/// <param name="Until">The first version that no longer ignores it, or <see langword="null"/>.</param>
/// <param name="GuestTypes">The guest types it is ignored for.</param>
/// <param name="When">A further condition on the model, or <see langword="null"/> for always.</param>
/// <param name="Reason">Why, in words.</param>
internal sealed record IgnoreRule(
    Toolstack Toolstack,
    XenVersion? Since,
    XenVersion? Until,
    GuestTypes GuestTypes,
    Func<DomainConfig, bool>? When,
    string Reason)
{
    public bool Matches(DomainConfig config, Toolstack toolstack, XenVersion version, GuestType guestType) =>
        toolstack == Toolstack &&
        (Since is not { } since || since <= version) &&
        (Until is not { } until || version < until) &&
        GuestTypes.HasFlag(OptionDefault.ToFlag(guestType)) &&
        (When is null || When(config));
}
