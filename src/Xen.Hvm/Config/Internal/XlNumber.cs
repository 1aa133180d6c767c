namespace Xen.Hvm.Config.Internal;

/// <summary>How <see cref="XlNumber.Read"/> read a number.</summary>
internal enum XlNumberResult
{
    /// <summary>The whole text is a number that fits a C <c>long</c>.</summary>
    Ok,

    /// <summary>No digits, or something follows them: xl's "is not a valid number".</summary>
    NotANumber,

    /// <summary>The digits do not fit 64 bits: <c>strtol</c> set <c>ERANGE</c>, which libxlu checks before the end.</summary>
    OutOfRange,
}

/// <summary>Numbers as xl's getters read them: libxlu's <c>xlu_cfg_get_long</c>, which is C's <c>strtol(s, &amp;end, 0)</c> that must use the whole string.</summary>
internal static class XlNumber
{
    /// <summary>Whether <paramref name="text"/> is a number xl accepts (<see cref="Read"/> gives <see cref="XlNumberResult.Ok"/>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long value) => Read(text, out value) == XlNumberResult.Ok;

    /// <summary>
    /// Reads <paramref name="text"/> as <c>strtol</c> with base 0 does, with libxlu's checks: leading white space, an
    /// optional sign, then <c>0x</c> and hex digits, <c>0</c> and octal digits, or decimal digits; <c>errno</c> is
    /// checked first (<see cref="XlNumberResult.OutOfRange"/>), then nothing may follow the digits.
    /// </summary>
    public static XlNumberResult Read(ReadOnlySpan<char> text, out long value)
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
        if (i + 2 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X' && Uri.IsHexDigit(text[i + 2]))
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }

        int start = i;
        ulong magnitude = 0;
        bool overflow = false;
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
                break;
            }

            if (magnitude > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                overflow = true;
            }
            else
            {
                magnitude = (magnitude * (ulong)radix) + (ulong)d;
            }
        }

        if (i == start)
        {
            return XlNumberResult.NotANumber; // no digits: end == text
        }

        if (overflow || (negative ? magnitude > (ulong)long.MaxValue + 1 : magnitude > long.MaxValue))
        {
            return XlNumberResult.OutOfRange;
        }

        if (i < text.Length)
        {
            return XlNumberResult.NotANumber;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return XlNumberResult.Ok;
    }
}
