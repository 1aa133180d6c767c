using System.Collections.Frozen;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Validation;

/// <summary>
/// How <see cref="ConfigValidator"/> checks a config: the rule set, the toolstack and Xen version the config is for,
/// the host it should run on, and, as with a compiler's analyzers, per-ID severities and suppressions.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record ValidationOptions
{
    private static readonly FrozenDictionary<string, DiagnosticSeverity> s_noOverrides =
        FrozenDictionary<string, DiagnosticSeverity>.Empty;

    private IReadOnlyDictionary<string, DiagnosticSeverity> _severities = s_noOverrides;
    private IReadOnlyCollection<string> _suppressed = [];

    /// <summary>Gets the default options: <see cref="ValidationRuleSet.Recommended"/> for xl of Xen 4.17, no host, no probe.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Gets which checks are made (default <see cref="ValidationRuleSet.Recommended"/>).</summary>
    public ValidationRuleSet Rules { get; init; } = ValidationRuleSet.Recommended;

    /// <summary>
    /// Gets the toolstack, that is the dialect, the config is for (default <see cref="Config.Model.Toolstack.Xl"/>):
    /// an xm file checked for xl gets xl's reading of it. The libxl checks apply to xl only.
    /// </summary>
    public Toolstack Toolstack { get; init; } = Toolstack.Xl;

    /// <summary>Gets the Xen version the config is for (default 4.17): options it does not read yet or any more are reported.</summary>
    public XenVersion XenVersion { get; init; } = new(4, 17);

    /// <summary>
    /// Gets the host the guest should run on, or <see langword="null"/> (the default) not to check host fit. With a host,
    /// HVM support, PAE, memory, vCPUs, IOMMU and HAP are checked against it, and xl's own CPU and NUMA checks use its
    /// <c>nr_cpus</c>/<c>nr_nodes</c> instead of the oracle's 8 CPUs and 1 node.
    /// </summary>
    public HostInfo? Host { get; init; }

    /// <summary>Gets the file-system probe for bridges and disk targets, or <see langword="null"/> (the default): nothing on the machine is touched.</summary>
    public IValidationProbe? Probe { get; init; }

    /// <summary>Gets the context xm files are evaluated in (default <see cref="XmEvaluationContext.Default"/>).</summary>
    public XmEvaluationContext XmContext { get; init; } = XmEvaluationContext.Default;

    /// <summary>Gets per-ID severities that replace the default ones (<c>XH8108</c> → Error); IDs are matched case-insensitively.</summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public IReadOnlyDictionary<string, DiagnosticSeverity> SeverityOverrides
    {
        get => _severities;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _severities = value.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Gets the IDs that are not reported at all; matched case-insensitively.</summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public IReadOnlyCollection<string> Suppressed
    {
        get => _suppressed;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _suppressed = value.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Returns options with one more severity override.</summary>
    /// <param name="id">The diagnostic ID, e.g. <c>XH8100</c>.</param>
    /// <param name="severity">The severity it gets.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    [System.Diagnostics.Contracts.Pure]
    public ValidationOptions WithSeverity(string id, DiagnosticSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(id);
        var map = new Dictionary<string, DiagnosticSeverity>(_severities, StringComparer.OrdinalIgnoreCase) { [id] = severity };
        return this with { SeverityOverrides = map };
    }

    /// <summary>Returns options that suppress one more ID.</summary>
    /// <param name="id">The diagnostic ID.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    [System.Diagnostics.Contracts.Pure]
    public ValidationOptions WithSuppressed(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return this with { Suppressed = [.. _suppressed, id] };
    }

    /// <summary>The binding options that read a config as these options target it.</summary>
    internal BindOptions ToBindOptions() => new()
    {
        Toolstack = Toolstack,
        XenVersion = XenVersion,
        XmContext = XmContext,
        HostCpus = Host?.NrCpus is { } cpus && cpus > 0 ? cpus : BindOptions.Default.HostCpus,
        HostNodes = Host?.NrNodes is { } nodes && nodes > 0 ? nodes : BindOptions.Default.HostNodes,
    };
}
