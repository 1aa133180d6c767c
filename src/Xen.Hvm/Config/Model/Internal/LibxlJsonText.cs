using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Xen.Hvm.Config.Model.Internal;

/// <summary>
/// Prints JSON the way libxl's yajl generator does with <c>yajl_gen_beautify</c> (what <c>xl create -n</c> and
/// <c>xl list -l</c> print): four spaces per level, <c>"key": value</c>, an empty object or array as its bracket, an
/// empty line and the closing bracket, yajl's string escapes (<c>\u00XX</c> in upper case, <c>/</c> kept), and a
/// final line break.
/// </summary>
internal static class LibxlJsonText
{
    public static string Print(JsonNode node)
    {
        var sb = new StringBuilder(1024);
        Write(sb, node, 0);
        sb.Append('\n');
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(sb, '{', '}', depth, obj.Count, obj.Select(static p => ((string?)p.Key, p.Value)));
                break;
            case JsonArray array:
                WriteContainer(sb, '[', ']', depth, array.Count, array.Select(static v => ((string?)null, v)));
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteContainer(StringBuilder sb, char open, char close, int depth, int count, IEnumerable<(string? Key, JsonNode? Value)> items)
    {
        sb.Append(open).Append('\n');
        if (count == 0)
        {
            // yajl 2 prints an empty container as an empty line between its brackets.
            sb.Append('\n');
        }

        int i = 0;
        foreach (var (key, value) in items)
        {
            Indent(sb, depth + 1);
            if (key is not null)
            {
                WriteString(sb, key);
                sb.Append(": ");
            }

            Write(sb, value, depth + 1);
            if (++i < count)
            {
                sb.Append(',');
            }

            sb.Append('\n');
        }

        Indent(sb, depth);
        sb.Append(close);
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Number:
                if (value.TryGetValue(out ulong u))
                {
                    sb.Append(u.ToString(CultureInfo.InvariantCulture));
                }
                else if (value.TryGetValue(out long l))
                {
                    sb.Append(l.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(value.ToJsonString());
                }

                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u00").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static void Indent(StringBuilder sb, int depth) => sb.Append(' ', depth * 4);
}
