namespace Xen.Hvm.Config.Validation;

/// <summary>
/// Which checks <see cref="ConfigValidator"/> makes; each set contains the ones before it.
/// </summary>
public enum ValidationRuleSet
{
    /// <summary>
    /// What <c>xl create -n</c> itself refuses or warns about (<c>parse_config_data</c> of Xen 4.17): the parse and
    /// binding diagnostics (XH1xxx-XH3xxx, XH6xxx). A config has an error under this set exactly when xl refuses it.
    /// </summary>
    Xl,

    /// <summary>Adds what libxl refuses or warns about later, when it creates the guest and starts its device model (XH80xx).</summary>
    Libxl,

    /// <summary>Adds what neither xl nor libxl checks but users need (XH81xx): unknown keys, options the target version or guest type ignores, memory above maxmem, duplicate MACs...</summary>
    Recommended,

    /// <summary>Adds the pedantic remarks: deprecated options that still work, a CD-ROM still first in <c>boot</c>.</summary>
    All,
}
