using System.Diagnostics.CodeAnalysis;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// Every option xl and xm read, as data: one <see cref="OptionDefinition"/> per key, driving binding, defaults,
/// validation and the generated <c>docs/options.md</c>.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public static partial class OptionCatalog
{
    private static readonly OptionDefinition[] s_rows = AttachDefaults(CreateRows());
    private static readonly Dictionary<string, OptionDefinition> s_byName = s_rows.ToDictionary(static r => r.Name, StringComparer.Ordinal);

    /// <summary>Gets every option, grouped as xl.cfg(5) groups them.</summary>
    public static IReadOnlyList<OptionDefinition> All => s_rows;

    /// <summary>Gets the option of a key.</summary>
    /// <param name="name">The key, as configs spell it (keys are case-sensitive).</param>
    /// <param name="option">The option, when the key is one.</param>
    /// <returns><see langword="true"/> when the key is an option.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static bool TryGet(string name, [NotNullWhen(true)] out OptionDefinition? option)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_byName.TryGetValue(name, out option);
    }

    /// <summary>Gets the option of a key.</summary>
    /// <param name="name">The key.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException"><paramref name="name"/> is not an option.</exception>
    public static OptionDefinition Get(string name) =>
        TryGet(name, out var option) ? option : throw new KeyNotFoundException($"'{name}' is not an option of the catalogue.");

    private static OptionDefinition Row(
        string name, OptionGroup group, OptionShape shape, Toolstacks readBy, GuestTypes guestTypes, string property, string? unit,
        (Capabilities.XenVersion? Introduced, Capabilities.XenVersion? Deprecated, Capabilities.XenVersion? Removed) xl,
        (Capabilities.XenVersion? Introduced, Capabilities.XenVersion? Deprecated, Capabilities.XenVersion? Removed) xm,
        (string? Xl, string? Xm) defaults, string? libxl, string summary,
        Func<DomainConfig, object?, DomainConfig> with) =>
        new(name, group, shape, readBy, guestTypes, property, unit,
            new OptionHistory(xl.Introduced, xl.Deprecated, xl.Removed), new OptionHistory(xm.Introduced, xm.Deprecated, xm.Removed),
            defaults.Xl, defaults.Xm, libxl, summary, with);
}
