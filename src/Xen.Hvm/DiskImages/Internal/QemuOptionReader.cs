using System.Text;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>One <c>key=value</c> item of a qemu-img <c>-o</c> string, with the spans of its parts.</summary>
internal readonly record struct QemuOption(string Key, TextSpan KeySpan, string Value, TextSpan ValueSpan);

/// <summary>
/// Reads qemu-img <c>-o key=value,...</c> strings for one format's options record: splits the items (a doubled comma
/// is a literal comma; no '=' means "on"), reports unknown keys (<c>XH7005</c>) and values the format does not take
/// (<c>XH7006</c>) with spans, and gives the <see cref="ParseResult{T}"/>.
/// </summary>
internal sealed class QemuOptionReader
{
    private readonly string _text;
    private readonly LineMap _lines;
    private readonly List<Diagnostic> _problems = [];

    public QemuOptionReader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _lines = LineMap.Create(text);
    }

    /// <summary>Returns the items whose key is one of <paramref name="keys"/>, in order; the others are reported.</summary>
    public IEnumerable<QemuOption> Read(string format, string[] keys)
    {
        foreach (var option in Split(_text))
        {
            if (Array.IndexOf(keys, option.Key) >= 0)
            {
                yield return option;
            }
            else
            {
                _problems.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnknownImageOption, SourceLocation.Create(null, option.KeySpan, _lines), option.Key, format, string.Join(", ", keys)));
            }
        }
    }

    /// <summary>Reports that an item's value is not one the format takes.</summary>
    public void Invalid(QemuOption option, string expected) => Invalid(option.Key, option.Value, option.ValueSpan, expected);

    /// <summary>Reports that a value is not one the format takes (given alone, such as one that conflicts with another item).</summary>
    public void Invalid(string key, string value, TextSpan span, string expected) =>
        _problems.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidImageOptionValue, SourceLocation.Create(null, span, _lines), key, value, expected));

    /// <summary>Returns the options read, or a failure with every problem.</summary>
    public ParseResult<T> Result<T>(T value)
        where T : class =>
        DiskImageException.Result(_problems.Count == 0 ? value : null, _problems);

    /// <summary>Splits at single commas (a doubled comma is a literal comma), then at the first '='; no '=' means "on".</summary>
    private static IEnumerable<QemuOption> Split(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int end = start;
            var item = new StringBuilder();
            while (end < text.Length)
            {
                if (text[end] == ',')
                {
                    if (end + 1 < text.Length && text[end + 1] == ',')
                    {
                        item.Append(',');
                        end += 2;
                        continue;
                    }

                    break;
                }

                item.Append(text[end]);
                end++;
            }

            string s = item.ToString();
            if (s.Trim().Length > 0)
            {
                int eq = text.IndexOf('=', start, end - start);
                if (eq < 0)
                {
                    yield return new QemuOption(s.Trim(), TextSpan.FromBounds(start, end), "on", TextSpan.FromBounds(end, end));
                }
                else
                {
                    int eqInItem = s.IndexOf('=', StringComparison.Ordinal);
                    yield return new QemuOption(s[..eqInItem].Trim(), TextSpan.FromBounds(start, eq), s[(eqInItem + 1)..], TextSpan.FromBounds(eq + 1, end));
                }
            }

            start = end + 1;
        }
    }
}
