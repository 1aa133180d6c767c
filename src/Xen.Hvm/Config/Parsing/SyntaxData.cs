using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Parsing;

/// <summary>The parsed form of one text: the text, its tokens (trivia included) and its node rows in preorder.</summary>
internal sealed class SyntaxData
{
    public SyntaxData(string text, Token[] tokens, int tokenCount, NodeRow[] rows, int rowCount)
    {
        Text = text;
        Tokens = tokens;
        TokenCount = tokenCount;
        Rows = rows;
        RowCount = rowCount;
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public int TokenCount { get; }

    public NodeRow[] Rows { get; }

    public int RowCount { get; }

    public ReadOnlySpan<char> TokenText(int index)
    {
        Token t = Tokens[index];
        return Text.AsSpan(t.Start, t.Length);
    }

    /// <summary>The first trivia index of the leading trivia of significant token <paramref name="index"/>.</summary>
    public int LeadingTriviaStart(int index)
    {
        int s = index;
        while (s > 0 && Tokens[s - 1].IsTrivia)
        {
            s--;
        }

        // Trivia after a token on the same line trail that token; only a line start (or the file start) gives leading trivia.
        return s == 0 || Tokens[s - 1].Kind == SyntaxKind.NewLineToken ? s : index;
    }

    /// <summary>One past the last trivia index of the trailing trivia of significant token <paramref name="index"/>.</summary>
    public int TrailingTriviaEnd(int index)
    {
        if (Tokens[index].Kind is SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken)
        {
            return index + 1;
        }

        int e = index + 1;
        while (e < TokenCount && Tokens[e].IsTrivia)
        {
            e++;
        }

        return e;
    }

    public int FullStart(int firstToken) => Tokens[LeadingTriviaStart(firstToken)].Start;

    public int FullEnd(int lastToken)
    {
        int e = TrailingTriviaEnd(lastToken);
        return Tokens[e - 1].End;
    }
}
