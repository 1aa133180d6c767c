namespace Xen.Hvm.Specs.Internal;

/// <summary>The number conversions of the C library as Xen's parsers use them (LP64: <c>unsigned long</c> is 64 bits).</summary>
internal static class CNumbers
{
    public static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    public static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 99,
    };

    /// <summary>
    /// <c>strtoul(s + start, &amp;end, base)</c>: leading white space, an optional sign, a <c>0x</c> prefix for base 16
    /// or 0, octal for a leading 0 in base 0. <paramref name="end"/> is <paramref name="start"/> when no digit was read.
    /// </summary>
    public static ulong StrToUL(ReadOnlySpan<char> s, int start, int radix, out int end, out bool overflow)
    {
        overflow = false;
        int p = start;
        while (p < s.Length && IsCSpace(s[p]))
        {
            p++;
        }

        bool negative = false;
        if (p < s.Length && (s[p] == '+' || s[p] == '-'))
        {
            negative = s[p] == '-';
            p++;
        }

        if ((radix == 0 || radix == 16) && p + 1 < s.Length && s[p] == '0' && (s[p + 1] == 'x' || s[p + 1] == 'X') &&
            p + 2 < s.Length && IsHexDigit(s[p + 2]))
        {
            radix = 16;
            p += 2;
        }
        else if (radix == 0)
        {
            radix = p < s.Length && s[p] == '0' ? 8 : 10;
        }

        int digitsStart = p;
        ulong value = 0;
        while (p < s.Length)
        {
            int d = DigitValue(s[p]);
            if (d >= radix)
            {
                break;
            }

            if (!overflow)
            {
                ulong next = unchecked((value * (ulong)radix) + (ulong)d);
                if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix)
                {
                    overflow = true;
                }
                else
                {
                    value = next;
                }
            }

            p++;
        }

        if (p == digitsStart)
        {
            end = start;
            return 0;
        }

        end = p;
        if (overflow)
        {
            return ulong.MaxValue;
        }

        return negative ? unchecked(0UL - value) : value;
    }

    /// <summary><c>strtoul</c> over a whole string: true only when it is all digits (no sign, no junk).</summary>
    public static bool TryParseWhole(string s, int radix, out ulong value)
    {
        value = 0;
        if (s.Length == 0 || IsCSpace(s[0]) || s[0] == '+' || s[0] == '-')
        {
            return false;
        }

        value = StrToUL(s, 0, radix, out int end, out bool overflow);
        return end == s.Length && !overflow;
    }

    /// <summary><c>atoi</c>: leading white space, optional sign, decimal digits, anything after ignored; 0 when none.</summary>
    public static int Atoi(string s, out bool wellFormed)
    {
        int p = 0;
        while (p < s.Length && IsCSpace(s[p]))
        {
            p++;
        }

        bool negative = false;
        if (p < s.Length && (s[p] == '+' || s[p] == '-'))
        {
            negative = s[p] == '-';
            p++;
        }

        int digits = p;
        long value = 0;
        while (p < s.Length && char.IsAsciiDigit(s[p]))
        {
            value = Math.Min((value * 10) + (s[p] - '0'), (long)int.MaxValue + 1);
            p++;
        }

        wellFormed = p > digits && p == s.Length && !IsCSpace(s[0]) && value <= int.MaxValue;
        long signed = negative ? -value : value;
        return (int)Math.Clamp(signed, int.MinValue, int.MaxValue);
    }
}
