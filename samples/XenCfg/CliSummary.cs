using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace XenCfg;

/// <summary>
/// The one line each command prints per file after its diagnostics, on the same stream, so that a clean run is
/// never silent: <c>winxp-hvm.cfg: xl, 24 settings, no problems</c>.
/// </summary>
internal static class CliSummary
{
    /// <summary>Returns the summary of a config: <c>PATH: DIALECT, N settings[, WHAT], PROBLEMS</c>.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="document">The config.</param>
    /// <param name="what">What the command did (<c>2 set</c>, <c>identical bytes</c>), or <see langword="null"/>.</param>
    /// <param name="more">Diagnostics besides the document's (an evaluation's, a save's), or <see langword="null"/>.</param>
    public static string Config(string path, ConfigDocument document, string? what = null, IEnumerable<Diagnostic>? more = null) =>
        string.Join(", ", new[]
        {
            path + ": " + DialectName(document.Dialect),
            Count(document.Settings.Count, "setting"),
            what,
            Problems(more is null ? document.Diagnostics : document.Diagnostics.Concat(more)),
        }.Where(p => p is not null));

    /// <summary>Returns <c>no problems</c>, or the error and warning counts (<c>1 error, 2 warnings</c>); notes are not problems.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    public static string Problems(IEnumerable<Diagnostic> diagnostics)
    {
        int errors = 0, warnings = 0;
        foreach (Diagnostic d in diagnostics)
        {
            errors += d.Severity == DiagnosticSeverity.Error ? 1 : 0;
            warnings += d.Severity == DiagnosticSeverity.Warning ? 1 : 0;
        }

        return (errors, warnings) switch
        {
            (0, 0) => "no problems",
            (_, 0) => Count(errors, "error"),
            (0, _) => Count(warnings, "warning"),
            _ => Count(errors, "error") + ", " + Count(warnings, "warning"),
        };
    }

    /// <summary>Returns <c>1 setting</c>, <c>2 settings</c>.</summary>
    public static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    /// <summary>Returns <c>xl</c> or <c>xm</c>.</summary>
    public static string DialectName(ConfigDialect dialect) => dialect == ConfigDialect.Xm ? "xm" : "xl";
}
