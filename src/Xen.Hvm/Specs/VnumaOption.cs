using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>One <c>KEY=VALUE</c> option of a vnuma node (<c>vnuma = [ ["pnode=0","size=512","vcpus=0-1","vdistances=10,20"], ... ]</c>).</summary>
/// <remarks>Equality is by value. Immutable; safe to share across threads.</remarks>
public sealed partial record VnumaOption
{
    /// <summary>Gets the option.</summary>
    public VnumaKey Key { get; init; }

    /// <summary>Gets the key as written (the only information for <see cref="VnumaKey.Other"/>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the number of <c>pnode</c> or <c>size</c>.</summary>
    public ulong? Number { get; init; }

    /// <summary>Gets the ranges of <c>vcpus</c> (From, To).</summary>
    public SpecList<(ulong From, ulong To)> Ranges { get; init; }

    /// <summary>Gets the distances of <c>vdistances</c>.</summary>
    public SpecList<ulong> Distances { get; init; }

    /// <summary>Gets the raw value of an <see cref="VnumaKey.Other"/> option.</summary>
    public string? RawValue { get; init; }

    /// <summary>Returns <c>KEY=VALUE</c>.</summary>
    /// <returns>The option.</returns>
    public override string ToString() => Key switch
    {
        VnumaKey.Pnode or VnumaKey.Size => Name + "=" + Number?.ToString(CultureInfo.InvariantCulture),
        VnumaKey.Vcpus => Name + "=" + string.Join(",", Ranges.Select(r => r.From == r.To
            ? r.From.ToString(CultureInfo.InvariantCulture)
            : r.From.ToString(CultureInfo.InvariantCulture) + "-" + r.To.ToString(CultureInfo.InvariantCulture))),
        VnumaKey.Vdistances => Name + "=" + string.Join(",", Distances.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        _ => Name + "=" + RawValue,
    };
}
