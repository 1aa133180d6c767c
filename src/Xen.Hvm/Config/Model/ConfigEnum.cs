using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Config.Model.Internal;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// A value of a closed set (a guest type, a shutdown action, a VGA kind...) as a config file spells it: the member
/// the toolstack recognises, or the spelling nobody recognises, kept so that nothing the file says is lost.
/// </summary>
/// <typeparam name="T">The closed set.</typeparam>
/// <remarks>
/// <para>Built from a member (<c>ConfigEnum&lt;GuestType&gt; t = GuestType.Hvm;</c>) it spells the member as xl's
/// documentation does (<c>"hvm"</c>). Read from a file it keeps the file's spelling: <c>"HVM"</c> for an option
/// that xl matches case-insensitively, or <c>"hvmx"</c> for a value xl refuses (<see cref="IsKnown"/> is then
/// <see langword="false"/> and <see cref="Value"/> is <see langword="null"/>).</para>
/// <para>Two values are equal when they name the same member, or, unrecognised, have the same spelling.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct ConfigEnum<T> : IEquatable<ConfigEnum<T>>
    where T : struct, Enum
{
    private readonly string? _spelling;
    private readonly bool _known;
    private readonly T _value;

    /// <summary>Constructs a value for a member, spelt as xl's documentation spells it.</summary>
    /// <param name="value">The member.</param>
    public ConfigEnum(T value)
    {
        _value = value;
        _known = true;
        _spelling = null;
    }

    private ConfigEnum(T value, bool known, string spelling)
    {
        _value = value;
        _known = known;
        _spelling = spelling;
    }

    /// <summary>Gets the member, or <see langword="null"/> when the spelling is not one the toolstack recognises.</summary>
    public T? Value => _known ? _value : null;

    /// <summary>Gets a value indicating whether the spelling names a member.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsKnown => _known;

    /// <summary>Gets the value as the file spells it, or xl's canonical spelling for a value built from a member.</summary>
    public string Spelling => _spelling ?? (_known ? ModelEnums.Spell(_value) : string.Empty);

    /// <summary>Gets the name libxl's JSON gives the member (<c>restart_rename</c> for <c>rename-restart</c>), or <see langword="null"/> when unrecognised.</summary>
    public string? LibxlName => _known ? ModelEnums.LibxlName(_value) : null;

    /// <summary>Converts a member to a value spelt canonically.</summary>
    /// <param name="value">The member.</param>
    public static implicit operator ConfigEnum<T>(T value) => new(value);

    /// <summary>Returns a value for a member as a file spelt it (<c>"HVM"</c>, <c>"rename-restart"</c>).</summary>
    /// <param name="value">The member the spelling names.</param>
    /// <param name="spelling">The spelling as written.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spelling"/> is <see langword="null"/>.</exception>
    public static ConfigEnum<T> Spelt(T value, string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return new(value, known: true, spelling);
    }

    /// <summary>Returns a value whose spelling names no member; it is kept as written.</summary>
    /// <param name="spelling">The spelling as written.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spelling"/> is <see langword="null"/>.</exception>
    public static ConfigEnum<T> Unrecognised(string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return new(default, known: false, spelling);
    }

    /// <summary>Reads a spelling as xl reads this option: the members' accepted spellings, exactly or case-insensitively as the set's table says.</summary>
    /// <param name="spelling">The spelling as written.</param>
    /// <returns>The member with the file's spelling kept, or an unrecognised value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spelling"/> is <see langword="null"/>.</exception>
    public static ConfigEnum<T> FromSpelling(string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return ModelEnums.TryRead(spelling, out T value) ? new(value, known: true, spelling) : Unrecognised(spelling);
    }

    /// <summary>Returns a value spelt canonically (the file's spelling dropped), as a written-back value is spelt.</summary>
    /// <returns>The value; an unrecognised value is returned as it is.</returns>
    [System.Diagnostics.Contracts.Pure]
    public ConfigEnum<T> WithCanonicalSpelling() => _known ? new(_value) : this;

    /// <inheritdoc/>
    public bool Equals(ConfigEnum<T> other) =>
        _known == other._known && (_known ? EqualityComparer<T>.Default.Equals(_value, other._value) : string.Equals(Spelling, other.Spelling, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConfigEnum<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _known ? _value.GetHashCode() : StringComparer.Ordinal.GetHashCode(Spelling);

    /// <summary>Returns the spelling.</summary>
    /// <returns><see cref="Spelling"/>.</returns>
    public override string ToString() => Spelling;

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ConfigEnum<T> left, ConfigEnum<T> right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ConfigEnum<T> left, ConfigEnum<T> right) => !left.Equals(right);
}
