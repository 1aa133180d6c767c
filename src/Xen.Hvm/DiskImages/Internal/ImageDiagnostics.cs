using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Builds the <c>XH7xxx</c> diagnostics about image files; their location is the file itself.</summary>
internal static class ImageDiagnostics
{
    public static Diagnostic InvalidHeader(string path, string format, string problem) =>
        Diagnostic.Create(DiagnosticDescriptors.InvalidImageHeader, At(path), format, problem);

    public static Diagnostic Unsupported(string path, string format, string feature) =>
        Diagnostic.Create(DiagnosticDescriptors.UnsupportedImageFeature, At(path), format, feature);

    public static Diagnostic Checksum(string path, string structure, uint stored, uint computed, DiagnosticSeverity severity) =>
        Diagnostic.Create(DiagnosticDescriptors.VhdChecksumMismatch, severity, At(path), structure, stored, computed);

    public static Diagnostic Backing(string path, string name, string resolved, string reason) =>
        Diagnostic.Create(DiagnosticDescriptors.BackingFileUnavailable, At(path), name, resolved, reason);

    private static SourceLocation At(string path) => new(path, default, default, default);
}
