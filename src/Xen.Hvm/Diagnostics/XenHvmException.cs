namespace Xen.Hvm.Diagnostics;

/// <summary>
/// The base of the exceptions this library throws for invalid input when a caller asked for an exception
/// (for example a throwing twin of a <c>Try*</c> method). It carries the diagnostics that explain the failure.
/// </summary>
public class XenHvmException : Exception
{
    /// <summary>Constructs an exception with no diagnostics.</summary>
    public XenHvmException()
        : this("The input is invalid.")
    {
    }

    /// <summary>Constructs an exception with a message and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    public XenHvmException(string message)
        : this(message, [])
    {
    }

    /// <summary>Constructs an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public XenHvmException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Constructs an exception from diagnostics.</summary>
    /// <param name="message">The message.</param>
    /// <param name="diagnostics">The diagnostics that explain the failure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public XenHvmException(string message, IReadOnlyList<Diagnostic> diagnostics)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the diagnostics that explain the failure.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the first error diagnostic, or <see langword="null"/>.</summary>
    public Diagnostic? FirstError
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError)
                {
                    return d;
                }
            }

            return null;
        }
    }
}
