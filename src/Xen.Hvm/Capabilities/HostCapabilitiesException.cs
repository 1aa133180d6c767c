using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// Thrown when host capability text (<c>xl info</c> output, <c>hw_caps</c>, <c>xen_caps</c>, <c>virt_caps</c>) has
/// errors and the caller asked for an exception (<see cref="ParseResult{T}.Value"/>).
/// </summary>
/// <remarks>It carries every diagnostic, plus the location of the first error.</remarks>
public sealed class HostCapabilitiesException : XenHvmException
{
    /// <summary>Constructs an exception with a default message and no diagnostics.</summary>
    public HostCapabilitiesException()
        : this("The host capability text has errors.", [])
    {
    }

    /// <summary>Constructs an exception with a message and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    public HostCapabilitiesException(string message)
        : this(message, [])
    {
    }

    /// <summary>Constructs an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HostCapabilitiesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Constructs an exception from diagnostics.</summary>
    /// <param name="message">The message.</param>
    /// <param name="diagnostics">The diagnostics that explain the failure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public HostCapabilitiesException(string message, IReadOnlyList<Diagnostic> diagnostics)
        : base(message, diagnostics)
    {
    }

    /// <summary>Gets the location of the first error, or <see langword="null"/> when there is none.</summary>
    public SourceLocation? Location => FirstError?.Location;

    /// <summary>Gets the one-based line of the first error, or 0 when there is none.</summary>
    public int Line => FirstError?.Location.Line ?? 0;

    /// <summary>Gets the one-based column of the first error, or 0 when there is none.</summary>
    public int Column => FirstError?.Location.Column ?? 0;

    /// <summary>A capability parse result whose <see cref="ParseResult{T}.Value"/> throws this exception type.</summary>
    internal static ParseResult<T> Result<T>(T value, IReadOnlyList<Diagnostic> diagnostics)
        where T : class =>
        new(value, diagnostics, static (message, d) => new HostCapabilitiesException(message, d));
}
