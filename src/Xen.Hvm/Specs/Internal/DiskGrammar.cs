using Sprache;

namespace Xen.Hvm.Specs.Internal;

/// <summary>
/// The disk lexer written as Sprache grammars, one parser per flex rule, combined by longest match. It is the
/// readable statement of libxlu's lexer and the test oracle of the hand-written <see cref="DiskLexer"/> (which is
/// what <see cref="DiskSpecs"/> runs, for speed).
/// </summary>
internal static class DiskGrammar
{
    private static readonly Parser<char> Lower = Parse.Char(c => c is >= 'a' and <= 'z', "a-z");
    private static readonly Parser<char> LowerOrDigit = Parse.Char(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'), "a-z0-9");
    private static readonly Parser<IEnumerable<char>> RestOfLine = Parse.CharExcept('\n').Many();
    private static readonly Parser<IOption<char>> OptionalComma = Parse.Char(',').Optional();

    /// <summary>A rule's parser: it returns the consumed length; the match length is how far it read.</summary>
    private static Parser<int> Rule(DiskPattern pattern) => pattern.Kind switch
    {
        // [ \t\n]+/([^ \t\n].*)?
        DiskPatternKind.Whitespace =>
            from ws in Parse.Chars(" \t\n").AtLeastOnce()
            from context in Parse.CharExcept(" \t\n").Then(_ => RestOfLine).Optional()
            select ws.Count(),

        // NAME=[^,]*,?
        DiskPatternKind.KeyValue =>
            from lit in Parse.String(pattern.Literals[0])
            from value in Parse.CharExcept(',').Many()
            from comma in OptionalComma
            select pattern.Literals[0].Length + value.Count() + (comma.IsDefined ? 1 : 0),

        // NAME,?
        DiskPatternKind.Flag =>
            from lit in Parse.String(pattern.Literals[0])
            from comma in OptionalComma
            select pattern.Literals[0].Length + (comma.IsDefined ? 1 : 0),

        // target=.*
        DiskPatternKind.RestOfLine =>
            from lit in Parse.String(pattern.Literals[0])
            from rest in RestOfLine
            select pattern.Literals[0].Length + rest.Count(),

        // [a-z][-a-z0-9]*=[^,],?
        DiskPatternKind.UnknownParameter =>
            from first in Lower
            from more in LowerOrDigit.Or(Parse.Char('-')).Many()
            from eq in Parse.Char('=')
            from one in Parse.CharExcept(',')
            from comma in OptionalComma
            select 3 + more.Count() + (comma.IsDefined ? 1 : 0),

        // (a|b|c):/.*
        DiskPatternKind.Prefix =>
            from lit in pattern.Literals.Select(l => Parse.String(l).Text()).Aggregate((a, b) => a.Or(b))
            from context in RestOfLine
            select lit.Length,

        // [a-z][a-z0-9]*:/([^a-z0-9].*)?
        DiskPatternKind.UnknownPrefix =>
            from first in Lower
            from more in LowerOrDigit.Many()
            from colon in Parse.Char(':')
            from context in Parse.Char(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')), "not a-z0-9").Then(_ => RestOfLine).Optional()
            select 2 + more.Count(),

        // [^=,]*,|[^=,]+,?
        DiskPatternKind.Positional =>
            (from text in Parse.CharExcept("=,").Many()
             from comma in Parse.Char(',')
             select text.Count() + 1)
            .Or(from text in Parse.CharExcept("=,").AtLeastOnce()
                from comma in OptionalComma
                select text.Count() + (comma.IsDefined ? 1 : 0)),

        // . then <LEXERR>.*
        _ =>
            from c in Parse.CharExcept('\n')
            from rest in RestOfLine
            select 1 + rest.Count(),
    };

    private static readonly (DiskPattern Pattern, Parser<int> Parser)[] Rules =
        DiskLexer.Patterns.Select(p => (p, Rule(p))).ToArray();

    /// <summary>The token at the current position: every rule is tried, the longest match wins, then the earliest rule.</summary>
    private static readonly Parser<DiskToken> Token = input =>
    {
        int bestMatch = -1;
        int bestConsumed = 0;
        DiskRule bestRule = DiskRule.LexError;
        foreach (var (pattern, parser) in Rules)
        {
            var r = parser(input);
            if (!r.WasSuccessful)
            {
                continue;
            }

            // For the error rule the competition length is the one character of '.'.
            int match = pattern.Kind == DiskPatternKind.Error ? 1 : r.Remainder.Position - input.Position;
            if (match > bestMatch)
            {
                bestMatch = match;
                bestConsumed = r.Value;
                bestRule = pattern.Rule;
            }
        }

        if (bestMatch < 0)
        {
            return Result.Failure<DiskToken>(input, "no disk lexer rule matches", ["a disk spec item"]);
        }

        var token = new DiskToken(bestRule, input.Position, bestConsumed);
        IInput rest = input;
        for (int i = 0; i < bestConsumed; i++)
        {
            rest = rest.Advance();
        }

        return Result.Success(token, rest);
    };

    /// <summary>Scans the whole text into tokens, stopping after a terminal token, like <see cref="DiskLexer.Scan"/>.</summary>
    public static List<DiskToken> Scan(string text)
    {
        var tokens = new List<DiskToken>();
        IInput input = new Input(text);
        while (!input.AtEnd)
        {
            var r = Token(input);
            if (!r.WasSuccessful)
            {
                break;
            }

            tokens.Add(r.Value);
            if (r.Value.IsTerminal)
            {
                break;
            }

            input = r.Remainder;
        }

        return tokens;
    }
}
