using System.Globalization;
using System.Text;

namespace Xen.Hvm.Config.Editing;

/// <summary>
/// Writes Python 2 <c>str</c> literals that Python 2 reads back as the intended bytes in the file's encoding:
/// ASCII as text, other characters in the declared encoding, or, in a file that declares none, as <c>\x</c>
/// escapes of their UTF-8 bytes. A character that stands for an undecodable byte of a loaded file (U+DC80..U+DCFF)
/// is written as the <c>\x</c> escape of that byte.
/// </summary>
internal static class XmStringWriter
{
    public static void Append(StringBuilder sb, string value, char quote, XmSourceEncoding encoding, ref bool escaped, ref string? unwritable)
    {
        sb.Append(quote);
        Span<byte> bytes = stackalloc byte[8];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x80)
            {
                AppendAscii(sb, c, quote);
                continue;
            }

            if (c is >= '\uDC80' and <= '\uDCFF')
            {
                AppendByteEscape(sb, (byte)(c & 0xFF));
                escaped = true;
                continue;
            }

            Rune rune;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                rune = new Rune(c, value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                unwritable ??= string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} (half of a surrogate pair, not a character)");
                continue;
            }
            else
            {
                rune = new Rune(c);
            }

            switch (encoding.Kind)
            {
                case XmSourceEncodingKind.None:
                    int n = rune.EncodeToUtf8(bytes);
                    foreach (byte b in bytes[..n])
                    {
                        AppendByteEscape(sb, b);
                    }

                    escaped = true;
                    break;
                case XmSourceEncodingKind.Utf8:
                    sb.Append(rune.ToString());
                    break;
                case XmSourceEncodingKind.Codec when TryEncode(encoding.Codec!, rune, out byte[]? encoded):
                    // The file's bytes, kept in the text as ByteText does, so ToBytes writes exactly them.
                    foreach (byte b in encoded)
                    {
                        sb.Append((char)(0xDC00 | b));
                    }

                    break;
                default:
                    unwritable ??= Describe(rune);
                    break;
            }
        }

        sb.Append(quote);
    }

    private static bool TryEncode(Encoding codec, Rune rune, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? encoded)
    {
        try
        {
            encoded = codec.GetBytes(rune.ToString());
        }
        catch (EncoderFallbackException)
        {
            encoded = null;
            return false;
        }

        // A byte below 0x80 in a multi-byte character (Shift-JIS puts '\' there) would read as ASCII here.
        return encoded.Length > 0 && Array.TrueForAll(encoded, static b => b >= 0x80);
    }

    private static string Describe(Rune rune) => string.Create(CultureInfo.InvariantCulture, $"'{rune}' (U+{rune.Value:X4})");

    private static void AppendAscii(StringBuilder sb, char c, char quote)
    {
        switch (c)
        {
            case '\\': sb.Append(@"\\"); break;
            case '\n': sb.Append(@"\n"); break;
            case '\r': sb.Append(@"\r"); break;
            case '\t': sb.Append(@"\t"); break;
            default:
                if (c == quote)
                {
                    sb.Append('\\').Append(c);
                }
                else if (c < ' ' || c == '\u007F')
                {
                    AppendByteEscape(sb, (byte)c);
                }
                else
                {
                    sb.Append(c);
                }

                break;
        }
    }

    private static void AppendByteEscape(StringBuilder sb, byte b) =>
        sb.Append(@"\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
}
