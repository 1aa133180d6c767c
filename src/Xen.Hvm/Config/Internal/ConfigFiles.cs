using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Internal;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Internal;

/// <summary>
/// Reads and writes config files, on the library's one atomic-file helper (<see cref="AtomicFile"/>): failures are
/// diagnostics in our own words (XH2009–XH2014), never an exception's text.
/// </summary>
internal static class ConfigFiles
{
    /// <summary>Writes a config file as <see cref="AtomicFile"/> does; the result says whether and how.</summary>
    public static ConfigSaveResult Write(string path, byte[] bytes, ConfigSaveOptions options) =>
        ToResult(AtomicFile.Write(path, bytes, ToAtomicOptions(options)));

    /// <summary>Writes a config file asynchronously.</summary>
    public static async Task<ConfigSaveResult> WriteAsync(string path, byte[] bytes, ConfigSaveOptions options, CancellationToken cancellationToken)
    {
        AtomicWriteResult r = await AtomicFile.WriteAsync(
            path, (stream, ct) => stream.WriteAsync(bytes, ct), ToAtomicOptions(options), cancellationToken).ConfigureAwait(false);
        return ToResult(r);
    }

    /// <summary>A result that saved nothing, for a reason known before any I/O.</summary>
    public static ConfigSaveResult NotSaved(string path, IReadOnlyList<Diagnostic> diagnostics) =>
        new(path, ConfigSaveMethod.NotSaved, diagnostics);

    /// <summary>Reads a config file; a file that cannot be read is an XH2009 diagnostic.</summary>
    public static bool TryRead(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out Diagnostic? error)
    {
        bytes = null;
        if (Directory.Exists(path))
        {
            error = Unreadable(path, AtomicFileError.NotAFile, 0);
            return false;
        }

        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (AtomicFile.IsFileSystemError(ex))
        {
            AtomicFileError kind = AtomicFile.Classify(ex, out int code);
            error = Unreadable(path, kind, code);
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>A diagnostic about a whole file, at its start.</summary>
    public static Diagnostic FileDiagnostic(DiagnosticDescriptor descriptor, string path, params object?[] args) =>
        Diagnostic.Create(descriptor, new SourceLocation(path, default, default, default), args);

    /// <summary>Why a file could not be read or written, in our own words (an exception's message never reaches a user).</summary>
    public static string DescribeFileError(AtomicFileError error, int code, bool reading) => error switch
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

    private static Diagnostic Unreadable(string path, AtomicFileError kind, int code) =>
        FileDiagnostic(DiagnosticDescriptors.ConfigFileUnreadable, path, path, DescribeFileError(kind, code, reading: true));

    private static AtomicFileOptions ToAtomicOptions(ConfigSaveOptions options) => new(options.ReplaceExistingFile, options.ReplaceReadOnlyFile);

    private static ConfigSaveResult ToResult(AtomicWriteResult r)
    {
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
        return new ConfigSaveResult(target, method, diagnostics);
    }

    private static string FormatMode(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
