using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities.Internal;

/// <summary>Splits capability lists on whitespace (and <c>;</c>, as XAPI joins them).</summary>
internal static class Tokens
{
    public static List<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSeparator(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !IsSeparator(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                spans.Add(TextSpan.FromBounds(start, i));
            }
        }

        return spans;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c == ';' || c == ',';
}
