using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>The value of a value written as a constant, without evaluating anything.</summary>
internal static class XmConstant
{
    public static bool TryFold(ValueSyntax node, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigValue? value)
    {
        ConfigDocument doc = node.Document;
        if (doc.Dialect != ConfigDialect.Xm)
        {
            value = node.ToValue();
            return true;
        }

        value = Fold(doc, node.Row, 0);
        return value is not null;
    }

    private static ConfigValue? Fold(ConfigDocument doc, int row, int depth)
    {
        SyntaxData data = doc.Data;
        NodeRow r = data.Rows[row];
        if (depth > PyParser.MaxStack)
        {
            return null;
        }

        switch (r.Kind)
        {
            case SyntaxKind.StringLiteral:
                return new ConfigString(doc.DecodeString(r.FirstToken));
            case SyntaxKind.ConcatenatedString:
                return new ConfigString(string.Concat(SyntaxNavigation.Children(data, row).Select(c => doc.DecodeString(data.Rows[c].FirstToken))));
            case SyntaxKind.NumberLiteral:
            {
                PyNumberValue n = PyNumber.Parse(data.TokenText(r.FirstToken));
                return !n.Valid || n.IsComplex || n.TooLong ? null
                    : n.IsFloat ? new ConfigFloat(n.Float)
                    : n.Integer >= long.MinValue && n.Integer <= long.MaxValue ? new ConfigInteger((long)n.Integer) : null;
            }

            case SyntaxKind.ParenthesizedExpression:
                return Fold(doc, row + 1, depth + 1);
            case SyntaxKind.UnaryExpression when data.Tokens[r.FirstToken].Kind is SyntaxKind.MinusToken or SyntaxKind.PlusToken:
            {
                bool negate = data.Tokens[r.FirstToken].Kind == SyntaxKind.MinusToken;
                return Fold(doc, row + 1, depth + 1) switch
                {
                    ConfigInteger i when i.Value != long.MinValue => new ConfigInteger(negate ? -i.Value : i.Value),
                    ConfigFloat f => new ConfigFloat(negate ? -f.Value : f.Value),
                    _ => null,
                };
            }

            case SyntaxKind.List:
            {
                var items = new List<ConfigValue>();
                foreach (int child in SyntaxNavigation.Children(data, row))
                {
                    ConfigValue? item = Fold(doc, child, depth + 1);
                    if (item is null)
                    {
                        return null;
                    }

                    items.Add(item);
                }

                return new ConfigList(items);
            }

            default:
                return null;
        }
    }
}
