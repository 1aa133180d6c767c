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
/// The Pidgin grammar of how spec strings are cut into pieces: fields between separators, <c>KEY=VALUE</c> items,
/// and the small value languages of the vif and usbdevice specs (rate, interval, vlan term, host device).
/// </summary>
/// <remarks>
/// <para>Every parser is a <see langword="static"/> <see langword="readonly"/> field, built once; they run over spans
/// of the spec and return offsets, so splitting costs one pass and no strings. The languages' own code turns the
/// pieces into values and diagnostics. The Sprache grammars the library used before live on in the tests as
/// independent oracles (<c>SpracheSpecGrammar</c>): FsCheck checks both give the same pieces for random text.</para>
/// <para>Pidgin's speed advice is followed: no LINQ query syntax and no <c>Bind</c>, only <c>Map</c>, <c>Then</c>,
/// <c>Before</c> and the skipping combinators.</para>
/// </remarks>
internal static class SpecGrammar
{
    /// <summary>[Start, End) of a field, relative to the parsed text.</summary>
    private readonly record struct RawField(int Start, int End);

    /// <summary>A field cut at its first <c>=</c>: the key is [Start, KeyEnd), the value [KeyEnd + 1, End).</summary>
    private readonly record struct RawItem(int Start, int KeyEnd, bool HasEquals, int End);

    private static readonly Parser<char, char> AsciiDigit = Token(char.IsAsciiDigit).Labelled("digit");
    private static readonly Parser<char, char> AsciiHexDigit = Token(char.IsAsciiHexDigit).Labelled("hexadecimal digit");

    /// <summary><c>[^SEP]*</c>, as the offsets it spans.</summary>
    private static Parser<char, RawField> FieldOf(char separator) =>
        Map(static (start, end) => new RawField(start, end), CurrentOffset, AnyCharExcept(separator).SkipMany().Then(CurrentOffset));

    /// <summary><c>[^SEP=]*(=[^SEP]*)?</c>: a field split at its first <c>=</c>.</summary>
    private static Parser<char, RawItem> ItemOf(Parser<char, Unit> valueRest, params char[] keyStops) =>
        Map(
            static (start, keyEnd, equals, end) => new RawItem(start, keyEnd, equals.HasValue, end),
            CurrentOffset,
            AnyCharExcept(keyStops).SkipMany().Then(CurrentOffset),
            Char('=').Then(valueRest).Optional(),
            CurrentOffset);

    /// <summary>Python's <c>str.split(',')</c>: every field, empty ones too (there is always at least one).</summary>
    private static readonly Parser<char, IEnumerable<RawField>> CommaFields = FieldOf(',').SeparatedAtLeastOnce(Char(',')).Before(End);

    /// <summary><c>str.split('/')</c>, for vlan terms.</summary>
    private static readonly Parser<char, IEnumerable<RawField>> SlashFields = FieldOf('/').SeparatedAtLeastOnce(Char('/')).Before(End);

    /// <summary>Comma-separated <c>KEY[=VALUE]</c> items, empty ones too.</summary>
    private static readonly Parser<char, IEnumerable<RawItem>> CommaItems =
        ItemOf(AnyCharExcept(',').SkipMany(), ',', '=').SeparatedAtLeastOnce(Char(',')).Before(End);

    /// <summary>Comma-separated items with their leading spaces skipped (xl's <c>strtok</c> loops).</summary>
    private static readonly Parser<char, IEnumerable<RawItem>> StrtokItems =
        Char(' ').SkipMany().Then(ItemOf(AnyCharExcept(',').SkipMany(), ',', '=')).SeparatedAtLeastOnce(Char(',')).Before(End);

    /// <summary>One whole text as <c>KEY[=VALUE]</c>, split at the first <c>=</c>; the value runs to the end.</summary>
    private static readonly Parser<char, RawItem> WholeItem = ItemOf(Any.SkipMany(), '=').Before(End);

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
    public static IEnumerable<SpecItem> Items(string text) => ToItems(text, CommaItems.Parse(text.AsSpan()).Value, dropEmpty: false);

    /// <summary>The comma-separated items of a text with leading spaces skipped and empty items dropped.</summary>
    public static IEnumerable<SpecItem> StrtokItemsOf(string text) => ToItems(text, StrtokItems.Parse(text.AsSpan()).Value, dropEmpty: true);

    /// <summary>Reads a field as <c>KEY=VALUE</c> (split at the first <c>=</c>), positions relative to the whole spec.</summary>
    public static SpecItem KeyValue(SpecToken field)
    {
        var raw = WholeItem.Parse(field.Span).Value;
        return ToItem(field, raw);
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

    private static List<SpecToken> Fields(string text, int start, int length, char separator)
    {
        var parser = separator switch
        {
            ',' => CommaFields,
            '/' => SlashFields,
            _ => throw new ArgumentOutOfRangeException(nameof(separator), separator, "No field grammar for this separator."),
        };
        var result = new List<SpecToken>();
        foreach (var f in parser.Parse(text.AsSpan(start, length)).Value)
        {
            result.Add(SpecToken.Of(text, start + f.Start, f.End - f.Start));
        }

        return result;
    }

    /// <summary>The items, made one at a time as the caller reads them (a big spec holds only the offsets at once).</summary>
    private static IEnumerable<SpecItem> ToItems(string text, IEnumerable<RawItem> raws, bool dropEmpty)
    {
        var whole = new SpecToken(0, text);
        foreach (var raw in raws)
        {
            if (!dropEmpty || raw.End > raw.Start)
            {
                yield return ToItem(whole, raw);
            }
        }
    }

    private static SpecItem ToItem(SpecToken within, RawItem raw)
    {
        var whole = within.Slice(raw.Start, raw.End - raw.Start);
        var key = within.Slice(raw.Start, raw.KeyEnd - raw.Start);
        var value = raw.HasEquals ? within.Slice(raw.KeyEnd + 1, raw.End - raw.KeyEnd - 1) : within.Slice(raw.End, 0);
        return new SpecItem(whole, key, value, raw.HasEquals);
    }

    private static int Hex(string digits) => int.Parse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    private static int Dec(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}
