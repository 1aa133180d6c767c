namespace Xen.Hvm.Capabilities;

/// <summary>How to decode a <c>hw_caps</c> string.</summary>
/// <remarks>
/// <para>The layout is chosen, in order: <see cref="Layout"/> when set; otherwise from <see cref="Version"/> (4.6 and
/// earlier is layout A, 4.7 and later layout B); otherwise from the words themselves (fewer than 8 words, or a zero
/// word 2, means layout A).</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed record HwCapsOptions
{
    /// <summary>Gets the Xen version that printed the string, or <see langword="null"/> when unknown.</summary>
    public XenVersion? Version { get; init; }

    /// <summary>Gets the layout to use regardless of version, or <see langword="null"/> to choose automatically.</summary>
    public HwCapsLayout? Layout { get; init; }
}
