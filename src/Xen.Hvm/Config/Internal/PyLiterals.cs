using System.Globalization;
using System.Numerics;
using System.Text;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Internal;

/// <summary>The parts of a Python 2 string literal: prefix flags, quote length and the content between the quotes.</summary>
internal readonly record struct PyStringShape(bool Raw, bool Unicode, int PrefixLength, int QuoteLength, int ContentStart, int ContentEnd);

/// <summary>Python 2 string literals: every quote form, <c>r</c>/<c>u</c>/<c>b</c> prefixes and escapes.</summary>
internal static class PyString
{
    public static PyStringShape Shape(ReadOnlySpan<char> raw, bool unterminated)
    {
        int p = 0;
        bool isRaw = false, isUnicode = false;
        while (p < raw.Length && raw[p] is not ('\'' or '"'))
        {
            char c = char.ToLowerInvariant(raw[p]);
            isRaw |= c == 'r';
            isUnicode |= c == 'u';
            p++;
        }

        if (p >= raw.Length)
        {
            return new PyStringShape(isRaw, isUnicode, p, 0, p, p);
        }

        char q = raw[p];
        int quote = p + 2 < raw.Length && raw[p + 1] == q && raw[p + 2] == q ? 3 : 1;
        int contentStart = p + quote;
        int contentEnd = unterminated ? raw.Length : Math.Max(contentStart, raw.Length - quote);
        return new PyStringShape(isRaw, isUnicode, p, quote, contentStart, contentEnd);
    }

    /// <summary>Reports escapes Python 2 rejects at compile time (<c>\x</c> without two hex digits, a truncated <c>\u</c> in a unicode string).</summary>
    public static void ValidateEscapes(ReadOnlySpan<char> raw, int tokenStart, bool unterminated, DiagnosticBag diagnostics)
    {
        PyStringShape shape = Shape(raw, unterminated);
        if (shape.Raw && !shape.Unicode)
        {
            return;
        }

        ReadOnlySpan<char> s = raw[..shape.ContentEnd];
        for (int i = shape.ContentStart; i < s.Length - 1; i++)
        {
            if (s[i] != '\\')
            {
                continue;
            }

            char e = s[i + 1];
            int need = e switch
            {
                'x' when !shape.Raw => 2,
                'u' when shape.Unicode => 4,
                'U' when shape.Unicode => 8,
                _ => 0,
            };
            if (need > 0 && !HexDigits(s, i + 2, need))
            {
                int len = Math.Min(2 + need, s.Length - i);
                diagnostics.Add(DiagnosticDescriptors.XmSyntaxError, tokenStart + i, len, $"{need} hexadecimal digits after \\{e}", "'" + s.Slice(i, len).ToString() + "'");
                return;
            }

            i++;
        }
    }

    private static bool HexDigits(ReadOnlySpan<char> s, int at, int count)
    {
        if (at + count > s.Length)
        {
            return false;
        }

        foreach (char c in s.Slice(at, count))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string Decode(ReadOnlySpan<char> raw, bool unterminated) => Decode(raw, unterminated, 0, null);

    /// <summary>Decodes a string token; <paramref name="map"/>, when given, receives the file offset of each value character and of the closing quote.</summary>
    public static string Decode(ReadOnlySpan<char> raw, bool unterminated, int tokenStart, List<int>? map)
    {
        PyStringShape shape = Shape(raw, unterminated);
        ReadOnlySpan<char> s = raw[..shape.ContentEnd];
        var sb = new StringBuilder(shape.ContentEnd - shape.ContentStart);
        int i = shape.ContentStart;
        while (i < s.Length)
        {
            char c = s[i];
            int at = i;
            if (c != '\\' || i + 1 >= s.Length)
            {
                Append(sb, map, c, tokenStart + at);
                i++;
                continue;
            }

            char e = s[i + 1];
            if (shape.Raw)
            {
                // In a raw string a backslash stays; in ur'' strings \u and \U still escape.
                if (shape.Unicode && e is 'u' or 'U' && TryHex(s, i + 2, e == 'u' ? 4 : 8, out int rcp))
                {
                    AppendCodePoint(sb, map, rcp, tokenStart + at);
                    i += e == 'u' ? 6 : 10;
                    continue;
                }

                Append(sb, map, '\\', tokenStart + at);
                Append(sb, map, e, tokenStart + at + 1);
                i += 2;
                continue;
            }

            i += 2;
            switch (e)
            {
                case '\n':
                    continue;
                case '\r':
                    if (i < s.Length && s[i] == '\n')
                    {
                        i++;
                    }

                    continue;
                case '\\' or '\'' or '"':
                    Append(sb, map, e, tokenStart + at);
                    continue;
                case 'a': Append(sb, map, '\a', tokenStart + at); continue;
                case 'b': Append(sb, map, '\b', tokenStart + at); continue;
                case 'f': Append(sb, map, '\f', tokenStart + at); continue;
                case 'n': Append(sb, map, '\n', tokenStart + at); continue;
                case 'r': Append(sb, map, '\r', tokenStart + at); continue;
                case 't': Append(sb, map, '\t', tokenStart + at); continue;
                case 'v': Append(sb, map, '\v', tokenStart + at); continue;
                case >= '0' and <= '7':
                {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < s.Length && s[i] is >= '0' and <= '7'; k++)
                    {
                        value = (value * 8) + (s[i] - '0');
                        i++;
                    }

                    Append(sb, map, (char)(shape.Unicode ? value : value & 0xFF), tokenStart + at);
                    continue;
                }

                case 'x' when TryHex(s, i, 2, out int x):
                    Append(sb, map, (char)x, tokenStart + at);
                    i += 2;
                    continue;
                case 'u' or 'U' when shape.Unicode && TryHex(s, i, e == 'u' ? 4 : 8, out int cp):
                    AppendCodePoint(sb, map, cp, tokenStart + at);
                    i += e == 'u' ? 4 : 8;
                    continue;
                default:
                    // Unknown escapes stay as written, backslash included.
                    Append(sb, map, '\\', tokenStart + at);
                    i--;
                    continue;
            }
        }

        map?.Add(tokenStart + shape.ContentEnd);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, List<int>? map, char c, int offset)
    {
        sb.Append(c);
        map?.Add(offset);
    }

    private static void AppendCodePoint(StringBuilder sb, List<int>? map, int cp, int offset)
    {
        if (cp is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            Append(sb, map, '\uFFFD', offset);
            return;
        }

        string s = char.ConvertFromUtf32(cp);
        foreach (char c in s)
        {
            Append(sb, map, c, offset);
        }
    }

    private static bool TryHex(ReadOnlySpan<char> s, int at, int count, out int value)
    {
        value = 0;
        if (!HexDigits(s, at, count))
        {
            return false;
        }

        return int.TryParse(s.Slice(at, count), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Quotes a value as a Python string literal in the given quote character.</summary>
    public static string Quote(string value, char quote)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\x00"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < ' ' || c == '\u007F')
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}

/// <summary>
/// A Python 2 number literal's value; <see cref="TooLong"/> when it has more digits, <see cref="TooBig"/> when its
/// value would have more bits, than the bounds it was read with (then it has no value: nothing was converted).
/// </summary>
internal readonly record struct PyNumberValue(BigInteger Integer, double Float, bool IsFloat, bool IsLong, bool IsComplex, bool Valid, bool TooLong = false, bool TooBig = false);

/// <summary>Python 2 number literals: decimal, octal (<c>0755</c>, <c>0o7</c>), hex, binary, long (<c>L</c>), floats and imaginary numbers.</summary>
internal static class PyNumber
{
    /// <summary>The default bound on the digits of an integer (CPython 3.11's <c>sys.int_info.default_max_str_digits</c>).</summary>
    public const int DefaultMaxDigits = 4300;

    /// <summary>
    /// Reads a number token; an integer of more than <paramref name="maxDigits"/> digits, or whose digits make more
    /// than <paramref name="maxBits"/> bits, is not converted (<see cref="PyNumberValue.TooLong"/>, <see cref="PyNumberValue.TooBig"/>).
    /// </summary>
    public static PyNumberValue Parse(ReadOnlySpan<char> text, int maxDigits = DefaultMaxDigits, int maxBits = int.MaxValue)
    {
        if (text.IsEmpty)
        {
            return default;
        }

        char last = text[^1];
        if (last is 'j' or 'J')
        {
            return new PyNumberValue(default, 0, false, false, true, true);
        }

        bool isLong = last is 'l' or 'L';
        ReadOnlySpan<char> t = isLong ? text[..^1] : text;
        if (t.Length > 1 && t[0] == '0' && t[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = char.ToLowerInvariant(t[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            return Integer(t[2..], radix, isLong, maxDigits, maxBits);
        }

        if (!isLong && t.ContainsAny('.', 'e', 'E'))
        {
            bool ok = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d);
            return new PyNumberValue(default, d, true, false, false, ok);
        }

        return t.Length > 1 && t[0] == '0' ? Integer(t[1..], 8, isLong, maxDigits, maxBits) : Integer(t, 10, isLong, maxDigits, maxBits);
    }

    /// <summary>The value of a digit in bases up to 36 (<c>0-9</c>, <c>a-z</c>, <c>A-Z</c>); 99 for anything else.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 99,
    };

    /// <summary>
    /// Converts digits in <paramref name="radix"/> (2 to 36): each run of digits that fits a machine word is read as a
    /// word, so the conversion takes a word multiplication per run rather than a big multiplication per digit.
    /// </summary>
    /// <returns><see langword="false"/> when a character is not a digit of the base.</returns>
    public static bool TryBuild(ReadOnlySpan<char> digits, int radix, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (radix is < 2 or > 36)
        {
            return false;
        }

        // The most digits whose value fits in 63 bits, and radix to that power.
        int per = 1;
        ulong scale = (ulong)radix;
        while (scale <= (ulong)long.MaxValue / (ulong)radix)
        {
            scale *= (ulong)radix;
            per++;
        }

        int first = digits.Length % per == 0 ? Math.Min(per, digits.Length) : digits.Length % per;
        for (int at = 0; at < digits.Length;)
        {
            int take = at == 0 ? first : per;
            ulong chunk = 0, chunkScale = 1;
            foreach (char c in digits.Slice(at, take))
            {
                int d = DigitValue(c);
                if (d >= radix)
                {
                    return false;
                }

                chunk = (chunk * (ulong)radix) + (ulong)d;
                chunkScale *= (ulong)radix;
            }

            value = at == 0 ? chunk : (value * chunkScale) + chunk;
            at += take;
        }

        return true;
    }

    /// <summary>The fewest bits a number of <paramref name="digits"/> digits in <paramref name="radix"/> can have, leading zeros aside.</summary>
    public static double Bits(ReadOnlySpan<char> digits, int radix)
    {
        ReadOnlySpan<char> significant = digits.TrimStart('0');
        return significant.IsEmpty ? 0 : ((significant.Length - 1) * Math.Log2(radix)) + 1;
    }

    private static PyNumberValue Integer(ReadOnlySpan<char> digits, int radix, bool isLong, int maxDigits, int maxBits)
    {
        if (digits.IsEmpty && radix != 8)
        {
            return default;
        }

        if (digits.Length > maxDigits)
        {
            return new PyNumberValue(default, 0, false, true, false, true, TooLong: true);
        }

        if (Bits(digits, radix) > maxBits)
        {
            return new PyNumberValue(default, 0, false, true, false, true, TooBig: true);
        }

        if (!TryBuild(digits, radix, out BigInteger value))
        {
            return default;
        }

        // Python 2: an int literal too large for a C long becomes a long.
        bool asLong = isLong || value > long.MaxValue;
        return new PyNumberValue(value, 0, false, asLong, false, true);
    }
}
