using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Parsing;

/// <summary>Walks the preorder rows and the token array without creating node objects.</summary>
internal static class SyntaxNavigation
{
    /// <summary>The row indexes of the direct children of <paramref name="row"/>.</summary>
    public static IEnumerable<int> Children(SyntaxData data, int row)
    {
        int end = row + data.Rows[row].RowCount;
        for (int child = row + 1; child < end; child += data.Rows[child].RowCount)
        {
            yield return child;
        }
    }

    /// <summary>The row indexes of the statements of the file.</summary>
    public static IEnumerable<int> Statements(SyntaxData data) => Children(data, 0);

    /// <summary>The next significant (non-trivia) token after <paramref name="token"/>.</summary>
    public static int NextSignificant(SyntaxData data, int token)
    {
        int i = token + 1;
        while (i < data.TokenCount - 1 && data.Tokens[i].IsTrivia)
        {
            i++;
        }

        return i;
    }

    /// <summary>The next significant token after <paramref name="token"/> that is not a line break.</summary>
    public static int NextNonNewLine(SyntaxData data, int token)
    {
        int i = NextSignificant(data, token);
        while (data.Tokens[i].Kind == SyntaxKind.NewLineToken)
        {
            i = NextSignificant(data, i);
        }

        return i;
    }
}
