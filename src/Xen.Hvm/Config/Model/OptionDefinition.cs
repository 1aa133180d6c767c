using System.Diagnostics.Contracts;
using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// One option of <see cref="OptionCatalog"/>: its key, how the toolstack reads it, who reads it since when, its
/// defaults, where libxl keeps it, and the <see cref="DomainConfig"/> property that holds it.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class OptionDefinition
{
    private readonly Func<DomainConfig, object?, DomainConfig> _with;

    internal OptionDefinition(
        string name,
        OptionGroup group,
        OptionShape shape,
        Toolstacks readBy,
        GuestTypes guestTypes,
        string propertyName,
        string? unit,
        OptionHistory xl,
        OptionHistory xm,
        string? xlDefault,
        string? xmDefault,
        string? libxlPath,
        string summary,
        Func<DomainConfig, object?, DomainConfig> with)
    {
        Name = name;
        Group = group;
        Shape = shape;
        ReadBy = readBy;
        GuestTypes = guestTypes;
        PropertyName = propertyName;
        Unit = unit;
        Xl = xl;
        Xm = xm;
        XlDefault = xlDefault;
        XmDefault = xmDefault;
        LibxlPath = libxlPath;
        Summary = summary;
        _with = with;
    }

    /// <summary>Gets the key as configs spell it (<c>memory</c>, <c>on_crash</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the xl.cfg(5) group.</summary>
    public OptionGroup Group { get; }

    /// <summary>Gets how the toolstack reads the value (xl's getter).</summary>
    public OptionShape Shape { get; }

    /// <summary>Gets the toolstacks that read the option (at some version).</summary>
    public Toolstacks ReadBy { get; }

    /// <summary>Gets the guest types the option applies to.</summary>
    public GuestTypes GuestTypes { get; }

    /// <summary>Gets the name of the <see cref="DomainConfig"/> property that holds the option.</summary>
    public string PropertyName { get; }

    /// <summary>Gets the unit of a size or time (<c>MiB</c>, <c>KiB</c>, <c>s</c>, <c>%</c>), or <see langword="null"/>.</summary>
    public string? Unit { get; }

    /// <summary>Gets the xl versions that introduced, deprecated and removed the option.</summary>
    public OptionHistory Xl { get; }

    /// <summary>Gets the xm versions that introduced, deprecated and removed the option.</summary>
    public OptionHistory Xm { get; }

    /// <summary>Gets what xl (Xen 4.17) does when the option is absent, in words; <see langword="null"/> when xl does not read it.</summary>
    public string? XlDefault { get; }

    /// <summary>Gets what xm (xend 4.4) did when the option was absent, in words; <see langword="null"/> when xm did not read it.</summary>
    public string? XmDefault { get; }

    /// <summary>Gets where libxl's <c>libxl_domain_config</c> JSON holds the value, in words (<c>b_info.max_memkb</c>), or <see langword="null"/>.</summary>
    public string? LibxlPath { get; }

    /// <summary>Gets a one-line summary.</summary>
    public string Summary { get; }

    /// <summary>
    /// Gets what each toolstack uses when a config does not set the option, per Xen version and guest type, as typed
    /// data: fixed values, derivations from other options, or what the host decides. The first row that
    /// <see cref="OptionDefault.AppliesTo">applies</see> (and whose condition holds) wins; see
    /// <see cref="DomainConfig.GetEffectiveValues(Toolstack, XenVersion, HostInfo?)"/> for the values a model gets.
    /// </summary>
    public IReadOnlyList<OptionDefault> Defaults { get; private set; } = [];

    /// <summary>Gets the cases where the toolstack reads the option but ignores it (<c>kernel = "hvmloader"</c> in an HVM guest under xl).</summary>
    internal IReadOnlyList<Internal.Effective.IgnoreRule> IgnoreRules { get; private set; } = [];

    /// <summary>Gets the first default row that applies to a toolstack, version and guest type, ignoring rows with a condition on other options.</summary>
    /// <param name="toolstack">The toolstack.</param>
    /// <param name="version">The Xen version.</param>
    /// <param name="guestType">The guest type.</param>
    /// <param name="value">The row, when one applies.</param>
    /// <returns><see langword="true"/> when a row applies.</returns>
    public bool TryGetDefault(Toolstack toolstack, XenVersion version, GuestType guestType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OptionDefault? value)
    {
        foreach (OptionDefault row in Defaults)
        {
            if (!row.IsConditional && row.AppliesTo(toolstack, version, guestType))
            {
                value = row;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Gets a value indicating whether a toolstack of a version reads the option.</summary>
    /// <param name="toolstack">The toolstack.</param>
    /// <param name="version">The Xen version.</param>
    /// <returns><see langword="true"/> when the option was introduced at or before <paramref name="version"/> and not removed by it.</returns>
    public bool IsReadBy(Toolstack toolstack, XenVersion version) =>
        (toolstack == Toolstack.Xl ? (ReadBy & Toolstacks.Xl) == Toolstacks.Xl : (ReadBy & Toolstacks.Xm) == Toolstacks.Xm) &&
        (toolstack == Toolstack.Xl ? Xl : Xm).Covers(version);

    /// <summary>Gets the option's value in a model.</summary>
    /// <param name="config">The model.</param>
    /// <returns>The property's value (<see langword="null"/> when unset).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    public object? GetValue(DomainConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.GetStored(Ordinal);
    }

    /// <summary>Returns a model with the option's value replaced.</summary>
    /// <param name="config">The model.</param>
    /// <param name="value">The value, of the property's type, or <see langword="null"/> to unset it.</param>
    /// <returns>The new model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidCastException"><paramref name="value"/> is not of the property's type.</exception>
    [Pure]
    public DomainConfig WithValue(DomainConfig config, object? value)
    {
        ArgumentNullException.ThrowIfNull(config);
        return _with(config, value);
    }

    /// <summary>The option's position in <see cref="OptionCatalog.All"/>: tables of the binder are indexed by it.</summary>
    internal int Ordinal { get; private set; }

    internal void Attach(int ordinal, IReadOnlyList<OptionDefault> defaults, IReadOnlyList<Internal.Effective.IgnoreRule> ignoreRules)
    {
        Ordinal = ordinal;
        Defaults = defaults;
        IgnoreRules = ignoreRules;
    }

    /// <summary>Returns the key.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
