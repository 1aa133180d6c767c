using System.Text;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Conversion.Internal;

// The layout: the xm file's top-level statements in order, each replaced by the lines its names became.
internal sealed partial class XmMigrator
{
    private const string DefaultsHeader = "# xend's defaults, which xl does not share: written out so the guest behaves as it did under xm.";

    private enum ChunkKind
    {
        Blank,
        Comment,
        Setting,
    }

    private readonly record struct Chunk(ChunkKind Kind, string Text, bool Header);

    /// <summary>Renders the plan as xl text. Notes about statements are made on the last pass only.</summary>
    private string Layout()
    {
        bool final = _layouts++ > 0 || !_options.WriteXendDefaults;
        IReadOnlyList<StatementSyntax> statements = _xm.Root.Statements;
        var byStatement = new Dictionary<int, List<string>>();
        var unplaced = new List<string>();
        foreach (string anchor in _anchored.Keys)
        {
            int index = TryLocate(anchor, out SourceLocation at) ? StatementAt(statements, at.Span.Start) : -1;
            if (index < 0)
            {
                unplaced.Add(anchor);
                continue;
            }

            if (!byStatement.TryGetValue(index, out List<string>? names))
            {
                names = [];
                byStatement.Add(index, names);
            }

            names.Add(anchor);
        }

        var chunks = new List<Chunk>();
        bool header = true;
        for (int i = 0; i < statements.Count; i++)
        {
            StatementSyntax statement = statements[i];
            if (statement is EmptyStatementSyntax)
            {
                // The file's first comment block (up to its first blank line) is its header: it always stays.
                header &= !(chunks.Count > 0 && chunks[^1].Kind == ChunkKind.Blank && chunks.Any(static c => c.Kind == ChunkKind.Comment));
                AddCommentLines(chunks, statement.FullSpan.Start, statement.FullSpan.End, header, final);
                continue;
            }

            header = false;
            AddCommentLines(chunks, statement.FullSpan.Start, statement.Span.Start, header: false, final);
            List<string> names = byStatement.TryGetValue(i, out List<string>? found) ? found : [];
            List<PlannedLine> lines = names.SelectMany(n => _anchored[n]).ToList();
            if (final)
            {
                NoteStatement(statement, names, lines);
            }

            if (lines.Count == 0)
            {
                // The comments right above a statement that leaves nothing behind were about it: they go with it.
                while (chunks.Count > 0 && chunks[^1] is { Kind: ChunkKind.Comment, Header: false })
                {
                    chunks.RemoveAt(chunks.Count - 1);
                }

                continue;
            }

            string? trailing = statement is SettingSyntax setting && names.Contains(setting.Name) ? TrailingComment(setting) : null;
            AddLines(chunks, lines, trailing);
        }

        AddLines(chunks, unplaced.SelectMany(n => _anchored[n]).ToList(), null);
        if (_defaults.Count > 0)
        {
            chunks.Add(new Chunk(ChunkKind.Blank, string.Empty, false));
            chunks.Add(new Chunk(ChunkKind.Comment, DefaultsHeader, false));
            AddLines(chunks, _defaults.OrderBy(static l => Array.FindIndex(s_defaultOrder, n => n == l.Name)).ToList(), null);
        }

        return Join(chunks);
    }

    private int _layouts;

    private static void AddLines(List<Chunk> chunks, List<PlannedLine> lines, string? trailingComment)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            PlannedLine line = lines[i];
            string text = line.Name is null ? line.Comment! : XlText.Setting(line.Name, line.Value!);
            if (i == lines.Count - 1 && trailingComment is not null && line.Name is not null)
            {
                text += " " + trailingComment;
            }

            chunks.Add(new Chunk(line.Name is null ? ChunkKind.Comment : ChunkKind.Setting, text, false));
        }
    }

    /// <summary>Adds the blank and comment lines of some text at <paramref name="start"/> (anything else in it is Python: skipped).</summary>
    private void AddCommentLines(List<Chunk> chunks, int start, int end, bool header, bool final)
    {
        int at = start;
        while (at < end)
        {
            int newLine = _xm.Text.IndexOf('\n', at, end - at);
            int lineEnd = newLine < 0 ? end : newLine;
            string line = _xm.Text[at..lineEnd].Trim();
            if (line.Length == 0 && newLine >= 0)
            {
                chunks.Add(new Chunk(ChunkKind.Blank, string.Empty, header));
            }
            else if (line.StartsWith('#'))
            {
                if (header && IsModeLine(line))
                {
                    if (final)
                    {
                        Note(DiagnosticDescriptors.MigrationModeLineDropped, SourceLocation.Create(_xm.Path, TextSpan.FromBounds(at, lineEnd), _xm.Lines));
                    }
                }
                else
                {
                    chunks.Add(new Chunk(ChunkKind.Comment, line, header));
                }
            }

            at = lineEnd + 1;
        }
    }

    /// <summary>An editor mode line that calls the file Python (<c># -*- mode: python; -*-</c>, <c># vim: ft=python</c>).</summary>
    private static bool IsModeLine(string line) =>
        (line.Contains("-*-", StringComparison.Ordinal) || line.Contains("vim:", StringComparison.Ordinal) || line.Contains("vi:", StringComparison.Ordinal)) &&
        line.Contains("python", StringComparison.OrdinalIgnoreCase);

    /// <summary>The notes a statement gets: Python replaced, a computed value, a setting assigned again later.</summary>
    private void NoteStatement(StatementSyntax statement, List<string> names, List<PlannedLine> lines)
    {
        if (statement is SettingSyntax setting)
        {
            if (!names.Contains(setting.Name))
            {
                if (TryLocate(setting.Name, out SourceLocation last) && last.Span.Start > statement.Span.End)
                {
                    Note(DiagnosticDescriptors.MigrationOverriddenSetting, setting.NameToken.GetLocation(), setting.Name);
                }
            }
            else if (!setting.Value.IsConstant && _anchored[setting.Name].Any(static l => l.Name is not null))
            {
                Note(DiagnosticDescriptors.MigrationComputedValue, setting.Value.GetLocation(), setting.Name, Clip(OneLine(setting.Value.ToString())));
            }

            return;
        }

        string written = lines.Any(static l => l.Name is not null)
            ? string.Join(", ", lines.Where(static l => l.Name is not null).Select(static l => l.Name).Distinct())
            : "nothing xl reads";
        Note(DiagnosticDescriptors.MigrationPythonReplaced, statement.GetLocation(), Clip(OneLine(statement.ToString())), written);
    }

    private string? TrailingComment(SettingSyntax setting)
    {
        int end = setting.Value.Span.End;
        int lineEnd = _xm.Text.IndexOf('\n', end);
        string rest = _xm.Text[end..(lineEnd < 0 ? _xm.Text.Length : lineEnd)];
        int hash = rest.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? null : rest[hash..].TrimEnd();
    }

    /// <summary>The index of the top-level statement whose full span holds <paramref name="position"/>, or -1.</summary>
    private static int StatementAt(IReadOnlyList<StatementSyntax> statements, int position)
    {
        int lo = 0;
        int hi = statements.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            TextSpan span = statements[mid].FullSpan;
            if (position < span.Start)
            {
                hi = mid - 1;
            }
            else if (position >= span.End && !(mid == statements.Count - 1 && position == span.End))
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>Joins the chunks: one blank line at most between blocks, none at the ends, a final line break.</summary>
    private static string Join(List<Chunk> chunks)
    {
        var sb = new StringBuilder();
        bool blankPending = false;
        foreach (Chunk chunk in chunks)
        {
            if (chunk.Kind == ChunkKind.Blank)
            {
                blankPending = sb.Length > 0;
                continue;
            }

            if (blankPending)
            {
                sb.Append('\n');
                blankPending = false;
            }

            sb.Append(chunk.Text).Append('\n');
        }

        return sb.ToString();
    }

    private static string OneLine(string text) =>
        string.Join(" | ", text.Split('\n').Select(static l => l.Trim()).Where(static l => l.Length > 0));

    private static string Clip(string text) => text.Length > 160 ? text[..157] + "..." : text;
}
