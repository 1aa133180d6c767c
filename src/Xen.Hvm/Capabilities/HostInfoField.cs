using Xen.Hvm.Capabilities.Internal;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// One <c>key : value</c> field of an <c>xm info</c> / <c>xl info</c> output, known or not, with its exact source text.
/// </summary>
/// <remarks>
/// <para><see cref="RawValue"/> is the source text of the value exactly as pasted (wrapped lines, markup and all);
/// <see cref="Value"/> is the cleaned value: trimmed, wrapped lines joined, markup removed (and, for
/// <c>hw_caps</c>, all whitespace removed).</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class HostInfoField
{
    internal HostInfoField(string key, string value, string rawValue, TextSpan span, TextSpan keySpan, TextSpan valueSpan,
        bool isKnown, SegmentMap map)
    {
        Key = key;
        Value = value;
        RawValue = rawValue;
        Span = span;
        KeySpan = keySpan;
        ValueSpan = valueSpan;
        IsKnown = isKnown;
        Map = map;
    }

    /// <summary>Gets the key, e.g. <c>hw_caps</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the cleaned value.</summary>
    public string Value { get; }

    /// <summary>Gets the value's source text exactly (may span several lines).</summary>
    public string RawValue { get; }

    /// <summary>Gets the span of the whole field in the source, from the key to the end of its last line.</summary>
    public TextSpan Span { get; }

    /// <summary>Gets the span of the key.</summary>
    public TextSpan KeySpan { get; }

    /// <summary>Gets the span of <see cref="RawValue"/>.</summary>
    public TextSpan ValueSpan { get; }

    /// <summary>Gets a value indicating whether some Xen version prints this key (otherwise it is preserved as text only).</summary>
    public bool IsKnown { get; }

    internal SegmentMap Map { get; }

    /// <summary>Returns <c>key : value</c>.</summary>
    /// <returns>The field as <c>xl info</c> would print it, unpadded.</returns>
    public override string ToString() => Key + " : " + Value;
}
