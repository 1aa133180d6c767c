using System.Text;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Internal;

/// <summary>
/// Quoted strings as libxlu reads them (<c>xlu__cfgl_dequote</c>): the simple escapes work, <c>\x..</c> always
/// fails, and an octal escape <c>\NNN</c> is parsed in base 10 and writes nothing.
/// </summary>
internal static class XlString
{
    private enum EscapeResult
    {
        Char,
        Dropped,
        Invalid,
        HexAlwaysFails,
        OctalFails,
    }

    /// <summary>Checks the escapes of a string token (quotes included) and reports what libxlu would.</summary>
    /// <returns><see langword="true"/> when libxlu accepts every escape.</returns>
    public static bool ValidateEscapes(ReadOnlySpan<char> raw, int tokenStart, DiagnosticBag diagnostics)
    {
        int end = raw.Length - 1;
        for (int p = 1; p < end;)
        {
            if (raw[p] != '\\')
            {
                p++;
                continue;
            }

            int escStart = p;
            EscapeResult r = ReadEscape(raw, ref p, end, out _);
            switch (r)
            {
                case EscapeResult.Invalid:
                    diagnostics.Add(DiagnosticDescriptors.InvalidEscape, tokenStart + escStart, 2, raw[escStart + 1].ToString());
                    return false;
                case EscapeResult.HexAlwaysFails or EscapeResult.OctalFails:
                    string text = raw[escStart..Math.Min(Math.Max(p, escStart + 2), end)].ToString();
                    string why = r == EscapeResult.HexAlwaysFails ? "always rejected" : "rejected (it needs two more digits)";
                    diagnostics.Add(DiagnosticDescriptors.NumericEscape, tokenStart + escStart, text.Length, text, why);
                    return false;
                case EscapeResult.Dropped:
                    diagnostics.Add(DiagnosticDescriptors.NumericEscape, DiagnosticSeverity.Warning, tokenStart + escStart, p - escStart, raw[escStart..p].ToString(), "silently dropped from the value");
                    break;
            }
        }

        return true;
    }

    /// <summary>Decodes a string token (quotes included) to its value. Invalid escapes decode as written.</summary>
    public static string Decode(ReadOnlySpan<char> raw, bool hasEscapes)
    {
        ReadOnlySpan<char> body = raw[1..^1];
        if (!hasEscapes)
        {
            return body.ToString();
        }

        var sb = new StringBuilder(body.Length);
        DecodeCore(raw, sb, null, 0);
        return sb.ToString();
    }

    /// <summary>
    /// Decodes a string token and maps each decoded character to its offset in the file: element i is the file offset
    /// of value character i; the last element is the offset of the closing quote.
    /// </summary>
    public static string Decode(ReadOnlySpan<char> raw, int tokenStart, out int[] valueToFileOffset)
    {
        var sb = new StringBuilder(raw.Length);
        var map = new List<int>(raw.Length);
        DecodeCore(raw, sb, map, tokenStart);
        map.Add(tokenStart + raw.Length - 1);
        valueToFileOffset = [.. map];
        return sb.ToString();
    }

    /// <summary>Renders a value as an xl string literal with the preferred quote, using only escapes libxlu reads.</summary>
    public static string Quote(string value, char preferredQuote)
    {
        char quote = preferredQuote is '"' ? '"' : '\'';
        if (value.Contains(quote, StringComparison.Ordinal) && !value.Contains(quote == '"' ? '\'' : '"', StringComparison.Ordinal))
        {
            quote = quote == '"' ? '\'' : '"';
        }

        var sb = new StringBuilder(value.Length + 2);
        sb.Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\a': sb.Append(@"\a"); break;
                case '\b': sb.Append(@"\b"); break;
                case '\f': sb.Append(@"\f"); break;
                case '\v': sb.Append(@"\v"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\');
                    }

                    sb.Append(c);
                    break;
            }
        }

        sb.Append(quote);
        return sb.ToString();
    }

    private static void DecodeCore(ReadOnlySpan<char> raw, StringBuilder sb, List<int>? map, int tokenStart)
    {
        int end = raw.Length - 1;
        for (int p = 1; p < end;)
        {
            if (raw[p] != '\\')
            {
                map?.Add(tokenStart + p);
                sb.Append(raw[p]);
                p++;
                continue;
            }

            int escStart = p;
            EscapeResult r = ReadEscape(raw, ref p, end, out char c);
            if (r == EscapeResult.Char)
            {
                map?.Add(tokenStart + escStart);
                sb.Append(c);
            }
            else if (r != EscapeResult.Dropped)
            {
                // Not valid for xl (reported while lexing): keep the text as written.
                p = Math.Min(escStart + 2, end);
                for (int k = escStart; k < p; k++)
                {
                    map?.Add(tokenStart + k);
                    sb.Append(raw[k]);
                }
            }
        }
    }

    private static EscapeResult ReadEscape(ReadOnlySpan<char> raw, ref int p, int end, out char value)
    {
        value = '\0';
        p++; // backslash
        if (p >= end)
        {
            return EscapeResult.Invalid;
        }

        char nc = raw[p++];
        switch (nc)
        {
            case '"' or '\'' or '\\': value = nc; return EscapeResult.Char;
            case 'a': value = '\a'; return EscapeResult.Char;
            case 'b': value = '\b'; return EscapeResult.Char;
            case 'f': value = '\f'; return EscapeResult.Char;
            case 'n': value = '\n'; return EscapeResult.Char;
            case 'r': value = '\r'; return EscapeResult.Char;
            case 't': value = '\t'; return EscapeResult.Char;
            case 'v': value = '\v'; return EscapeResult.Char;
            case 'x':
                // libxlu skips one more character, then needs more than two hex digits from a two-character buffer.
                p = Math.Min(p + 3, end);
                return EscapeResult.HexAlwaysFails;
            case >= '0' and <= '7':
                // strtoul(base 10) over at most three following characters; success needs two or more consumed.
                int consumed = StrToULConsumed(raw[p..Math.Min(p + 3, raw.Length)]);
                if (consumed <= 1)
                {
                    p = Math.Min(p + 1, end);
                    return EscapeResult.OctalFails;
                }

                p += consumed;
                return EscapeResult.Dropped;
            default:
                return EscapeResult.Invalid;
        }
    }

    /// <summary>How many characters C's <c>strtoul(s, &amp;ep, 10)</c> consumes (0 when it converts nothing).</summary>
    private static int StrToULConsumed(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        int digits = 0;
        while (i < s.Length && s[i] is >= '0' and <= '9')
        {
            i++;
            digits++;
        }

        return digits == 0 ? 0 : i;
    }
}
