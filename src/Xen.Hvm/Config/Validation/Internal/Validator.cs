using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>Runs the rule sets on one binding and applies the options' severities and suppressions.</summary>
internal sealed class Validator
{
    private readonly Model.BindResult _binding;
    private readonly ValidationOptions _options;

    public Validator(Model.BindResult binding, ValidationOptions options)
    {
        _binding = binding;
        _options = options;
    }

    public ValidationResult Run()
    {
        var context = new ValidationContext(_binding, _options);
        if (_options.Rules >= ValidationRuleSet.Libxl && _options.Toolstack == Model.Toolstack.Xl)
        {
            LibxlRules.Run(context);
        }

        if (_options.Rules >= ValidationRuleSet.Recommended)
        {
            RecommendedRules.Run(context);
            VersionRules.Run(context);
        }

        var own = context.Diagnostics.Where(d => RuleSets.Of(d.Id) <= _options.Rules).ToList();
        List<Diagnostic> host = _options.Host is { } info ? HostFitRules.Run(context, info) : [];

        // The document's diagnostics (syntax) and binding's (which for xm files carry the evaluation's): rule set xl.
        var all = new List<Diagnostic>(_binding.Document.Diagnostics.Count + _binding.Diagnostics.Count + own.Count + host.Count);
        var seen = new HashSet<Diagnostic>();
        foreach (Diagnostic d in _binding.Document.Diagnostics.Concat(_binding.Diagnostics))
        {
            if (seen.Add(d))
            {
                all.Add(d);
            }
        }

        all.AddRange(own);
        int hostStart = all.Count;
        all.AddRange(host);

        var result = new List<(Diagnostic D, int Order, bool Host)>(all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            if (Apply(all[i]) is { } d)
            {
                result.Add((d, i, i >= hostStart));
            }
        }

        Diagnostic[] ordered = result
            .OrderBy(static r => r.D.Span.Start)
            .ThenBy(static r => r.Order)
            .Select(static r => r.D)
            .ToArray();
        bool? fits = _options.Host is null ? null : !result.Any(static r => r.Host && r.D.IsError);
        return new ValidationResult(_binding, _options, ordered, fits);
    }

    private Diagnostic? Apply(Diagnostic d)
    {
        if (_options.Suppressed.Contains(d.Id))
        {
            return null;
        }

        return _options.SeverityOverrides.TryGetValue(d.Id, out DiagnosticSeverity severity) && severity != d.Severity
            ? Diagnostic.Create(d.Descriptor, severity, d.Location, [.. d.Arguments])
            : d;
    }
}
