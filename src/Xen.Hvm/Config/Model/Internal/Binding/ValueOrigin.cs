using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Specs;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// Where a value (or an item of a list value) is in the file: its location, and a map from the value's text to the
/// file for spec parsers. The syntax is used only when it still spells the value (a literal string, a number, a list
/// of them); otherwise everything maps to the whole location.
/// </summary>
/// <remarks>
/// A value in the file is held as its row of the syntax tree, not as a node view: binding makes no views, and the
/// location (line and column) is worked out only when a diagnostic or a caller asks for it. The two kinds are two
/// classes, so that an origin in the tree (nearly all of them) does not also carry an unused location.
/// </remarks>
internal abstract class ValueOrigin
{
    /// <summary>Gets the location: the value's span (the start of the file for <see cref="FileStart"/>), with its line positions.</summary>
    public abstract SourceLocation Location { get; }

    /// <summary>An origin whose value is spelt by <paramref name="syntax"/> (or, with <paramref name="items"/>, a list whose items are those nodes).</summary>
    public static ValueOrigin For(ValueSyntax syntax, IReadOnlyList<ValueSyntax>? items = null) =>
        new InTree(syntax.SyntaxTree, syntax.Row, items?.Select(static i => i.Row).ToArray());

    /// <summary>An origin whose value is spelt by row <paramref name="row"/> of <paramref name="tree"/>.</summary>
    public static ValueOrigin For(ConfigSyntaxTree tree, int row) => new InTree(tree, row, null);

    /// <summary>An origin whose value is the value of setting row <paramref name="settingRow"/>, found when first needed.</summary>
    public static ValueOrigin ForSettingValue(ConfigSyntaxTree tree, int settingRow) => new InTree(tree, -2 - settingRow, null);

    /// <summary>The start of a file: where diagnostics about the whole config go.</summary>
    public static ValueOrigin FileStart(ConfigSyntaxTree tree) => new InTree(tree, -1, null);

    /// <summary>An origin known only by its location.</summary>
    public static ValueOrigin At(SourceLocation location) => new Fixed(location);

    /// <summary>The map for a spec string read from this value; <paramref name="text"/> is the text the parser reads.
    /// It is worked out when first asked for a location (a diagnostic), not for every item parsed.</summary>
    public abstract SpecSourceMap MapFor(string text);

    /// <summary>The origin of item <paramref name="index"/> of a list value.</summary>
    public abstract ValueOrigin Item(int index);

    /// <summary>The map of <see cref="MapFor"/>, made now (a diagnostic asks for a location).</summary>
    protected abstract SpecSourceMap MapNow(string text);

    /// <summary>
    /// A value held as its row of the syntax tree (row -1: the start of the file; -2 - s encodes setting row s, whose
    /// value row is looked up on first use, which any thread may do: each writes the same answer).
    /// </summary>
    private sealed class InTree(ConfigSyntaxTree tree, int encodedRow, int[]? itemRows) : ValueOrigin
    {
        private int _row = encodedRow;
        private int[]? _itemRows = itemRows;

        private int Row
        {
            get
            {
                int r = Volatile.Read(ref _row);
                if (r < -1)
                {
                    r = tree.Data.SettingValue(-2 - r);
                    Volatile.Write(ref _row, r);
                }

                return r;
            }
        }

        public override SourceLocation Location => tree.GetLocation(Row < 0 ? new TextSpan(0, 0) : tree.Data.Span(Row));

        public override SpecSourceMap MapFor(string text) => new DeferredMap(this, text); // the row is read only when a diagnostic asks

        /// <summary>An item's origin finds its row when first asked: a list bound without a diagnostic reads no syntax.</summary>
        public override ValueOrigin Item(int index) => new LazyItem(this, index);

        /// <summary>The origin of item <paramref name="index"/>, found now.</summary>
        public ValueOrigin ItemNow(int index) =>
            Row >= 0 && ItemRows(tree.Data) is { } rows && index < rows.Length ? new InTree(tree, rows[index], null) : At(Location);

        protected override SpecSourceMap MapNow(string text)
        {
            if (Row >= 0)
            {
                SyntaxData data = tree.Data;
                int token = data.LeafToken(Row);
                switch (data.Kind(Row))
                {
                    case SyntaxKind.StringLiteral when string.Equals(tree.DecodeString(token), text, StringComparison.Ordinal):
                        return IsVerbatim(data, token, text)
                            ? SpecSourceMap.Shifted(tree.Path, tree.Lines, data.TokenStart(token) + 1, text.Length)
                            : SpecSourceMap.ForString((StringLiteralSyntax)tree.GetNode(Row, null));
                    case SyntaxKind.NumberLiteral when data.TokenText(token).SequenceEqual(text):
                        return SpecSourceMap.Shifted(tree.Path, tree.Lines, data.TokenStart(token), text.Length);
                }
            }

            return new FixedSourceMap(Location);
        }

        private int[]? ItemRows(SyntaxData data)
        {
            if (_itemRows is null && data.Kind(Row) == SyntaxKind.List)
            {
                var rows = new int[data.ChildCount(Row)];
                int i = 0;
                foreach (int child in data.Children(Row))
                {
                    rows[i++] = child;
                }

                _itemRows = rows; // a benign race makes the same table twice
            }

            return _itemRows;
        }

        /// <summary>Whether string token <paramref name="token"/>, whose value is <paramref name="text"/>, spells it
        /// verbatim between two single quote characters (no escape, prefix or triple quote): then value offset <c>i</c>
        /// is file offset start + 1 + i, and the end (the closing quote) start + 1 + length, as the decoder's table says.</summary>
        private static bool IsVerbatim(SyntaxData data, int token, string text)
        {
            ReadOnlySpan<char> raw = data.TokenText(token);
            return raw.Length == text.Length + 2 && raw[0] is '\'' or '"' && raw[^1] == raw[0]
                && (data.TokenFlags(token) & (TokenFlags.HasEscapes | TokenFlags.Unterminated)) == 0
                && raw[1..^1].SequenceEqual(text) && !raw.Contains('\\');
        }
    }

    /// <summary>Item <paramref name="index"/> of a list value in the tree, whose own origin is found when first asked
    /// (a benign race may find it twice).</summary>
    private sealed class LazyItem(InTree list, int index) : ValueOrigin
    {
        private ValueOrigin? _found;

        private ValueOrigin Found => _found ??= list.ItemNow(index);

        public override SourceLocation Location => Found.Location;

        public override SpecSourceMap MapFor(string text) => new DeferredMap(this, text);

        public override ValueOrigin Item(int index) => Found.Item(index);

        protected override SpecSourceMap MapNow(string text) => Found.MapNow(text);
    }

    /// <summary>A value known only by its location (computed, or joined from several settings).</summary>
    private sealed class Fixed(SourceLocation location) : ValueOrigin
    {
        public override SourceLocation Location => location;

        public override SpecSourceMap MapFor(string text) => new FixedSourceMap(location);

        public override ValueOrigin Item(int index) => this;

        protected override SpecSourceMap MapNow(string text) => MapFor(text);
    }

    /// <summary>The map of <see cref="MapFor"/>, made on its first use (a benign race may make it twice).</summary>
    private sealed class DeferredMap(ValueOrigin origin, string text) : SpecSourceMap
    {
        private SpecSourceMap? _map;

        public override SourceLocation Map(int start, int length) => (_map ??= origin.MapNow(text)).Map(start, length);
    }

    /// <summary>Maps every part of a value to one location (a value computed or joined from several settings).</summary>
    private sealed class FixedSourceMap(SourceLocation location) : SpecSourceMap
    {
        public override SourceLocation Map(int start, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            return location;
        }
    }
}
