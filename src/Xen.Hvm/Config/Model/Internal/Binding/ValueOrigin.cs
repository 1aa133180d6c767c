using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Specs;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// Where a value (or an item of a list value) is in the file: its location, and a map from the value's text to the
/// file for spec parsers. The syntax is used only when it still spells the value (a literal string, a number, a list
/// of them); otherwise everything maps to the whole location.
/// </summary>
internal sealed class ValueOrigin
{
    private readonly SourceLocation _location;
    private readonly ValueSyntax? _syntax;
    private readonly IReadOnlyList<ValueSyntax>? _items;

    private ValueOrigin(SourceLocation location, ValueSyntax? syntax, IReadOnlyList<ValueSyntax>? items)
    {
        _location = location;
        _syntax = syntax;
        _items = items;
    }

    /// <summary>Gets the location: a syntax node's is worked out when asked for (most values are never reported).</summary>
    public SourceLocation Location => _syntax?.GetLocation() ?? _location;

    /// <summary>An origin whose value is spelt by <paramref name="syntax"/> (or, with <paramref name="items"/>, a list whose items are those nodes).</summary>
    public static ValueOrigin For(ValueSyntax syntax, IReadOnlyList<ValueSyntax>? items = null) => new(default, syntax, items);

    /// <summary>An origin known only by its location.</summary>
    public static ValueOrigin At(SourceLocation location) => new(location, null, null);

    /// <summary>The map for a spec string read from this value; <paramref name="text"/> is the text the parser reads.</summary>
    public SpecSourceMap MapFor(string text) => _syntax switch
    {
        StringLiteralSyntax s when string.Equals(s.Value, text, StringComparison.Ordinal) => SpecSourceMap.ForString(s),
        NumberLiteralSyntax n when string.Equals(n.Text, text, StringComparison.Ordinal) => Offsets(n),
        _ => new FixedSourceMap(Location),
    };

    /// <summary>The origin of item <paramref name="index"/> of a list value.</summary>
    public ValueOrigin Item(int index)
    {
        IReadOnlyList<ValueSyntax>? items = _items ?? (_syntax as ListSyntax)?.Items;
        return items is not null && index < items.Count ? For(items[index]) : At(Location);
    }

    private static SpecSourceMap Offsets(NumberLiteralSyntax n)
    {
        TextSpan span = n.Token.Span;
        var offsets = new int[span.Length + 1];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = span.Start + i;
        }

        return SpecSourceMap.FromOffsets(n.SyntaxTree.Path, n.SyntaxTree.Lines, offsets);
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
