using System.Text;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities.Internal;

/// <summary>
/// Splits pasted <c>xm info</c> / <c>xl info</c> text into fields. Tolerates what users paste: prompts, comments and
/// prose around the block, blank lines inside it, mail quoting (<c>&gt; </c>), HTML markup, values wrapped onto the
/// next line, a known key that lost its <c>:</c>, <c>(snip)</c> markers, CRLF, a BOM. One pass, linear time.
/// </summary>
internal sealed class HostInfoParser
{
    private readonly string _text;
    private readonly DiagnosticSink _sink;
    private readonly List<Builder> _builders = [];
    private readonly Dictionary<string, Builder> _firstByKey = new(StringComparer.Ordinal);
    private Builder? _current;
    private bool _canContinue;
    private bool _markupReported;
    private (Line Line, int Start, int End)? _bareHwCaps;

    private HostInfoParser(string text, DiagnosticSink sink)
    {
        _text = text;
        _sink = sink;
    }

    public static List<HostInfoField> Parse(string text, DiagnosticSink sink)
    {
        var parser = new HostInfoParser(text, sink);
        parser.ReadLines();
        return parser.Finish();
    }

    private void ReadLines()
    {
        int pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        while (true)
        {
            int nl = _text.IndexOf('\n', pos);
            int end = nl < 0 ? _text.Length : nl;
            int contentEnd = end > pos && _text[end - 1] == '\r' ? end - 1 : end;
            ReadLine(Clean(pos, contentEnd));
            if (nl < 0)
            {
                break;
            }

            pos = nl + 1;
        }
    }

    private List<HostInfoField> Finish()
    {
        if (_builders.Count == 0 && _bareHwCaps is { } bare)
        {
            var b = new Builder("hw_caps", known: true, FieldKind.HwCaps, bare.Line.SourceAt(bare.Start), bare.Line.SourceAt(bare.Start));
            b.Pieces.Add((bare.Line, bare.Start, bare.End));
            _builders.Add(b);
            _sink.Add(DiagnosticDescriptors.InfoBareHwCaps, TextSpan.FromBounds(bare.Line.SourceAt(bare.Start), bare.Line.SourceAt(bare.End)));
        }
        else if (_bareHwCaps is { } ignored)
        {
            ReportIgnored(ignored.Line, ignored.Start, ignored.End);
        }

        if (_builders.Count == 0)
        {
            _sink.Add(DiagnosticDescriptors.InfoNotHostInfo, new TextSpan(0, 0));
        }

        var fields = new List<HostInfoField>(_builders.Count);
        foreach (Builder b in _builders)
        {
            fields.Add(Build(b));
        }

        return fields;
    }

    private void ReadLine(Line line)
    {
        string c = line.Cleaned;
        int indent = 0;
        while (indent < c.Length && char.IsWhiteSpace(c[indent]))
        {
            indent++;
        }

        int end = c.Length;
        while (end > indent && char.IsWhiteSpace(c[end - 1]))
        {
            end--;
        }

        if (indent == end)
        {
            _canContinue = false;
            return;
        }

        int keyEnd = ReadKey(c, indent);
        string key = keyEnd > indent ? c[indent..keyEnd] : string.Empty;
        int k = keyEnd;
        while (k < c.Length && (c[k] == ' ' || c[k] == '\t'))
        {
            k++;
        }

        bool hasColon = key.Length > 0 && k < c.Length && c[k] == ':';
        bool known = FieldCatalog.TryGetKind(key, out FieldKind kind);
        if (hasColon && known)
        {
            StartField(line, key, true, kind, indent, keyEnd, k + 1);
            return;
        }

        bool continuable = _current is not null && _canContinue && FieldCatalog.AllowsContinuation(_current.Kind);
        if (hasColon)
        {
            if (continuable && (_current!.Kind == FieldKind.Table || indent > 0))
            {
                Continue(line, indent, end);
                return;
            }

            if ((_builders.Count > 0 || key.Contains('_', StringComparison.Ordinal)) && key.Length >= 2 && !IsAllHex(key))
            {
                StartField(line, key, false, FieldKind.Text, indent, keyEnd, k + 1);
                _sink.Add(DiagnosticDescriptors.InfoUnknownField, Span(line, indent, keyEnd), key);
                return;
            }
        }
        else if (known && keyEnd == end)
        {
            StartField(line, key, true, kind, indent, keyEnd, keyEnd);
            _sink.Add(DiagnosticDescriptors.InfoSeparatorMissing, Span(line, indent, keyEnd), key);
            return;
        }

        ReadOtherLine(line, indent, end, continuable);
    }

    private void ReadOtherLine(Line line, int indent, int end, bool continuable)
    {
        ReadOnlySpan<char> t = line.Cleaned.AsSpan(indent, end - indent);
        if (IsSnipMarker(t))
        {
            _sink.Add(DiagnosticDescriptors.InfoSnipped, Span(line, indent, end), HwCaps.Shorten(t));
            _canContinue = false;
            return;
        }

        if (IsPromptOrComment(t))
        {
            ReportIgnored(line, indent, end);
            _canContinue = false;
            return;
        }

        if (continuable)
        {
            Continue(line, indent, end);
            return;
        }

        if (_bareHwCaps is null && _builders.Count == 0 && LooksLikeHwCaps(t))
        {
            _bareHwCaps = (line, indent, end);
            return;
        }

        ReportIgnored(line, indent, end);
    }

    private void ReportIgnored(Line line, int start, int end) =>
        _sink.Add(DiagnosticDescriptors.InfoLineIgnored, Span(line, start, end), HwCaps.Shorten(line.Cleaned.AsSpan(start, end - start)));

    private void StartField(Line line, string key, bool known, FieldKind kind, int keyStart, int keyEnd, int valueStart)
    {
        if (_firstByKey.TryGetValue(key, out Builder? first))
        {
            _sink.Add(DiagnosticDescriptors.InfoDuplicateField, Span(line, keyStart, keyEnd), key, _sink.LineOf(first.KeyStart));
        }

        var b = new Builder(key, known, kind, line.SourceAt(keyStart), line.SourceAt(keyEnd));
        b.Pieces.Add((line, valueStart, line.Cleaned.Length));
        _builders.Add(b);
        _firstByKey.TryAdd(key, b);
        _current = b;
        _canContinue = true;
    }

    private void Continue(Line line, int start, int end)
    {
        Builder b = _current!;
        b.Pieces.Add((line, start, end));
        bool byDesign = b.Kind == FieldKind.Table || (b.Kind == FieldKind.MultiLine && start > 0);
        if (!byDesign && !b.JoinReported)
        {
            b.JoinReported = true;
            _sink.Add(DiagnosticDescriptors.InfoLinesJoined, Span(line, start, end), b.Key);
        }
    }

    private HostInfoField Build(Builder b)
    {
        var value = new StringBuilder();
        int lastSourceEnd = b.KeyEnd;
        var map = new SegmentMap(_text.Length);
        int rawStart = -1;
        int rawEnd = b.KeyEnd;
        foreach (var (line, start, end) in b.Pieces)
        {
            int s = start;
            int e = end;
            while (s < e && char.IsWhiteSpace(line.Cleaned[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(line.Cleaned[e - 1]))
            {
                e--;
            }

            if (s == e)
            {
                continue;
            }

            if (rawStart < 0)
            {
                rawStart = line.RawStart(s);
            }
            else if (b.Kind != FieldKind.HwCaps)
            {
                value.Append(b.Kind is FieldKind.MultiLine or FieldKind.Table ? '\n' : ' ');
                map.Add(Math.Min(lastSourceEnd, _text.Length - 1), 1);
            }

            AppendRuns(line, s, e, skipWhitespace: b.Kind == FieldKind.HwCaps, value, map);
            lastSourceEnd = line.SourceAt(e);
            rawEnd = line.RawEnd(e);
        }

        if (rawStart < 0)
        {
            rawStart = b.Pieces[0].Line.SourceAt(Math.Min(b.Pieces[0].Start, b.Pieces[0].Line.Cleaned.Length));
            rawEnd = rawStart;
        }

        var valueSpan = TextSpan.FromBounds(rawStart, Math.Max(rawStart, rawEnd));
        var span = TextSpan.FromBounds(b.KeyStart, Math.Max(b.KeyEnd, valueSpan.End));
        return new HostInfoField(b.Key, value.ToString(), _text.Substring(valueSpan.Start, valueSpan.Length), span,
            TextSpan.FromBounds(b.KeyStart, b.KeyEnd), valueSpan, b.Known, map);
    }

    private static void AppendRuns(Line line, int start, int end, bool skipWhitespace, StringBuilder value, SegmentMap map)
    {
        string c = line.Cleaned;
        int i = start;
        while (i < end)
        {
            if (skipWhitespace && char.IsWhiteSpace(c[i]))
            {
                i++;
                continue;
            }

            int runStart = i;
            int source = line.SourceAt(i);
            i++;
            while (i < end && line.SourceAt(i) == source + (i - runStart) && !(skipWhitespace && char.IsWhiteSpace(c[i])))
            {
                i++;
            }

            value.Append(c, runStart, i - runStart);
            map.Add(source, i - runStart);
        }
    }

    private TextSpan Span(Line line, int start, int end) => TextSpan.FromBounds(line.SourceAt(start), Math.Max(line.SourceAt(start), line.SourceAt(end)));

    // Keys are lowercase identifiers; "device topology" (xl info -n) is the one key with a space.
    private static int ReadKey(string c, int start)
    {
        int i = start;
        if (i >= c.Length || c[i] < 'a' || c[i] > 'z')
        {
            return start;
        }

        while (i < c.Length && (char.IsAsciiLetterLower(c[i]) || char.IsAsciiDigit(c[i]) || c[i] == '_' || c[i] == '-'))
        {
            i++;
        }

        const string Topology = " topology";
        if (i - start == 6 && c.AsSpan(start, 6).SequenceEqual("device") && c.AsSpan(i).StartsWith(Topology, StringComparison.Ordinal))
        {
            i += Topology.Length;
        }

        return i;
    }

    private static bool IsAllHex(string key)
    {
        foreach (char ch in key)
        {
            if (!char.IsAsciiHexDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSnipMarker(ReadOnlySpan<char> t)
    {
        if (t.SequenceEqual("...") || t.SequenceEqual("…") || t.SequenceEqual("[...]") || t.SequenceEqual("(...)"))
        {
            return true;
        }

        ReadOnlySpan<char> inner = t.TrimStart("([<{ ").TrimEnd(")]>} .:-");
        return inner.Length <= 12 && inner.StartsWith("snip", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsPromptOrComment(ReadOnlySpan<char> t)
    {
        if (t[0] is '#' or '$' or '%')
        {
            return true;
        }

        if (t.Contains("xm info", StringComparison.Ordinal) || t.Contains("xl info", StringComparison.Ordinal))
        {
            return true;
        }

        // user@host:~# or user@host:~$ prompts.
        int at = t.IndexOf('@');
        int hash = t.IndexOfAny('#', '$');
        return at > 0 && hash > at && t[..hash].IndexOf(' ') < 0;
    }

    private static bool LooksLikeHwCaps(ReadOnlySpan<char> t)
    {
        int words = 0;
        while (true)
        {
            int colon = t.IndexOf(':');
            ReadOnlySpan<char> w = (colon < 0 ? t : t[..colon]).Trim();
            bool trailing = w.IsEmpty && colon < 0 && words > 0;
            if (!trailing && (w.Length is 0 or > 8 || w.ContainsAnyExcept("0123456789abcdefABCDEF")))
            {
                return false;
            }

            words += trailing ? 0 : 1;
            if (colon < 0)
            {
                return words >= 2;
            }

            t = t[(colon + 1)..];
        }
    }

    // Removes a mail-quote prefix and HTML tags; keeps a map from cleaned offsets to source offsets when they differ.
    private Line Clean(int start, int end)
    {
        int cs = start;
        int i = start;
        while (i < end && (_text[i] == ' ' || _text[i] == '\t'))
        {
            i++;
        }

        if (i < end && _text[i] == '>')
        {
            while (i < end && (_text[i] == '>' || _text[i] == ' ' || _text[i] == '\t'))
            {
                i++;
            }

            cs = i;
        }

        int lt = _text.IndexOf('<', cs, end - cs);
        if (lt < 0)
        {
            return new Line(_text.Substring(cs, end - cs), cs, null);
        }

        var sb = new StringBuilder(end - cs);
        var sources = new List<int>(end - cs + 1);
        int p = cs;
        while (p < end)
        {
            int tagEnd = _text[p] == '<' ? TagEnd(p, end) : -1;
            if (tagEnd > 0)
            {
                if (!_markupReported)
                {
                    _markupReported = true;
                    _sink.Add(DiagnosticDescriptors.InfoMarkupRemoved, TextSpan.FromBounds(p, tagEnd), _text[p..tagEnd]);
                }

                p = tagEnd;
                continue;
            }

            sb.Append(_text[p]);
            sources.Add(p);
            p++;
        }

        sources.Add(end);
        return new Line(sb.ToString(), cs, sources.ToArray());
    }

    // Recognises <tag>, </tag>, <tag/> with a short alphanumeric name; returns the offset after '>' or -1.
    private int TagEnd(int p, int end)
    {
        int i = p + 1;
        if (i < end && _text[i] == '/')
        {
            i++;
        }

        int nameStart = i;
        while (i < end && i - nameStart < 10 && char.IsAsciiLetterOrDigit(_text[i]))
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(_text[nameStart]))
        {
            return -1;
        }

        while (i < end && _text[i] == ' ')
        {
            i++;
        }

        if (i < end && _text[i] == '/')
        {
            i++;
        }

        return i < end && _text[i] == '>' ? i + 1 : -1;
    }

    private sealed class Line(string cleaned, int offset, int[]? sources)
    {
        public string Cleaned { get; } = cleaned;

        public int SourceAt(int index) => sources is null ? offset + index : sources[Math.Min(index, sources.Length - 1)];

        // Like SourceAt, but a start also takes the markup just before it, and an end the markup just after it.
        public int RawStart(int index) => sources is null ? offset + index : index == 0 ? offset : sources[index - 1] + 1;

        public int RawEnd(int index) => sources is null ? offset + index : sources[Math.Min(index, sources.Length - 1)];
    }

    private sealed class Builder(string key, bool known, FieldKind kind, int keyStart, int keyEnd)
    {
        public string Key { get; } = key;

        public bool Known { get; } = known;

        public FieldKind Kind { get; } = kind;

        public int KeyStart { get; } = keyStart;

        public int KeyEnd { get; } = keyEnd;

        public List<(Line Line, int Start, int End)> Pieces { get; } = [];

        public bool JoinReported { get; set; }
    }
}
