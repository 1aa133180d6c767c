using System.Globalization;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Internal;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config;

public sealed partial class ConfigDocument
{
    /// <summary>
    /// Saves the bytes of <see cref="ToBytes"/> to a file, safely: a symbolic link is followed (its target is written,
    /// the link stays); the file keeps its permissions, owner, group and hard links; a failure never leaves a
    /// half-written config; and nothing is replaced that <paramref name="options"/> does not allow.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">What may be done to an existing file, or <see langword="null"/> for <see cref="ConfigSaveOptions.Default"/>.</param>
    /// <returns>How the file was written, with what a user should know (XH2013 when it was written in place).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="XenConfigException">Nothing was saved: the file could not be written (XH2010), is read-only
    /// (XH2011) or exists and may not be replaced (XH2012); the exception's diagnostics say which. Use
    /// <see cref="TrySave"/> to get the same result without an exception.</exception>
    /// <remarks>
    /// <para>Usually a new file is written beside the old one (hidden, mode 0600 while written), flushed to disk, given
    /// the old one's mode, owner and group, and renamed over it; then the folder is flushed. When the file has more than
    /// one hard link, or its owner and group cannot be given to a new file (saving as a user other than the owner), or
    /// the system does not tell them (Unix other than Linux), the file is rewritten in place instead, after a backup
    /// copy beside it that is deleted once the new content is on disk and used to put the old content back if writing
    /// fails; the result then has an XH2013 info. A file without any write permission (0444) is replaced only with
    /// <see cref="ConfigSaveOptions.ReplaceReadOnlyFile"/> (XH2011 otherwise).</para>
    /// <para>Extended attributes and ACLs are not copied to the new file when it is renamed over the old one.</para>
    /// </remarks>
    public ConfigSaveResult Save(string path, ConfigSaveOptions? options = null)
    {
        if (!TrySave(path, options, out ConfigSaveResult result))
        {
            Diagnostic first = result.Diagnostics.First(d => d.IsError);
            throw new XenConfigException(first.ToString(), result.Diagnostics);
        }

        return result;
    }

    /// <summary>
    /// Tries to save the document to a file, as <see cref="Save(string, ConfigSaveOptions?)"/> does, reporting a
    /// failure in <paramref name="result"/> instead of throwing.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">What may be done to an existing file, or <see langword="null"/> for <see cref="ConfigSaveOptions.Default"/>.</param>
    /// <param name="result">Whether and how the file was written, with diagnostics (XH2010–XH2014).</param>
    /// <returns><see langword="true"/> when the document's bytes are now in the file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public bool TrySave(string path, ConfigSaveOptions? options, out ConfigSaveResult result)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ConfigSaveOptions.Default;
        AtomicWriteResult r = AtomicFile.Write(path, ToBytes(), new AtomicFileOptions(options.ReplaceExistingFile, options.ReplaceReadOnlyFile));
        var diagnostics = new List<Diagnostic>(2);
        string target = r.TargetPath;
        switch (r.Outcome)
        {
            case AtomicWriteOutcome.RefusedExisting:
                diagnostics.Add(FileDiagnostic(DiagnosticDescriptors.ExistingFileNotReplaced, target, target));
                break;
            case AtomicWriteOutcome.RefusedReadOnly:
                diagnostics.Add(FileDiagnostic(DiagnosticDescriptors.ReadOnlyFileNotReplaced, target, target, FormatMode(r.Mode)));
                break;
            case AtomicWriteOutcome.Failed:
                diagnostics.Add(FileDiagnostic(DiagnosticDescriptors.ConfigFileNotWritten, target, target, DescribeFileError(r.Error, r.ErrorCode, reading: false)));
                if (r.BackupPath is not null)
                {
                    diagnostics.Add(FileDiagnostic(DiagnosticDescriptors.BackupKept, target, target, r.BackupPath));
                }

                break;
            case AtomicWriteOutcome.WrittenInPlace:
                string why = r.InPlaceReason switch
                {
                    InPlaceReason.HardLinks => "it has more than one name (hard links), which renaming a new file over it would split",
                    InPlaceReason.OwnerNotKept => "a new file could not be given its owner and group",
                    _ => "this system does not tell its owner, group and links, which a new file could lose",
                };
                diagnostics.Add(FileDiagnostic(DiagnosticDescriptors.FileWrittenInPlace, target, target, why));
                break;
        }

        ConfigSaveMethod method = r.Outcome switch
        {
            AtomicWriteOutcome.Created => ConfigSaveMethod.Created,
            AtomicWriteOutcome.Replaced => ConfigSaveMethod.Replaced,
            AtomicWriteOutcome.WrittenInPlace => ConfigSaveMethod.WrittenInPlace,
            _ => ConfigSaveMethod.NotSaved,
        };
        result = new ConfigSaveResult(target, method, diagnostics);
        return result.Saved;
    }

    /// <summary>A diagnostic about a whole file, at its start.</summary>
    internal static Diagnostic FileDiagnostic(DiagnosticDescriptor descriptor, string path, params object?[] args) =>
        Diagnostic.Create(descriptor, new SourceLocation(path, default, default, default), args);

    /// <summary>Why a file could not be read or written, in our own words (an exception's message never reaches a user).</summary>
    internal static string DescribeFileError(AtomicFileError error, int code, bool reading) => error switch
    {
        AtomicFileError.InvalidPath => "the path is not valid",
        AtomicFileError.PathTooLong => "the path is too long",
        AtomicFileError.NotFound => reading ? "it does not exist" : "its folder does not exist",
        AtomicFileError.AccessDenied => reading ? "permission denied" : "permission denied (on the file, or on its folder, where the new file is written first)",
        AtomicFileError.NotAFile => "it is a directory or a device, not a file",
        AtomicFileError.DiskFull => "the disk (or the quota) is full",
        AtomicFileError.ReadOnlyFileSystem => "the file system is mounted read-only",
        AtomicFileError.Exists => "a file of that name appeared while it was being created",
        AtomicFileError.LinkLoop => "its symbolic links form a loop",
        _ => string.Create(CultureInfo.InvariantCulture, $"an I/O error (code {code})"),
    };

    private static string FormatMode(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
