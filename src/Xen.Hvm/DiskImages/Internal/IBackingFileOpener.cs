using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// How a qcow2 reader gets its backing image, without knowing how images are opened: the opener that composes every
/// format (<see cref="ImageOpener"/>) implements it, so the formats never depend on what composes them.
/// </summary>
internal interface IBackingFileOpener
{
    /// <summary>Gets a value indicating whether backing files are opened (to read through them), or only named.</summary>
    bool OpensBackingFiles { get; }

    /// <summary>Gets where problems are added.</summary>
    List<Diagnostic> Problems { get; }

    /// <summary>Opens the backing image a qcow2 image names, if the policy and the checks allow it; null (with a diagnostic) otherwise.</summary>
    /// <param name="imagePath">The real path of the image that names it (where diagnostics point), or null for a stream.</param>
    /// <param name="namePath">The path the image was opened by, whose folder relative names resolve against; null for a stream.</param>
    /// <param name="name">The name as stored.</param>
    /// <param name="format">The format the image gives for it, if any.</param>
    /// <param name="depth">Its depth in the chain (1 for the top image's backing file).</param>
    DiskImageStream? OpenBacking(string? imagePath, string? namePath, string name, DiskImageFormat? format, int depth);
}

/// <summary>The opener of a description: backing files are named, never opened.</summary>
internal sealed class NamingOnlyOpener(List<Diagnostic> problems) : IBackingFileOpener
{
    public bool OpensBackingFiles => false;

    public List<Diagnostic> Problems => problems;

    public DiskImageStream? OpenBacking(string? imagePath, string? namePath, string name, DiskImageFormat? format, int depth) =>
        throw new InvalidOperationException("A description opens no backing file.");
}
