using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// A node of a config syntax tree. Nodes are thin views over the parsed document, created on demand; the full text
/// of the root is always exactly the parsed input.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public abstract class SyntaxNode
{
    private protected SyntaxNode(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
    {
        SyntaxTree = tree;
        Row = row;
        Parent = parent;
    }

    /// <summary>Gets the syntax tree the node belongs to.</summary>
    public ConfigSyntaxTree SyntaxTree { get; }

    /// <summary>Gets the parent node, or <see langword="null"/> for the root.</summary>
    public SyntaxNode? Parent { get; }

    internal int Row { get; }

    private protected SyntaxData Data => SyntaxTree.Data;

    /// <summary>Gets the kind of the node.</summary>
    public SyntaxKind Kind => Data.Kind(Row);

    /// <summary>Gets the span of the node's tokens, without the leading trivia of its first token or the trailing trivia of its last.</summary>
    public TextSpan Span => Data.Span(Row);

    /// <summary>Gets the span of the node with all its trivia.</summary>
    public TextSpan FullSpan => Row == SyntaxData.Root
        ? new TextSpan(0, Data.Text.Length)
        : TextSpan.FromBounds(Data.FullStart(Data.FirstToken(Row)), Data.FullEnd(Data.LastToken(Row)));

    /// <summary>Gets the first token of the node.</summary>
    public SyntaxToken FirstToken => TokenAt(Data.FirstToken(Row));

    /// <summary>Gets the last token of the node.</summary>
    public SyntaxToken LastToken => TokenAt(Data.LastToken(Row));

    /// <summary>Returns the direct child nodes, in text order.</summary>
    /// <returns>The children.</returns>
    public IEnumerable<SyntaxNode> ChildNodes()
    {
        foreach (int child in Data.Children(Row))
        {
            yield return SyntaxTree.GetNode(child, this);
        }
    }

    /// <summary>Returns the view of a child row of this node.</summary>
    private protected T Child<T>(int row)
        where T : SyntaxNode => (T)SyntaxTree.GetNode(row, this);

    /// <summary>Returns the view of a child row of this node, or <see langword="null"/> for an empty slot (-1).</summary>
    private protected T? ChildOrNull<T>(int row)
        where T : SyntaxNode => row < 0 ? null : (T)SyntaxTree.GetNode(row, this);

    /// <summary>Returns the views of a range of child rows.</summary>
    private protected T[] Children<T>(SyntaxData.SiblingEnumerator rows)
        where T : SyntaxNode
    {
        var list = new List<T>();
        foreach (int row in rows)
        {
            list.Add(Child<T>(row));
        }

        return [.. list];
    }

    /// <summary>Returns the token at an index of the tree.</summary>
    private protected SyntaxToken TokenAt(int index) => new(SyntaxTree, index);

    /// <summary>Returns the significant tokens of this node that belong to no child node, in order.</summary>
    private protected IEnumerable<SyntaxToken> OwnTokens()
    {
        foreach (int token in Data.OwnTokens(Row))
        {
            yield return TokenAt(token);
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
        for (int i = Data.FirstToken(Row), last = Data.LastToken(Row); i <= last; i++)
        {
            if (!Data.IsTrivia(i))
            {
                yield return TokenAt(i);
            }
        }
    }

    /// <summary>Gets where the node is in its file.</summary>
    /// <returns>The location of <see cref="Span"/>.</returns>
    public SourceLocation GetLocation() => SyntaxTree.GetLocation(Span);

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
