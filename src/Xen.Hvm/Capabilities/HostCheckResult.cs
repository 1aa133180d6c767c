using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Capabilities;

/// <summary>The answer of <see cref="HostInfo.Check"/>: whether the host can run the guest, and what to change.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class HostCheckResult
{
    internal HostCheckResult(IReadOnlyList<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the diagnostics: errors say what prevents the guest from running and what to change; warnings
    /// say what could not be checked or will run badly.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether no requirement failed (warnings allowed).</summary>
    public bool CanRun => !Diagnostics.Any(d => d.IsError);
}
