namespace Xen.Hvm.Config;

/// <summary>What <see cref="ConfigDocument.Save(string, ConfigSaveOptions?)"/> may do to a file that already exists.</summary>
public sealed record ConfigSaveOptions
{
    /// <summary>Gets the default options: an existing file may be replaced, unless it has no write permission.</summary>
    public static ConfigSaveOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether an existing file may be replaced (<see langword="true"/> by default, as saving
    /// an edited file back is what <c>Save</c> is for). When <see langword="false"/>, an existing file is left alone
    /// (XH2012) and only a new file is created.
    /// </summary>
    public bool ReplaceExistingFile { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether an existing file without any write permission (mode 0444: someone made it
    /// read-only on purpose) may be replaced. <see langword="false"/> by default: such a file is left alone (XH2011).
    /// When allowed, the file keeps its read-only mode.
    /// </summary>
    public bool ReplaceReadOnlyFile { get; init; }
}
