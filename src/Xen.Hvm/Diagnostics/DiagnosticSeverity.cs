namespace Xen.Hvm.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Information: nothing is wrong, but something is worth knowing (for example, an edit replaced code).</summary>
    Info = 0,

    /// <summary>Something works but is probably not what was meant, or will break with another Xen version.</summary>
    Warning = 1,

    /// <summary>The input is invalid: Xen would reject it, or the library cannot read it.</summary>
    Error = 2,
}
