using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Config.Model;

/// <summary>When one toolstack introduced, deprecated and removed an option (each <see langword="null"/> when it did not, or it is unknown).</summary>
/// <param name="Introduced">The first version that reads the option.</param>
/// <param name="Deprecated">The first version that warns about it, or documents a replacement.</param>
/// <param name="Removed">The first version that no longer reads it.</param>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly record struct OptionHistory(XenVersion? Introduced, XenVersion? Deprecated, XenVersion? Removed)
{
    /// <summary>Gets a value indicating whether a version is within [Introduced, Removed).</summary>
    /// <param name="version">The version.</param>
    /// <returns><see langword="true"/> when the option exists at that version.</returns>
    public bool Covers(XenVersion version) =>
        Introduced is { } i && i <= version && (Removed is not { } r || version < r);

    /// <summary>Gets a value indicating whether the option is deprecated at a version.</summary>
    /// <param name="version">The version.</param>
    /// <returns><see langword="true"/> when it is deprecated (and still read).</returns>
    public bool IsDeprecatedAt(XenVersion version) => Deprecated is { } d && d <= version && Covers(version);
}
