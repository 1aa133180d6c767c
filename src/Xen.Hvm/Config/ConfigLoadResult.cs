using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

/// <summary>One file of <see cref="XenConfig.LoadAll"/>: its document, or why it could not be read.</summary>
/// <param name="Path">The path, as it was given.</param>
/// <param name="Document">The document, when the file was read (it may still have diagnostics of its own).</param>
/// <param name="Error">Why the file could not be read (<c>XH2009</c>), when it could not.</param>
public sealed record ConfigLoadResult(string Path, ConfigDocument? Document, Diagnostic? Error)
{
    /// <summary>Gets a value indicating whether the file was read (then <see cref="Document"/> is set and <see cref="Error"/> is not).</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsLoaded => Document is not null;
}
