using System.Globalization;

namespace Xen.Hvm.Diagnostics;

/// <summary>
/// Describes one kind of diagnostic: its stable ID, default severity, title and message format.
/// </summary>
/// <remarks>
/// <para>IDs are stable public API: <c>XH1xxx</c> lexical, <c>XH2xxx</c> syntax, <c>XH3xxx</c> model and semantics,
/// <c>XH4xxx</c> xm (Python) constructs, <c>XH5xxx</c> capability decoding, <c>XH6xxx</c> spec strings,
/// <c>XH7xxx</c> disk images. A number is never reused. Every ID is documented in <c>docs/diagnostics.md</c>.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class DiagnosticDescriptor : IEquatable<DiagnosticDescriptor>
{
    /// <summary>Constructs a descriptor.</summary>
    /// <param name="id">The stable ID, e.g. <c>XH2003</c>.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">A composite format string for the message (invariant culture).</param>
    /// <param name="defaultSeverity">The severity a diagnostic of this kind has.</param>
    /// <param name="category">The area, e.g. <c>Syntax</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DiagnosticDescriptor(string id, string title, string messageFormat, DiagnosticSeverity defaultSeverity, string category)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(messageFormat);
        ArgumentNullException.ThrowIfNull(category);
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        DefaultSeverity = defaultSeverity;
        Category = category;
    }

    /// <summary>Gets the stable ID.</summary>
    public string Id { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets the composite format of the message.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the default severity.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Gets the area the diagnostic belongs to.</summary>
    public string Category { get; }

    /// <summary>Gets the documentation link for the ID.</summary>
    public string HelpLink => "docs/diagnostics.md#" + Id.ToLowerInvariant();

    /// <summary>Formats the message with the given arguments, in the invariant culture.</summary>
    /// <param name="arguments">The message arguments.</param>
    /// <returns>The message.</returns>
    public string FormatMessage(IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0)
        {
            return MessageFormat;
        }

        var args = new object?[arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = arguments[i];
        }

        return string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
    }

    /// <inheritdoc/>
    public bool Equals(DiagnosticDescriptor? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DiagnosticDescriptor);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <inheritdoc/>
    public override string ToString() => Id + ": " + Title;

    /// <summary>Compares two descriptors by ID.</summary>
    /// <param name="left">The first descriptor.</param>
    /// <param name="right">The second descriptor.</param>
    /// <returns><see langword="true"/> when both have the same ID or both are <see langword="null"/>.</returns>
    public static bool operator ==(DiagnosticDescriptor? left, DiagnosticDescriptor? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two descriptors by ID.</summary>
    /// <param name="left">The first descriptor.</param>
    /// <param name="right">The second descriptor.</param>
    /// <returns><see langword="true"/> when the IDs differ.</returns>
    public static bool operator !=(DiagnosticDescriptor? left, DiagnosticDescriptor? right) => !(left == right);
}
