using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.DiskImages;

/// <summary>
/// A number of bytes, parsed the way <c>qemu-img create</c> reads sizes (<c>512</c>, <c>64k</c>, <c>4096M</c>,
/// <c>10G</c>, <c>2T</c>, also <c>MiB</c>/<c>GiB</c>) or from dd operands (<c>bs=1M count=4096</c>).
/// </summary>
/// <remarks>
/// <para>Suffixes are binary and case-insensitive: <c>k</c> = 1024, <c>M</c> = 1024², up to <c>E</c> = 1024⁶;
/// <c>B</c> means bytes and <c>KiB</c> … <c>EiB</c> are accepted as well. A fraction needs a suffix
/// (<c>1.5G</c>) and is truncated to whole bytes, as qemu does.</para>
/// <para>dd operands are <c>bs=</c> (default 512), <c>count=</c> (required) and <c>seek=</c>; <c>if=</c>, <c>of=</c>,
/// <c>status=</c>, <c>conv=</c>, <c>iflag=</c> and <c>oflag=</c> are ignored, and a leading <c>dd</c> is allowed. The size is
/// <c>bs × (seek + count)</c>, the length of the file dd leaves behind. dd suffixes follow GNU dd: <c>c</c> = 1,
/// <c>w</c> = 2, <c>b</c> = 512, <c>K</c> = 1024, <c>kB</c> = 1000, <c>M</c> = 1024², <c>MB</c> = 1000² and so on.</para>
/// <para>Parsing reports <c>XH7001</c> (not a size), <c>XH7002</c> (too large for a signed 64-bit count),
/// <c>XH7003</c> (negative) or <c>XH7004</c> (zero), with the span of the offending part.</para>
/// <para>Follows the BCL: <see cref="Parse(string)"/> throws <see cref="FormatException"/>, <c>TryParse</c> returns
/// <see langword="false"/>, and the type is <see cref="IParsable{TSelf}"/>, <see cref="ISpanParsable{TSelf}"/> and
/// <see cref="IFormattable"/> (<c>{size:G}</c> gives <c>10G</c>, <c>{size:B}</c> the byte count), culture-invariant
/// because qemu-img reads sizes the same way everywhere.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct ByteSize : IEquatable<ByteSize>, IComparable<ByteSize>, ISpanParsable<ByteSize>, ISpanFormattable
{
    /// <summary>One kibibyte, 1024 bytes.</summary>
    public const long KiB = 1L << 10;

    /// <summary>One mebibyte, 1024² bytes.</summary>
    public const long MiB = 1L << 20;

    /// <summary>One gibibyte, 1024³ bytes.</summary>
    public const long GiB = 1L << 30;

    /// <summary>One tebibyte, 1024⁴ bytes.</summary>
    public const long TiB = 1L << 40;

    private static readonly string[] s_ignoredDdOperands = ["if", "of", "status", "conv", "iflag", "oflag"];

    /// <summary>Constructs a size.</summary>
    /// <param name="bytes">The number of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public ByteSize(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Bytes = bytes;
    }

    /// <summary>Gets the number of bytes.</summary>
    public long Bytes { get; }

    /// <summary>Parses a size, throwing when it is not valid.</summary>
    /// <param name="s">The text, e.g. <c>10G</c>, <c>4096M</c> or <c>bs=1M count=4096</c>.</param>
    /// <returns>The size, greater than zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a size, or it is zero, negative or too large; the
    /// exception's <see cref="Exception.InnerException"/> is a <see cref="DiskImageException"/> carrying the
    /// diagnostic (<c>XH7001</c>–<c>XH7004</c>).</exception>
    public static ByteSize Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!TryParse(s, out var size, out var diagnostics))
        {
            throw Invalid(diagnostics);
        }

        return size;
    }

    /// <summary>Parses a size, throwing when it is not valid; sizes do not depend on a culture.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: sizes are read the same way in every culture, as qemu-img reads them.</param>
    /// <returns>The size, greater than zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a size greater than zero; see <see cref="Parse(string)"/>.</exception>
    public static ByteSize Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a size from characters, throwing when it is not valid; sizes do not depend on a culture.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored: sizes are read the same way in every culture.</param>
    /// <returns>The size, greater than zero.</returns>
    /// <exception cref="FormatException">The text is not a size greater than zero; see <see cref="Parse(string)"/>.</exception>
    public static ByteSize Parse(ReadOnlySpan<char> s, IFormatProvider? provider = null) =>
        new SizeParser(s).Parse(out long bytes) is null ? new ByteSize(bytes) : Parse(s.ToString());

    /// <summary>Tries to parse a size.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The size, when valid.</param>
    /// <returns><see langword="true"/> when the text is a size greater than zero (<see langword="false"/> for <see langword="null"/>).</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ByteSize result) => TryParse(s.AsSpan(), out result) && s is not null;

    /// <summary>Tries to parse a size; sizes do not depend on a culture.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The size, when valid.</param>
    /// <returns><see langword="true"/> when the text is a size greater than zero.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ByteSize result) => TryParse(s, out result);

    /// <summary>Tries to parse a size from characters.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The size, when valid.</param>
    /// <returns><see langword="true"/> when the text is a size greater than zero.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out ByteSize result)
    {
        bool ok = new SizeParser(s).Parse(out long bytes) is null;
        result = ok ? new ByteSize(bytes) : default;
        return ok;
    }

    /// <summary>Tries to parse a size from characters; sizes do not depend on a culture.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The size, when valid.</param>
    /// <returns><see langword="true"/> when the text is a size greater than zero.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ByteSize result) => TryParse(s, out result);

    /// <summary>Tries to parse a size and explains a failure with diagnostics (the library's one shape for a Try
    /// that reports why: the value, then every diagnostic).</summary>
    /// <param name="text">The text.</param>
    /// <param name="size">The size, when valid.</param>
    /// <param name="diagnostics">Empty on success; otherwise the one reason it is not valid (<c>XH7001</c>–<c>XH7004</c>),
    /// with the span of the offending part.</param>
    /// <returns><see langword="true"/> when the text is a size greater than zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, out ByteSize size, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (new SizeParser(text).Parse(out long bytes) is { } failure)
        {
            size = default;
            diagnostics = [Diagnostic.Create(failure.Descriptor, SourceLocation.Create(null, failure.Span, LineMap.Create(text)), failure.Arguments)];
            return false;
        }

        size = new ByteSize(bytes);
        diagnostics = [];
        return true;
    }

    /// <summary>Returns the size in the shortest exact qemu form, e.g. <c>10G</c>, <c>64K</c> or <c>1073742336</c>.</summary>
    /// <returns>The text; <see cref="Parse(string)"/> reads it back to the same size.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the size: <c>G</c> (or <see langword="null"/> or empty) gives the shortest exact qemu form (<c>10G</c>),
    /// <c>B</c> the number of bytes (<c>10737418240</c>). Both are culture-invariant, so that qemu-img and
    /// <see cref="Parse(string)"/> read them back.
    /// </summary>
    /// <param name="format"><c>G</c> or <c>B</c> (either case), or <see langword="null"/>.</param>
    /// <param name="formatProvider">Ignored: the forms are the same in every culture.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of those.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[24];
        if (!TryFormat(buffer, out int written, format, formatProvider))
        {
            throw new FormatException("The format of a ByteSize is 'G' (qemu form, as 10G) or 'B' (bytes).");
        }

        return new string(buffer[..written]);
    }

    /// <summary>Formats the size into characters; see <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format"><c>G</c> or <c>B</c> (either case), or empty.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short or the format is unknown.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        charsWritten = 0;
        bool qemu = format.IsEmpty || format is "G" or "g";
        if (!qemu && format is not ("B" or "b"))
        {
            return false;
        }

        const string units = "KMGTPE";
        long number = Bytes;
        int unit = -1;
        for (int i = units.Length - 1; qemu && i >= 0; i--)
        {
            long size = 1L << (10 * (i + 1));
            if (Bytes != 0 && Bytes % size == 0)
            {
                number = Bytes / size;
                unit = i;
                break;
            }
        }

        if (!number.TryFormat(destination, out int digits, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (unit >= 0)
        {
            if (digits >= destination.Length)
            {
                return false;
            }

            destination[digits++] = units[unit];
        }

        charsWritten = digits;
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(ByteSize other) => Bytes == other.Bytes;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ByteSize other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Bytes.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>Converts a size to its number of bytes.</summary>
    /// <param name="size">The size.</param>
    public static implicit operator long(ByteSize size) => size.Bytes;

    /// <summary>Compares two sizes for equality.</summary>
    /// <param name="left">The first size.</param>
    /// <param name="right">The second size.</param>
    /// <returns><see langword="true"/> when both have the same number of bytes.</returns>
    public static bool operator ==(ByteSize left, ByteSize right) => left.Equals(right);

    /// <summary>Compares two sizes for inequality.</summary>
    /// <param name="left">The first size.</param>
    /// <param name="right">The second size.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ByteSize left, ByteSize right) => !left.Equals(right);

    /// <summary>Compares two sizes.</summary>
    /// <param name="left">The first size.</param>
    /// <param name="right">The second size.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    /// <summary>Compares two sizes.</summary>
    /// <param name="left">The first size.</param>
    /// <param name="right">The second size.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    /// <summary>Compares two sizes.</summary>
    /// <param name="left">The first size.</param>
    /// <param name="right">The second size.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    /// <summary>Compares two sizes.</summary>
    /// <param name="left">The first size.</param>
    /// <param name="right">The second size.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    private static FormatException Invalid(IReadOnlyList<Diagnostic> diagnostics) =>
        new(diagnostics[0].ToString(), new DiskImageException(diagnostics));

    private readonly record struct Failure(DiagnosticDescriptor Descriptor, TextSpan Span, object?[] Arguments);

    /// <summary>A one-shot parser over one text; every failure carries the span of the offending part.</summary>
    private readonly ref struct SizeParser
    {
        private readonly ReadOnlySpan<char> _text;

        public SizeParser(ReadOnlySpan<char> text) => _text = text;

        public Failure? Parse(out long bytes)
        {
            bytes = 0;
            int start = 0;
            int end = _text.Length;
            while (start < end && char.IsWhiteSpace(_text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            if (start == end)
            {
                return Invalid(start, end);
            }

            UInt128 value;
            Failure? failure = _text[start..end].Contains('=')
                ? ParseDd(start, end, out value)
                : ParseNumber(start, end, dd: false, out value);
            if (failure is not null)
            {
                return failure;
            }

            if (value > long.MaxValue)
            {
                return new Failure(DiagnosticDescriptors.SizeOverflow, TextSpan.FromBounds(start, end), [Slice(start, end), long.MaxValue]);
            }

            if (value == 0)
            {
                return new Failure(DiagnosticDescriptors.ZeroSize, TextSpan.FromBounds(start, end), [Slice(start, end)]);
            }

            bytes = (long)value;
            return null;
        }

        private Failure? ParseDd(int start, int end, out UInt128 value)
        {
            value = 0;
            UInt128? bs = null;
            UInt128? count = null;
            UInt128? seek = null;
            bool first = true;
            int pos = start;
            while (pos < end)
            {
                while (pos < end && char.IsWhiteSpace(_text[pos]))
                {
                    pos++;
                }

                int tokenStart = pos;
                while (pos < end && !char.IsWhiteSpace(_text[pos]))
                {
                    pos++;
                }

                if (tokenStart == pos)
                {
                    break;
                }

                var token = _text[tokenStart..pos];
                bool isFirst = first;
                first = false;
                int eq = token.IndexOf('=');
                if (eq < 0)
                {
                    if (isFirst && token.SequenceEqual("dd"))
                    {
                        continue;
                    }

                    return Invalid(tokenStart, pos);
                }

                var key = token[..eq];
                int valueStart = tokenStart + eq + 1;
                if (IsIgnoredDdOperand(key))
                {
                    continue;
                }

                ref UInt128? slot = ref bs;
                if (key.SequenceEqual("count"))
                {
                    slot = ref count;
                }
                else if (key.SequenceEqual("seek"))
                {
                    slot = ref seek;
                }
                else if (!key.SequenceEqual("bs"))
                {
                    return Invalid(tokenStart, pos);
                }

                if (slot is not null)
                {
                    return Invalid(tokenStart, pos);
                }

                if (ParseNumber(valueStart, pos, dd: true, out var number) is { } failure)
                {
                    return failure;
                }

                slot = number;
            }

            if (count is null)
            {
                return Invalid(start, end);
            }

            UInt128 blocks = count.Value + (seek ?? 0);
            UInt128 blockSize = bs ?? 512;
            if (blocks != 0 && blockSize > UInt128.MaxValue / blocks)
            {
                value = UInt128.MaxValue;
                return null;
            }

            value = blocks * blockSize;
            return null;
        }

        private static bool IsIgnoredDdOperand(ReadOnlySpan<char> key)
        {
            foreach (string ignored in s_ignoredDdOperands)
            {
                if (key.SequenceEqual(ignored))
                {
                    return true;
                }
            }

            return false;
        }

        private Failure? ParseNumber(int start, int end, bool dd, out UInt128 value)
        {
            value = 0;
            int pos = start;
            if (pos < end && _text[pos] == '-')
            {
                return new Failure(DiagnosticDescriptors.NegativeSize, TextSpan.FromBounds(start, end), [Slice(start, end)]);
            }

            UInt128 integer = 0;
            bool overflow = false;
            int digitsStart = pos;
            while (pos < end && char.IsAsciiDigit(_text[pos]))
            {
                if (integer > ulong.MaxValue)
                {
                    overflow = true;
                }
                else
                {
                    integer = (integer * 10) + (uint)(_text[pos] - '0');
                }

                pos++;
            }

            if (pos == digitsStart)
            {
                return Invalid(start, end);
            }

            UInt128 fraction = 0;
            UInt128 fractionScale = 1;
            bool hasFraction = false;
            if (!dd && pos < end && _text[pos] == '.')
            {
                pos++;
                int fractionStart = pos;
                while (pos < end && char.IsAsciiDigit(_text[pos]))
                {
                    if (fractionScale < 1_000_000_000_000_000_000UL)
                    {
                        fraction = (fraction * 10) + (uint)(_text[pos] - '0');
                        fractionScale *= 10;
                    }

                    pos++;
                }

                if (pos == fractionStart)
                {
                    return Invalid(start, end);
                }

                hasFraction = true;
            }

            while (!dd && pos < end && _text[pos] == ' ')
            {
                pos++;
            }

            var suffix = _text[pos..end];
            ulong? multiplier = dd ? DdMultiplier(suffix) : QemuMultiplier(suffix);
            if (multiplier is not { } mul || (hasFraction && mul == 1))
            {
                return Invalid(start, end);
            }

            if (overflow || integer > UInt128.MaxValue / mul)
            {
                value = UInt128.MaxValue;
                return null;
            }

            value = (integer * mul) + (fraction * mul / fractionScale);
            return null;
        }

        private static ulong? QemuMultiplier(ReadOnlySpan<char> suffix)
        {
            if (suffix.IsEmpty)
            {
                return 1;
            }

            if (suffix.Length == 3 && suffix[1] is 'i' or 'I' && suffix[2] is 'b' or 'B')
            {
                return suffix[0] is 'b' or 'B' ? null : Binary(suffix[0]);
            }

            return suffix.Length == 1 ? Binary(suffix[0]) : null;
        }

        private static ulong? Binary(char unit) => char.ToUpperInvariant(unit) switch
        {
            'B' => 1,
            'K' => 1UL << 10,
            'M' => 1UL << 20,
            'G' => 1UL << 30,
            'T' => 1UL << 40,
            'P' => 1UL << 50,
            'E' => 1UL << 60,
            _ => null,
        };

        private static ulong? DdMultiplier(ReadOnlySpan<char> suffix)
        {
            switch (suffix)
            {
                case "":
                case "c":
                    return 1;
                case "w":
                    return 2;
                case "b":
                    return 512;
                case "k":
                    return 1024;
                case "kB":
                    return 1000;
            }

            const string units = "KMGTPE";
            int index = suffix.IsEmpty ? -1 : units.IndexOf(suffix[0]);
            if (index < 0)
            {
                return null;
            }

            var rest = suffix[1..];
            ulong binary = 1UL << (10 * (index + 1));
            if (rest.IsEmpty || rest.SequenceEqual("iB"))
            {
                return binary;
            }

            if (rest.SequenceEqual("B"))
            {
                ulong decimalUnit = 1;
                for (int i = 0; i <= index; i++)
                {
                    decimalUnit *= 1000;
                }

                return decimalUnit;
            }

            return null;
        }

        private Failure Invalid(int start, int end) =>
            new(DiagnosticDescriptors.InvalidSize, TextSpan.FromBounds(start, end), [Slice(start, end)]);

        private string Slice(int start, int end) => _text[start..end].ToString();
    }
}
