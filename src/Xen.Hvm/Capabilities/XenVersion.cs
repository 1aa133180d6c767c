using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;
using System.Globalization;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// A Xen hypervisor version as <c>xl info</c> prints it: <c>xen_major</c>, <c>xen_minor</c> and the free-text
/// <c>xen_extra</c> (for example 4, 19 and <c>.1</c>, printed together as <c>4.19.1</c>).
/// </summary>
/// <remarks>
/// <para><see cref="Extra"/> is free text: <c>.1-rc6</c>, <c>-unstable</c>, <c>.4OVM</c>, <c>.1_02-1</c>, even
/// <c>Hello World</c> after a livepatch. <see cref="Patch"/> is read from it when it starts with <c>.</c> and digits.</para>
/// <para>Ordering compares major, minor, then patch (a missing patch counts as 0); the rest of the extra text is
/// ignored by <see cref="CompareTo"/> but not by equality.</para>
/// <para>Parsing and formatting follow the BCL (<see cref="IParsable{TSelf}"/>, <see cref="ISpanParsable{TSelf}"/>,
/// <see cref="IFormattable"/>): <see cref="Parse(string)"/> throws <see cref="FormatException"/>, <c>TryParse</c>
/// returns <see langword="false"/>, and the text is culture-invariant (a format provider is accepted and ignored).</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct XenVersion : IEquatable<XenVersion>, IComparable<XenVersion>, ISpanParsable<XenVersion>, ISpanFormattable
{
    private readonly string? _extra;

    /// <summary>Constructs a version.</summary>
    /// <param name="major">The major number (<c>xen_major</c>).</param>
    /// <param name="minor">The minor number (<c>xen_minor</c>).</param>
    /// <param name="extra">The extra text (<c>xen_extra</c>), or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="major"/> or <paramref name="minor"/> is negative.</exception>
    public XenVersion(int major, int minor, string? extra = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        Major = major;
        Minor = minor;
        _extra = extra ?? string.Empty;
    }

    /// <summary>Gets the major number.</summary>
    public int Major { get; }

    /// <summary>Gets the minor number.</summary>
    public int Minor { get; }

    /// <summary>Gets the extra text (never <see langword="null"/>; empty when there is none).</summary>
    public string Extra => _extra ?? string.Empty;

    /// <summary>Gets the patch number read from <see cref="Extra"/> (<c>.1-rc6</c> gives 1), or <see langword="null"/>.</summary>
    public int? Patch
    {
        get
        {
            string extra = Extra;
            if (extra.Length < 2 || extra[0] != '.' || !char.IsAsciiDigit(extra[1]))
            {
                return null;
            }

            int end = 1;
            while (end < extra.Length && end < 10 && char.IsAsciiDigit(extra[end]))
            {
                end++;
            }

            return int.Parse(extra.AsSpan(1, end - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Returns whether this version is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    /// <param name="major">The major number to compare with.</param>
    /// <param name="minor">The minor number to compare with.</param>
    /// <returns><see langword="true"/> when (Major, Minor) &gt;= (major, minor).</returns>
    [Pure]
    public bool IsAtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

    /// <summary>Parses a version printed as <c>major.minor</c> followed by the extra text, e.g. <c>4.13-unstable</c>;
    /// surrounding white space is ignored.</summary>
    /// <param name="text">The text, e.g. an <c>xen_version</c> value.</param>
    /// <param name="version">The version, when the text starts with <c>digits.digits</c>.</param>
    /// <returns><see langword="true"/> when the text is a version; <see langword="false"/> for <see langword="null"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out XenVersion version)
    {
        version = default;
        return text is not null && TryParse(text.AsSpan(), out version);
    }

    /// <summary>Parses a version; the format provider is ignored (the text is culture-invariant).</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="version">The version, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a version.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, IFormatProvider? provider, out XenVersion version) =>
        TryParse(text, out version);

    /// <summary>Parses a version from characters, as <see cref="TryParse(string, out XenVersion)"/> does.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="version">The version, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a version.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out XenVersion version)
    {
        version = default;
        ReadOnlySpan<char> s = text.Trim();
        int i = 0;
        if (!TryReadNumber(s, ref i, out int major) || i >= s.Length || s[i] != '.')
        {
            return false;
        }

        i++;
        if (!TryReadNumber(s, ref i, out int minor))
        {
            return false;
        }

        version = new XenVersion(major, minor, s[i..].ToString());
        return true;
    }

    /// <summary>Parses a version from characters; the format provider is ignored.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="version">The version, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a version.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, IFormatProvider? provider, out XenVersion version) =>
        TryParse(text, out version);

    /// <summary>Parses a version printed as <c>major.minor</c> followed by the extra text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> does not start with <c>digits.digits</c>.</exception>
    public static XenVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Parses a version; the format provider is ignored.</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> does not start with <c>digits.digits</c>.</exception>
    public static XenVersion Parse(string text, IFormatProvider? provider) => Parse(text);

    /// <summary>Parses a version from characters.</summary>
    /// <param name="text">The characters.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> does not start with <c>digits.digits</c>.</exception>
    public static XenVersion Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out XenVersion v) ? v : throw new FormatException("A Xen version starts with 'major.minor', e.g. '4.19.1'.");

    /// <summary>Parses a version from characters; the format provider is ignored.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> does not start with <c>digits.digits</c>.</exception>
    public static XenVersion Parse(ReadOnlySpan<char> text, IFormatProvider? provider) => Parse(text);

    private static bool TryReadNumber(ReadOnlySpan<char> s, ref int i, out int value)
    {
        int start = i;
        while (i < s.Length && i - start < 9 && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == start || (i < s.Length && char.IsAsciiDigit(s[i])))
        {
            value = 0;
            return false;
        }

        value = int.Parse(s[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Returns the version as <c>xl info</c> prints <c>xen_version</c>: <c>major.minor</c> then the extra text.</summary>
    /// <returns>For example <c>4.0.1-rc6</c>.</returns>
    public override string ToString() =>
        Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture) + Extra;

    /// <summary>Formats the version: <c>G</c> (or null or empty) is <see cref="ToString()"/>, <c>M</c> is
    /// <c>major.minor</c> alone; the provider is ignored (the text is culture-invariant).</summary>
    /// <param name="format"><c>G</c>, <c>M</c>, or <see langword="null"/>.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => IsMajorMinorFormat(format)
        ? Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture)
        : ToString();

    /// <summary>Formats the version into characters, as <see cref="ToString(string, IFormatProvider)"/> does.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written (0 when it does not fit).</param>
    /// <param name="format"><c>G</c>, <c>M</c>, or empty.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="true"/> when the text fits.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bool majorMinor = IsMajorMinorFormat(format);
        bool ok = destination.TryWrite(CultureInfo.InvariantCulture, $"{Major}.{Minor}", out charsWritten);
        if (ok && !majorMinor)
        {
            ok = Extra.AsSpan().TryCopyTo(destination[charsWritten..]);
            charsWritten += ok ? Extra.Length : 0;
        }

        charsWritten = ok ? charsWritten : 0;
        return ok;
    }

    private static bool IsMajorMinorFormat(ReadOnlySpan<char> format) => format switch
    {
        [] or "G" => false,
        "M" => true,
        _ => throw new FormatException("A Xen version's format is 'G' (as printed) or 'M' (major.minor)."),
    };

    /// <inheritdoc/>
    public bool Equals(XenVersion other) =>
        Major == other.Major && Minor == other.Minor && string.Equals(Extra, other.Extra, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is XenVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Extra);

    /// <inheritdoc/>
    public int CompareTo(XenVersion other)
    {
        int c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        return c != 0 ? c : (Patch ?? 0).CompareTo(other.Patch ?? 0);
    }

    /// <summary>Compares two versions for equality.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns><see langword="true"/> when major, minor and extra are equal.</returns>
    public static bool operator ==(XenVersion left, XenVersion right) => left.Equals(right);

    /// <summary>Compares two versions for inequality.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(XenVersion left, XenVersion right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(XenVersion left, XenVersion right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(XenVersion left, XenVersion right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> orders before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(XenVersion left, XenVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> orders after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(XenVersion left, XenVersion right) => left.CompareTo(right) >= 0;
}
