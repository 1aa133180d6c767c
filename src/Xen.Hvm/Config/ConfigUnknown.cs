using System.Text;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config;

/// <summary>
/// A value an xm file computes, in <see cref="ConfigDocument.Values"/>: what the file says there is code, not a value
/// (<c>memory = base * 2</c>, an assignment in an <c>if</c> block or a loop, a call that changes a list). Only
/// <see cref="ConfigDocument.Evaluate"/> can tell the value. xl files have none.
/// </summary>
/// <remarks>
/// <para>An unknown value is never written by an edit (it is not a value). Unknown values compare by
/// <see cref="Source"/> and <see cref="Span"/>.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class ConfigUnknown : ConfigValue
{
    /// <summary>The longest <see cref="Source"/> kept; longer code is cut with "...".</summary>
    private const int MaxSourceLength = 200;

    internal ConfigUnknown(string source, TextSpan span)
    {
        Source = source.Length > MaxSourceLength ? source[..(MaxSourceLength - 3)] + "..." : source;
        Span = span;
    }

    /// <summary>Gets the code that computes the value, as written (cut at 200 characters).</summary>
    public string Source { get; }

    /// <summary>Gets where that code is in the document's text.</summary>
    public TextSpan Span { get; }

    /// <inheritdoc/>
    public override ConfigValueKind Kind => ConfigValueKind.Unknown;

    private protected override bool ScalarEquals(ConfigValue other) =>
        other is ConfigUnknown u && string.Equals(Source, u.Source, StringComparison.Ordinal) && Span == u.Span;

    private protected override int ScalarHash() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Source), Span);

    /// <summary>JSON <c>null</c>: the value is not known.</summary>
    private protected override void AppendScalarJson(StringBuilder sb) => sb.Append("null");
}
