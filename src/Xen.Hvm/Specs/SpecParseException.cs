using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs;

/// <summary>Thrown by <see cref="ParseResult{T}.Value"/> of a spec parse (<see cref="DiskSpec.Parse"/> ...) when the
/// spec string has errors; carries every diagnostic.</summary>
public sealed class SpecParseException : XenHvmException
{
    /// <summary>Constructs an exception with no diagnostics.</summary>
    public SpecParseException()
        : base("The spec string is invalid.")
    {
    }

    /// <summary>Constructs an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SpecParseException(string message)
        : base(message)
    {
    }

    /// <summary>Constructs an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SpecParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Constructs an exception from the diagnostics of a parse.</summary>
    /// <param name="message">The message.</param>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public SpecParseException(string message, IReadOnlyList<Diagnostic> diagnostics)
        : base(message, diagnostics)
    {
    }

    /// <summary>A spec parse result whose <see cref="ParseResult{T}.Value"/> throws this exception type.</summary>
    internal static ParseResult<T> Result<T>(T? value, IReadOnlyList<Diagnostic> diagnostics)
        where T : class =>
        new(value, diagnostics, static (message, d) => new SpecParseException(message, d));
}
