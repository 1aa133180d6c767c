using System.Globalization;
using Xen.Hvm.Text;

namespace Xen.Hvm.Diagnostics;

/// <summary>
/// One problem or remark about an input, with a stable ID, a severity, a message and a location.
/// </summary>
/// <remarks>
/// <para><see cref="ToString"/> prints the compiler layout <c>path(line,col): error XH2003: message</c>, one-based.</para>
/// <para>Tests and tools should match on <see cref="Id"/>, <see cref="Location"/> and <see cref="Arguments"/>, not on
/// the English message.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    private readonly object?[] _arguments;
    private string? _message;

    private Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, SourceLocation location, object?[] arguments)
    {
        Descriptor = descriptor;
        Severity = severity;
        Location = location;
        _arguments = arguments;
#if DEBUG
        // Debug builds (the tests') format at once: a message whose arguments do not fit its format then fails any
        // test that makes the diagnostic, where it is made, whether or not the test reads the message.
        _message = descriptor.FormatMessage(arguments);
#endif
    }

    /// <summary>Gets the descriptor of this kind of diagnostic.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Gets the stable ID, e.g. <c>XH2003</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets the severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Gets the message, formatted in the invariant culture (when first asked for: most diagnostics of a bulk
    /// check are counted or filtered by ID, never printed).</summary>
    public string Message => _message ??= Descriptor.FormatMessage(_arguments);

    /// <summary>Gets where the diagnostic applies.</summary>
    public SourceLocation Location { get; }

    /// <summary>Gets the character span the diagnostic applies to.</summary>
    public TextSpan Span => Location.Span;

    /// <summary>Gets the arguments that were formatted into <see cref="Message"/>.</summary>
    public IReadOnlyList<object?> Arguments => _arguments;

    /// <summary>Gets a value indicating whether this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Constructs a diagnostic with the descriptor's default severity.</summary>
    /// <param name="descriptor">The kind of diagnostic.</param>
    /// <param name="location">Where it applies.</param>
    /// <param name="arguments">The message arguments.</param>
    /// <returns>The diagnostic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> is <see langword="null"/>.</exception>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new Diagnostic(descriptor, descriptor.DefaultSeverity, location, arguments ?? []);
    }

    /// <summary>Constructs a diagnostic with an explicit severity.</summary>
    /// <param name="descriptor">The kind of diagnostic.</param>
    /// <param name="severity">The severity to use instead of the default.</param>
    /// <param name="location">Where it applies.</param>
    /// <param name="arguments">The message arguments.</param>
    /// <returns>The diagnostic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> is <see langword="null"/>.</exception>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, SourceLocation location, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new Diagnostic(descriptor, severity, location, arguments ?? []);
    }

    /// <summary>Returns a copy of this diagnostic at another location (for example, mapped from a string into its file).</summary>
    /// <param name="location">The new location.</param>
    /// <returns>The moved diagnostic.</returns>
    public Diagnostic WithLocation(SourceLocation location) => new(Descriptor, Severity, location, _arguments);

    /// <summary>Returns <c>path(line,col): severity ID: message</c>.</summary>
    /// <returns>The compiler-style line.</returns>
    public override string ToString()
    {
        string severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Location.Path}{Location.Start}: {severity} {Id}: {Message}");
    }

    /// <inheritdoc/>
    public bool Equals(Diagnostic? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return Descriptor == other.Descriptor && Severity == other.Severity && Location == other.Location &&
               string.Equals(Message, other.Message, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Severity, Location);

    /// <summary>Compares two diagnostics for equality.</summary>
    /// <param name="left">The first diagnostic.</param>
    /// <param name="right">The second diagnostic.</param>
    /// <returns><see langword="true"/> when ID, severity, location and message are equal.</returns>
    public static bool operator ==(Diagnostic? left, Diagnostic? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two diagnostics for inequality.</summary>
    /// <param name="left">The first diagnostic.</param>
    /// <param name="right">The second diagnostic.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Diagnostic? left, Diagnostic? right) => !(left == right);
}
