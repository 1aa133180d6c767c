namespace Xen.Hvm.Config.Internal;

/// <summary>Numbers as xl's getters read them: libxlu's <c>xlu_cfg_get_long</c>, which is C's <c>strtol(s, &amp;end, 0)</c> that must use the whole string.</summary>
internal static class XlNumber
{
    /// <summary>
    /// Reads <paramref name="text"/> as <c>strtol</c> with base 0 does: leading white space, an optional sign, then
    /// <c>0x</c> and hex digits, <c>0</c> and octal digits, or decimal digits; nothing may follow, and the value must
    /// fit 64 bits (<c>ERANGE</c> otherwise).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        int i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        bool negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        int radix = 10;
        if (i + 1 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 2]))
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }

        int digits = i;
        ulong magnitude = 0;
        for (; i < text.Length; i++)
        {
            int d = text[i] switch
            {
                >= '0' and <= '9' => text[i] - '0',
                >= 'a' and <= 'f' => text[i] - 'a' + 10,
                >= 'A' and <= 'F' => text[i] - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return false; // strtol stops here: the rest is "not a valid number" for xl
            }

            if (magnitude > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)d;
        }

        if (i == digits)
        {
            return false;
        }

        if (negative ? magnitude > (ulong)long.MaxValue + 1 : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }
}
