namespace Xen.Hvm.Config;

/// <summary>How <see cref="ConfigDocument.Save(string, ConfigSaveOptions?)"/> wrote a file.</summary>
public enum ConfigSaveMethod
{
    /// <summary>Nothing was written (see the result's diagnostics).</summary>
    NotSaved = 0,

    /// <summary>A new file was created.</summary>
    Created = 1,

    /// <summary>
    /// A new file with the old one's permissions, owner and group was written beside it and renamed over it, so a
    /// failure never leaves a half-written config.
    /// </summary>
    Replaced = 2,

    /// <summary>
    /// The file itself was rewritten, after a backup copy beside it that is deleted once the new content is on disk
    /// (XH2013): done when the file has hard links, or its owner and group could not be given to a new file.
    /// </summary>
    WrittenInPlace = 3,
}
