using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs;

/// <summary>Thrown by <see cref="SpecParseResult{T}.GetValueOrThrow"/> when a spec string has errors.</summary>
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
}
