using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// The <c>viridian</c> option: a boolean (<c>viridian = 1</c> means the <c>defaults</c> groups), or a list of
/// enlightenment groups to enable or, with <c>!</c>, disable.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record ViridianSetting
{
    private ViridianSetting(bool? enabled, ValueList<ViridianSpec>? groups)
    {
        Enabled = enabled;
        Groups = groups;
    }

    /// <summary>Gets the boolean form, or <see langword="null"/> for the list form.</summary>
    public bool? Enabled { get; }

    /// <summary>Gets the list form, or <see langword="null"/> for the boolean form.</summary>
    public ValueList<ViridianSpec>? Groups { get; }

    /// <summary>Returns the boolean form.</summary>
    /// <param name="enabled">Whether the default enlightenments are on.</param>
    /// <returns>The setting.</returns>
    public static ViridianSetting FromBoolean(bool enabled) => new(enabled, null);

    /// <summary>Returns the list form.</summary>
    /// <param name="groups">The groups.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is <see langword="null"/>.</exception>
    public static ViridianSetting FromGroups(ValueList<ViridianSpec> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return new(null, groups);
    }
}
