using System.Runtime.InteropServices;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// The parsed form of one text, in the way <c>JsonDocument</c>'s <c>MetadataDb</c> holds a JSON document: the text,
/// its tokens (trivia included) in one flat array, and its nodes as rows of a second flat array, in preorder.
/// </summary>
/// <remarks>
/// <para>This type is the only owner of the rows: they are private, written only by its <see cref="Writer"/> (which
/// the parsers use) and read only through its accessors. A row index is an opaque node identity for everyone else;
/// what the children of each kind mean is written down once, in <c>SyntaxData.Layout.cs</c>, with an accessor for
/// each slot. Code outside this type never computes a row from another (<c>row + 1</c>, child order).</para>
/// <para>Immutable once built; safe to share across threads.</para>
/// </remarks>
internal sealed partial class SyntaxData
{
    private readonly Token[] _tokens;
    private readonly Row[] _rows;

    private SyntaxData(string text, Token[] tokens, int tokenCount, Row[] rows, int rowCount)
    {
        Text = text;
        _tokens = tokens;
        TokenCount = tokenCount;
        _rows = rows;
        RowCount = rowCount;
    }

    /// <summary>Gets the parsed text; concatenating every token gives it back.</summary>
    public string Text { get; }

    /// <summary>Gets the number of tokens and trivia; the last one is the end-of-file token.</summary>
    public int TokenCount { get; }

    /// <summary>Gets the number of nodes; node 0 is the <see cref="SyntaxKind.ConfigFile"/> root.</summary>
    public int RowCount { get; }

    /// <summary>The root node: a <see cref="SyntaxKind.ConfigFile"/>.</summary>
    public const int Root = 0;

    // ---------------------------------------------------------------- tokens

    public SyntaxKind TokenKind(int token) => _tokens[token].Kind;

    public TokenFlags TokenFlags(int token) => _tokens[token].Flags;

    public int TokenStart(int token) => _tokens[token].Start;

    public int TokenEnd(int token) => _tokens[token].End;

    public int TokenLength(int token) => _tokens[token].Length;

    public bool IsTrivia(int token) => _tokens[token].IsTrivia;

    public ReadOnlySpan<char> TokenText(int token)
    {
        Token t = _tokens[token];
        return Text.AsSpan(t.Start, t.Length);
    }

    /// <summary>The next significant (non-trivia) token after <paramref name="token"/>, or the end-of-file token.</summary>
    public int NextSignificant(int token)
    {
        int i = token + 1;
        while (i < TokenCount - 1 && _tokens[i].IsTrivia)
        {
            i++;
        }

        return i;
    }

    /// <summary>The next significant token after <paramref name="token"/> that is not a line break.</summary>
    public int NextNonNewLine(int token)
    {
        int i = NextSignificant(token);
        while (_tokens[i].Kind == SyntaxKind.NewLineToken)
        {
            i = NextSignificant(i);
        }

        return i;
    }

    /// <summary>The first trivia index of the leading trivia of significant token <paramref name="token"/>.</summary>
    public int LeadingTriviaStart(int token)
    {
        int s = token;
        while (s > 0 && _tokens[s - 1].IsTrivia)
        {
            s--;
        }

        // Trivia after a token on the same line trail that token; only a line start (or the file start) gives leading trivia.
        return s == 0 || _tokens[s - 1].Kind == SyntaxKind.NewLineToken ? s : token;
    }

    /// <summary>One past the last trivia index of the trailing trivia of significant token <paramref name="token"/>.</summary>
    public int TrailingTriviaEnd(int token)
    {
        if (_tokens[token].Kind is SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken)
        {
            return token + 1;
        }

        int e = token + 1;
        while (e < TokenCount && _tokens[e].IsTrivia)
        {
            e++;
        }

        return e;
    }

    public int FullStart(int firstToken) => _tokens[LeadingTriviaStart(firstToken)].Start;

    public int FullEnd(int lastToken) => _tokens[TrailingTriviaEnd(lastToken) - 1].End;

    // ---------------------------------------------------------------- nodes: what every row has

    public SyntaxKind Kind(int node) => _rows[node].Kind;

    /// <summary>The span of a node's tokens, from its first token's start to its last token's end.</summary>
    public TextSpan Span(int node) => TextSpan.FromBounds(TokenStart(FirstToken(node)), TokenEnd(LastToken(node)));

    /// <summary>The first token of a node (for the root: token 0, which may be trivia).</summary>
    public int FirstToken(int node) => _rows[node].FirstToken;

    /// <summary>The last token of a node: a statement's terminator, a list's <c>]</c>...</summary>
    public int LastToken(int node) => _rows[node].LastToken;

    /// <summary>
    /// The node after <paramref name="node"/>'s whole subtree: the nodes of a subtree are the range
    /// [<paramref name="node"/>, <c>End(node)</c>) in preorder.
    /// </summary>
    public int End(int node) => node + _rows[node].SubtreeRows;

    /// <summary>
    /// The next node in preorder: the first child of <paramref name="node"/> when it has one, else the node after its
    /// subtree. With <see cref="End"/> this walks every node of a region without recursion.
    /// </summary>
    public int Next(int node) => node + 1;

    /// <summary>Returns whether <paramref name="node"/> has child nodes.</summary>
    public bool HasChildren(int node) => _rows[node].SubtreeRows > 1;

    /// <summary>The direct children of a node, in text order (a struct enumerable: no allocation).</summary>
    public ChildEnumerator Children(int node) => new(this, node);

    /// <summary>The number of direct children.</summary>
    public int ChildCount(int node)
    {
        int n = 0;
        foreach (int _ in Children(node))
        {
            n++;
        }

        return n;
    }

    /// <summary>The child at a position, or -1 when there are fewer children.</summary>
    public int ChildAt(int node, int index)
    {
        foreach (int child in Children(node))
        {
            if (index-- == 0)
            {
                return child;
            }
        }

        return -1;
    }

    /// <summary>The last child, or -1 when there is none.</summary>
    public int LastChild(int node)
    {
        int last = -1;
        foreach (int child in Children(node))
        {
            last = child;
        }

        return last;
    }

    /// <summary>The significant tokens of a node that belong to none of its children (operators, keywords, commas...), in order.</summary>
    public OwnTokenEnumerator OwnTokens(int node) => new(this, node);

    /// <summary>The span of a node's tokens without the trailing line break, <c>;</c>, indent or dedent of a statement.</summary>
    public (int Start, int Length) CoreSpan(int node)
    {
        Row r = _rows[node];
        int first = r.FirstToken;
        int last = r.LastToken;
        while (last > first && (_tokens[last].IsTrivia || _tokens[last].Kind is SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken or SyntaxKind.DedentToken or SyntaxKind.IndentToken))
        {
            last--;
        }

        while (first < last && _tokens[first].Kind is SyntaxKind.IndentToken)
        {
            first++;
        }

        int start = _tokens[first].Start;
        return (start, Math.Max(0, _tokens[last].End - start));
    }

    /// <summary>The children of a node, walked by skipping each child's subtree.</summary>
    public struct ChildEnumerator
    {
        private readonly SyntaxData _data;
        private readonly int _end;
        private int _current;
        private int _next;

        internal ChildEnumerator(SyntaxData data, int node)
        {
            _data = data;
            _end = data.End(node);
            _next = node + 1;
            _current = -1;
        }

        public readonly int Current => _current;

        public readonly ChildEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next >= _end)
            {
                return false;
            }

            _current = _next;
            _next = _data.End(_current);
            return true;
        }
    }

    /// <summary>The significant tokens of a node outside its children.</summary>
    public struct OwnTokenEnumerator
    {
        private readonly SyntaxData _data;
        private readonly int _last;
        private ChildEnumerator _children;
        private int _childFirst;
        private int _token;

        internal OwnTokenEnumerator(SyntaxData data, int node)
        {
            _data = data;
            _last = data.LastToken(node);
            _children = data.Children(node);
            _childFirst = _children.MoveNext() ? data.FirstToken(_children.Current) : int.MaxValue;
            _token = data.FirstToken(node) - 1;
        }

        public int Current { readonly get; private set; }

        public readonly OwnTokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (true)
            {
                _token++;
                if (_token == _childFirst)
                {
                    _token = _data.LastToken(_children.Current);
                    _childFirst = _children.MoveNext() ? _data.FirstToken(_children.Current) : int.MaxValue;
                    continue;
                }

                if (_token > _last)
                {
                    return false;
                }

                if (!_data.IsTrivia(_token))
                {
                    Current = _token;
                    return true;
                }
            }
        }
    }

    /// <summary>One node: its kind, its first and last tokens, and how many rows its subtree takes (itself included).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Row
    {
        public int FirstToken;
        public int LastToken;
        public int SubtreeRows;
        public SyntaxKind Kind;

        public Row(SyntaxKind kind, int firstToken, int lastToken, int subtreeRows)
        {
            Kind = kind;
            FirstToken = firstToken;
            LastToken = lastToken;
            SubtreeRows = subtreeRows;
        }
    }
}
