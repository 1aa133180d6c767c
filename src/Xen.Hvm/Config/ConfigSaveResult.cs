using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

/// <summary>The outcome of <see cref="ConfigDocument.Save(string, ConfigSaveOptions?)"/>.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ConfigSaveResult
{
    internal ConfigSaveResult(string path, ConfigSaveMethod method, IReadOnlyList<Diagnostic> diagnostics)
    {
        Path = path;
        Method = method;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets a value indicating whether the document's bytes are now in the file.</summary>
    public bool Saved => Method != ConfigSaveMethod.NotSaved;

    /// <summary>Gets the file written or meant: the final target when the path was a symbolic link.</summary>
    public string Path { get; }

    /// <summary>Gets how the file was written.</summary>
    public ConfigSaveMethod Method { get; }

    /// <summary>
    /// Gets what happened that a user should know: why nothing was saved (XH2010 cannot write, XH2011 read-only,
    /// XH2012 exists), that the file was written in place (XH2013), or where a backup stayed (XH2014).
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
