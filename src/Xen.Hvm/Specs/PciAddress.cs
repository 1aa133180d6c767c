using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

/// <summary>A host PCI address <c>DDDD:BB:DD.F</c>, or <c>DDDD:BB:DD.*</c> for every function of a device.</summary>
/// <remarks>Parsing follows the BCL and libxlu's <c>parse_bdf</c>: <see cref="Parse(string)"/> reads
/// <c>[DDDD:]BB:DD.F</c> (hexadecimal; function <c>*</c> for all) and throws <see cref="FormatException"/>,
/// <see cref="TryParse(string, out PciAddress)"/> returns <see langword="false"/>. Immutable; safe to share across
/// threads.</remarks>
public readonly record struct PciAddress : ISpanParsable<PciAddress>, IFormattable
{
    /// <summary>Constructs an address.</summary>
    /// <param name="domain">The PCI segment (0..ffff).</param>
    /// <param name="bus">The bus (0..ff).</param>
    /// <param name="device">The device (0..1f).</param>
    /// <param name="function">The function (0..7); ignored when <paramref name="allFunctions"/> is set.</param>
    /// <param name="allFunctions">Whether the address stands for every function (<c>*</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is outside its range.</exception>
    public PciAddress(int domain, int bus, int device, int function, bool allFunctions = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(domain);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(domain, 0xffff);
        ArgumentOutOfRangeException.ThrowIfNegative(bus);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bus, 0xff);
        ArgumentOutOfRangeException.ThrowIfNegative(device);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(device, 0x1f);
        ArgumentOutOfRangeException.ThrowIfNegative(function);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(function, 7);
        Domain = domain;
        Bus = bus;
        Device = device;
        Function = allFunctions ? 0 : function;
        AllFunctions = allFunctions;
    }

    /// <summary>Gets the PCI segment.</summary>
    public int Domain { get; }

    /// <summary>Gets the bus.</summary>
    public int Bus { get; }

    /// <summary>Gets the device (slot).</summary>
    public int Device { get; }

    /// <summary>Gets the function (0 when <see cref="AllFunctions"/>).</summary>
    public int Function { get; }

    /// <summary>Gets a value indicating whether the address stands for every function (<c>*</c>).</summary>
    public bool AllFunctions { get; }

    /// <summary>Parses an address <c>[DDDD:]BB:DD.F</c> or <c>[DDDD:]BB:DD.*</c>; the whole text must be the address.</summary>
    /// <param name="s">The text, e.g. <c>0000:01:00.0</c> or <c>01:00.1</c>.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a PCI address.</exception>
    public static PciAddress Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses an address; <paramref name="provider"/> is ignored (the form does not depend on culture).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a PCI address.</exception>
    public static PciAddress Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses an address from characters.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The characters are not a PCI address.</exception>
    public static PciAddress Parse(ReadOnlySpan<char> s, IFormatProvider? provider = null) =>
        TryParse(s, out var address) ? address : throw new FormatException("The text is not a PCI address ([DDDD:]BB:DD.F).");

    /// <summary>Tries to parse an address; the whole text must be the address.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns><see langword="true"/> when the text is exactly a PCI address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out PciAddress result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result);
    }

    /// <summary>Tries to parse an address; <paramref name="provider"/> is ignored.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns><see langword="true"/> when the text is exactly a PCI address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PciAddress result) => TryParse(s, out result);

    /// <summary>Tries to parse an address from characters; all of them must be the address.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns><see langword="true"/> when the characters are exactly a PCI address.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out PciAddress result)
    {
        if (TryParseBdf(s, out result, out int end) && end == s.Length)
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
    /// <returns><see langword="true"/> when the characters are exactly a PCI address.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PciAddress result) => TryParse(s, out result);

    /// <summary>Returns the address in a format: <c>G</c> (or <see langword="null"/> or empty) for <c>DDDD:BB:DD.F</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The address as <c>lspci -D</c> prints it.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not <c>G</c>.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format is null or "" or "G" or "g"
        ? ToString()
        : throw new FormatException("The PCI address format is G.");

    /// <summary>Parses an address <c>[DDDD:]BB:DD.F</c> (or <c>.*</c>) at the start of <paramref name="s"/>, as libxlu's
    /// <c>parse_bdf</c> does; <paramref name="end"/> is where it stops.</summary>
    internal static bool TryParseBdf(ReadOnlySpan<char> s, out PciAddress address, out int end)
    {
        address = default;
        end = 0;
        int colons = 0;
        int p = 0;
        while (p < s.Length && (CNumbers.IsHexDigit(s[p]) || s[p] == ':'))
        {
            if (s[p] == ':')
            {
                colons++;
            }

            p++;
        }

        if (colons is not (1 or 2))
        {
            return false;
        }

        p = 0;
        ulong domain = 0;
        if (colons == 2)
        {
            if (!ReadHex(s, ref p, out domain) || !Expect(s, ref p, ':'))
            {
                return false;
            }
        }

        if (!ReadHex(s, ref p, out ulong bus) || !Expect(s, ref p, ':') || !ReadHex(s, ref p, out ulong dev) || !Expect(s, ref p, '.'))
        {
            return false;
        }

        if (domain > 0xffff || bus > 0xff || dev > 0x1f)
        {
            return false;
        }

        if (p < s.Length && s[p] == '*')
        {
            address = new PciAddress((int)domain, (int)bus, (int)dev, 0, allFunctions: true);
            end = p + 1;
            return true;
        }

        if (!ReadHex(s, ref p, out ulong func) || func > 7)
        {
            return false;
        }

        address = new PciAddress((int)domain, (int)bus, (int)dev, (int)func);
        end = p;
        return true;
    }

    /// <summary><c>strtoul(s + p, &amp;e, 16)</c> that must read a digit and fit in 32 bits; advances <paramref name="p"/>.</summary>
    internal static bool ReadHex(ReadOnlySpan<char> s, ref int p, out ulong value)
    {
        value = CNumbers.StrToUL(s, p, 16, out int e, out bool overflow);
        if (e == p || overflow || value > uint.MaxValue)
        {
            return false;
        }

        p = e;
        return true;
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int p, char c)
    {
        if (p < s.Length && s[p] == c)
        {
            p++;
            return true;
        }

        return false;
    }

    /// <summary>Returns <c>DDDD:BB:DD.F</c> in lower-case hexadecimal (<c>*</c> for all functions).</summary>
    /// <returns>The address as <c>lspci -D</c> prints it.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Domain:x4}:{Bus:x2}:{Device:x2}.{(AllFunctions ? "*" : Function.ToString("x", CultureInfo.InvariantCulture))}");
}
