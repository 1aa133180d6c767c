using System.Globalization;
using Sprache;
using Xen.Hvm.Specs;
using P = Sprache.Parse;

namespace Xen.Hvm.Tests.Specs.Oracles;

/// <summary>
/// The Sprache grammars the library used to cut spec strings before its Pidgin grammar (<c>Specs/Internal/SpecGrammar.cs</c>):
/// kept here as an independent statement of the same rules, the oracle FsCheck holds the shipped parser against.
/// Slow (Sprache allocates per character) and fine for that: it only runs in tests.
/// </summary>
internal static class SpracheSpecGrammar
{
    private static Parser<(int Start, string Text)> Positioned(this Parser<string> parser) => input =>
    {
        int start = input.Position;
        var r = parser(input);
        return r.WasSuccessful
            ? Result.Success((start, r.Value), r.Remainder)
            : Result.Failure<(int, string)>(r.Remainder, r.Message, r.Expectations);
    };

    private static Parser<IEnumerable<(int Start, string Text)>> Fields(char separator) =>
        P.CharExcept(separator).Many().Text().Positioned().DelimitedBy(P.Char(separator)).End();

    private static readonly Parser<((int Start, string Text) Key, (int Start, string Text)? Value)> KeyValueGrammar =
        from key in P.CharExcept('=').Many().Text().Positioned()
        from value in (from eq in P.Char('=')
                       from rest in P.AnyChar.Many().Text().Positioned()
                       select ((int, string)?)rest).Optional()
        select (key, value.GetOrDefault());

    /// <summary>Python's <c>str.split</c>: every field, empty ones too.</summary>
    public static (int Start, string Text)[] Split(string text, char separator) => Fields(separator).Parse(text).ToArray();

    /// <summary>C's <c>strtok</c>: empty fields vanish.</summary>
    public static (int Start, string Text)[] Tokenize(string text, char separator) => Split(text, separator).Where(f => f.Text.Length > 0).ToArray();

    /// <summary>A field split at its first '=': key, value (null without '='), positions relative to the spec.</summary>
    public static ((int Start, string Text) Key, (int Start, string Text)? Value) KeyValue((int Start, string Text) field)
    {
        var (key, value) = KeyValueGrammar.Parse(field.Text);
        return ((field.Start + key.Start, key.Text), value is { } v ? (field.Start + v.Start, v.Text) : null);
    }

    /// <summary>xl's <c>strtok(",")</c> loop: empty items dropped, leading spaces skipped, then <c>KEY=VALUE</c>.</summary>
    public static IEnumerable<((int Start, string Text) Whole, ((int Start, string Text) Key, (int Start, string Text)? Value) Item)> Strtok(string text)
    {
        foreach (var raw in Tokenize(text, ','))
        {
            int skip = raw.Text.Length - raw.Text.TrimStart(' ').Length;
            var token = (raw.Start + skip, raw.Text[skip..]);
            if (token.Item2.Length > 0)
            {
                yield return (token, KeyValue(token));
            }
        }
    }

    // ^[0-9]+[GMK]?[Bb]/s$
    private static readonly Parser<char> AsciiDigit = P.Char(char.IsAsciiDigit, "digit");

    public static readonly Parser<(string Digits, VifRateUnit Unit, bool Bits)> Rate =
        (from digits in AsciiDigit.AtLeastOnce().Text()
         from unit in P.Chars("GMK").Optional()
         from b in P.Chars("Bb")
         from slash in P.String("/s")
         select (digits, unit.IsDefined ? unit.Get() switch { 'G' => VifRateUnit.Giga, 'M' => VifRateUnit.Mega, _ => VifRateUnit.Kilo } : VifRateUnit.One, b == 'b'))
        .End();

    // ^[0-9]+[mu]?s?$
    public static readonly Parser<(string Digits, VifIntervalUnit Unit)> Interval =
        (from digits in AsciiDigit.AtLeastOnce().Text()
         from unit in P.Chars("mu").Optional()
         from s in P.Char('s').Optional()
         select (digits, unit.IsDefined ? unit.Get() == 'm' ? VifIntervalUnit.Milliseconds : VifIntervalUnit.Microseconds : VifIntervalUnit.Seconds))
        .End();

    private static readonly Parser<int> VlanNumber =
        AsciiDigit.AtLeastOnce().Text().Where(t => t.Length <= 5).Select(t => int.Parse(t, CultureInfo.InvariantCulture));

    public static readonly Parser<VlanTerm> VlanTerm =
        (from start in VlanNumber
         from term in
             (from dash in P.Char('-')
              from end in VlanNumber
              from u in P.Char('u').Optional()
              select new VlanTerm(start, end, null, null, false, u.IsDefined))
             .Or(from plus in P.Char('+')
                 from step in VlanNumber
                 from x in P.Char('x')
                 from count in VlanNumber
                 from u in P.Char('u').Optional()
                 select new VlanTerm(start, null, step, count, false, u.IsDefined))
             .Or(from mark in P.Chars("pu").Optional()
                 select new VlanTerm(start, null, null, null, mark.IsDefined && mark.Get() == 'p', mark.IsDefined))
         select term)
        .End();

    private static readonly Parser<char> HexDigit = P.Chars("0123456789abcdefABCDEF");

    public static readonly Parser<(int Kind, int First, int Second)> UsbHost =
        (from host in P.String("host:")
         from device in
             (from vid in HexDigit.Repeat(1, 4).Text()
              from colon in P.Char(':')
              from pid in HexDigit.Repeat(1, 4).Text()
              select (0, int.Parse(vid, NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(pid, NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
             .Or(from bus in AsciiDigit.Repeat(1, 3).Text()
                 from dot in P.Char('.')
                 from addr in AsciiDigit.Repeat(1, 3).Text()
                 select (1, int.Parse(bus, CultureInfo.InvariantCulture), int.Parse(addr, CultureInfo.InvariantCulture)))
         select device).End();
}
