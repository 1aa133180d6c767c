using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Validation;

/// <summary>What <see cref="ConfigValidator"/> found: the diagnostics of the rule set, and how the config was read.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ValidationResult
{
    internal ValidationResult(BindResult binding, ValidationOptions options, IReadOnlyList<Diagnostic> diagnostics, bool? fitsHost)
    {
        Binding = binding;
        Options = options;
        Diagnostics = diagnostics;
        FitsHost = fitsHost;
        HasErrors = diagnostics.Any(static d => d.IsError);
    }

    /// <summary>Gets the binding the checks ran on (the typed model, where each value is).</summary>
    public BindResult Binding { get; }

    /// <summary>Gets the typed model.</summary>
    public DomainConfig Config => Binding.Config;

    /// <summary>Gets the options the checks ran with.</summary>
    public ValidationOptions Options { get; }

    /// <summary>
    /// Gets the diagnostics, ordered by position: the document's and binding's (rule set <see cref="ValidationRuleSet.Xl"/>),
    /// then the validation's own (XH8xxx) and the host check's (XH5xxx at the setting they concern), with the severity
    /// overrides applied and the suppressed IDs left out.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether a diagnostic is an error.</summary>
    public bool HasErrors { get; }

    /// <summary>Gets whether the host of <see cref="ValidationOptions.Host"/> can run the guest (no host-fit error), or <see langword="null"/> when no host was given.</summary>
    public bool? FitsHost { get; }
}
