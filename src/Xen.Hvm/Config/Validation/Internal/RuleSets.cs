using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Validation.Internal;

/// <summary>The rule set each of the validator's own IDs belongs to: XH80xx libxl, XH81xx recommended, a few pedantic ones all.</summary>
internal static class RuleSets
{
    private static readonly HashSet<string> s_pedantic = new(StringComparer.Ordinal)
    {
        DiagnosticIds.OptionDeprecated,
        DiagnosticIds.CdromFirstInBoot,
    };

    public static ValidationRuleSet Of(string id) =>
        s_pedantic.Contains(id) ? ValidationRuleSet.All
        : string.CompareOrdinal(id, "XH8100") < 0 ? ValidationRuleSet.Libxl
        : ValidationRuleSet.Recommended;
}
