using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

/// <summary>A 48-bit Ethernet MAC address, as a vif's <c>mac=</c> gives it.</summary>
/// <remarks>Parsing follows the BCL: <see cref="Parse(string)"/> throws <see cref="FormatException"/>,
/// <see cref="TryParse(string, out MacAddress)"/> returns <see langword="false"/>. Immutable; safe to share across
/// threads.</remarks>
public readonly struct MacAddress : IEquatable<MacAddress>, ISpanParsable<MacAddress>, IFormattable
{
    private readonly ulong _value;

    /// <summary>Constructs an address from its 48-bit value.</summary>
    /// <param name="value">The address; only the low 48 bits may be set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> has bits above bit 47.</exception>
    public MacAddress(ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 0xffff_ffff_ffffUL);
        _value = value;
    }

    /// <summary>Gets the 48-bit value.</summary>
    public ulong Value => _value;

    /// <summary>Gets a value indicating whether the address is in Xen's OUI <c>00:16:3e</c> (what xl generates).</summary>
    public bool IsXenOui => (_value >> 24) == 0x00163e;

    /// <summary>Gets a value indicating whether the locally administered bit is set.</summary>
    public bool IsLocallyAdministered => ((_value >> 40) & 0x02) != 0;

    /// <summary>Gets a value indicating whether this is a multicast address (a vif must not use one).</summary>
    public bool IsMulticast => ((_value >> 40) & 0x01) != 0;

    /// <summary>Parses six hexadecimal groups, each at most <c>ff</c>, separated by any one character (xl's rule).</summary>
    /// <param name="s">The text, e.g. <c>00:16:3e:00:00:01</c>.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a MAC address.</exception>
    public static MacAddress Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses an address; <paramref name="provider"/> is ignored (the form does not depend on culture).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a MAC address.</exception>
    public static MacAddress Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses an address from characters.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not a MAC address.</exception>
    public static MacAddress Parse(ReadOnlySpan<char> s, IFormatProvider? provider = null) =>
        TryParse(s, out var mac) ? mac : throw new FormatException("The text is not a MAC address (six hexadecimal groups up to ff).");

    /// <summary>Tries to parse an address; the whole text must be the six groups.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns><see langword="true"/> when the text is exactly a MAC address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out MacAddress result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result);
    }

    /// <summary>Tries to parse an address; <paramref name="provider"/> is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns><see langword="true"/> when the text is exactly a MAC address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MacAddress result) => TryParse(s, out result);

    /// <summary>Tries to parse an address from characters; all of them must be the six groups.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns><see langword="true"/> when the characters are exactly a MAC address.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out MacAddress result)
    {
        if (ReadXl(s, strict: true, out result, out int end) && end == s.Length)
        {
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Tries to parse an address from characters; <paramref name="provider"/> is ignored.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns><see langword="true"/> when the characters are exactly a MAC address.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MacAddress result) => TryParse(s, out result);

    /// <summary>
    /// xl's reading of <c>mac=</c> (xl 4.17, checked against <c>xl create -n</c>): six <c>strtoul(.., 16)</c> groups
    /// (blanks, a sign and <c>0x</c> allowed before the digits, unless <paramref name="strict"/>), each followed by one
    /// skipped character; what follows the sixth group is ignored (<paramref name="end"/> says where it starts). A
    /// group with no digits or over <c>ff</c> ends the reading, and xl keeps the groups read before it with the rest
    /// zero: <paramref name="address"/> is that address, complete or not.
    /// </summary>
    /// <returns>Whether all six groups were read.</returns>
    internal static bool ReadXl(ReadOnlySpan<char> text, bool strict, out MacAddress address, out int end)
    {
        end = 0;
        ulong value = 0;
        int p = 0;
        for (int i = 0; i < 6; i++)
        {
            bool refused = p > text.Length || (strict && p < text.Length && !CNumbers.IsHexDigit(text[p]));
            int e = p;
            ulong group = refused ? 0 : CNumbers.StrToUL(text, p, 16, out e, out _);
            if (refused || e == p || group > 255)
            {
                address = new MacAddress(value << (8 * (6 - i)));
                return false;
            }

            value = (value << 8) | group;
            end = e;
            p = e + 1;
        }

        address = new MacAddress(value);
        return true;
    }

    /// <summary>Returns the address in a format: <c>G</c> (or <see langword="null"/> or empty) for six lower-case
    /// hexadecimal groups separated by colons, <c>X</c> for the same in upper case.</summary>
    /// <param name="format">The format.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>e.g. <c>00:16:3e:00:00:01</c> or <c>00:16:3E:00:00:01</c>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of those.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" or "g" => ToString(),
        "X" => ToString().ToUpperInvariant(),
        _ => throw new FormatException("A MAC address format is G (lower case) or X (upper case)."),
    };

    /// <summary>Returns the address as six lower-case hexadecimal groups separated by colons.</summary>
    /// <returns>e.g. <c>00:16:3e:00:00:01</c>.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[17];
        for (int i = 0; i < 6; i++)
        {
            byte b = (byte)(_value >> (8 * (5 - i)));
            b.TryFormat(buffer[(i * 3)..], out _, "x2", CultureInfo.InvariantCulture);
            if (i < 5)
            {
                buffer[(i * 3) + 2] = ':';
            }
        }

        return new string(buffer);
    }

    /// <inheritdoc/>
    public bool Equals(MacAddress other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two addresses.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(MacAddress left, MacAddress right) => left.Equals(right);

    /// <summary>Compares two addresses.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(MacAddress left, MacAddress right) => !left.Equals(right);
}
