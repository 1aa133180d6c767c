using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace Xen.Hvm.Tests.Specs.Oracles;

/// <summary>
/// The Pidgin grammar that cut spec strings into fields and <c>KEY[=VALUE]</c> items before the hand-written scanner
/// of <c>Specs/Internal/SpecGrammar.cs</c> replaced it (it dominated the binding profile): kept as the combinator
/// statement of the same rules, the scanner's oracle beside <see cref="SpracheSpecGrammar"/>. Positions are offsets
/// into the text; a key is [Start, KeyEnd), a value [KeyEnd + 1, End) when there is an <c>=</c>.
/// </summary>
internal static class PidginSplitGrammar
{
    /// <summary>A field cut at its first <c>=</c>.</summary>
    public readonly record struct RawItem(int Start, int KeyEnd, bool HasEquals, int End);

    private static Parser<char, (int Start, int End)> FieldOf(char separator) =>
        Map(static (start, end) => (start, end), CurrentOffset, AnyCharExcept(separator).SkipMany().Then(CurrentOffset));

    private static Parser<char, RawItem> ItemOf(Parser<char, Unit> valueRest, params char[] keyStops) =>
        Map(
            static (start, keyEnd, equals, end) => new RawItem(start, keyEnd, equals.HasValue, end),
            CurrentOffset,
            AnyCharExcept(keyStops).SkipMany().Then(CurrentOffset),
            Char('=').Then(valueRest).Optional(),
            CurrentOffset);

    private static readonly Parser<char, IEnumerable<(int Start, int End)>> CommaFields = FieldOf(',').SeparatedAtLeastOnce(Char(',')).Before(End);

    private static readonly Parser<char, IEnumerable<(int Start, int End)>> SlashFields = FieldOf('/').SeparatedAtLeastOnce(Char('/')).Before(End);

    private static readonly Parser<char, IEnumerable<RawItem>> CommaItems =
        ItemOf(AnyCharExcept(',').SkipMany(), ',', '=').SeparatedAtLeastOnce(Char(',')).Before(End);

    private static readonly Parser<char, IEnumerable<RawItem>> StrtokItems =
        Char(' ').SkipMany().Then(ItemOf(AnyCharExcept(',').SkipMany(), ',', '=')).SeparatedAtLeastOnce(Char(',')).Before(End);

    private static readonly Parser<char, RawItem> WholeItem = ItemOf(Any.SkipMany(), '=').Before(End);

    /// <summary><c>str.split</c> on ',' or '/': every field, empty ones too.</summary>
    public static (int Start, int End)[] Split(string text, char separator) =>
        (separator == ',' ? CommaFields : SlashFields).ParseOrThrow(text).ToArray();

    /// <summary>Comma-separated items, empty ones too.</summary>
    public static RawItem[] Items(string text) => CommaItems.ParseOrThrow(text).ToArray();

    /// <summary>Comma-separated items with leading spaces skipped and empty items dropped.</summary>
    public static RawItem[] Strtok(string text) => StrtokItems.ParseOrThrow(text).Where(static i => i.End > i.Start).ToArray();

    /// <summary>The whole text as one item, cut at its first '='.</summary>
    public static RawItem KeyValue(string text) => WholeItem.ParseOrThrow(text);
}
