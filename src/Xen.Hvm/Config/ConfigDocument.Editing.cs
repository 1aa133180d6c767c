using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config;

public sealed partial class ConfigDocument
{
    /// <summary>
    /// Returns a new document in which <paramref name="name"/> has the value <paramref name="value"/>. The last setting
    /// of the key gets the new value (a <c>+=</c> there becomes <c>=</c>); a key that is not set is added at the end.
    /// </summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The new value; strings are quoted in the file's own quote style.</param>
    /// <returns>The edited document; every byte outside the replaced value is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid key of the document's dialect.</exception>
    /// <remarks>
    /// <para>In an xm document only a top-level <c>name = value</c> is edited; when code after it may assign the name again
    /// (an <c>if</c> block, a loop, <c>xm_vars.check()</c>), the new setting is added at the end instead. When the
    /// replaced value was computed, the expression becomes a literal and the new document has an XH4201 info diagnostic.</para>
    /// <para>In an xm document, strings are written as Python 2 reads them in that file: non-ASCII text as <c>\x</c>
    /// escapes of its UTF-8 bytes when the file declares no encoding (info XH4202), otherwise in the declared encoding.</para>
    /// <para>An edit that cannot be made safely is not made: the returned document has the same text and an error
    /// diagnostic (XH2008 when the file ends inside an open statement, XH4203/XH4204 when the file's encoding cannot
    /// hold the value). Check <see cref="Diagnostics"/> before saving.</para>
    /// </remarks>
    public ConfigDocument SetValue(string name, ConfigValue value)
    {
        CheckKey(name);
        ArgumentNullException.ThrowIfNull(value);
        SettingSyntax? last = GetSettings(name).LastOrDefault();
        if (last is null || (Dialect == ConfigDialect.Xm && XmBindings.MayAssign(Data, Data.End(last.Row), Data.End(SyntaxData.Root), name)))
        {
            // xm: code after the last simple assignment may set the name again, so the new value goes last.
            return AddSetting(name, value);
        }

        var style = EditStyle.Detect(this);
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
        ConfigDocument edited = Splice(edits);
        int start = last.Value.Span.Start + (last.IsAppend ? 1 - last.OperatorToken.Span.Length : 0);
        if (Dialect == ConfigDialect.Xm && !last.Value.IsConstant)
        {
            string expression = last.Value.ToString();
            edited.AddEditNote(new EditNote(DiagnosticDescriptors.XmComputedValueReplaced, start, rendered.Text.Length, [name, expression.Length > 60 ? expression[..57] + "..." : expression]));
        }

        edited.NoteEscapes(style, name, rendered, start);
        return edited;
    }

    /// <summary>Returns a new document in which <paramref name="name"/> is set to a bare number.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number (a negative number is quoted, as xl requires).</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key.</exception>
    public ConfigDocument SetValue(string name, long value) => SetValue(name, new ConfigInteger(value));

    /// <summary>Returns a new document in which <paramref name="name"/> is set to <c>1</c> or <c>0</c>, xl's booleans.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The boolean.</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key.</exception>
    public ConfigDocument SetValue(string name, bool value) => SetValue(name, new ConfigInteger(value ? 1 : 0));

    /// <summary>Returns a new document without any setting of <paramref name="name"/> (whole statements, with their line breaks).</summary>
    /// <param name="name">The key.</param>
    /// <returns>The edited document, or this document when the key is not set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public ConfigDocument RemoveSetting(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var edits = GetSettings(name).Select(s => (s.FullSpan, string.Empty)).ToList();
        return edits.Count == 0 ? this : Splice(edits);
    }

    /// <summary>
    /// Returns a new document with <paramref name="item"/> appended to the list value of <paramref name="name"/>,
    /// following the list's layout (one item per line, or all on one line). A key that is not set becomes a one-item list.
    /// </summary>
    /// <param name="name">The key.</param>
    /// <param name="item">The item to append.</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key.</exception>
    /// <exception cref="InvalidOperationException">The last setting of <paramref name="name"/> is not a list.</exception>
    /// <remarks>Strings and refused edits as in <see cref="SetValue(string, ConfigValue)"/>.</remarks>
    public ConfigDocument AppendToList(string name, ConfigValue item)
    {
        CheckKey(name);
        ArgumentNullException.ThrowIfNull(item);
        SettingSyntax? last = GetSettings(name).LastOrDefault();
        if (last is null)
        {
            return AddSetting(name, new ConfigList([item]));
        }

        if (last.Value is not ListSyntax list)
        {
            throw new InvalidOperationException($"The value of '{name}' is not a list.");
        }

        var style = EditStyle.Detect(this);
        RenderedValue renderedItem = style.Render(item, null);
        if (renderedItem.Unwritable is not null)
        {
            return RefuseUnwritable(style, name, renderedItem);
        }

        string rendered = renderedItem.Text;
        if (list.Items.Count == 0)
        {
            int at = list.OpenBracketToken.Span.End;
            return Splice([(new TextSpan(at, 0), rendered)]).NoteEscapes(style, name, renderedItem, at);
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
        return Splice([(new TextSpan(anchor, 0), text)]).NoteEscapes(style, name, renderedItem, itemAt);
    }

    /// <summary>
    /// Returns a new document with a new setting line <c>name = value</c>, on the line after the last setting of
    /// <paramref name="after"/>, or at the end of the file when <paramref name="after"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="after">The key after whose last setting the line goes, or <see langword="null"/> for the end.</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key, or <paramref name="after"/> is not set.</exception>
    /// <remarks>
    /// The new line is always a statement of its own: after a blank line when the file ends in an xm line continuation,
    /// and not added at all when the file ends inside an unclosed bracket or string (the returned document has the same
    /// text and error XH2008). Strings and other refused edits as in <see cref="SetValue(string, ConfigValue)"/>.
    /// </remarks>
    public ConfigDocument AddSetting(string name, ConfigValue value, string? after = null)
    {
        CheckKey(name);
        ArgumentNullException.ThrowIfNull(value);
        var style = EditStyle.Detect(this);
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
            StatementSyntax? lineEnd = Root.Statements
                .SkipWhile(s => !ReferenceEquals(s, anchor))
                .FirstOrDefault(s => s.Terminator is { Kind: SyntaxKind.NewLineToken });
            if (lineEnd is not null)
            {
                int at = lineEnd.FullSpan.End;
                ConfigDocument edited = Splice([(new TextSpan(at, 0), line + style.NewLine)]);
                if (edited.HasInsertedStatement(this, line))
                {
                    return edited.NoteEscapes(style, name, rendered, at + line.Length - rendered.Text.Length);
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
    private ConfigDocument AppendLine(EditStyle style, string name, string line, RenderedValue rendered)
    {
        string text = Data.Text;
        string prefix = text.Length == 0 || text.EndsWith('\n') ? string.Empty : style.NewLine;
        string suffix = text.Length == 0 || text.EndsWith('\n') ? style.NewLine : string.Empty;
        foreach (string separator in (ReadOnlySpan<string>)[string.Empty, style.NewLine])
        {
            string inserted = prefix + separator + line + suffix;
            ConfigDocument edited = Splice([(new TextSpan(text.Length, 0), inserted)]);
            if (edited.HasInsertedStatement(this, line))
            {
                return edited.NoteEscapes(style, name, rendered, text.Length + prefix.Length + separator.Length + line.Length - rendered.Text.Length);
            }
        }

        return RefuseOpenStatement(name);
    }

    /// <summary>
    /// Returns whether this document's statements are exactly those of <paramref name="original"/> plus one new
    /// statement whose text is <paramref name="line"/>: no existing statement changed, and the new setting is a
    /// statement of its own (not glued to a continuation, an open bracket or an open string).
    /// </summary>
    private bool HasInsertedStatement(ConfigDocument original, string line)
    {
        List<(SyntaxKind Kind, int Start, int End)> before = original.StatementCores();
        List<(SyntaxKind Kind, int Start, int End)> after = StatementCores();
        if (after.Count != before.Count + 1)
        {
            return false;
        }

        int inserted = -1;
        for (int i = 0, j = 0; j < after.Count; j++)
        {
            if (i < before.Count && after[j].Kind == before[i].Kind && Core(after[j]).SequenceEqual(original.Core(before[i])))
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
            && Core(after[inserted]).SequenceEqual(line.AsSpan().TrimEnd());
    }

    private ReadOnlySpan<char> Core((SyntaxKind Kind, int Start, int End) statement) => Data.Text.AsSpan(statement.Start, statement.End - statement.Start);

    /// <summary>The top-level statements (blank ones left out), each from its first token to its last one before the terminator.</summary>
    private List<(SyntaxKind Kind, int Start, int End)> StatementCores()
    {
        var cores = new List<(SyntaxKind Kind, int Start, int End)>();
        foreach (int statement in Data.Children(SyntaxData.Root))
        {
            if (Data.Kind(statement) == SyntaxKind.EmptyStatement)
            {
                continue;
            }

            (int start, int length) = Data.CoreSpan(statement);
            cores.Add((Data.Kind(statement), start, start + length));
        }

        return cores;
    }

    /// <summary>The same text with an error note: the edit was not made (XH2008).</summary>
    private ConfigDocument RefuseOpenStatement(string name)
    {
        List<(SyntaxKind Kind, int Start, int End)> statements = StatementCores();
        (int start, int end) = statements.Count > 0 ? (statements[^1].Start, statements[^1].End) : (Data.Text.Length, Data.Text.Length);
        ConfigDocument same = Splice([]);
        same.AddEditNote(new EditNote(DiagnosticDescriptors.EditInsideOpenStatement, start, end - start, [name]));
        return same;
    }

    /// <summary>The same text with an error note: the value has characters the file's encoding cannot hold (XH4203, XH4204).</summary>
    private ConfigDocument RefuseUnwritable(EditStyle style, string name, RenderedValue rendered)
    {
        XmSourceEncoding encoding = style.Encoding!;
        ConfigDocument same = Splice([]);
        DiagnosticDescriptor descriptor = encoding.Kind == XmSourceEncodingKind.Unknown ? DiagnosticDescriptors.XmEditUnknownEncoding : DiagnosticDescriptors.XmEditCharacterNotInEncoding;
        same.AddEditNote(new EditNote(descriptor, encoding.DeclarationStart, encoding.DeclarationLength, [name, rendered.Unwritable, encoding.Kind == XmSourceEncodingKind.None ? "none (ASCII only)" : encoding.Name]));
        return same;
    }

    /// <summary>Adds the XH4202 note when the rendered value wrote non-ASCII text as <c>\x</c> escapes; returns this document.</summary>
    private ConfigDocument NoteEscapes(EditStyle style, string name, RenderedValue rendered, int start)
    {
        if (rendered.EscapedNonAscii)
        {
            string why = style.Encoding is { Kind: XmSourceEncodingKind.None }
                ? "the file declares no encoding, and Python 2 rejects a non-ASCII byte without one"
                : "they are bytes that are not text in the file's encoding";
            AddEditNote(new EditNote(DiagnosticDescriptors.XmEditNonAsciiEscaped, start, rendered.Text.Length, [name, why]));
        }

        return this;
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

    private ConfigDocument Splice(IReadOnlyList<(TextSpan Span, string Text)> edits)
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
        ConfigDocument edited = XenConfig.Parse(sb.ToString(), Path, Options with { Dialect = Dialect });

        // Notes of earlier edits move with the text (and go when their text is edited again).
        foreach (EditNote note in _editNotes)
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
                edited.AddEditNote(note with { Start = note.Start + shift });
            }
        }

        return edited;
    }

    private void AddEditNote(EditNote note)
    {
        _editNotes.Add(note);
        _bag.Add(note.Descriptor, note.Start, note.Length, note.Args);
    }

    /// <summary>An info diagnostic an edit left on the document it made.</summary>
    private sealed record EditNote(DiagnosticDescriptor Descriptor, int Start, int Length, object?[] Args);

    /// <summary>A value rendered as config text.</summary>
    /// <param name="Text">The text.</param>
    /// <param name="EscapedNonAscii">Whether non-ASCII text was written as <c>\x</c> escapes (xm, XH4202).</param>
    /// <param name="Unwritable">The first character the file's encoding cannot hold, described; <see langword="null"/> when all can be written.</param>
    private readonly record struct RenderedValue(string Text, bool EscapedNonAscii, string? Unwritable);

    private sealed class RenderState
    {
        public bool EscapedNonAscii;
        public string? Unwritable;
    }

    /// <summary>The layout habits of a file, so new text looks like the rest of it.</summary>
    private sealed class EditStyle
    {
        public char Quote { get; private init; } = '"';

        public string BeforeEquals { get; private init; } = " ";

        public string AfterEquals { get; private init; } = " ";

        public string ListPadding { get; private init; } = string.Empty;

        public string NewLine { get; private init; } = "\n";

        public bool Python { get; private init; }

        /// <summary>Gets the source encoding of an xm file (<see langword="null"/> for xl, whose values are written as UTF-8).</summary>
        public XmSourceEncoding? Encoding { get; private init; }

        public static EditStyle Detect(ConfigDocument doc)
        {
            int single = 0, dbl = 0;
            var spacing = new Dictionary<(string, string), int>();
            string? padding = null;
            SyntaxData data = doc.Data;
            for (int i = 0; i < data.TokenCount; i++)
            {
                SyntaxKind kind = data.TokenKind(i);
                if (kind == SyntaxKind.StringToken)
                {
                    if (data.Text[data.TokenStart(i)] == '\'')
                    {
                        single++;
                    }
                    else
                    {
                        dbl++;
                    }
                }
                else if (kind is SyntaxKind.EqualsToken or SyntaxKind.PlusEqualsToken)
                {
                    string before = i > 0 && data.TokenKind(i - 1) == SyntaxKind.WhitespaceTrivia ? data.TokenText(i - 1).ToString() : string.Empty;
                    string after = i + 1 < data.TokenCount && data.TokenKind(i + 1) == SyntaxKind.WhitespaceTrivia ? data.TokenText(i + 1).ToString() : string.Empty;
                    spacing[(before, after)] = spacing.GetValueOrDefault((before, after)) + 1;
                }
                else if (kind == SyntaxKind.OpenBracketToken && padding is null && i + 1 < data.TokenCount)
                {
                    SyntaxKind next = data.TokenKind(i + 1);
                    padding = next == SyntaxKind.WhitespaceTrivia ? " " : next == SyntaxKind.NewLineToken ? null : string.Empty;
                }
            }

            var (b, a) = spacing.Count == 0 ? (" ", " ") : spacing.MaxBy(p => p.Value).Key;
            int lineFeeds = data.Text.AsSpan().Count('\n');
            int crlf = data.Text.AsSpan().Count("\r\n");
            return new EditStyle
            {
                Quote = single > dbl ? '\'' : '"',
                BeforeEquals = b,
                AfterEquals = a,
                ListPadding = padding ?? string.Empty,
                NewLine = crlf > 0 && crlf * 2 >= lineFeeds ? "\r\n" : "\n",
                Python = doc.Dialect == ConfigDialect.Xm,
                Encoding = doc.Dialect == ConfigDialect.Xm ? XmSourceEncoding.Detect(data.Text) : null,
            };
        }

        public RenderedValue Render(ConfigValue value, ValueSyntax? replaced)
        {
            char quote = replaced is StringLiteralSyntax s ? s.QuoteCharacter : Quote;
            var sb = new StringBuilder();
            var state = new RenderState();
            Append(sb, value, quote, state);
            return new RenderedValue(sb.ToString(), state.EscapedNonAscii, state.Unwritable);
        }

        private void Append(StringBuilder sb, ConfigValue value, char quote, RenderState state)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (value)
            {
                case ConfigString s when Python:
                    XmStringWriter.Append(sb, s.Value, quote, Encoding!, ref state.EscapedNonAscii, ref state.Unwritable);
                    break;
                case ConfigString s:
                    sb.Append(XlString.Quote(s.Value, quote));
                    break;
                case ConfigInteger n when n.Value >= 0 || Python:
                    sb.Append(n.Value.ToString(CultureInfo.InvariantCulture));
                    break;
                case ConfigInteger n:
                    sb.Append(XlString.Quote(n.Value.ToString(CultureInfo.InvariantCulture), quote));
                    break;
                case ConfigFloat f when Python && double.IsFinite(f.Value):
                    sb.Append(PyFloatFormat.Repr(f.Value));
                    break;
                case ConfigFloat f:
                    sb.Append(XlString.Quote(f.Value.ToString("R", CultureInfo.InvariantCulture), quote));
                    break;
                case ConfigList l:
                    sb.Append('[').Append(l.Items.Count > 0 ? ListPadding : string.Empty);
                    for (int i = 0; i < l.Items.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(", ");
                        }

                        Append(sb, l.Items[i], quote, state);
                    }

                    sb.Append(l.Items.Count > 0 ? ListPadding : string.Empty).Append(']');
                    break;
            }
        }
    }
}
