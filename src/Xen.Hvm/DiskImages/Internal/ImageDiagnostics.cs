using Xen.Hvm.Diagnostics;
using Xen.Hvm.Internal;
using Xen.Hvm.Text;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Builds the <c>XH7xxx</c> diagnostics about image files; their location is the file itself.</summary>
internal static class ImageDiagnostics
{
    public static Diagnostic InvalidHeader(string? path, string format, string problem) =>
        Diagnostic.Create(DiagnosticDescriptors.InvalidImageHeader, At(path), format, problem);

    public static Diagnostic Unsupported(string? path, string format, string feature) =>
        Diagnostic.Create(DiagnosticDescriptors.UnsupportedImageFeature, At(path), format, feature);

    public static Diagnostic Checksum(string? path, string structure, uint stored, uint computed, DiagnosticSeverity severity) =>
        Diagnostic.Create(DiagnosticDescriptors.VhdChecksumMismatch, severity, At(path), structure, stored, computed);

    public static Diagnostic Backing(string? path, string name, string resolved, string reason) =>
        Diagnostic.Create(DiagnosticDescriptors.BackingFileUnavailable, At(path), name, resolved, reason);

    public static Diagnostic BackingNotAllowed(string? path, string name, string resolved, BackingFilePolicy policy) =>
        Diagnostic.Create(DiagnosticDescriptors.BackingFileNotAllowed, At(path), name, resolved, policy.ToString());

    public static Diagnostic BackingUnsafe(string? path, string name, string resolved, string reason) =>
        Diagnostic.Create(DiagnosticDescriptors.BackingFileUnsafe, At(path), name, resolved, reason);

    public static Diagnostic ReadAsRaw(string? path, string looksLike, string why, string pass) =>
        Diagnostic.Create(DiagnosticDescriptors.ProbedFormatReadAsRaw, At(path), looksLike, why, pass);

    public static Diagnostic VhdSize(string? path, long footerSize, long dataLength, string consequence) =>
        Diagnostic.Create(DiagnosticDescriptors.VhdSizeMismatch, At(path), footerSize, dataLength, consequence);

    public static Diagnostic NotAFile(string? path, ImageFileStatus status) =>
        Diagnostic.Create(DiagnosticDescriptors.NotAnImageFile, At(path), status.Describe());

    public static Diagnostic Device(string? path, string what, string remedy) =>
        Diagnostic.Create(DiagnosticDescriptors.TargetIsDevice, At(path), what, remedy);

    public static Diagnostic EmptySource(string? path) =>
        Diagnostic.Create(DiagnosticDescriptors.EmptySourceImage, At(path));

    public static Diagnostic DataUnreadable(string? path, string what, long offset) =>
        Diagnostic.Create(DiagnosticDescriptors.ImageDataUnreadable, At(path), what, offset);

    public static Diagnostic Access(string path, string operation, Exception exception) =>
        Diagnostic.Create(DiagnosticDescriptors.ImageFileAccess, At(path), operation, Reason(exception));

    public static Diagnostic TargetExists(string path) =>
        Diagnostic.Create(DiagnosticDescriptors.ImageTargetExists, At(path));

    public static Diagnostic BackingNeedsStream(string? path, string name) =>
        Diagnostic.Create(DiagnosticDescriptors.BackingFileNeedsStream, At(path), name);

    /// <summary>Says why the atomic-file helper could not write a target, in our own words.</summary>
    public static Diagnostic WriteFailed(string path, AtomicWriteResult result)
    {
        string reason = result.Error switch
        {
            AtomicFileError.InvalidPath => "the path is not valid",
            AtomicFileError.PathTooLong => "the path is too long",
            AtomicFileError.NotFound => "its folder does not exist",
            AtomicFileError.AccessDenied => "permission denied (on the file, or on its folder, where the new file is written first)",
            AtomicFileError.NotAFile => "it is a directory, not a file",
            AtomicFileError.DiskFull => "no space left on the device",
            AtomicFileError.ReadOnlyFileSystem => "the file system is mounted read-only",
            AtomicFileError.Exists => "a file of that name appeared while the image was written",
            AtomicFileError.LinkLoop => "its symbolic links form a loop",
            _ when result.ErrorCode is > 0 and < 200 => $"the system reports error {result.ErrorCode}",
            _ => "an I/O error occurred",
        };
        if (result.BackupPath is { } backup)
        {
            reason += $"; the old content could not be put back and is kept in '{backup}'";
        }

        return Diagnostic.Create(DiagnosticDescriptors.ImageFileAccess, At(path), "written", reason);
    }

    /// <summary>Says why an I/O operation failed in our own words (never the runtime's message text).</summary>
    public static string Reason(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "it does not exist",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        IOException io when (io.HResult & 0xFFFF) is 0x70 or 0x27 || io.HResult == 28 => "no space left on the device",
        IOException io when (io.HResult & 0xFFFF) is 0x50 or 0xB7 || io.HResult == 17 => "the file exists",
        IOException io when io.HResult is > 0 and < 200 => $"the system reports error {io.HResult}",
        IOException => "an I/O error occurred",
        _ => "it cannot be accessed",
    };

    private static SourceLocation At(string? path) => new(path, default, default, default);
}
