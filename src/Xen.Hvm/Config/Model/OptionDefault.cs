using System.Globalization;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model.Internal.Effective;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// What one toolstack, over a range of Xen versions and for some guest types, uses when a config does not set an
/// option: a fixed value, a value derived from other options, or a value the host decides (see <see cref="Kind"/>).
/// One row of <see cref="OptionDefinition.Defaults"/>; the first row that applies wins.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class OptionDefault
{
    private readonly Func<EffectiveContext, bool>? _when;
    private readonly Func<EffectiveContext, object?>? _derive;

    internal OptionDefault(
        Toolstack toolstack,
        XenVersion? since,
        XenVersion? until,
        GuestTypes guestTypes,
        OptionDefaultKind kind,
        object? value,
        IReadOnlyList<string> derivedFrom,
        string description,
        Func<EffectiveContext, bool>? when,
        Func<EffectiveContext, object?>? derive)
    {
        Toolstack = toolstack;
        Since = since;
        Until = until;
        GuestTypes = guestTypes;
        Kind = kind;
        Value = value;
        DerivedFrom = derivedFrom;
        Description = description;
        _when = when;
        _derive = derive;
    }

    /// <summary>Gets the toolstack whose default this is.</summary>
    public Toolstack Toolstack { get; }

    /// <summary>Gets the first Xen version the row holds for, or <see langword="null"/> for every version up to <see cref="Until"/>.</summary>
    public XenVersion? Since { get; }

    /// <summary>Gets the first Xen version the row no longer holds for, or <see langword="null"/> when it still holds.</summary>
    public XenVersion? Until { get; }

    /// <summary>Gets the guest types the row holds for.</summary>
    public GuestTypes GuestTypes { get; }

    /// <summary>Gets how the row gives the value.</summary>
    public OptionDefaultKind Kind { get; }

    /// <summary>Gets the value, of the option's property type (<c>ConfigEnum&lt;ShutdownAction&gt;</c>, <c>long</c>, <c>bool</c>, <c>string</c>...), when <see cref="Kind"/> is <see cref="OptionDefaultKind.Value"/>; otherwise <see langword="null"/>.</summary>
    public object? Value { get; }

    /// <summary>Gets the keys of the options a <see cref="OptionDefaultKind.Derived"/> value is computed from (empty otherwise).</summary>
    public IReadOnlyList<string> DerivedFrom { get; }

    /// <summary>Gets the default in words, as the documentation gives it (<c>destroy</c>, <c>= memory</c>, <c>1 if the host has HAP</c>).</summary>
    public string Description { get; }

    /// <summary>Gets a value indicating whether the row has a condition on other options (the row only holds when, say, <c>maxmem</c> is set; a later row covers the rest).</summary>
    public bool IsConditional => _when is not null;

    /// <summary>Gets a value indicating whether the row holds for a toolstack, version and guest type (ignoring any <see cref="IsConditional">condition</see> on other options).</summary>
    /// <param name="toolstack">The toolstack.</param>
    /// <param name="version">The Xen version.</param>
    /// <param name="guestType">The guest type.</param>
    /// <returns><see langword="true"/> when the row's toolstack, version range and guest types cover them.</returns>
    public bool AppliesTo(Toolstack toolstack, XenVersion version, GuestType guestType) =>
        toolstack == Toolstack &&
        (Since is not { } since || since <= version) &&
        (Until is not { } until || version < until) &&
        GuestTypes.HasFlag(ToFlag(guestType));

    /// <summary>Returns the row in words: its toolstack, versions, guest types and <see cref="Description"/>.</summary>
    /// <returns>The text, e.g. <c>xl 4.3+ (hvm): cirrus</c>.</returns>
    public override string ToString()
    {
        string range = FormatRange();
        string who = Toolstack == Model.Toolstack.Xl ? "xl" : "xm";
        string types = GuestTypes == GuestTypes.All ? string.Empty : " (" + FormatGuestTypes(GuestTypes) + ")";
        return who + (range.Length == 0 ? string.Empty : " " + range) + types + ": " + Description;
    }

    internal bool Holds(EffectiveContext context) => _when is null || _when(context);

    internal object? Evaluate(EffectiveContext context) => Kind switch
    {
        OptionDefaultKind.Value => Value,
        OptionDefaultKind.Derived or OptionDefaultKind.Host => _derive?.Invoke(context),
        _ => null,
    };

    /// <summary>The version range as the docs print it: <c>4.3+</c>, <c>before 4.3</c>, <c>4.3–4.20</c>, <c>4.2</c> (that release only), or empty for every version.</summary>
    internal string FormatRange() => (Since, Until) switch
    {
        (null, null) => string.Empty,
        ({ } s, null) => s.ToString("M", CultureInfo.InvariantCulture) + "+",
        (null, { } u) => "before " + u.ToString("M", CultureInfo.InvariantCulture),
        ({ } s, { } u) => LastBefore(u) is var last && last == s.ToString("M", CultureInfo.InvariantCulture)
            ? last
            : s.ToString("M", CultureInfo.InvariantCulture) + "–" + last,
    };

    internal static string FormatGuestTypes(GuestTypes types)
    {
        var names = new List<string>(3);
        if (types.HasFlag(GuestTypes.Hvm))
        {
            names.Add("hvm");
        }

        if (types.HasFlag(GuestTypes.Pvh))
        {
            names.Add("pvh");
        }

        if (types.HasFlag(GuestTypes.Pv))
        {
            names.Add("pv");
        }

        return string.Join(", ", names);
    }

    internal static GuestTypes ToFlag(GuestType type) => type switch
    {
        GuestType.Hvm => GuestTypes.Hvm,
        GuestType.Pvh => GuestTypes.Pvh,
        _ => GuestTypes.Pv,
    };

    // Xen 4.x minors count up by one, so [4.3, 4.21) reads "4.3–4.20"; anything else keeps the exclusive bound.
    private static string LastBefore(XenVersion until) => until.Minor > 0 && until.Extra.Length == 0
        ? new XenVersion(until.Major, until.Minor - 1).ToString("M", CultureInfo.InvariantCulture)
        : "before " + until.ToString("M", CultureInfo.InvariantCulture);
}
