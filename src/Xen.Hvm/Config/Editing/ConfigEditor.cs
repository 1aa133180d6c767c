using System.Runtime.CompilerServices;
using System.Text;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Editing;

/// <summary>
/// The edit engine of <see cref="ConfigDocument"/>: an edit renders new text in the file's own style, splices it into
/// the old text, and parses the result again in the same dialect, so losslessness and correct spans hold by
/// construction. Every byte an edit does not touch stays as it was.
/// </summary>
/// <remarks>
/// Each edit also carries the notes (info diagnostics) of the edits before it: a note moves with its text and goes when
/// its text is edited again. A refusal (an edit that was not made) is never dropped: every document made from a
/// refused edit keeps it, so none of them can be saved as if the edit had happened.
/// </remarks>
internal sealed class ConfigEditor(ConfigSyntaxTree tree, IReadOnlyList<EditNote> notes)
{
    private SyntaxData Data => tree.Data;

    private ConfigDialect Dialect => tree.Dialect;

    private LineMap Lines => tree.Lines;

    private IEnumerable<SettingSyntax> GetSettings(string name) =>
        tree.Root.Statements.OfType<SettingSyntax>().Where(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>Sets the value of the last setting of <paramref name="name"/>, or adds a setting (see <see cref="ConfigDocument.WithValue(string, ConfigValue)"/>).</summary>
    public EditResult WithValue(string name, ConfigValue value)
    {
        CheckKey(name);
        CheckWritable(value);
        SettingSyntax? last = GetSettings(name).LastOrDefault();
        if (last is null || (Dialect == ConfigDialect.Xm && XmBindings.MayAssign(Data, Data.End(last.Row), Data.End(SyntaxData.Root), name)))
        {
            // xm: code after the last simple assignment may set the name again, so the new value goes last.
            return WithSettingInserted(name, value);
        }

        var style = EditStyle.Detect(tree);
        RenderedValue rendered = style.Render(value, last.Value);
        if (rendered.Unwritable is not null)
        {
            return RefuseUnwritable(style, name, rendered);
        }

        var edits = new List<(TextSpan Span, string Text)>(2);
        if (last.IsAppend)
        {
            edits.Add((last.OperatorToken.Span, "="));
        }

        edits.Add((last.Value.Span, rendered.Text));
        EditResult edited = Splice(edits);
        int start = last.Value.Span.Start + (last.IsAppend ? 1 - last.OperatorToken.Span.Length : 0);
        if (Dialect == ConfigDialect.Xm && !last.Value.IsConstant)
        {
            string expression = last.Value.ToString();
            edited.Notes.Add(new EditNote(DiagnosticDescriptors.XmComputedValueReplaced, start, rendered.Text.Length, [name, expression.Length > 60 ? expression[..57] + "..." : expression]));
        }

        NoteEscapes(edited, style, name, rendered, start);
        return edited;
    }

    /// <summary>Removes every setting of <paramref name="name"/>; <see langword="null"/> when there is none.</summary>
    public EditResult? WithoutSetting(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var spans = new List<TextSpan>();
        StatementSyntax? previous = null;
        foreach (StatementSyntax statement in tree.Root.Statements)
        {
            if (statement is SettingSyntax s && string.Equals(s.Name, name, StringComparison.Ordinal))
            {
                // The last statement of a line joined with ';' goes with the ';' before it (and its comment), and
                // leaves the line break: "a = 1; b = 2\nc = 3" without b is "a = 1\nc = 3", not "a = 1c = 3".
                SyntaxToken? terminator = s.Terminator;
                spans.Add(terminator is not { Kind: SyntaxKind.SemicolonToken } && previous?.Terminator is { Kind: SyntaxKind.SemicolonToken } semicolon
                    ? TextSpan.FromBounds(semicolon.Span.Start, terminator?.Span.Start ?? s.Span.End)
                    : s.FullSpan);
            }

            previous = statement;
        }

        if (spans.Count == 0)
        {
            return null;
        }

        // Spans of neighbours may meet ("a = 1; a = 2"): remove their union.
        spans.Sort(static (x, y) => x.Start.CompareTo(y.Start));
        var merged = new List<(TextSpan Span, string Text)>();
        foreach (TextSpan span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].Span.End)
            {
                merged[^1] = (TextSpan.FromBounds(merged[^1].Span.Start, Math.Max(span.End, merged[^1].Span.End)), string.Empty);
            }
            else
            {
                merged.Add((span, string.Empty));
            }
        }

        return Splice(merged);
    }

    /// <summary>Appends an item to the list value of <paramref name="name"/>, in the list's layout.</summary>
    public EditResult WithItemAppended(string name, ConfigValue item)
    {
        CheckKey(name);
        CheckWritable(item);
        SettingSyntax? last = GetSettings(name).LastOrDefault();
        if (last is null)
        {
            return WithSettingInserted(name, new ConfigList([item]));
        }

        if (last.Value is not ListSyntax list)
        {
            throw new InvalidOperationException($"The value of '{name}' is not a list.");
        }

        var style = EditStyle.Detect(tree);
        RenderedValue renderedItem = style.Render(item, null);
        if (renderedItem.Unwritable is not null)
        {
            return RefuseUnwritable(style, name, renderedItem);
        }

        string rendered = renderedItem.Text;
        if (list.Items.Count == 0)
        {
            int at = list.OpenBracketToken.Span.End;
            return NoteEscapes(Splice([(new TextSpan(at, 0), rendered)]), style, name, renderedItem, at);
        }

        ValueSyntax lastItem = list.Items[^1];
        int anchor = lastItem.Span.End;
        bool trailingComma = list.HasTrailingComma;
        if (trailingComma)
        {
            anchor = Data.TokenEnd(Data.NextNonNewLine(lastItem.LastToken.Index));
        }

        bool multiLine = list.Items.Count > 1
            ? Lines.GetPosition(list.Items[0].Span.Start).Line != Lines.GetPosition(lastItem.Span.Start).Line
            : Lines.GetPosition(list.OpenBracketToken.Span.Start).Line != Lines.GetPosition(lastItem.Span.Start).Line;
        string text;
        if (multiLine)
        {
            string indent = IndentBefore(lastItem.Span.Start);
            text = trailingComma ? style.NewLine + indent + rendered + "," : "," + style.NewLine + indent + rendered;
        }
        else
        {
            text = trailingComma ? " " + rendered + "," : ", " + rendered;
        }

        int itemAt = anchor + text.IndexOf(rendered, StringComparison.Ordinal);
        return NoteEscapes(Splice([(new TextSpan(anchor, 0), text)]), style, name, renderedItem, itemAt);
    }

    /// <summary>
    /// Replaces spans of the text with new text, all at once (the model write-back's item edits inside a list): the
    /// spans must not overlap; the caller makes sure the result parses as intended.
    /// </summary>
    public EditResult WithTextEdits(IReadOnlyList<(TextSpan Span, string Text)> edits) => Splice(edits);

    /// <summary>The same text with refusal notes: edits that were not made (the model write-back's XH32xx), at spans of this text.</summary>
    public EditResult WithRefusals(IEnumerable<(DiagnosticDescriptor Descriptor, TextSpan Span, object?[] Args)> refusals)
    {
        EditResult same = Splice([]);
        foreach (var (descriptor, span, args) in refusals)
        {
            same.Notes.Add(new EditNote(descriptor, span.Start, span.Length, args, Refusal: true));
        }

        return same;
    }

    /// <summary>Adds a setting line after the last setting of <paramref name="after"/>, or at the end.</summary>
    public EditResult WithSettingInserted(string name, ConfigValue value, string? after = null)
    {
        CheckKey(name);
        CheckWritable(value);
        var style = EditStyle.Detect(tree);
        RenderedValue rendered = style.Render(value, null);
        string line = name + style.BeforeEquals + "=" + style.AfterEquals + rendered.Text;
        if (after is not null)
        {
            SettingSyntax anchor = GetSettings(after).LastOrDefault()
                ?? throw new ArgumentException($"The key '{after}' is not set.", nameof(after));
            if (rendered.Unwritable is not null)
            {
                return RefuseUnwritable(style, name, rendered);
            }

            // After the first statement from the anchor on that ends its line (a list may span lines, ';' may join statements).
            StatementSyntax? lineEnd = tree.Root.Statements
                .SkipWhile(s => !ReferenceEquals(s, anchor))
                .FirstOrDefault(s => s.Terminator is { Kind: SyntaxKind.NewLineToken });
            if (lineEnd is not null)
            {
                int at = lineEnd.FullSpan.End;
                EditResult edited = Splice([(new TextSpan(at, 0), line + style.NewLine)]);
                if (HasInsertedStatement(tree, edited.Parsed.Tree, line))
                {
                    return NoteEscapes(edited, style, name, rendered, at + line.Length - rendered.Text.Length);
                }

                return RefuseOpenStatement(name);
            }
        }
        else if (rendered.Unwritable is not null)
        {
            return RefuseUnwritable(style, name, rendered);
        }

        return AppendLine(style, name, line, rendered);
    }

    /// <summary>
    /// Adds a setting line at the end of the file, on a line of its own: the new text must re-parse as exactly the old
    /// statements plus the new one. A file that ends in a line continuation (<c>\</c>) gets a blank line first, which
    /// ends the continuation; a file that ends inside an unclosed bracket or string is left as it is (XH2008).
    /// </summary>
    private EditResult AppendLine(EditStyle style, string name, string line, RenderedValue rendered)
    {
        string text = Data.Text;
        string prefix = text.Length == 0 || text.EndsWith('\n') ? string.Empty : style.NewLine;
        string suffix = text.Length == 0 || text.EndsWith('\n') ? style.NewLine : string.Empty;
        foreach (string separator in (ReadOnlySpan<string>)[string.Empty, style.NewLine])
        {
            string inserted = prefix + separator + line + suffix;
            EditResult edited = Splice([(new TextSpan(text.Length, 0), inserted)]);
            if (HasInsertedStatement(tree, edited.Parsed.Tree, line))
            {
                return NoteEscapes(edited, style, name, rendered, text.Length + prefix.Length + separator.Length + line.Length - rendered.Text.Length);
            }
        }

        return RefuseOpenStatement(name);
    }

    /// <summary>
    /// Returns whether this document's statements are exactly those of <paramref name="original"/> plus one new
    /// statement whose text is <paramref name="line"/>: no existing statement changed, and the new setting is a
    /// statement of its own (not glued to a continuation, an open bracket or an open string).
    /// </summary>
    private static bool HasInsertedStatement(ConfigSyntaxTree original, ConfigSyntaxTree edited, string line)
    {
        List<(SyntaxKind Kind, int Start, int End)> before = StatementCores(original);
        List<(SyntaxKind Kind, int Start, int End)> after = StatementCores(edited);
        if (after.Count != before.Count + 1)
        {
            return false;
        }

        int inserted = -1;
        for (int i = 0, j = 0; j < after.Count; j++)
        {
            if (i < before.Count && after[j].Kind == before[i].Kind && Core(edited, after[j]).SequenceEqual(Core(original, before[i])))
            {
                i++;
                continue;
            }

            if (inserted >= 0)
            {
                return false;
            }

            inserted = j;
        }

        return inserted >= 0
            && after[inserted].Kind is not (SyntaxKind.SkippedStatement or SyntaxKind.ExpressionStatement)
            && Core(edited, after[inserted]).SequenceEqual(line.AsSpan().TrimEnd());
    }

    private static ReadOnlySpan<char> Core(ConfigSyntaxTree tree, (SyntaxKind Kind, int Start, int End) statement) => tree.Text.AsSpan(statement.Start, statement.End - statement.Start);

    /// <summary>The top-level statements (blank ones left out), each from its first token to its last one before the terminator.</summary>
    private static List<(SyntaxKind Kind, int Start, int End)> StatementCores(ConfigSyntaxTree tree)
    {
        SyntaxData data = tree.Data;
        var cores = new List<(SyntaxKind Kind, int Start, int End)>();
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            if (data.Kind(statement) == SyntaxKind.EmptyStatement)
            {
                continue;
            }

            (int start, int length) = data.CoreSpan(statement);
            cores.Add((data.Kind(statement), start, start + length));
        }

        return cores;
    }

    /// <summary>The same text with an error note: the edit was not made (XH2008).</summary>
    private EditResult RefuseOpenStatement(string name)
    {
        List<(SyntaxKind Kind, int Start, int End)> statements = StatementCores(tree);
        (int start, int end) = statements.Count > 0 ? (statements[^1].Start, statements[^1].End) : (Data.Text.Length, Data.Text.Length);
        EditResult same = Splice([]);
        same.Notes.Add(new EditNote(DiagnosticDescriptors.EditInsideOpenStatement, start, end - start, [name], Refusal: true));
        return same;
    }

    /// <summary>The same text with an error note: the value has characters the file's encoding cannot hold (XH4203, XH4204).</summary>
    private EditResult RefuseUnwritable(EditStyle style, string name, RenderedValue rendered)
    {
        XmSourceEncoding encoding = style.Encoding!;
        EditResult same = Splice([]);
        DiagnosticDescriptor descriptor = encoding.Kind == XmSourceEncodingKind.Unknown ? DiagnosticDescriptors.XmEditUnknownEncoding : DiagnosticDescriptors.XmEditCharacterNotInEncoding;
        same.Notes.Add(new EditNote(descriptor, encoding.DeclarationStart, encoding.DeclarationLength, [name, rendered.Unwritable, encoding.Kind == XmSourceEncodingKind.None ? "none (ASCII only)" : encoding.Name], Refusal: true));
        return same;
    }

    /// <summary>Adds the XH4202 note when the rendered value wrote non-ASCII text as <c>\x</c> escapes; returns the edit.</summary>
    private static EditResult NoteEscapes(EditResult edited, EditStyle style, string name, RenderedValue rendered, int start)
    {
        if (rendered.EscapedNonAscii)
        {
            string why = style.Encoding is { Kind: XmSourceEncodingKind.None }
                ? "the file declares no encoding, and Python 2 rejects a non-ASCII byte without one"
                : "they are bytes that are not text in the file's encoding";
            edited.Notes.Add(new EditNote(DiagnosticDescriptors.XmEditNonAsciiEscaped, start, rendered.Text.Length, [name, why]));
        }

        return edited;
    }

    /// <summary>A value to write must be a value: not null, and no <see cref="ConfigUnknown"/> in it (an unknown is code, not a value).</summary>
    private static void CheckWritable(ConfigValue value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        var stack = new Stack<ConfigValue>([value]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case ConfigUnknown:
                    throw new ArgumentException("An unknown (computed) value cannot be written; write a string, a number or a list.", paramName);
                case ConfigList list:
                    foreach (ConfigValue item in list.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }

    private void CheckKey(string name, [CallerArgumentExpression(nameof(name))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (Dialect == ConfigDialect.Xm)
        {
            if (!SyntaxFacts.IsValidXmName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid key: xm names are Python identifiers ([A-Za-z_][A-Za-z0-9_]*, not a keyword).", paramName);
            }

            return;
        }

        if (!SyntaxFacts.IsValidXlKey(name))
        {
            throw new ArgumentException($"'{name}' is not a valid key: xl keys match [a-z][._0-9a-z]*.", paramName);
        }
    }

    private string IndentBefore(int offset)
    {
        int lineStart = Lines.GetLineStart(Lines.GetPosition(offset).Line);
        ReadOnlySpan<char> prefix = Data.Text.AsSpan(lineStart, offset - lineStart);
        int k = prefix.IndexOfAnyExcept(' ', '\t');
        return k < 0 ? prefix.ToString() : new string(' ', offset - lineStart);
    }

    private EditResult Splice(IReadOnlyList<(TextSpan Span, string Text)> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ToArray();
        var sb = new StringBuilder(Data.Text.Length + 64);
        int at = 0;
        foreach (var (span, text) in ordered)
        {
            sb.Append(Data.Text, at, span.Start - at).Append(text);
            at = span.End;
        }

        sb.Append(Data.Text, at, Data.Text.Length - at);
        // Re-read in the dialect this document was read in, so an edit never switches dialects.
        var edited = new EditResult(ConfigParser.Parse(sb.ToString(), tree.Path, Dialect));

        // Notes of earlier edits move with the text (and go when their text is edited again; a refusal stays).
        foreach (EditNote note in notes)
        {
            int shift = 0;
            bool touched = false;
            foreach (var (span, text) in ordered)
            {
                if (span.End <= note.Start && !(span.Length == 0 && span.Start == note.Start))
                {
                    shift += text.Length - span.Length;
                }
                else if (span.Start < note.Start + note.Length)
                {
                    touched = true;
                }
            }

            if (!touched)
            {
                edited.Notes.Add(note with { Start = note.Start + shift });
            }
            else if (note.Refusal)
            {
                edited.Notes.Add(note with { Start = Math.Min(note.Start + shift, edited.Parsed.Tree.Text.Length), Length = 0 });
            }
        }

        return edited;
    }

}
