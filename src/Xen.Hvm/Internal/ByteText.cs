using System.Buffers;
using System.Text;

namespace Xen.Hvm.Internal;

/// <summary>
/// Bytes to text and back without loss: valid UTF-8 decodes normally; every byte that is not part of valid UTF-8
/// becomes the lone surrogate U+DC80..U+DCFF (Python's "surrogateescape"), and encoding turns it back into that byte.
/// A byte order mark stays in the text as U+FEFF.
/// </summary>
internal static class ByteText
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return s_strict.GetString(bytes);
        }

        var sb = new StringBuilder(bytes.Length);
        Span<char> pair = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf8(bytes, out Rune rune, out int consumed);
            if (status == OperationStatus.Done)
            {
                int n = rune.EncodeToUtf16(pair);
                sb.Append(pair[..n]);
                bytes = bytes[consumed..];
            }
            else
            {
                sb.Append((char)(0xDC00 | bytes[0]));
                bytes = bytes[1..];
            }
        }

        return sb.ToString();
    }

    public static byte[] Encode(string text)
    {
        if (!HasLoneSurrogates(text))
        {
            return s_strict.GetBytes(text);
        }

        var buffer = new ArrayBufferWriter<byte>(text.Length + 16);
        Span<byte> scratch = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int n = new Rune(c, text[++i]).EncodeToUtf8(scratch);
                buffer.Write(scratch[..n]);
            }
            else if (c is >= '\uDC80' and <= '\uDCFF')
            {
                buffer.Write([(byte)(c & 0xFF)]);
            }
            else
            {
                Rune r = char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
                int n = r.EncodeToUtf8(scratch);
                buffer.Write(scratch[..n]);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool HasLoneSurrogates(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
