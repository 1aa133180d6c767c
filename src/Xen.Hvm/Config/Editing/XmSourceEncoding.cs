using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Xen.Hvm.Config.Editing;

/// <summary>What an xm file's bytes are, as Python 2 decides it (PEP 263).</summary>
internal enum XmSourceEncodingKind
{
    /// <summary>No declaration: Python 2 rejects every non-ASCII byte.</summary>
    None,

    /// <summary>UTF-8, declared or signalled by a byte order mark.</summary>
    Utf8,

    /// <summary>Another encoding .NET knows (latin-1, cp1252, iso-8859-15, ...).</summary>
    Codec,

    /// <summary>A declared encoding this library does not know.</summary>
    Unknown,
}

/// <summary>
/// The encoding an xm file declares: <c># -*- coding: NAME -*-</c> (<c>coding[:=][ \t]*([-\w.]+)</c> in a comment
/// alone on line 1 or 2), or a UTF-8 byte order mark. Names are read as Python 2's tokenizer and codec aliases read them.
/// </summary>
internal sealed partial class XmSourceEncoding
{
    private XmSourceEncoding(XmSourceEncodingKind kind, string name, int start, int length, Encoding? codec)
    {
        Kind = kind;
        Name = name;
        DeclarationStart = start;
        DeclarationLength = length;
        Codec = codec;
    }

    public XmSourceEncodingKind Kind { get; }

    /// <summary>Gets the declared name (empty when none).</summary>
    public string Name { get; }

    /// <summary>Gets where the declaration is (the comment, or the byte order mark); 0 when there is none.</summary>
    public int DeclarationStart { get; }

    /// <summary>Gets the length of the declaration.</summary>
    public int DeclarationLength { get; }

    /// <summary>Gets the encoding of a <see cref="XmSourceEncodingKind.Codec"/> file, throwing on characters it lacks.</summary>
    public Encoding? Codec { get; }

    public static XmSourceEncoding Detect(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            return new XmSourceEncoding(XmSourceEncodingKind.Utf8, "utf-8 (byte order mark)", 0, 1, null);
        }

        int lineStart = 0;
        for (int line = 0; line < 2 && lineStart < text.Length; line++)
        {
            int nl = text.AsSpan(lineStart).IndexOf('\n');
            int lineEnd = nl < 0 ? text.Length : lineStart + nl;
            ReadOnlySpan<char> l = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\r');
            int hash = l.IndexOf('#');
            if (hash >= 0 && l[..hash].Trim(" \t\f").IsEmpty)
            {
                string comment = l[hash..].ToString();
                Match m = CodingRegex().Match(comment);
                if (m.Success)
                {
                    return FromName(m.Groups[1].Value, lineStart + hash, comment.Length);
                }
            }

            lineStart = lineEnd + 1;
        }

        return new XmSourceEncoding(XmSourceEncodingKind.None, string.Empty, 0, 0, null);
    }

    private static XmSourceEncoding FromName(string name, int start, int length)
    {
        // tokenizer.c get_normal_name, then the aliases of Python's encodings package.
        string n = name.ToLowerInvariant().Replace('_', '-');
        if (n is "utf-8" or "utf8" or "u8" or "utf" or "utf8-ucs2" or "utf8-ucs4" || n.StartsWith("utf-8-", StringComparison.Ordinal))
        {
            return new XmSourceEncoding(XmSourceEncodingKind.Utf8, name, start, length, null);
        }

        int codePage = n switch
        {
            "latin-1" or "latin1" or "latin" or "l1" or "iso-8859-1" or "iso8859-1" or "iso8859" or "8859" or "iso-latin-1" or "cp819" or "iso-ir-100" or "csisolatin1" => 28591,
            "ascii" or "us-ascii" or "us" or "646" or "ansi-x3.4-1968" or "iso646-us" or "cp367" or "csascii" => 20127,
            _ when n.StartsWith("latin-1-", StringComparison.Ordinal) || n.StartsWith("iso-8859-1-", StringComparison.Ordinal) || n.StartsWith("iso-latin-1-", StringComparison.Ordinal) => 28591,
            _ when CodePageRegex().Match(n) is { Success: true } cp => int.Parse(cp.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture),
            _ => 0,
        };
        Encoding? codec = codePage > 0 ? ByCodePage(codePage) : ByName(IsoRegex().Replace(n, "iso-8859-$1"));
        return codec is null
            ? new XmSourceEncoding(XmSourceEncodingKind.Unknown, name, start, length, null)
            : new XmSourceEncoding(XmSourceEncodingKind.Codec, name, start, length, codec);
    }

    private static Encoding? ByCodePage(int codePage)
    {
        if (codePage is 65001 or > 65535)
        {
            return null;
        }

        Encoding? e = CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (e is not null)
        {
            return e;
        }

        try
        {
            e = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return e.IsSingleByte ? e : null; // UTF-16 and UTF-32 are not source encodings Python 2 can read
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static Encoding? ByName(string name)
    {
        Encoding? e = CodePagesEncodingProvider.Instance.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (e is not null)
        {
            return e;
        }

        try
        {
            e = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return e.IsSingleByte ? e : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"coding[:=][ \t]*([-A-Za-z0-9_.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CodingRegex();

    [GeneratedRegex(@"^(?:cp|windows-?|ibm)([0-9]{3,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePageRegex();

    [GeneratedRegex(@"^(?:iso-?8859-|latin-)([0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();
}
