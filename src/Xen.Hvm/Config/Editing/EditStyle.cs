using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Editing;

/// <summary>A value rendered as config text.</summary>
/// <param name="Text">The text.</param>
/// <param name="EscapedNonAscii">Whether non-ASCII text was written as <c>\x</c> escapes (xm, XH4202).</param>
/// <param name="Unwritable">The first character the file's encoding cannot hold, described; <see langword="null"/> when all can be written.</param>
internal readonly record struct RenderedValue(string Text, bool EscapedNonAscii, string? Unwritable);

/// <summary>The layout habits of a file, so new text looks like the rest of it.</summary>
internal sealed class EditStyle
{
    public char Quote { get; private init; } = '"';

    public string BeforeEquals { get; private init; } = " ";

    public string AfterEquals { get; private init; } = " ";

    public string ListPadding { get; private init; } = string.Empty;

    public string NewLine { get; private init; } = "\n";

    public bool Python { get; private init; }

    /// <summary>Gets the source encoding of an xm file (<see langword="null"/> for xl, whose values are written as UTF-8).</summary>
    public XmSourceEncoding? Encoding { get; private init; }

    public static EditStyle Detect(ConfigSyntaxTree tree)
    {
        int single = 0, dbl = 0;
        var spacing = new Dictionary<(string, string), int>();
        string? padding = null;
        SyntaxData data = tree.Data;
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
            Python = tree.Dialect == ConfigDialect.Xm,
            Encoding = tree.Dialect == ConfigDialect.Xm ? XmSourceEncoding.Detect(data.Text) : null,
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

    /// <summary>What rendering found on its way: escapes written, a character the encoding cannot hold.</summary>
    private sealed class RenderState
    {
        public bool EscapedNonAscii;
        public string? Unwritable;
    }
}
