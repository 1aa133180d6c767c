using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// A node of a config syntax tree. Nodes are thin views over the parsed document, created on demand; the full text
/// of the root is always exactly the parsed input.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public abstract class SyntaxNode
{
    private protected SyntaxNode(ConfigDocument document, int row, SyntaxNode? parent)
    {
        Document = document;
        Row = row;
        Parent = parent;
    }

    /// <summary>Gets the document the node belongs to.</summary>
    public ConfigDocument Document { get; }

    /// <summary>Gets the parent node, or <see langword="null"/> for the root.</summary>
    public SyntaxNode? Parent { get; }

    internal int Row { get; }

    private protected SyntaxData Data => Document.Data;

    private protected NodeRow NodeRow => Data.Rows[Row];

    /// <summary>Gets the kind of the node.</summary>
    public SyntaxKind Kind => NodeRow.Kind;

    /// <summary>Gets the span of the node's tokens, without the leading trivia of its first token or the trailing trivia of its last.</summary>
    public TextSpan Span
    {
        get
        {
            NodeRow r = NodeRow;
            return TextSpan.FromBounds(Data.Tokens[r.FirstToken].Start, Data.Tokens[r.LastToken].End);
        }
    }

    /// <summary>Gets the span of the node with all its trivia.</summary>
    public TextSpan FullSpan
    {
        get
        {
            NodeRow r = NodeRow;
            if (r.Kind == SyntaxKind.ConfigFile)
            {
                return new TextSpan(0, Data.Text.Length);
            }

            return TextSpan.FromBounds(Data.FullStart(r.FirstToken), Data.FullEnd(r.LastToken));
        }
    }

    /// <summary>Gets the first token of the node.</summary>
    public SyntaxToken FirstToken => new(Document, NodeRow.FirstToken);

    /// <summary>Gets the last token of the node.</summary>
    public SyntaxToken LastToken => new(Document, NodeRow.LastToken);

    /// <summary>Returns the direct child nodes, in text order.</summary>
    /// <returns>The children.</returns>
    public IEnumerable<SyntaxNode> ChildNodes()
    {
        foreach (int child in SyntaxNavigation.Children(Data, Row))
        {
            yield return Document.GetNode(child, this);
        }
    }

    /// <summary>Returns the direct child at a position, or <see langword="null"/> when there are fewer children.</summary>
    private protected SyntaxNode? ChildAt(int index)
    {
        foreach (int child in SyntaxNavigation.Children(Data, Row))
        {
            if (index-- == 0)
            {
                return Document.GetNode(child, this);
            }
        }

        return null;
    }

    /// <summary>Returns the significant token right after <paramref name="node"/> (an operator, a comma, a colon).</summary>
    private protected SyntaxToken TokenAfter(SyntaxNode node) => new(Document, SyntaxNavigation.NextSignificant(Data, node.NodeRow.LastToken));

    /// <summary>Returns the significant tokens of this node that belong to no child node, in order.</summary>
    private protected IEnumerable<SyntaxToken> OwnTokens()
    {
        NodeRow r = NodeRow;
        int token = r.FirstToken;
        foreach (int child in SyntaxNavigation.Children(Data, Row))
        {
            NodeRow c = Data.Rows[child];
            for (; token < c.FirstToken; token++)
            {
                if (!Data.Tokens[token].IsTrivia)
                {
                    yield return new SyntaxToken(Document, token);
                }
            }

            token = c.LastToken + 1;
        }

        for (; token <= r.LastToken; token++)
        {
            if (!Data.Tokens[token].IsTrivia)
            {
                yield return new SyntaxToken(Document, token);
            }
        }
    }

    /// <summary>Returns every node below this one, in preorder.</summary>
    /// <returns>The descendants.</returns>
    public IEnumerable<SyntaxNode> DescendantNodes()
    {
        var stack = new Stack<IEnumerator<SyntaxNode>>();
        stack.Push(ChildNodes().GetEnumerator());
        while (stack.Count > 0)
        {
            IEnumerator<SyntaxNode> e = stack.Peek();
            if (!e.MoveNext())
            {
                e.Dispose();
                stack.Pop();
                continue;
            }

            yield return e.Current;
            stack.Push(e.Current.ChildNodes().GetEnumerator());
        }
    }

    /// <summary>Returns the tokens of the node (not trivia), in text order.</summary>
    /// <returns>The tokens.</returns>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        NodeRow r = NodeRow;
        for (int i = r.FirstToken; i <= r.LastToken; i++)
        {
            if (!Data.Tokens[i].IsTrivia)
            {
                yield return new SyntaxToken(Document, i);
            }
        }
    }

    /// <summary>Gets where the node is in its file.</summary>
    /// <returns>The location of <see cref="Span"/>.</returns>
    public SourceLocation GetLocation() => Document.GetLocation(Span);

    /// <summary>Returns the node's text with all its trivia.</summary>
    /// <returns>The full text; for the root, the whole input.</returns>
    public string ToFullString()
    {
        TextSpan s = FullSpan;
        return Data.Text.Substring(s.Start, s.Length);
    }

    /// <summary>Returns the node's text without its outer trivia.</summary>
    /// <returns>The text of <see cref="Span"/>.</returns>
    public override string ToString()
    {
        TextSpan s = Span;
        return Data.Text.Substring(s.Start, s.Length);
    }
}
