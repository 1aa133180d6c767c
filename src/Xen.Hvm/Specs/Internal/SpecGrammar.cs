using Sprache;

namespace Xen.Hvm.Specs.Internal;

/// <summary>A piece of a spec string and where it starts.</summary>
internal readonly record struct SpecToken(int Start, string Text)
{
    public int End => Start + Text.Length;

    public int Length => Text.Length;
}

/// <summary>A <c>KEY=VALUE</c> item (or a bare word when <see cref="HasEquals"/> is false), with positions.</summary>
internal readonly record struct SpecItem(SpecToken Whole, SpecToken Key, SpecToken Value, bool HasEquals);

/// <summary>
/// Sprache building blocks shared by the spec grammars: positioned tokens, separated items and <c>KEY=VALUE</c> pairs.
/// </summary>
internal static class SpecGrammar
{
    /// <summary>Wraps a text parser so that it also returns where its match starts.</summary>
    public static Parser<SpecToken> Positioned(this Parser<string> parser) => input =>
    {
        int start = input.Position;
        var r = parser(input);
        return r.WasSuccessful
            ? Result.Success(new SpecToken(start, r.Value), r.Remainder)
            : Result.Failure<SpecToken>(r.Remainder, r.Message, r.Expectations);
    };

    /// <summary>Characters other than <paramref name="separator"/>, possibly none.</summary>
    public static Parser<SpecToken> Field(char separator) => Parse.CharExcept(separator).Many().Text().Positioned();

    /// <summary>Fields separated by <paramref name="separator"/>, up to the end of the text (at least one field).</summary>
    public static Parser<IEnumerable<SpecToken>> Fields(char separator) =>
        Field(separator).DelimitedBy(Parse.Char(separator)).End();

    /// <summary>Splits a text into fields, keeping empty ones (Python's <c>str.split</c>).</summary>
    public static IReadOnlyList<SpecToken> Split(string text, char separator) =>
        Fields(separator).Parse(text).ToArray();

    /// <summary>Splits like C's <c>strtok</c>: empty fields vanish.</summary>
    public static IReadOnlyList<SpecToken> Tokenize(string text, char separator)
    {
        var result = new List<SpecToken>();
        foreach (var t in Split(text, separator))
        {
            if (t.Length > 0)
            {
                result.Add(t);
            }
        }

        return result;
    }

    private static readonly Parser<(SpecToken Key, SpecToken? Value)> s_keyValue =
        from key in Parse.CharExcept('=').Many().Text().Positioned()
        from value in (from eq in Parse.Char('=')
                       from rest in Parse.AnyChar.Many().Text().Positioned()
                       select (SpecToken?)rest).Optional()
        select (key, value.GetOrDefault());

    /// <summary>Reads a field as <c>KEY=VALUE</c> (split at the first <c>=</c>), positions relative to the whole spec.</summary>
    public static SpecItem KeyValue(SpecToken field)
    {
        var (key, value) = s_keyValue.Parse(field.Text);
        var k = new SpecToken(field.Start + key.Start, key.Text);
        return value is { } v
            ? new SpecItem(field, k, new SpecToken(field.Start + v.Start, v.Text), true)
            : new SpecItem(field, k, new SpecToken(field.End, string.Empty), false);
    }

    /// <summary>Drops leading characters matching <paramref name="skip"/> from a token.</summary>
    public static SpecToken TrimStart(SpecToken token, Func<char, bool> skip)
    {
        int i = 0;
        while (i < token.Length && skip(token.Text[i]))
        {
            i++;
        }

        return i == 0 ? token : new SpecToken(token.Start + i, token.Text[i..]);
    }

    /// <summary>Drops leading and trailing characters matching <paramref name="skip"/> from a token.</summary>
    public static SpecToken Trim(SpecToken token, Func<char, bool> skip)
    {
        token = TrimStart(token, skip);
        int e = token.Length;
        while (e > 0 && skip(token.Text[e - 1]))
        {
            e--;
        }

        return e == token.Length ? token : new SpecToken(token.Start, token.Text[..e]);
    }
}
