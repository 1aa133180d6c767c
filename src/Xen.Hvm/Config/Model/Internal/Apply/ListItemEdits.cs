using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Apply;

/// <summary>
/// Turns item steps (<see cref="ItemDiff"/>) into text edits inside the lists that spell a value, in the lists' own
/// layout: a replaced item gets new text where it stands; a deleted item on a line of its own goes with its line
/// (comment included), an inline one with its comma; new items go on lines of their own in a list written one item
/// per line, else inline after a comma. Every other byte stays.
/// </summary>
internal sealed class ListItemEdits
{
    private readonly string _text;
    private readonly LineMap _lines;
    private readonly string _newLine;
    private readonly List<(TextSpan Span, string Text)> _edits = [];

    private ListItemEdits(ConfigDocument document, string newLine)
    {
        _text = document.Text;
        _lines = document.Lines;
        _newLine = newLine;
    }

    /// <summary>An item of one of the lists.</summary>
    public readonly record struct Slot(ListSyntax List, int Index)
    {
        public ValueSyntax Item => List.Items[Index];
    }

    /// <summary>Every item of the lists, in order.</summary>
    public static List<Slot> Slots(IReadOnlyList<ListSyntax> lists) =>
        lists.SelectMany(static l => Enumerable.Range(0, l.Items.Count).Select(k => new Slot(l, k))).ToList();

    /// <summary>
    /// The text edits for <paramref name="ops"/>, ordered and non-overlapping; <see langword="null"/> when they would
    /// overlap (the caller rewrites the whole value instead).
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="newLine">The file's line break.</param>
    /// <param name="lists">The lists that spell the value.</param>
    /// <param name="slotOfOld">For each old typed item, its slot in <see cref="Slots"/>.</param>
    /// <param name="ops">The steps.</param>
    /// <param name="render">The text of new item <c>i</c>, replacing a value syntax (whose quotes it keeps) or not.</param>
    public static List<(TextSpan Span, string Text)>? Build(
        ConfigDocument document, string newLine, IReadOnlyList<ListSyntax> lists, IReadOnlyList<int> slotOfOld, IReadOnlyList<ItemOp> ops,
        Func<int, ValueSyntax?, string> render)
    {
        List<Slot> slots = Slots(lists);
        var edits = new ListItemEdits(document, newLine);
        foreach (ItemOp op in ops.Where(static o => o.Kind == ItemOpKind.Replace))
        {
            ValueSyntax item = slots[slotOfOld[op.Old]].Item;
            edits._edits.Add((item.Span, render(op.New, item)));
        }

        // Deleted items, in runs of neighbours of one list.
        var deleted = ops.Where(static o => o.Kind == ItemOpKind.Delete).Select(o => slots[slotOfOld[o.Old]]).ToList();
        for (int r = 0; r < deleted.Count;)
        {
            int end = r + 1;
            while (end < deleted.Count && ReferenceEquals(deleted[end].List, deleted[r].List) && deleted[end].Index == deleted[end - 1].Index + 1)
            {
                end++;
            }

            edits.DeleteRun(deleted[r].List, deleted[r].Index, deleted[end - 1].Index);
            r = end;
        }

        // New items, grouped by where they go.
        foreach (var group in ops.Where(static o => o.Kind == ItemOpKind.Insert).GroupBy(static o => o.Old))
        {
            (ListSyntax list, int before) = group.Key >= 0
                ? (slots[slotOfOld[group.Key]].List, slots[slotOfOld[group.Key]].Index + 1)
                : slotOfOld.Count > 0 ? (slots[slotOfOld[0]].List, slots[slotOfOld[0]].Index)
                : slots.Count > 0 ? (slots[0].List, 0)
                : (lists[^1], 0);
            edits.InsertAt(list, before, group.Select(o => render(o.New, null)).ToList());
        }

        var ordered = edits._edits.OrderBy(static e => e.Span.Start).ThenBy(static e => e.Span.Length).ToList();
        for (int i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Span.Start < ordered[i - 1].Span.End)
            {
                return null;
            }
        }

        return ordered;
    }

    private void DeleteRun(ListSyntax list, int a, int b)
    {
        IReadOnlyList<ValueSyntax> items = list.Items;
        TextSpan first = items[a].Span, last = items[b].Span;
        int close = list.CloseBracketToken.Span.Start;
        if (StartsLine(first.Start) && LineEndAfter(last.End) is { } lineEnd)
        {
            // Items on lines of their own: the lines go (a comma before them stays, as a trailing comma).
            _edits.Add((TextSpan.FromBounds(LineStart(first.Start), lineEnd), string.Empty));
        }
        else if (b + 1 < items.Count)
        {
            _edits.Add((TextSpan.FromBounds(first.Start, items[b + 1].Span.Start), string.Empty));
        }
        else if (a == 0 || StartsLine(first.Start))
        {
            _edits.Add((TextSpan.FromBounds(first.Start, close), string.Empty));
        }
        else
        {
            _edits.Add((TextSpan.FromBounds(items[a - 1].Span.End, last.End), string.Empty));
        }
    }

    private void InsertAt(ListSyntax list, int before, List<string> texts)
    {
        IReadOnlyList<ValueSyntax> items = list.Items;
        int n = items.Count;
        if (n == 0)
        {
            _edits.Add((new TextSpan(list.OpenBracketToken.Span.End, 0), string.Join(", ", texts)));
            return;
        }

        bool multiLine = n > 1
            ? Line(items[0].Span.Start) != Line(items[n - 1].Span.Start)
            : Line(list.OpenBracketToken.Span.Start) != Line(items[0].Span.Start);
        if (before < n)
        {
            int at = items[before].Span.Start;
            if (multiLine && StartsLine(at))
            {
                int lineStart = LineStart(at);
                string indent = _text[lineStart..at];
                _edits.Add((new TextSpan(lineStart, 0), string.Concat(texts.Select(t => indent + t + "," + _newLine))));
            }
            else
            {
                _edits.Add((new TextSpan(at, 0), string.Concat(texts.Select(static t => t + ", "))));
            }

            return;
        }

        TextSpan lastItem = items[n - 1].Span;
        int close = list.CloseBracketToken.Span.Start;
        int? comma = CommaAfter(lastItem.End, close);
        if (multiLine)
        {
            string indent = IndentBefore(lastItem.Start);
            if (StartsLine(close))
            {
                // Before the line of the closing bracket: the last item's line keeps its comment.
                if (comma is null)
                {
                    _edits.Add((new TextSpan(lastItem.End, 0), ","));
                }

                string lines = string.Concat(texts.Select((t, i) => indent + t + (comma is not null || i < texts.Count - 1 ? "," : string.Empty) + _newLine));
                _edits.Add((new TextSpan(LineStart(close), 0), lines));
            }
            else if (comma is { } c)
            {
                _edits.Add((new TextSpan(c + 1, 0), string.Concat(texts.Select(t => _newLine + indent + t + ","))));
            }
            else
            {
                _edits.Add((new TextSpan(lastItem.End, 0), string.Concat(texts.Select(t => "," + _newLine + indent + t))));
            }
        }
        else if (comma is { } c)
        {
            _edits.Add((new TextSpan(c + 1, 0), string.Concat(texts.Select(static t => " " + t + ","))));
        }
        else
        {
            _edits.Add((new TextSpan(lastItem.End, 0), string.Concat(texts.Select(static t => ", " + t))));
        }
    }

    private int Line(int offset) => _lines.GetPosition(offset).Line;

    private int LineStart(int offset) => _lines.GetLineStart(Line(offset));

    /// <summary>Whether only blanks come before <paramref name="offset"/> on its line.</summary>
    private bool StartsLine(int offset) => _text.AsSpan(LineStart(offset), offset - LineStart(offset)).IndexOfAnyExcept(' ', '\t') < 0;

    /// <summary>The offset after the line break that ends the line of an item ending at <paramref name="offset"/>, when only its comma, blanks and a comment follow it there.</summary>
    private int? LineEndAfter(int offset)
    {
        int p = SkipBlanks(offset);
        if (p < _text.Length && _text[p] == ',')
        {
            p = SkipBlanks(p + 1);
        }

        if (p < _text.Length && _text[p] == '#')
        {
            while (p < _text.Length && _text[p] is not ('\n' or '\r'))
            {
                p++;
            }
        }

        if (p + 1 < _text.Length && _text[p] == '\r' && _text[p + 1] == '\n')
        {
            return p + 2;
        }

        return p < _text.Length && _text[p] == '\n' ? p + 1 : null;
    }

    /// <summary>The offset of the comma after an item, before <paramref name="limit"/> (blanks, line breaks and comments skipped), or <see langword="null"/>.</summary>
    private int? CommaAfter(int offset, int limit)
    {
        for (int p = offset; p < limit; p++)
        {
            switch (_text[p])
            {
                case ',':
                    return p;
                case '#':
                    while (p < limit && _text[p] != '\n')
                    {
                        p++;
                    }

                    break;
                case ' ' or '\t' or '\r' or '\n' or '\\' or '\f':
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private int SkipBlanks(int p)
    {
        while (p < _text.Length && _text[p] is ' ' or '\t')
        {
            p++;
        }

        return p;
    }

    private string IndentBefore(int offset)
    {
        int lineStart = LineStart(offset);
        ReadOnlySpan<char> prefix = _text.AsSpan(lineStart, offset - lineStart);
        return prefix.IndexOfAnyExcept(' ', '\t') < 0 ? prefix.ToString() : new string(' ', offset - lineStart);
    }
}
