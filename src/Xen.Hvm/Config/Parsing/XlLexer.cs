using System.Buffers;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Parsing;

/// <summary>
/// The xl lexer: the rules of libxlu's <c>libxlu_cfg_l.l</c>, turned lossless. Every character of the input ends up in
/// exactly one token or trivia, in order; what flex's error state swallows becomes <see cref="SyntaxKind.BadTextTrivia"/>.
/// </summary>
internal static class XlLexer
{
    private static readonly SearchValues<char> s_stringStops = SearchValues.Create("\\\n'\"");
    private static readonly SearchValues<char> s_whitespaceOrNewLine = SearchValues.Create(" \t\n");
    private static readonly SearchValues<char> s_identifierPart = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789._");
    private static readonly SearchValues<char> s_numberPart = SearchValues.Create("0123456789abcdefx");
    private static readonly SearchValues<char> s_uppercaseKeyPart =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._");

    /// <summary>Lexes <paramref name="text"/>; the last token is a zero-width end-of-file token. The tokens are pooled:
    /// the caller returns them (<see cref="ValueBuilder{T}.Return"/>) once it has copied out what it keeps.</summary>
    /// <param name="text">The whole input.</param>
    /// <param name="diagnostics">Where lexical diagnostics go.</param>
    /// <param name="likelyPython">Set when flex would set <c>likely_python</c>.</param>
    /// <param name="hasPlusEquals">Set when the text has a <c>+=</c> token.</param>
    public static ValueBuilder<Token> Lex(ReadOnlySpan<char> text, DiagnosticBag diagnostics, out bool likelyPython, out bool hasPlusEquals) =>
        Lex(text, diagnostics, stopAtFirstError: false, out likelyPython, out hasPlusEquals, out _);

    /// <summary>
    /// Lexes <paramref name="text"/> as <see cref="Lex(ReadOnlySpan{char}, DiagnosticBag, out bool, out bool)"/> does;
    /// with <paramref name="stopAtFirstError"/>, stops after the token of its first error (<paramref name="truncated"/>
    /// is then set, and the end-of-file token stands where it stopped; <paramref name="likelyPython"/> and
    /// <paramref name="hasPlusEquals"/> then tell of the text lexed so far).
    /// </summary>
    public static ValueBuilder<Token> Lex(ReadOnlySpan<char> text, DiagnosticBag diagnostics, bool stopAtFirstError, out bool likelyPython, out bool hasPlusEquals, out bool truncated)
    {
        var tokens = SyntaxData.TokenBuilder(text.Length);
        likelyPython = false;
        hasPlusEquals = false;
        truncated = false;
        int errorsBefore = diagnostics.ErrorCount;
        SyntaxKind lastSignificant = SyntaxKind.NewLineToken;
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            if (stopAtFirstError && diagnostics.ErrorCount > errorsBefore)
            {
                truncated = true;
                break;
            }

            char c = text[i];
            int start = i;
            SyntaxKind kind;
            TokenFlags flags = TokenFlags.None;
            switch (c)
            {
                case ' ' or '\t':
                    i++;
                    while (i < n && text[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    tokens.Add(new Token(SyntaxKind.WhitespaceTrivia, start, i - start));
                    continue;
                case '\n':
                    i++;
                    kind = SyntaxKind.NewLineToken;
                    break;
                case '#':
                {
                    int nl = text[i..].IndexOf('\n');
                    if (nl >= 0)
                    {
                        i += nl;
                        tokens.Add(new Token(SyntaxKind.CommentTrivia, start, i - start));
                        continue;
                    }

                    // flex's comment rule needs the '\n': at the end of the file '#' starts its error state instead.
                    i = n;
                    tokens.Add(new Token(SyntaxKind.CommentTrivia, start, i - start));
                    if (n - start == 1)
                    {
                        diagnostics.Add(DiagnosticDescriptors.IgnoredTrailingCharacter, start, 1, "#");
                    }
                    else
                    {
                        diagnostics.Add(DiagnosticDescriptors.CommentWithoutNewLine, start, n - start);
                    }

                    continue;
                }

                case ',': i++; kind = SyntaxKind.CommaToken; break;
                case '[': i++; kind = SyntaxKind.OpenBracketToken; break;
                case ']': i++; kind = SyntaxKind.CloseBracketToken; break;
                case '=': i++; kind = SyntaxKind.EqualsToken; break;
                case ';': i++; kind = SyntaxKind.SemicolonToken; break;
                case '+' when i + 1 < n && text[i + 1] == '=':
                    i += 2;
                    kind = SyntaxKind.PlusEqualsToken;
                    hasPlusEquals = true;
                    break;
                case >= 'a' and <= 'z':
                {
                    int run = text[(i + 1)..].IndexOfAnyExcept(s_identifierPart);
                    i = run < 0 ? n : i + 1 + run;
                    kind = SyntaxKind.IdentifierToken;
                    break;
                }

                case >= '0' and <= '9':
                {
                    int run = text[(i + 1)..].IndexOfAnyExcept(s_numberPart);
                    i = run < 0 ? n : i + 1 + run;
                    kind = SyntaxKind.NumberToken;
                    break;
                }

                case '\'' or '"':
                {
                    int end = ScanString(text, i, c, out bool hasEscapes);
                    if (end < 0)
                    {
                        i = LexBadText(text, i, ref tokens, diagnostics, lastSignificant, ref likelyPython);
                        continue;
                    }

                    i = end;
                    kind = SyntaxKind.StringToken;
                    ReadOnlySpan<char> raw = text[start..end];
                    if (raw.Contains('\0'))
                    {
                        diagnostics.Add(DiagnosticDescriptors.NulInString, start + raw.IndexOf('\0'), 1);
                    }

                    if (hasEscapes)
                    {
                        flags = TokenFlags.HasEscapes;
                        if (!XlString.ValidateEscapes(raw, start, diagnostics))
                        {
                            flags |= TokenFlags.InvalidEscapes;
                        }
                    }

                    break;
                }

                default:
                    i = LexBadText(text, i, ref tokens, diagnostics, lastSignificant, ref likelyPython);
                    continue;
            }

            tokens.Add(new Token(kind, start, i - start, flags));
            lastSignificant = kind;
        }

        tokens.Add(new Token(SyntaxKind.EndOfFileToken, truncated ? i : n, 0));
        return tokens;
    }

    /// <summary>Returns the end of the string starting at <paramref name="start"/>, or -1 when flex's string rule does not match.</summary>
    private static int ScanString(ReadOnlySpan<char> text, int start, char quote, out bool hasEscapes)
    {
        hasEscapes = false;
        int i = start + 1;
        while (true)
        {
            int k = text[i..].IndexOfAny(s_stringStops);
            if (k < 0)
            {
                return -1;
            }

            i += k;
            char c = text[i];
            if (c == quote)
            {
                return i + 1;
            }

            if (c == '\n')
            {
                return -1;
            }

            if (c == '\\')
            {
                // "\\." : a backslash escapes any character but a newline.
                if (i + 1 >= text.Length || text[i + 1] == '\n')
                {
                    return -1;
                }

                hasEscapes = true;
                i += 2;
                continue;
            }

            i++; // the other quote character
        }
    }

    /// <summary>
    /// flex's error state: the bad character plus the following run of non-blank characters. At the very end of the
    /// input flex reports nothing (its end-of-file rule wins), so xl ignores a stray last character.
    /// </summary>
    private static int LexBadText(ReadOnlySpan<char> text, int start, ref ValueBuilder<Token> tokens, DiagnosticBag diagnostics, SyntaxKind lastSignificant, ref bool likelyPython)
    {
        char c = text[start];
        int end;
        if (start + 1 >= text.Length)
        {
            end = text.Length;
        }
        else
        {
            int run = text[(start + 1)..].IndexOfAny(s_whitespaceOrNewLine);
            end = run < 0 ? text.Length : start + 1 + run;
        }

        if (c is '+' or '-' or '.' or '(' or ')' or ':')
        {
            likelyPython = true;
        }

        tokens.Add(new Token(SyntaxKind.BadTextTrivia, start, end - start));
        ReadOnlySpan<char> bad = text[start..end];
        if (end - start == 1 && end == text.Length)
        {
            diagnostics.Add(DiagnosticDescriptors.IgnoredTrailingCharacter, start, 1, bad.ToString());
            return end;
        }

        // Is the bad text glued to the token before it (12.5, 0x1F, vcpuS)?
        bool glued = tokens.Count >= 2 && tokens[tokens.Count - 2].End == start;
        Token previous = glued ? tokens[tokens.Count - 2] : default;
        bool afterNumber = glued && previous.Kind == SyntaxKind.NumberToken;
        bool afterIdentifier = glued && previous.Kind == SyntaxKind.IdentifierToken;
        bool valuePosition = lastSignificant is SyntaxKind.EqualsToken or SyntaxKind.PlusEqualsToken or SyntaxKind.OpenBracketToken or SyntaxKind.CommaToken;
        switch (c)
        {
            case '\r':
                diagnostics.Add(DiagnosticDescriptors.CarriageReturn, start, 1);
                break;
            case '\uFEFF':
                diagnostics.Add(DiagnosticDescriptors.ByteOrderMark, start, 1);
                break;
            case '\'' or '"':
                diagnostics.Add(DiagnosticDescriptors.UnterminatedString, start, end - start, c.ToString());
                break;
            case '-' when start + 1 < text.Length && char.IsAsciiDigit(text[start + 1]):
                diagnostics.Add(DiagnosticDescriptors.BareSignedOrFractionalNumber, start, end - start, bad.ToString());
                break;
            case '.' when afterNumber:
            {
                string number = text[previous.Start..end].ToString();
                diagnostics.Add(DiagnosticDescriptors.BareSignedOrFractionalNumber, previous.Start, end - previous.Start, number);
                break;
            }

            case (>= 'A' and <= 'F') or 'X' when afterNumber:
            {
                string number = text[previous.Start..end].ToString();
                diagnostics.Add(DiagnosticDescriptors.UppercaseHexDigit, previous.Start, end - previous.Start, number, number.ToLowerInvariant());
                break;
            }

            case (>= 'A' and <= 'Z') or '_' when !valuePosition && !afterNumber:
            {
                int wordStart = afterIdentifier ? previous.Start : start;
                int k = text[(start + 1)..end].IndexOfAnyExcept(s_uppercaseKeyPart);
                int wordEnd = k < 0 ? end : start + 1 + k;
                string word = text[wordStart..wordEnd].ToString();
                diagnostics.Add(DiagnosticDescriptors.UppercaseKey, wordStart, wordEnd - wordStart, word, word.ToLowerInvariant().TrimStart('_'));
                break;
            }

            case '+' or '-' or '.' or '(' or ')' or ':':
                diagnostics.Add(DiagnosticDescriptors.PythonSyntaxInXl, start, end - start, bad.ToString());
                break;
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidCharacter, start, end - start, bad.ToString());
                break;
        }

        return end;
    }

}
