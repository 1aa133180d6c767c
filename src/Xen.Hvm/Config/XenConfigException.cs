using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

/// <summary>
/// Thrown by the throwing twins of the config API (<see cref="ConfigDocument.Save(string, ConfigSaveOptions?)"/>, for
/// one) when the operation did not happen; <see cref="XenHvmException.Diagnostics"/> says why, with IDs.
/// </summary>
public sealed class XenConfigException : XenHvmException
{
    /// <summary>Constructs an exception with no diagnostics.</summary>
    public XenConfigException()
        : base("The config operation failed.")
    {
    }

    /// <summary>Constructs an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public XenConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Constructs an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public XenConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Constructs an exception from diagnostics.</summary>
    /// <param name="message">The message.</param>
    /// <param name="diagnostics">The diagnostics that explain the failure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public XenConfigException(string message, IReadOnlyList<Diagnostic> diagnostics)
        : base(message, diagnostics)
    {
    }
}
