using Xen.Hvm.Config.Internal;

namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// Reads a value as it is written, without evaluating anything: for xl every value (strings decoded, numbers as their
/// text, lists), for xm the values written as constants (literals, joined strings, signed numbers, parentheses, lists
/// of constants). A computed xm value reads as <see langword="null"/>.
/// </summary>
internal static class LiteralReader
{
    /// <summary>The deepest constant expression folded; the xm parser rejects deeper nesting anyway.</summary>
    private const int MaxDepth = 1500;

    public static ConfigValue? Read(ConfigSyntaxTree tree, int node) =>
        tree.Dialect == ConfigDialect.Xm ? Fold(tree, node, 0) : ReadXl(tree, node);

    /// <summary>Reads an xl value without recursion (lists may nest 100,000 deep).</summary>
    private static ConfigValue ReadXl(ConfigSyntaxTree tree, int node)
    {
        SyntaxData data = tree.Data;
        if (data.Kind(node) != SyntaxKind.List)
        {
            return ReadXlAtom(tree, node);
        }

        // Fast path: a list of strings and numbers only (most disk/vif/pci lists).
        int count = 0;
        foreach (int child in data.Children(node))
        {
            count = data.Kind(child) == SyntaxKind.List ? -1 : count + 1;
            if (count < 0)
            {
                break;
            }
        }

        if (count >= 0)
        {
            var items = new ConfigValue[count];
            int k = 0;
            foreach (int child in data.Children(node))
            {
                items[k++] = ReadXlAtom(tree, child);
            }

            return new ConfigList(items, owned: true);
        }

        // Walk the list's subtree in preorder: a list opens a frame that closes at the end of its subtree.
        var stack = new Stack<(List<ConfigValue> Items, int End)>();
        stack.Push(([], data.End(node)));
        int i = data.Next(node);
        while (true)
        {
            while (i >= stack.Peek().End)
            {
                var frame = stack.Pop();
                var list = new ConfigList(frame.Items.ToArray(), owned: true);
                if (stack.Count == 0)
                {
                    return list;
                }

                stack.Peek().Items.Add(list);
            }

            if (data.Kind(i) == SyntaxKind.List)
            {
                stack.Push(([], data.End(i)));
            }
            else
            {
                stack.Peek().Items.Add(ReadXlAtom(tree, i));
            }

            i = data.Next(i);
        }
    }

    private static ConfigString ReadXlAtom(ConfigSyntaxTree tree, int node)
    {
        int token = tree.Data.LeafToken(node);
        return tree.Data.Kind(node) == SyntaxKind.StringLiteral
            ? new ConfigString(tree.DecodeString(token))
            : new ConfigString(tree.Data.TokenText(token).ToString());
    }

    private static ConfigValue? Fold(ConfigSyntaxTree tree, int node, int depth)
    {
        SyntaxData data = tree.Data;
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (data.Kind(node))
        {
            case SyntaxKind.StringLiteral:
                return new ConfigString(tree.DecodeString(data.LeafToken(node)));
            case SyntaxKind.ConcatenatedString:
            {
                var parts = new List<string>();
                foreach (int part in data.Children(node))
                {
                    parts.Add(tree.DecodeString(data.LeafToken(part)));
                }

                return new ConfigString(string.Concat(parts));
            }

            case SyntaxKind.NumberLiteral:
            {
                PyNumberValue n = PyNumber.Parse(data.TokenText(data.LeafToken(node)));
                return !n.Valid || n.IsComplex || n.TooLong ? null
                    : n.IsFloat ? new ConfigFloat(n.Float)
                    : n.Integer >= long.MinValue && n.Integer <= long.MaxValue ? new ConfigInteger((long)n.Integer) : null;
            }

            case SyntaxKind.ParenthesizedExpression:
                return Fold(tree, data.Operand(node), depth + 1);
            case SyntaxKind.UnaryExpression when data.TokenKind(data.FirstToken(node)) is SyntaxKind.MinusToken or SyntaxKind.PlusToken:
            {
                bool negate = data.TokenKind(data.FirstToken(node)) == SyntaxKind.MinusToken;
                return Fold(tree, data.Operand(node), depth + 1) switch
                {
                    ConfigInteger i when i.Value != long.MinValue => new ConfigInteger(negate ? -i.Value : i.Value),
                    ConfigFloat f => new ConfigFloat(negate ? -f.Value : f.Value),
                    _ => null,
                };
            }

            case SyntaxKind.List:
            {
                var items = new List<ConfigValue>();
                foreach (int child in data.Children(node))
                {
                    ConfigValue? item = Fold(tree, child, depth + 1);
                    if (item is null)
                    {
                        return null;
                    }

                    items.Add(item);
                }

                return new ConfigList(items.ToArray(), owned: true);
            }

            default:
                return null;
        }
    }
}
