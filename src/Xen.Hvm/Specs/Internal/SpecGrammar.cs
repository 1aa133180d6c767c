using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace Xen.Hvm.Specs.Internal;

/// <summary>
/// A piece of a spec string and where it starts: a view of its source string, so that splitting a spec allocates no
/// strings until a piece's <see cref="Text"/> is asked for.
/// </summary>
internal readonly struct SpecToken : IEquatable<SpecToken>
{
    private readonly string? _source;
    private readonly int _index;

    /// <summary>Constructs a token holding <paramref name="text"/> at position <paramref name="start"/>.</summary>
    public SpecToken(int start, string text)
        : this(text, 0, start, text.Length)
    {
    }

    private SpecToken(string source, int index, int start, int length)
    {
        _source = source;
        _index = index;
        Start = start;
        Length = length;
    }

    /// <summary>Gets the position of the first character in the spec.</summary>
    public int Start { get; }

    /// <summary>Gets the number of characters.</summary>
    public int Length { get; }

    /// <summary>Gets the position just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Gets the characters, without copying them.</summary>
    public ReadOnlySpan<char> Span => _source is null ? default : _source.AsSpan(_index, Length);

    /// <summary>Gets the characters as a string (a new one unless the token is its whole source).</summary>
    public string Text => _source is null ? string.Empty
        : _index == 0 && Length == _source.Length ? _source : _source.Substring(_index, Length);

    /// <summary>The token of characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>)
    /// of <paramref name="source"/>, positioned at that offset.</summary>
    public static SpecToken Of(string source, int start, int length) => new(source, start, start, length);

    /// <summary>The part of this token from <paramref name="offset"/>, <paramref name="length"/> characters long.</summary>
    public SpecToken Slice(int offset, int length) => new(_source ?? string.Empty, _index + offset, Start + offset, length);

    /// <summary>The part of this token from <paramref name="offset"/> to its end.</summary>
    public SpecToken Slice(int offset) => Slice(offset, Length - offset);

    public bool Equals(SpecToken other) => Start == other.Start && Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is SpecToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Start, string.GetHashCode(Span, StringComparison.Ordinal));

    public override string ToString() => Start + ":'" + Text + "'";
}

/// <summary>A <c>KEY=VALUE</c> item (or a bare word when <see cref="HasEquals"/> is false), with positions.</summary>
internal readonly record struct SpecItem(SpecToken Whole, SpecToken Key, SpecToken Value, bool HasEquals);

/// <summary>
/// How spec strings are cut into pieces (fields between separators, <c>KEY=VALUE</c> items), and the Pidgin grammars
/// of the small value languages of the vif and usbdevice specs (rate, interval, vlan term, host device).
/// </summary>
/// <remarks>
/// <para>Cutting is a hand-written scanner (vectorised <c>IndexOf</c> over the spec, offsets only, no strings): it runs
/// for every item of every <c>vif</c>, <c>vfb</c>, <c>vtpm</c>, <c>usbctrl</c>, <c>usbdev</c>, <c>channel</c>... string
/// a binding reads (the disk language has its own lexer), and the Pidgin grammar it replaced dominated the binding
/// profile. That grammar lives on in the tests as its oracle
/// (<c>PidginSplitGrammar</c>), beside the Sprache grammars the library used before (<c>SpracheSpecGrammar</c>):
/// FsCheck checks all three give the same pieces for random text. The value-language parsers are
/// <see langword="static"/> <see langword="readonly"/> Pidgin fields, built once. The languages' own code turns the
/// pieces into values and diagnostics.</para>
/// <para>Pidgin's speed advice is followed: no LINQ query syntax and no <c>Bind</c>, only <c>Map</c>, <c>Then</c>,
/// <c>Before</c> and the skipping combinators.</para>
/// </remarks>
internal static class SpecGrammar
{
    private static readonly Parser<char, char> AsciiDigit = Token(char.IsAsciiDigit).Labelled("digit");
    private static readonly Parser<char, char> AsciiHexDigit = Token(char.IsAsciiHexDigit).Labelled("hexadecimal digit");

    /// <summary>vif <c>rate</c> without its interval: <c>^[0-9]+[GMK]?[Bb]/s$</c>.</summary>
    public static readonly Parser<char, (string Digits, VifRateUnit Unit, bool Bits)> Rate =
        Map(
            static (digits, unit, b) => (digits, unit.HasValue ? unit.Value switch { 'G' => VifRateUnit.Giga, 'M' => VifRateUnit.Mega, _ => VifRateUnit.Kilo } : VifRateUnit.One, b == 'b'),
            AsciiDigit.AtLeastOnceString(),
            OneOf('G', 'M', 'K').Optional(),
            OneOf('B', 'b'))
        .Before(String("/s"))
        .Before(End);

    /// <summary>vif rate interval: <c>^[0-9]+[mu]?s?$</c>.</summary>
    public static readonly Parser<char, (string Digits, VifIntervalUnit Unit)> Interval =
        Map(
            static (digits, unit) => (digits, unit.HasValue ? unit.Value == 'm' ? VifIntervalUnit.Milliseconds : VifIntervalUnit.Microseconds : VifIntervalUnit.Seconds),
            AsciiDigit.AtLeastOnceString(),
            OneOf('m', 'u').Optional())
        .Before(Char('s').Optional())
        .Before(End);

    /// <summary>A VLAN id: at most five decimal digits.</summary>
    private static readonly Parser<char, int> VlanNumber =
        AsciiDigit.AtLeastOnceString().Where(static t => t.Length <= 5).Select(static t => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One vlan term: <c>N[p|u]</c>, <c>N-M[u]</c> or <c>N+OxC[u]</c>.</summary>
    public static readonly Parser<char, VlanTerm> VlanTermGrammar =
        Map(
            static (start, term) => term with { Start = start },
            VlanNumber,
            OneOf(
                Map(static (end, u) => new VlanTerm(0, end, null, null, false, u.HasValue), Char('-').Then(VlanNumber), Char('u').Optional()),
                Map(static (step, count, u) => new VlanTerm(0, null, step, count, false, u.HasValue), Char('+').Then(VlanNumber), Char('x').Then(VlanNumber), Char('u').Optional()),
                OneOf('p', 'u').Optional().Select(static mark => new VlanTerm(0, null, null, null, mark.HasValue && mark.Value == 'p', mark.HasValue))))
        .Before(End);

    /// <summary>usbdevice <c>host:VID:PID</c> (1–4 hex digits each) or <c>host:BUS.ADDR</c> (1–3 decimal digits each).</summary>
    public static readonly Parser<char, (EmulatedUsbDeviceKind Kind, int First, int Second)> UsbHost =
        String("host:").Then(OneOf(
            Try(Map(
                static (vid, pid) => (EmulatedUsbDeviceKind.HostByVendorProduct, Hex(vid), Hex(pid)),
                AsciiHexDigit.AtLeastOnceString().Where(static s => s.Length <= 4).Before(Char(':')),
                AsciiHexDigit.AtLeastOnceString().Where(static s => s.Length <= 4))),
            Map(
                static (bus, addr) => (EmulatedUsbDeviceKind.HostByBusAddress, Dec(bus), Dec(addr)),
                AsciiDigit.AtLeastOnceString().Where(static s => s.Length <= 3).Before(Char('.')),
                AsciiDigit.AtLeastOnceString().Where(static s => s.Length <= 3))))
        .Before(End);

    /// <summary>Splits a text into fields, keeping empty ones (Python's <c>str.split</c>).</summary>
    public static List<SpecToken> Split(string text, char separator) => Fields(text, 0, text.Length, separator);

    /// <summary>Splits a token into fields, positions relative to the whole spec.</summary>
    public static List<SpecToken> Split(SpecToken token, char separator)
    {
        var fields = Fields(token.Text, 0, token.Length, separator);
        for (int i = 0; i < fields.Count; i++)
        {
            fields[i] = token.Slice(fields[i].Start, fields[i].Length);
        }

        return fields;
    }

    /// <summary>Splits like C's <c>strtok</c>: empty fields vanish.</summary>
    public static List<SpecToken> Tokenize(string text, char separator)
    {
        var fields = Split(text, separator);
        fields.RemoveAll(static t => t.Length == 0);
        return fields;
    }

    /// <summary>Every comma-separated item of a text, cut at its first <c>=</c>; empty items included.</summary>
    public static ItemScan Items(string text) => new(text, strtok: false);

    /// <summary>The comma-separated items of a text with leading spaces skipped and empty items dropped.</summary>
    public static ItemScan StrtokItemsOf(string text) => new(text, strtok: true);

    /// <summary>Reads a field as <c>KEY=VALUE</c> (split at the first <c>=</c>), positions relative to the whole spec.</summary>
    public static SpecItem KeyValue(SpecToken field)
    {
        int equals = field.Span.IndexOf('=');
        return equals < 0
            ? new SpecItem(field, field, field.Slice(field.Length, 0), HasEquals: false)
            : new SpecItem(field, field.Slice(0, equals), field.Slice(equals + 1), HasEquals: true);
    }

    /// <summary>Drops leading characters matching <paramref name="skip"/> from a token.</summary>
    public static SpecToken TrimStart(SpecToken token, Func<char, bool> skip)
    {
        var span = token.Span;
        int i = 0;
        while (i < span.Length && skip(span[i]))
        {
            i++;
        }

        return i == 0 ? token : token.Slice(i);
    }

    /// <summary>Drops leading and trailing characters matching <paramref name="skip"/> from a token.</summary>
    public static SpecToken Trim(SpecToken token, Func<char, bool> skip)
    {
        token = TrimStart(token, skip);
        var span = token.Span;
        int e = span.Length;
        while (e > 0 && skip(span[e - 1]))
        {
            e--;
        }

        return e == token.Length ? token : token.Slice(0, e);
    }

    /// <summary>Python's <c>str.split(separator)</c> over [<paramref name="start"/>, +<paramref name="length"/>): every field, empty ones too (there is always at least one).</summary>
    private static List<SpecToken> Fields(string text, int start, int length, char separator)
    {
        var result = new List<SpecToken>();
        ReadOnlySpan<char> span = text.AsSpan(start, length);
        int from = 0;
        while (true)
        {
            int at = span[from..].IndexOf(separator);
            int end = at < 0 ? span.Length : from + at;
            result.Add(SpecToken.Of(text, start + from, end - from));
            if (at < 0)
            {
                return result;
            }

            from = end + 1;
        }
    }

    private static int Hex(string digits) => int.Parse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    private static int Dec(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The comma-separated <c>KEY[=VALUE]</c> items of a spec, each cut at its first <c>=</c>, found one at a time as the
/// caller reads them (nothing is held but the position): with <c>strtok</c> rules (xl's <c>parse_nic_config</c> and
/// friends) leading spaces are skipped and empty items dropped; without them every item is kept (Python's split).
/// </summary>
internal readonly struct ItemScan : IEnumerable<SpecItem>
{
    private readonly string _text;
    private readonly bool _strtok;

    public ItemScan(string text, bool strtok)
    {
        _text = text;
        _strtok = strtok;
    }

    public Enumerator GetEnumerator() => new(_text, _strtok);

    IEnumerator<SpecItem> IEnumerable<SpecItem>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the items; <see cref="Current"/> is valid after <see cref="MoveNext"/> returned true.</summary>
    public struct Enumerator : IEnumerator<SpecItem>
    {
        private readonly string _text;
        private readonly bool _strtok;
        private int _next;

        public Enumerator(string text, bool strtok)
        {
            _text = text;
            _strtok = strtok;
            _next = 0;
            Current = default;
        }

        public SpecItem Current { get; private set; }

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            ReadOnlySpan<char> text = _text.AsSpan();
            while (_next <= text.Length)
            {
                int start = _next;
                if (_strtok)
                {
                    while (start < text.Length && text[start] == ' ')
                    {
                        start++;
                    }
                }

                int stop = text[start..].IndexOfAny(',', '=');
                int keyEnd = stop < 0 ? text.Length : start + stop;
                bool hasEquals = keyEnd < text.Length && text[keyEnd] == '=';
                int end = keyEnd;
                if (hasEquals)
                {
                    int comma = text[(keyEnd + 1)..].IndexOf(',');
                    end = comma < 0 ? text.Length : keyEnd + 1 + comma;
                }

                _next = end + 1;
                if (_strtok && end == start)
                {
                    continue;
                }

                var whole = SpecToken.Of(_text, start, end - start);
                Current = new SpecItem(
                    whole,
                    SpecToken.Of(_text, start, keyEnd - start),
                    hasEquals ? SpecToken.Of(_text, keyEnd + 1, end - keyEnd - 1) : SpecToken.Of(_text, end, 0),
                    hasEquals);
                return true;
            }

            return false;
        }

        public void Reset()
        {
            _next = 0;
            Current = default;
        }

        public readonly void Dispose()
        {
        }
    }
}
