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
/// location (line and column) is worked out only when a diagnostic or a caller asks for it.
/// </remarks>
internal sealed class ValueOrigin
{
    private readonly SourceLocation _location;
    private readonly ConfigSyntaxTree? _tree;
    private readonly int _row;
    private int[]? _itemRows;

    private ValueOrigin(SourceLocation location, ConfigSyntaxTree? tree, int row, int[]? itemRows)
    {
        _location = location;
        _tree = tree;
        _row = row;
        _itemRows = itemRows;
    }

    /// <summary>Gets the location: the value's span (the start of the file for <see cref="FileStart"/>), with its line positions.</summary>
    public SourceLocation Location => _tree is null ? _location : _tree.GetLocation(_row < 0 ? new TextSpan(0, 0) : _tree.Data.Span(_row));

    /// <summary>An origin whose value is spelt by <paramref name="syntax"/> (or, with <paramref name="items"/>, a list whose items are those nodes).</summary>
    public static ValueOrigin For(ValueSyntax syntax, IReadOnlyList<ValueSyntax>? items = null) =>
        new(default, syntax.SyntaxTree, syntax.Row, items?.Select(static i => i.Row).ToArray());

    /// <summary>An origin whose value is spelt by row <paramref name="row"/> of <paramref name="tree"/>.</summary>
    public static ValueOrigin For(ConfigSyntaxTree tree, int row) => new(default, tree, row, null);

    /// <summary>The start of a file: where diagnostics about the whole config go.</summary>
    public static ValueOrigin FileStart(ConfigSyntaxTree tree) => new(default, tree, -1, null);

    /// <summary>An origin known only by its location.</summary>
    public static ValueOrigin At(SourceLocation location) => new(location, null, -1, null);

    /// <summary>The map for a spec string read from this value; <paramref name="text"/> is the text the parser reads.
    /// It is worked out when first asked for a location (a diagnostic), not for every item parsed.</summary>
    public SpecSourceMap MapFor(string text) => _tree is not null && _row >= 0 ? new DeferredMap(this, text) : new FixedSourceMap(Location);

    private SpecSourceMap MapNow(string text)
    {
        if (_tree is { } tree && _row >= 0)
        {
            SyntaxData data = tree.Data;
            int token = data.LeafToken(_row);
            switch (data.Kind(_row))
            {
                case SyntaxKind.StringLiteral when string.Equals(tree.DecodeString(token), text, StringComparison.Ordinal):
                    return SpecSourceMap.ForString((StringLiteralSyntax)tree.GetNode(_row, null));
                case SyntaxKind.NumberLiteral when data.TokenText(token).SequenceEqual(text):
                    return Offsets(tree, data.TokenStart(token), text.Length);
            }
        }

        return new FixedSourceMap(Location);
    }

    /// <summary>The origin of item <paramref name="index"/> of a list value.</summary>
    public ValueOrigin Item(int index)
    {
        if (_tree is { } tree && _row >= 0 && ItemRows(tree.Data) is { } rows && index < rows.Length)
        {
            return For(tree, rows[index]);
        }

        return At(Location);
    }

    private int[]? ItemRows(SyntaxData data)
    {
        if (_itemRows is null && data.Kind(_row) == SyntaxKind.List)
        {
            var rows = new List<int>();
            foreach (int child in data.Children(_row))
            {
                rows.Add(child);
            }

            _itemRows = [.. rows]; // a benign race makes the same table twice
        }

        return _itemRows;
    }

    private static SpecSourceMap Offsets(ConfigSyntaxTree tree, int start, int length)
    {
        var offsets = new int[length + 1];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = start + i;
        }

        return SpecSourceMap.FromOffsets(tree.Path, tree.Lines, offsets);
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
