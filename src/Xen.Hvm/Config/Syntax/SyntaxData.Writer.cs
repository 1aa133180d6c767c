using Xen.Hvm.Config.Internal;

namespace Xen.Hvm.Config.Syntax;

internal sealed partial class SyntaxData
{
    /// <summary>The longest text whose tokens are lexed into pooled scratch storage.</summary>
    public const int PooledTokensTextLength = 1024 * 1024;

    /// <summary>
    /// Returns the builder a lexer fills for a text of <paramref name="textLength"/> characters (configs have about
    /// one token per 6 to 12): pooled scratch storage that the tree copies out at its exact size, or for a long text
    /// an array of its own that the tree keeps as it is (no copy of many megabytes, no regrowth).
    /// </summary>
    public static ValueBuilder<Token> TokenBuilder(int textLength) => textLength <= PooledTokensTextLength
        ? ValueBuilder<Token>.Rent(Math.Max(16, textLength / 8))
        : new ValueBuilder<Token>(textLength / 6);

    /// <summary>
    /// Writes the rows of a tree in preorder, for the parsers: the only code that creates rows. A node is opened
    /// (a placeholder row that remembers its first token), its children are written after it, and it is closed with its
    /// kind and last token once they are known.
    /// </summary>
    /// <remarks>
    /// A parser that finds an operator only after its left operand (<c>a + b</c>, <c>f(x)</c>, <c>a, b</c>) wraps the
    /// rows already written: <see cref="Wrap"/> inserts the parent's row before the operand's rows and shifts them by
    /// one, so the rows stay in preorder. A whole chain of one precedence level is wrapped at once
    /// (<see cref="WrapChain"/>), so parsing <c>a + b + c + ...</c> moves the rows once, not once per operator.
    /// </remarks>
    internal sealed class Writer(int capacity)
    {
        // Scratch rows from the shared pool, of which the tree keeps an exact copy (see ToData); a large tree's rows
        // are its own array from the start, not copied.
        private ValueBuilder<Row> _rows = capacity <= PooledRows ? ValueBuilder<Row>.Rent(capacity) : new(capacity);

        /// <summary>The most rows a writer starts with from the pool.</summary>
        public const int PooledRows = 64 * 1024;

        /// <summary>
        /// Returns the rows to start with for <paramref name="tokenCount"/> tokens. Configs have one row per 2 to 3
        /// tokens (0.45 on the shared corpus, 0.32 on the generated files): pooled scratch storage is taken for one per 2,
        /// so that it never grows; a large tree's own array for 3 per 8, so that it is not a third empty (it grows, by
        /// doubling, for text denser in rows).
        /// </summary>
        public static int CapacityFor(int tokenCount) => Math.Max(8, tokenCount / 2 <= PooledRows ? tokenCount / 2 : (int)(tokenCount * 3L / 8));

        /// <summary>Gets the number of rows written: the index the next row gets.</summary>
        public int Count => _rows.Count;

        /// <summary>Opens a node that starts at <paramref name="firstToken"/>; returns its row, to close it later.</summary>
        public int Open(int firstToken)
        {
            int row = _rows.Count;
            _rows.Add(new Row(SyntaxKind.None, firstToken, firstToken, 0));
            return row;
        }

        /// <summary>Closes a node opened by <see cref="Open"/>: every row written since is in its subtree.</summary>
        public void Close(int node, SyntaxKind kind, int lastToken)
        {
            ref Row r = ref _rows[node];
            r = new Row(kind, r.FirstToken, Math.Max(r.FirstToken, lastToken), _rows.Count - node);
        }

        /// <summary>Writes a node without children.</summary>
        public void Leaf(SyntaxKind kind, int firstToken, int lastToken) => _rows.Add(new Row(kind, firstToken, lastToken, 1));

        /// <summary>Writes a node without children that is one token.</summary>
        public void Leaf(SyntaxKind kind, int token) => _rows.Add(new Row(kind, token, token, 1));

        /// <summary>Drops the rows from <paramref name="count"/> on (a statement that failed is written again as skipped text).</summary>
        public void Truncate(int count) => _rows.Truncate(count);

        /// <summary>Drops the children written so far of an open node.</summary>
        public void DropChildren(int node) => _rows.Truncate(node + 1);

        /// <summary>Makes the rows from <paramref name="first"/> on the children of a new node, inserted before them.</summary>
        public void Wrap(int first, SyntaxKind kind, int firstToken, int lastToken)
        {
            Insert(first, 1);
            _rows[first] = new Row(kind, firstToken, lastToken, _rows.Count - first);
        }

        /// <summary>Inserts a leaf as the first child of an open node (its other children move one row on).</summary>
        public void InsertFirstChild(int node, SyntaxKind kind, int token)
        {
            Insert(node + 1, 1);
            _rows[node + 1] = new Row(kind, token, token, 1);
        }

        /// <summary>
        /// Wraps a left-associative chain in one go: the rows from <paramref name="first"/> on hold the first operand and
        /// then, for each entry, the next operand; entry m becomes the node that ends at that entry's row and token,
        /// wrapping every node before it.
        /// </summary>
        public void WrapChain(int first, int firstToken, ReadOnlySpan<ChainEntry> entries)
        {
            int k = entries.Length;
            Insert(first, k);
            for (int m = 0; m < k; m++)
            {
                ChainEntry e = entries[m];
                int at = first + (k - 1 - m);
                _rows[at] = new Row(e.Kind, firstToken, e.LastToken, e.RowEnd + k - at);
            }
        }

        // ---- reading what is written, for the parsers' own checks (the same meaning as SyntaxData's accessors)

        public SyntaxKind Kind(int node) => _rows[node].Kind;

        public int FirstToken(int node) => _rows[node].FirstToken;

        public int LastToken(int node) => _rows[node].LastToken;

        public int End(int node) => node + _rows[node].SubtreeRows;

        public int Next(int node) => node + 1;

        /// <summary>The first child of an open node, or -1 when none is written yet.</summary>
        public int FirstChild(int node) => node + 1 < _rows.Count ? node + 1 : -1;

        /// <summary>The last child written so far of an open node, or -1.</summary>
        public int LastChild(int node)
        {
            int last = -1;
            for (int child = node + 1; child < _rows.Count; child = End(child))
            {
                last = child;
            }

            return last;
        }

        /// <summary>Whether an open node has exactly one child so far, a whole subtree (closed), of kind <paramref name="kind"/>.</summary>
        public bool HasOnlyChild(int node, SyntaxKind kind) =>
            FirstChild(node) is int child and >= 0 && _rows[child].Kind == kind && End(child) == _rows.Count;

        /// <summary>Builds the tree from the rows written and the lexed tokens (see <see cref="ValueBuilder{T}.Detach"/>:
        /// pooled ones are copied to their exact size); neither the writer nor the token builder can be used after.</summary>
        public SyntaxData ToData(string text, ref ValueBuilder<Token> tokens)
        {
            int tokenCount = tokens.Count;
            int rowCount = _rows.Count;
            return new SyntaxData(text, tokens.Detach(), tokenCount, _rows.Detach(), rowCount);
        }

        /// <summary>Gives the scratch rows back without building a tree (a parse given up).</summary>
        public void Discard() => _rows.Return();

        private void Insert(int at, int count)
        {
            int n = _rows.Count;
            for (int i = 0; i < count; i++)
            {
                _rows.Add(default);
            }

            Row[] raw = _rows.RawArray;
            Array.Copy(raw, at, raw, at + count, n - at);
        }
    }

    /// <summary>One operator of a chain to wrap: the row count when its right operand was written, its last token, its kind.</summary>
    internal readonly record struct ChainEntry(int RowEnd, int LastToken, SyntaxKind Kind);
}
