namespace Xen.Hvm.Specs.Internal;

/// <summary>
/// The rules of libxlu's disk lexer (<c>libxlu_disk_l.l</c>), in flex priority order: at each position the longest
/// match wins (trailing context counts), and on a tie the earlier rule.
/// </summary>
internal enum DiskRule
{
    Whitespace,
    Format,
    Cdrom,
    DevtypeCdrom,
    DevtypeDisk,
    DevtypeOther,
    Access,
    Backend,
    BackendType,
    Specification,
    Vdev,
    Script,
    DirectIoSafe,
    Discard,
    NoDiscard,
    Colo,
    NoColo,
    ColoHost,
    ColoPort,
    ColoExport,
    ActiveDisk,
    HiddenDisk,
    Trusted,
    Untrusted,
    GrantUsage1,
    GrantUsage0,
    Target,
    UnknownParameter,
    FormatPrefix,
    ScriptPrefix,
    TapdiskPrefix,
    TapPrefix,
    AioPrefix,
    IoemuPrefix,
    FilePrefix,
    PhyPrefix,
    UnknownPrefix,
    Positional,
    LexError,
}

/// <summary>One match of the disk lexer: the rule and the characters it consumes (trailing context excluded).</summary>
internal readonly record struct DiskToken(DiskRule Rule, int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>Gets whether the lexer stops after this token (the rule's action returns).</summary>
    public bool IsTerminal => Rule is DiskRule.UnknownPrefix or DiskRule.LexError;
}

/// <summary>The shape of each rule's pattern in the hand-written scanner (its Sprache oracle in the tests states each rule on its own).</summary>
internal enum DiskPatternKind
{
    Whitespace,

    /// <summary><c>literal[^,]*,?</c> where the literal ends in <c>=</c>.</summary>
    KeyValue,

    /// <summary><c>literal,?</c>.</summary>
    Flag,

    /// <summary><c>target=.*</c>.</summary>
    RestOfLine,

    /// <summary><c>[a-z][-a-z0-9]*=[^,],?</c>.</summary>
    UnknownParameter,

    /// <summary><c>(a|b|c):/.*</c>: consumes the prefix, matches to the end of the line.</summary>
    Prefix,

    /// <summary><c>[a-z][a-z0-9]*:/([^a-z0-9].*)?</c>.</summary>
    UnknownPrefix,

    /// <summary><c>[^=,]*,|[^=,]+,?</c>.</summary>
    Positional,

    /// <summary><c>.</c> then <c>&lt;LEXERR&gt;.*</c>.</summary>
    Error,
}

internal sealed record DiskPattern(DiskRule Rule, DiskPatternKind Kind, params string[] Literals);

/// <summary>Positions of the next newline, comma and '=' or ',' at or after the scan position, so that every rule's
/// match length is found without rescanning: the scan stays linear however many tokens a line has.</summary>
internal sealed class DiskScanState(string text)
{
    private Cache _eol = Cache.Empty;
    private Cache _comma = Cache.Empty;
    private Cache _stop = Cache.Empty;

    public int EndOfLine(int from) => _eol.Get(text, from, static (s, f) => s.IndexOf('\n', f));

    public int NextComma(int from) => _comma.Get(text, from, static (s, f) => s.IndexOf(',', f));

    public int NextEqualsOrComma(int from) => _stop.Get(text, from, static (s, f) => s.AsSpan(f).IndexOfAny('=', ',') is int i and >= 0 ? f + i : -1);

    /// <summary>The answer for the last query; valid for any later query between its start and the answer.</summary>
    private struct Cache
    {
        public static readonly Cache Empty = new() { _from = 0, _at = -1 };

        private int _from;
        private int _at;

        public int Get(string text, int from, Func<string, int, int> find)
        {
            if (from > _at || from < _from)
            {
                _from = from;
                int i = from >= text.Length ? -1 : find(text, from);
                _at = i < 0 ? text.Length : i;
            }

            return _at;
        }
    }
}

internal static class DiskLexer
{
    /// <summary>The rules in priority order.</summary>
    public static readonly DiskPattern[] Patterns =
    [
        new(DiskRule.Whitespace, DiskPatternKind.Whitespace),
        new(DiskRule.Format, DiskPatternKind.KeyValue, "format="),
        new(DiskRule.Cdrom, DiskPatternKind.Flag, "cdrom"),
        new(DiskRule.DevtypeCdrom, DiskPatternKind.Flag, "devtype=cdrom"),
        new(DiskRule.DevtypeDisk, DiskPatternKind.Flag, "devtype=disk"),
        new(DiskRule.DevtypeOther, DiskPatternKind.KeyValue, "devtype="),
        new(DiskRule.Access, DiskPatternKind.KeyValue, "access="),
        new(DiskRule.Backend, DiskPatternKind.KeyValue, "backend="),
        new(DiskRule.BackendType, DiskPatternKind.KeyValue, "backendtype="),
        new(DiskRule.Specification, DiskPatternKind.KeyValue, "specification="),
        new(DiskRule.Vdev, DiskPatternKind.KeyValue, "vdev="),
        new(DiskRule.Script, DiskPatternKind.KeyValue, "script="),
        new(DiskRule.DirectIoSafe, DiskPatternKind.Flag, "direct-io-safe"),
        new(DiskRule.Discard, DiskPatternKind.Flag, "discard"),
        new(DiskRule.NoDiscard, DiskPatternKind.Flag, "no-discard"),
        new(DiskRule.Colo, DiskPatternKind.Flag, "colo"),
        new(DiskRule.NoColo, DiskPatternKind.Flag, "no-colo"),
        new(DiskRule.ColoHost, DiskPatternKind.KeyValue, "colo-host="),
        new(DiskRule.ColoPort, DiskPatternKind.KeyValue, "colo-port="),
        new(DiskRule.ColoExport, DiskPatternKind.KeyValue, "colo-export="),
        new(DiskRule.ActiveDisk, DiskPatternKind.KeyValue, "active-disk="),
        new(DiskRule.HiddenDisk, DiskPatternKind.KeyValue, "hidden-disk="),
        new(DiskRule.Trusted, DiskPatternKind.Flag, "trusted"),
        new(DiskRule.Untrusted, DiskPatternKind.Flag, "untrusted"),
        new(DiskRule.GrantUsage1, DiskPatternKind.Flag, "grant_usage=1"),
        new(DiskRule.GrantUsage0, DiskPatternKind.Flag, "grant_usage=0"),
        new(DiskRule.Target, DiskPatternKind.RestOfLine, "target="),
        new(DiskRule.UnknownParameter, DiskPatternKind.UnknownParameter),
        new(DiskRule.FormatPrefix, DiskPatternKind.Prefix, "raw:", "qcow:", "qcow2:", "vhd:"),
        new(DiskRule.ScriptPrefix, DiskPatternKind.Prefix, "iscsi:", "nbd:", "enbd:", "drbd:"),
        new(DiskRule.TapdiskPrefix, DiskPatternKind.Prefix, "tapdisk:"),
        new(DiskRule.TapPrefix, DiskPatternKind.Prefix, "tap:", "tap2:"),
        new(DiskRule.AioPrefix, DiskPatternKind.Prefix, "aio:"),
        new(DiskRule.IoemuPrefix, DiskPatternKind.Prefix, "ioemu:"),
        new(DiskRule.FilePrefix, DiskPatternKind.Prefix, "file:"),
        new(DiskRule.PhyPrefix, DiskPatternKind.Prefix, "phy:"),
        new(DiskRule.UnknownPrefix, DiskPatternKind.UnknownPrefix),
        new(DiskRule.Positional, DiskPatternKind.Positional),
        new(DiskRule.LexError, DiskPatternKind.Error),
    ];

    /// <summary>For each ASCII character, the rules that can match at a position holding it, in priority order: the
    /// rules without literals, and those with a literal that starts with the character.</summary>
    private static readonly DiskPattern[][] s_byFirstChar = ByFirstChar();

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsLowerOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\n';

    /// <summary>Scans the whole text into tokens, stopping after a terminal token.</summary>
    public static List<DiskToken> Scan(string s)
    {
        var tokens = new List<DiskToken>(8);
        var state = new DiskScanState(s);
        int p = 0;
        while (p < s.Length)
        {
            var t = Next(s, p, state);
            tokens.Add(t);
            if (t.IsTerminal)
            {
                break;
            }

            p = t.End;
        }

        return tokens;
    }

    /// <summary>Finds the token at <paramref name="p"/>: the longest match, the earliest rule on a tie.</summary>
    public static DiskToken Next(string s, int p, DiskScanState state)
    {
        int bestMatch = -1;
        int bestConsumed = 0;
        DiskRule bestRule = DiskRule.LexError;
        char c = s[p];
        // The table holds, for an ASCII character, only the rules that can start with it; past ASCII, only the rules
        // without literals can (every literal is ASCII), and the check below skips the others.
        bool ascii = c < s_byFirstChar.Length;
        foreach (var pattern in ascii ? s_byFirstChar[c] : Patterns)
        {
            if (!ascii && pattern.Literals.Length > 0 && !StartsAny(pattern.Literals, c))
            {
                continue;
            }

            var (match, consumed) = Match(pattern, s, p, state);
            if (match > bestMatch)
            {
                bestMatch = match;
                bestConsumed = consumed;
                bestRule = pattern.Rule;
            }
        }

        return new DiskToken(bestRule, p, bestConsumed);
    }

    private static DiskPattern[][] ByFirstChar()
    {
        var table = new DiskPattern[128][];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = Array.FindAll(Patterns, p => p.Literals.Length == 0 || StartsAny(p.Literals, (char)c));
        }

        return table;
    }

    private static bool StartsAny(string[] literals, char c)
    {
        foreach (var l in literals)
        {
            if (l[0] == c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns (match length including trailing context, consumed length), or (-1, 0) when there is no match.</summary>
    public static (int Match, int Consumed) Match(DiskPattern pattern, string s, int p, DiskScanState state)
    {
        int n = s.Length;
        switch (pattern.Kind)
        {
            case DiskPatternKind.Whitespace:
            {
                int r = p;
                while (r < n && IsBlank(s[r]))
                {
                    r++;
                }

                if (r == p)
                {
                    return (-1, 0);
                }

                int end = r < n ? state.EndOfLine(r) : r;
                return (end - p, r - p);
            }

            case DiskPatternKind.KeyValue:
            {
                string lit = pattern.Literals[0];
                if (string.CompareOrdinal(s, p, lit, 0, lit.Length) != 0 || p + lit.Length > n)
                {
                    return (-1, 0);
                }

                int comma = state.NextComma(p + lit.Length);
                int len = comma >= n ? n - p : comma + 1 - p;
                return (len, len);
            }

            case DiskPatternKind.Flag:
            {
                string lit = pattern.Literals[0];
                if (p + lit.Length > n || string.CompareOrdinal(s, p, lit, 0, lit.Length) != 0)
                {
                    return (-1, 0);
                }

                int len = lit.Length + (p + lit.Length < n && s[p + lit.Length] == ',' ? 1 : 0);
                return (len, len);
            }

            case DiskPatternKind.RestOfLine:
            {
                string lit = pattern.Literals[0];
                if (p + lit.Length > n || string.CompareOrdinal(s, p, lit, 0, lit.Length) != 0)
                {
                    return (-1, 0);
                }

                int len = state.EndOfLine(p + lit.Length) - p;
                return (len, len);
            }

            case DiskPatternKind.UnknownParameter:
            {
                if (!IsLower(s[p]))
                {
                    return (-1, 0);
                }

                int q = p + 1;
                while (q < n && (IsLowerOrDigit(s[q]) || s[q] == '-'))
                {
                    q++;
                }

                if (q + 1 >= n || s[q] != '=' || s[q + 1] == ',')
                {
                    return (-1, 0);
                }

                int len = q + 2 - p + (q + 2 < n && s[q + 2] == ',' ? 1 : 0);
                return (len, len);
            }

            case DiskPatternKind.Prefix:
            {
                foreach (string lit in pattern.Literals)
                {
                    if (p + lit.Length <= n && string.CompareOrdinal(s, p, lit, 0, lit.Length) == 0)
                    {
                        return (state.EndOfLine(p + lit.Length) - p, lit.Length);
                    }
                }

                return (-1, 0);
            }

            case DiskPatternKind.UnknownPrefix:
            {
                if (!IsLower(s[p]))
                {
                    return (-1, 0);
                }

                int q = p + 1;
                while (q < n && IsLowerOrDigit(s[q]))
                {
                    q++;
                }

                if (q >= n || s[q] != ':')
                {
                    return (-1, 0);
                }

                int consumed = q + 1 - p;
                if (q + 1 < n && !IsLowerOrDigit(s[q + 1]))
                {
                    return (state.EndOfLine(q + 2) - p, consumed);
                }

                return (consumed, consumed);
            }

            case DiskPatternKind.Positional:
            {
                int q = state.NextEqualsOrComma(p);
                if (q < n && s[q] == ',')
                {
                    return (q + 1 - p, q + 1 - p);
                }

                return q > p ? (q - p, q - p) : (-1, 0);
            }

            default:
            {
                // '.' (any character but newline) switches to LEXERR, whose '.*' takes the rest of the line.
                if (s[p] == '\n')
                {
                    return (-1, 0);
                }

                int end = state.EndOfLine(p + 1);
                return (1, end - p);
            }
        }
    }
}
