using System.Buffers;
using System.Text.RegularExpressions;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Parsing;

/// <summary>
/// The xm lexer: Python 2.7's tokenizer (<c>Parser/tokenizer.c</c>) turned lossless. Every character ends up in exactly
/// one token or trivia; indentation gives zero-width <see cref="SyntaxKind.IndentToken"/>/<see cref="SyntaxKind.DedentToken"/>
/// tokens; line breaks inside brackets are <see cref="SyntaxKind.NewLineToken"/>s flagged <see cref="TokenFlags.Joined"/>;
/// a backslash continuation is <see cref="SyntaxKind.LineContinuationTrivia"/>.
/// </summary>
internal static partial class PyLexer
{
    /// <summary>Python 2.7's tokenizer allows 100 indentation levels (<c>MAXINDENT</c>).</summary>
    public const int MaxIndent = 100;

    private const int TabSize = 8;

    private static readonly SearchValues<char> s_identifierPart =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>Lexes <paramref name="text"/>; the last token is a zero-width end-of-file token.</summary>
    public static ValueBuilder<Token> Lex(string text, DiagnosticBag diagnostics)
    {
        var tokens = SyntaxData.TokenBuilder(text.Length);
        Span<int> indents = stackalloc int[MaxIndent + 1];
        int depth = 0; // indents[0] == 0
        int level = 0; // bracket nesting
        int n = text.Length;
        int i = 0;
        bool atLineStart = true;
        bool nonAsciiAllowed = HasCodingDeclaration(text);
        bool nonAsciiReported = false;
        if (n > 0 && text[0] == '\uFEFF')
        {
            tokens.Add(new Token(SyntaxKind.WhitespaceTrivia, 0, 1)); // a UTF-8 signature: Python reads the file as UTF-8
            nonAsciiAllowed = true;
            i = 1;
        }

        while (i < n)
        {
            if (atLineStart && level == 0)
            {
                atLineStart = false;
                int col = 0;
                int j = i;
                while (j < n)
                {
                    char w = text[j];
                    if (w == ' ')
                    {
                        col++;
                    }
                    else if (w == '\t')
                    {
                        col = ((col / TabSize) + 1) * TabSize;
                    }
                    else if (w == '\f')
                    {
                        col = 0;
                    }
                    else
                    {
                        break;
                    }

                    j++;
                }

                if (j > i)
                {
                    tokens.Add(new Token(SyntaxKind.WhitespaceTrivia, i, j - i));
                    i = j;
                }

                if (i >= n)
                {
                    break;
                }

                char first = text[i];
                bool blank = first is '#' or '\n' or '\r' || (first == '\\' && IsLineBreakAt(text, i + 1));
                if (!blank)
                {
                    if (col > indents[depth])
                    {
                        if (depth == MaxIndent)
                        {
                            diagnostics.Add(DiagnosticDescriptors.XmInvalidIndentation, i, 0, "too many levels of indentation (Python 2 allows 100)");
                        }
                        else
                        {
                            indents[++depth] = col;
                            tokens.Add(new Token(SyntaxKind.IndentToken, i, 0));
                        }
                    }
                    else if (col < indents[depth])
                    {
                        while (depth > 0 && col < indents[depth])
                        {
                            depth--;
                            tokens.Add(new Token(SyntaxKind.DedentToken, i, 0));
                        }

                        if (col != indents[depth])
                        {
                            diagnostics.Add(DiagnosticDescriptors.XmInvalidIndentation, i, 0, "the unindent does not match any outer indentation level");
                        }
                    }
                }

                continue;
            }

            char c = text[i];
            int start = i;
            SyntaxKind kind;
            TokenFlags flags = TokenFlags.None;
            switch (c)
            {
                case ' ' or '\t' or '\f':
                    i++;
                    while (i < n && text[i] is ' ' or '\t' or '\f')
                    {
                        i++;
                    }

                    tokens.Add(new Token(SyntaxKind.WhitespaceTrivia, start, i - start));
                    continue;
                case '\n' or '\r':
                    i += LineBreakLength(text, i);
                    if (c == '\r')
                    {
                        diagnostics.Add(DiagnosticDescriptors.XmCarriageReturn, start, 1);
                    }

                    tokens.Add(new Token(SyntaxKind.NewLineToken, start, i - start, level > 0 ? TokenFlags.Joined : TokenFlags.None));
                    atLineStart = level == 0;
                    continue;
                case '#':
                {
                    int end = text.AsSpan(i).IndexOfAny('\n', '\r');
                    i = end < 0 ? n : i + end;
                    tokens.Add(new Token(SyntaxKind.CommentTrivia, start, i - start));
                    continue;
                }

                case '\\':
                    if (IsLineBreakAt(text, i + 1))
                    {
                        i += 1 + LineBreakLength(text, i + 1);
                        tokens.Add(new Token(SyntaxKind.LineContinuationTrivia, start, i - start));
                        continue;
                    }

                    i++;
                    tokens.Add(new Token(SyntaxKind.BadTextTrivia, start, 1));
                    diagnostics.Add(DiagnosticDescriptors.XmInvalidCharacter, start, 1, "\\ (a line continuation must end its line)");
                    continue;
                case '\'' or '"':
                    i = ScanString(text, i, i, diagnostics, out flags);
                    kind = SyntaxKind.StringToken;
                    break;
                case (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_':
                {
                    int run = text.AsSpan(i + 1).IndexOfAnyExcept(s_identifierPart);
                    i = run < 0 ? n : i + 1 + run;
                    if (i < n && text[i] is '\'' or '"' && IsStringPrefix(text.AsSpan(start, i - start)))
                    {
                        i = ScanString(text, start, i, diagnostics, out flags);
                        kind = SyntaxKind.StringToken;
                        break;
                    }

                    PyKeyword keyword = PyKeywords.KeywordOf(text.AsSpan(start, i - start));
                    if (keyword != PyKeyword.None)
                    {
                        kind = SyntaxKind.KeywordToken;
                        flags = (TokenFlags)keyword;
                    }
                    else
                    {
                        kind = SyntaxKind.IdentifierToken;
                    }

                    break;
                }

                case >= '0' and <= '9':
                    i = ScanNumber(text, i, diagnostics);
                    kind = SyntaxKind.NumberToken;
                    break;
                case '.' when i + 1 < n && char.IsAsciiDigit(text[i + 1]):
                    i = ScanNumber(text, i, diagnostics);
                    kind = SyntaxKind.NumberToken;
                    break;
                case '(' or '[' or '{':
                    i++;
                    level++;
                    kind = c == '(' ? SyntaxKind.OpenParenToken : c == '[' ? SyntaxKind.OpenBracketToken : SyntaxKind.OpenBraceToken;
                    break;
                case ')' or ']' or '}':
                    i++;
                    if (level > 0)
                    {
                        level--;
                    }

                    kind = c == ')' ? SyntaxKind.CloseParenToken : c == ']' ? SyntaxKind.CloseBracketToken : SyntaxKind.CloseBraceToken;
                    break;
                default:
                    kind = ScanOperator(text, ref i);
                    if (kind == SyntaxKind.None)
                    {
                        i = BadText(text, i, diagnostics, ref nonAsciiReported, nonAsciiAllowed);
                        tokens.Add(new Token(SyntaxKind.BadTextTrivia, start, i - start));
                        continue;
                    }

                    break;
            }

            if (kind == SyntaxKind.StringToken && (flags & TokenFlags.HasEscapes) != 0)
            {
                PyString.ValidateEscapes(text.AsSpan(start, i - start), start, (flags & TokenFlags.Unterminated) != 0, diagnostics);
            }

            if (!nonAsciiAllowed && !nonAsciiReported && kind is SyntaxKind.StringToken && !System.Text.Ascii.IsValid(text.AsSpan(start, i - start)))
            {
                ReportNonAscii(text, start, i, diagnostics);
                nonAsciiReported = true;
            }

            tokens.Add(new Token(kind, start, i - start, flags));
        }

        if (!nonAsciiAllowed && !nonAsciiReported)
        {
            // Python 2 rejects a non-ASCII byte anywhere, comments included, unless the file declares its encoding.
            for (int t = 0; t < tokens.Count; t++)
            {
                Token tok = tokens[t];
                if (tok.Kind == SyntaxKind.CommentTrivia && !System.Text.Ascii.IsValid(text.AsSpan(tok.Start, tok.Length)))
                {
                    ReportNonAscii(text, tok.Start, tok.End, diagnostics);
                    break;
                }
            }
        }

        while (depth > 0)
        {
            depth--;
            tokens.Add(new Token(SyntaxKind.DedentToken, n, 0));
        }

        tokens.Add(new Token(SyntaxKind.EndOfFileToken, n, 0));
        return tokens;
    }

    private static void ReportNonAscii(string text, int start, int end, DiagnosticBag diagnostics)
    {
        int k = start;
        while (k < end && text[k] < 0x80)
        {
            k++;
        }

        diagnostics.Add(DiagnosticDescriptors.XmNonAsciiWithoutEncoding, k, 1);
    }

    private static bool IsLineBreakAt(string text, int i) => i < text.Length && text[i] is '\n' or '\r';

    private static int LineBreakLength(string text, int i) =>
        text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;

    private static bool IsStringPrefix(ReadOnlySpan<char> p) => p.Length switch
    {
        1 => p[0] is 'r' or 'R' or 'u' or 'U' or 'b' or 'B',
        2 => p[0] is 'u' or 'U' or 'b' or 'B' && p[1] is 'r' or 'R',
        _ => false,
    };

    /// <summary>PEP 263: <c>coding[:=]\s*([-\w.]+)</c> in a comment on line 1 or 2.</summary>
    private static bool HasCodingDeclaration(string text)
    {
        int lineEnd = 0;
        for (int line = 0; line < 2 && lineEnd < text.Length; line++)
        {
            int start = lineEnd;
            int nl = text.AsSpan(start).IndexOf('\n');
            lineEnd = nl < 0 ? text.Length : start + nl + 1;
            ReadOnlySpan<char> l = text.AsSpan(start, lineEnd - start);
            int hash = l.IndexOf('#');
            if (hash >= 0 && l[..hash].Trim(" \t\f\uFEFF").IsEmpty && CodingRegex().IsMatch(l[hash..].ToString()))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"coding[:=]\s*[-\w.]+", RegexOptions.CultureInvariant)]
    private static partial Regex CodingRegex();

    /// <summary>Scans a string literal whose prefix starts at <paramref name="start"/> and quote is at <paramref name="quoteAt"/>.</summary>
    private static int ScanString(string text, int start, int quoteAt, DiagnosticBag diagnostics, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        int n = text.Length;
        char q = text[quoteAt];
        bool triple = quoteAt + 2 < n && text[quoteAt + 1] == q && text[quoteAt + 2] == q;
        int i = quoteAt + (triple ? 3 : 1);
        while (i < n)
        {
            char c = text[i];
            if (c == '\\')
            {
                flags |= TokenFlags.HasEscapes;
                i += i + 1 < n ? 1 + LineBreakLengthOrOne(text, i + 1) : 1;
                continue;
            }

            if (c == q)
            {
                if (!triple)
                {
                    return i + 1;
                }

                if (i + 2 < n && text[i + 1] == q && text[i + 2] == q)
                {
                    return i + 3;
                }
            }
            else if (!triple && c is '\n' or '\r')
            {
                break;
            }
            else if (c == '\0')
            {
                // Python 2's tokenizer reads lines as C strings: a NUL ends the line.
                diagnostics.Add(DiagnosticDescriptors.XmInvalidCharacter, i, 1, "NUL");
            }

            i++;
        }

        flags |= TokenFlags.Unterminated;
        diagnostics.Add(DiagnosticDescriptors.XmUnterminatedString, start, i - start, triple ? "triple-quoted string" : "string");
        return i;
    }

    private static int LineBreakLengthOrOne(string text, int i) => text[i] == '\r' ? LineBreakLength(text, i) : 1;

    private static int ScanNumber(string text, int i, DiagnosticBag diagnostics)
    {
        int start = i;
        int n = text.Length;
        bool valid = true;
        if (text[i] == '0' && i + 1 < n && text[i + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            char radix = char.ToLowerInvariant(text[i + 1]);
            i += 2;
            int digits = i;
            while (i < n && (radix == 'x' ? char.IsAsciiHexDigit(text[i]) : radix == 'o' ? text[i] is >= '0' and <= '7' : text[i] is '0' or '1'))
            {
                i++;
            }

            valid = i > digits;
            if (i < n && text[i] is 'l' or 'L')
            {
                i++;
            }
        }
        else
        {
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            bool isFloat = false;
            if (i < n && text[i] == '.')
            {
                isFloat = true;
                i++;
                while (i < n && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }

            if (i < n && text[i] is 'e' or 'E')
            {
                int k = i + 1;
                if (k < n && text[k] is '+' or '-')
                {
                    k++;
                }

                if (k < n && char.IsAsciiDigit(text[k]))
                {
                    isFloat = true;
                    i = k;
                    while (i < n && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }
            }

            if (i < n && text[i] is 'j' or 'J')
            {
                i++;
            }
            else if (!isFloat)
            {
                // A literal that starts with 0 is octal in Python 2: 0755; 089 is invalid.
                if (text[start] == '0' && text.AsSpan(start, i - start).IndexOfAny('8', '9') >= 0)
                {
                    valid = false;
                }

                if (i < n && text[i] is 'l' or 'L')
                {
                    i++;
                }
            }
        }

        // A number glued to a name (1abc) is a syntax error in Python.
        if (i < n && (s_identifierPart.Contains(text[i]) || text[i] == '.' && !text.AsSpan(start, i - start).ContainsAny('.', 'e', 'E')))
        {
            int run = text.AsSpan(i).IndexOfAnyExcept(s_identifierPart);
            i = run < 0 ? n : i + run;
            valid = false;
        }

        if (!valid)
        {
            diagnostics.Add(DiagnosticDescriptors.XmInvalidNumber, start, i - start, text.Substring(start, i - start));
        }

        return i;
    }

    private static SyntaxKind ScanOperator(string text, ref int i)
    {
        int n = text.Length;
        char c = text[i];
        char c1 = i + 1 < n ? text[i + 1] : '\0';
        char c2 = i + 2 < n ? text[i + 2] : '\0';
        (SyntaxKind kind, int length) = c switch
        {
            '+' => c1 == '=' ? (SyntaxKind.PlusEqualsToken, 2) : (SyntaxKind.PlusToken, 1),
            '-' => c1 == '=' ? (SyntaxKind.CompoundAssignmentToken, 2) : (SyntaxKind.MinusToken, 1),
            '*' => c1 == '*' ? (c2 == '=' ? (SyntaxKind.CompoundAssignmentToken, 3) : (SyntaxKind.AsteriskAsteriskToken, 2))
                : c1 == '=' ? (SyntaxKind.CompoundAssignmentToken, 2) : (SyntaxKind.AsteriskToken, 1),
            '/' => c1 == '/' ? (c2 == '=' ? (SyntaxKind.CompoundAssignmentToken, 3) : (SyntaxKind.SlashSlashToken, 2))
                : c1 == '=' ? (SyntaxKind.CompoundAssignmentToken, 2) : (SyntaxKind.SlashToken, 1),
            '%' => c1 == '=' ? (SyntaxKind.CompoundAssignmentToken, 2) : (SyntaxKind.PercentToken, 1),
            '&' => c1 == '=' ? (SyntaxKind.CompoundAssignmentToken, 2) : (SyntaxKind.AmpersandToken, 1),
            '|' => c1 == '=' ? (SyntaxKind.CompoundAssignmentToken, 2) : (SyntaxKind.BarToken, 1),
            '^' => c1 == '=' ? (SyntaxKind.CompoundAssignmentToken, 2) : (SyntaxKind.CaretToken, 1),
            '<' => c1 == '<' ? (c2 == '=' ? (SyntaxKind.CompoundAssignmentToken, 3) : (SyntaxKind.LessThanLessThanToken, 2))
                : c1 == '=' ? (SyntaxKind.LessThanEqualsToken, 2) : c1 == '>' ? (SyntaxKind.ExclamationEqualsToken, 2) : (SyntaxKind.LessThanToken, 1),
            '>' => c1 == '>' ? (c2 == '=' ? (SyntaxKind.CompoundAssignmentToken, 3) : (SyntaxKind.GreaterThanGreaterThanToken, 2))
                : c1 == '=' ? (SyntaxKind.GreaterThanEqualsToken, 2) : (SyntaxKind.GreaterThanToken, 1),
            '=' => c1 == '=' ? (SyntaxKind.EqualsEqualsToken, 2) : (SyntaxKind.EqualsToken, 1),
            '!' => c1 == '=' ? (SyntaxKind.ExclamationEqualsToken, 2) : (SyntaxKind.None, 0),
            '~' => (SyntaxKind.TildeToken, 1),
            ',' => (SyntaxKind.CommaToken, 1),
            ':' => (SyntaxKind.ColonToken, 1),
            ';' => (SyntaxKind.SemicolonToken, 1),
            '.' => (SyntaxKind.DotToken, 1),
            '`' => (SyntaxKind.BacktickToken, 1),
            '@' => (SyntaxKind.AtToken, 1),
            _ => (SyntaxKind.None, 0),
        };
        i += length;
        return kind;
    }

    private static int BadText(string text, int i, DiagnosticBag diagnostics, ref bool nonAsciiReported, bool nonAsciiAllowed)
    {
        int start = i;
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i += 2;
        }
        else
        {
            i++;
        }

        if (c >= 0x80 && !nonAsciiAllowed && !nonAsciiReported)
        {
            nonAsciiReported = true;
            diagnostics.Add(DiagnosticDescriptors.XmNonAsciiWithoutEncoding, start, i - start);
        }
        else
        {
            string shown = c switch
            {
                '\0' => "NUL",
                < ' ' or '\u007F' => "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                _ => text.Substring(start, i - start),
            };
            diagnostics.Add(DiagnosticDescriptors.XmInvalidCharacter, start, i - start, shown);
        }

        return i;
    }
}
