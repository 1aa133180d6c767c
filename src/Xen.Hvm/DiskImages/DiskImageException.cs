using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.DiskImages;

/// <summary>
/// Thrown when an option string or an image file is invalid, or an image file cannot be written;
/// <see cref="XenHvmException.Diagnostics"/> explains why with <c>XH7xxx</c> diagnostics.
/// </summary>
public sealed class DiskImageException : XenHvmException
{
    /// <summary>Constructs an exception with no diagnostics.</summary>
    public DiskImageException()
        : base("The disk image or its description is invalid.")
    {
    }

    /// <summary>Constructs an exception with a message and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    public DiskImageException(string message)
        : base(message)
    {
    }

    /// <summary>Constructs an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DiskImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Constructs an exception from diagnostics; the message is the first error's text.</summary>
    /// <param name="diagnostics">The diagnostics that explain the failure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public DiskImageException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FirstMessage(diagnostics), diagnostics)
    {
    }

    /// <summary>A result whose <see cref="ParseResult{T}.Value"/> throws this exception type (the <c>-o</c> option strings).</summary>
    internal static ParseResult<T> Result<T>(T? value, IReadOnlyList<Diagnostic> diagnostics)
        where T : class =>
        new(value, diagnostics, static (_, d) => new DiskImageException(d));

    private static string FirstMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
        {
            if (d.IsError)
            {
                return d.ToString();
            }
        }

        return diagnostics.Count > 0 ? diagnostics[0].ToString() : "The disk image or its description is invalid.";
    }
}
