namespace Xen.Hvm.Config.Syntax;

/// <summary>Classifies <see cref="SyntaxKind"/> values and tells what the xl grammar accepts.</summary>
public static class SyntaxFacts
{
    /// <summary>Returns whether the kind is a token (including the end-of-file token).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for token kinds.</returns>
    public static bool IsToken(SyntaxKind kind) => kind is > SyntaxKind.None and < SyntaxKind.WhitespaceTrivia;

    /// <summary>Returns whether the kind is trivia (whitespace, comments, unreadable text).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for trivia kinds.</returns>
    public static bool IsTrivia(SyntaxKind kind) => kind is >= SyntaxKind.WhitespaceTrivia and < SyntaxKind.ConfigFile;

    /// <summary>Returns whether the kind is a node.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for node kinds.</returns>
    public static bool IsNode(SyntaxKind kind) => kind >= SyntaxKind.ConfigFile;

    /// <summary>Returns whether a name is a valid xl key: ASCII <c>[a-z][._0-9a-z]*</c>, as libxlu's lexer requires.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when xl can read it as a key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static bool IsValidXlKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (char c in name.AsSpan(1))
        {
            if (!IsXlIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns whether a name can be assigned in an xm (Python 2) file: <c>[A-Za-z_][A-Za-z0-9_]*</c> and not a keyword.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when <c>name = value</c> is a valid Python statement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static bool IsValidXmName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name.AsSpan(1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return Internal.PyKeywords.KeywordOf(name) == Internal.PyKeyword.None;
    }

    /// <summary>Returns whether a word is a Python 2 keyword (<c>None</c>, <c>True</c> and <c>False</c> are not).</summary>
    /// <param name="word">The word.</param>
    /// <returns><see langword="true"/> for <c>if</c>, <c>def</c>, <c>print</c>...</returns>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is <see langword="null"/>.</exception>
    public static bool IsPythonKeyword(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Internal.PyKeywords.KeywordOf(word) != Internal.PyKeyword.None;
    }

    internal static bool IsXlIdentifierPart(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.';

    internal static bool IsXlNumberPart(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or 'x';
}
