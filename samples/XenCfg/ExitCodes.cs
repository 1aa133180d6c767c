using Xen.Hvm.Diagnostics;

namespace XenCfg;

/// <summary>
/// The one exit-code table every <c>xencfg</c> command uses (the README prints it). The rule: 1 says the data is
/// bad, 2 says the command could not do what it was asked, whatever the data.
/// </summary>
public static class ExitCodes
{
    /// <summary>0: done, and no input has errors (warnings and notes may have been printed).</summary>
    public const int Ok = 0;

    /// <summary>
    /// 1: the command ran and an input's content is wrong: a config with errors, a file that does not round-trip, an
    /// edit the file's content does not allow (XH2008, XH4203, XH4204), a key to unset that is not there, an image
    /// that cannot be read, host info that is not host info, a spec string with errors.
    /// </summary>
    public const int Failed = 1;

    /// <summary>
    /// 2: nothing was done as asked: the command line is wrong (unknown command or option, a missing or extra
    /// argument, a bad value such as <c>-f qcow3</c>, a size, <c>-o</c> options, <c>KEY=VALUE</c>), or a file could
    /// not be read or written or was not replaced without consent (<c>--overwrite</c>, <c>--replace-read-only</c>,
    /// <c>--device</c>, <c>--backing-under</c>).
    /// </summary>
    public const int UsageOrIo = 2;

    /// <summary>3: a bug in <c>xencfg</c> or the library; the message says so, never with a .NET exception's text.</summary>
    public const int InternalError = 3;

    // The diagnostics that mean "not done as asked" (2) rather than "the data is bad" (1).
    private static readonly HashSet<string> s_notDone = new(StringComparer.Ordinal)
    {
        DiagnosticIds.ConfigFileUnreadable,
        DiagnosticIds.ConfigFileNotWritten,
        DiagnosticIds.ReadOnlyFileNotReplaced,
        DiagnosticIds.ExistingFileNotReplaced,
        DiagnosticIds.InvalidSize,
        DiagnosticIds.SizeOverflow,
        DiagnosticIds.NegativeSize,
        DiagnosticIds.ZeroSize,
        DiagnosticIds.UnknownImageOption,
        DiagnosticIds.InvalidImageOptionValue,
        DiagnosticIds.BackingFileUnavailable,
        DiagnosticIds.BackingFileNotAllowed,
        DiagnosticIds.BackingFileUnsafe,
        DiagnosticIds.NotAnImageFile,
        DiagnosticIds.TargetIsDevice,
        DiagnosticIds.ImageFileAccess,
        DiagnosticIds.ImageTargetExists,
        DiagnosticIds.BackingFileNeedsStream,
        DiagnosticIds.InvalidImageRequest,
    };

    /// <summary>Returns the exit code for what a command reported: 0 without errors, else 1 or 2 by the table.</summary>
    /// <param name="diagnostics">Everything the command reported.</param>
    /// <returns>The exit code.</returns>
    public static int For(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int code = Ok;
        foreach (Diagnostic d in diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error)
            {
                code = Math.Max(code, s_notDone.Contains(d.Id) ? UsageOrIo : Failed);
            }
        }

        return code;
    }

    /// <summary>Combines the codes of several files: the worst one wins (an internal error over 2 over 1 over 0).</summary>
    /// <param name="a">One code.</param>
    /// <param name="b">Another code.</param>
    /// <returns>The worse of the two.</returns>
    public static int Worst(int a, int b) => Math.Max(a, b);
}
