using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Parsing;

/// <summary>Finds the first thing in an xm token stream that only Python has, for <see cref="ConfigDialect.Auto"/>.</summary>
internal static class PythonEvidence
{
    /// <summary>Returns the index of the first Python-only token or trivia, or -1.</summary>
    public static int Find(SyntaxData data)
    {
        for (int i = 0; i < data.TokenCount; i++)
        {
            switch (data.TokenKind(i))
            {
                case SyntaxKind.KeywordToken or SyntaxKind.IndentToken or SyntaxKind.LineContinuationTrivia:
                    return i;
                case >= SyntaxKind.OpenParenToken and <= SyntaxKind.AtToken:
                    return i;
                case SyntaxKind.StringToken:
                {
                    ReadOnlySpan<char> s = data.TokenText(i);
                    if (s[0] is not ('\'' or '"') || (s.Length >= 3 && s[1] == s[0] && s[2] == s[0]))
                    {
                        return i;
                    }

                    break;
                }

                case SyntaxKind.NumberToken:
                {
                    ReadOnlySpan<char> s = data.TokenText(i);
                    bool hex = s.Length > 1 && s[1] is 'x' or 'X';
                    if (s.ContainsAny('.', 'L', 'l') || s.ContainsAny('j', 'J') || (!hex && s.ContainsAny('e', 'E')))
                    {
                        return i;
                    }

                    break;
                }
            }
        }

        return -1;
    }

    /// <summary>Describes the evidence at <paramref name="index"/> in a few words.</summary>
    public static string Describe(SyntaxData data, int index)
    {
        string text = data.TokenText(index).ToString();
        return data.TokenKind(index) switch
        {
            SyntaxKind.KeywordToken => $"the keyword '{text}'",
            SyntaxKind.IndentToken => "an indented block",
            SyntaxKind.LineContinuationTrivia => "a backslash line continuation",
            SyntaxKind.StringToken => "a prefixed or triple-quoted string",
            SyntaxKind.NumberToken => $"the number '{text}'",
            _ => $"'{text}'",
        };
    }
}
