using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

/// <summary>A 48-bit Ethernet MAC address, as a vif's <c>mac=</c> gives it.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly struct MacAddress : IEquatable<MacAddress>
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
    /// <param name="text">The text, e.g. <c>00:16:3e:00:00:01</c>.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a MAC address.</exception>
    public static MacAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var mac) ? mac : throw new FormatException($"'{text}' is not a MAC address.");
    }

    /// <summary>Tries to parse an address; the whole text must be the six groups.</summary>
    /// <param name="text">The text.</param>
    /// <param name="address">The address, when valid.</param>
    /// <returns><see langword="true"/> when the text is exactly a MAC address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress address) =>
        TryParseXl(text, out address, out int end) && end == text!.Length;

    /// <summary>xl's reading: six <c>strtoul(.., 16)</c> groups each followed by one skipped character; what follows
    /// the sixth group is ignored (<paramref name="end"/> says where it starts).</summary>
    internal static bool TryParseXl(string? text, out MacAddress address, out int end)
    {
        address = default;
        end = 0;
        if (text is null)
        {
            return false;
        }

        ulong value = 0;
        int p = 0;
        for (int i = 0; i < 6; i++)
        {
            if (p > text.Length || (p < text.Length && !CNumbers.IsHexDigit(text[p])))
            {
                return false;
            }

            ulong group = CNumbers.StrToUL(text, p, 16, out int e, out _);
            if (e == p || group > 255)
            {
                return false;
            }

            value = (value << 8) | group;
            end = e;
            p = e + 1;
        }

        address = new MacAddress(value);
        return true;
    }

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
