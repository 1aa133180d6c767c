using Sprache;
using Xen.Hvm.Specs.Internal;
using P = Sprache.Parse;

namespace Xen.Hvm.Tests.Specs.Oracles;

/// <summary>
/// libxlu's disk lexer (<c>libxlu_disk_l.l</c>) written out rule by rule as Sprache grammars, in flex priority order,
/// combined by longest match (trailing context counts; the earlier rule wins a tie). It is the oracle of the
/// hand-written <see cref="DiskLexer"/>, and states every rule itself: it shares no table with the scanner, so a
/// wrong row in <c>DiskLexer.Patterns</c> shows up as a disagreement.
/// </summary>
internal static class SpracheDiskLexer
{
    private static readonly Parser<char> Lower = P.Char(c => c is >= 'a' and <= 'z', "a-z");
    private static readonly Parser<char> LowerOrDigit = P.Char(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'), "a-z0-9");
    private static readonly Parser<IEnumerable<char>> RestOfLine = P.CharExcept('\n').Many();
    private static readonly Parser<IOption<char>> OptionalComma = P.Char(',').Optional();

    /// <summary>A rule: what it matches (the parser's reach, trailing context included) and what it consumes.</summary>
    private sealed record Rule(DiskRule Name, Parser<int> Consumed, bool IsErrorRule = false);

    // NAME=[^,]*,?
    private static Rule KeyValue(DiskRule name, string literal) => new(name,
        from lit in P.String(literal)
        from value in P.CharExcept(',').Many()
        from comma in OptionalComma
        select literal.Length + value.Count() + (comma.IsDefined ? 1 : 0));

    // NAME,?
    private static Rule Flag(DiskRule name, string literal) => new(name,
        from lit in P.String(literal)
        from comma in OptionalComma
        select literal.Length + (comma.IsDefined ? 1 : 0));

    // (a:|b:|c:)/.*   the prefix is consumed, the rest of the line is trailing context
    private static Rule Prefix(DiskRule name, params string[] literals) => new(name,
        from lit in literals.Select(l => P.String(l).Text()).Aggregate((a, b) => a.Or(b))
        from context in RestOfLine
        select lit.Length);

    /// <summary>The rules of <c>libxlu_disk_l.l</c>, top to bottom.</summary>
    private static readonly Rule[] Rules =
    [
        // [ \t\n]+/([^ \t\n].*)?   white space; what follows on the line is trailing context
        new(DiskRule.Whitespace,
            from ws in P.Chars(" \t\n").AtLeastOnce()
            from context in P.CharExcept(" \t\n").Then(_ => RestOfLine).Optional()
            select ws.Count()),
        KeyValue(DiskRule.Format, "format="),
        Flag(DiskRule.Cdrom, "cdrom"),
        Flag(DiskRule.DevtypeCdrom, "devtype=cdrom"),
        Flag(DiskRule.DevtypeDisk, "devtype=disk"),
        KeyValue(DiskRule.DevtypeOther, "devtype="),
        KeyValue(DiskRule.Access, "access="),
        KeyValue(DiskRule.Backend, "backend="),
        KeyValue(DiskRule.BackendType, "backendtype="),
        KeyValue(DiskRule.Specification, "specification="),
        KeyValue(DiskRule.Vdev, "vdev="),
        KeyValue(DiskRule.Script, "script="),
        Flag(DiskRule.DirectIoSafe, "direct-io-safe"),
        Flag(DiskRule.Discard, "discard"),
        Flag(DiskRule.NoDiscard, "no-discard"),
        Flag(DiskRule.Colo, "colo"),
        Flag(DiskRule.NoColo, "no-colo"),
        KeyValue(DiskRule.ColoHost, "colo-host="),
        KeyValue(DiskRule.ColoPort, "colo-port="),
        KeyValue(DiskRule.ColoExport, "colo-export="),
        KeyValue(DiskRule.ActiveDisk, "active-disk="),
        KeyValue(DiskRule.HiddenDisk, "hidden-disk="),
        Flag(DiskRule.Trusted, "trusted"),
        Flag(DiskRule.Untrusted, "untrusted"),
        Flag(DiskRule.GrantUsage1, "grant_usage=1"),
        Flag(DiskRule.GrantUsage0, "grant_usage=0"),

        // target=.*   the rest of the line
        new(DiskRule.Target,
            from lit in P.String("target=")
            from rest in RestOfLine
            select "target=".Length + rest.Count()),

        // [a-z][-a-z0-9]*=[^,],?   an unknown parameter takes one character of its value
        new(DiskRule.UnknownParameter,
            from first in Lower
            from more in LowerOrDigit.Or(P.Char('-')).Many()
            from eq in P.Char('=')
            from one in P.CharExcept(',')
            from comma in OptionalComma
            select 3 + more.Count() + (comma.IsDefined ? 1 : 0)),

        Prefix(DiskRule.FormatPrefix, "raw:", "qcow:", "qcow2:", "vhd:"),
        Prefix(DiskRule.ScriptPrefix, "iscsi:", "nbd:", "enbd:", "drbd:"),
        Prefix(DiskRule.TapdiskPrefix, "tapdisk:"),
        Prefix(DiskRule.TapPrefix, "tap:", "tap2:"),
        Prefix(DiskRule.AioPrefix, "aio:"),
        Prefix(DiskRule.IoemuPrefix, "ioemu:"),
        Prefix(DiskRule.FilePrefix, "file:"),
        Prefix(DiskRule.PhyPrefix, "phy:"),

        // [a-z][a-z0-9]*:/([^a-z0-9].*)?   any other prefix: an error
        new(DiskRule.UnknownPrefix,
            from first in Lower
            from more in LowerOrDigit.Many()
            from colon in P.Char(':')
            from context in P.Char(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')), "not a-z0-9").Then(_ => RestOfLine).Optional()
            select 2 + more.Count()),

        // [^=,]*,|[^=,]+,?   a positional parameter
        new(DiskRule.Positional,
            (from text in P.CharExcept("=,").Many()
             from comma in P.Char(',')
             select text.Count() + 1)
            .Or(from text in P.CharExcept("=,").AtLeastOnce()
                from comma in OptionalComma
                select text.Count() + (comma.IsDefined ? 1 : 0))),

        // .   then <LEXERR>.* takes the rest of the line; only the '.' competes for the longest match
        new(DiskRule.LexError,
            from c in P.CharExcept('\n')
            from rest in RestOfLine
            select 1 + rest.Count(),
            IsErrorRule: true),
    ];

    private static readonly Parser<DiskToken> Token = input =>
    {
        int bestMatch = -1;
        int bestConsumed = 0;
        DiskRule bestRule = DiskRule.LexError;
        foreach (var rule in Rules)
        {
            var r = rule.Consumed(input);
            if (!r.WasSuccessful)
            {
                continue;
            }

            int match = rule.IsErrorRule ? 1 : r.Remainder.Position - input.Position;
            if (match > bestMatch)
            {
                bestMatch = match;
                bestConsumed = r.Value;
                bestRule = rule.Name;
            }
        }

        if (bestMatch < 0)
        {
            return Result.Failure<DiskToken>(input, "no disk lexer rule matches", ["a disk spec item"]);
        }

        IInput rest = input;
        for (int i = 0; i < bestConsumed; i++)
        {
            rest = rest.Advance();
        }

        return Result.Success(new DiskToken(bestRule, input.Position, bestConsumed), rest);
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

    /// <summary>Gets the number of rules, to check the scanner has a row for each.</summary>
    public static int RuleCount => Rules.Length;
}
