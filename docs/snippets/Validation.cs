#region usings
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;
#endregion

namespace Xen.Hvm.Snippets;

/// <summary>docs/articles/validation.md, on fixtures/winxp.cfg and info.txt.</summary>
internal static class Validation
{
    public static void Run()
    {
        #region validate
        ConfigDocument doc = XenConfig.Load("winxp.cfg");
        ValidationResult result = ConfigValidator.Validate(doc);          // rule set "recommended", xl of Xen 4.17
        foreach (var d in result.Diagnostics)
            Console.WriteLine(d);                                          // winxp.cfg(9,12): error XH8000: 'videoram' = 4 MiB is below ...
        bool ok = !result.HasErrors;
        #endregion

        string xlInfoText = File.ReadAllText("info.txt");
        #region options
        var options = new ValidationOptions
        {
            Rules = ValidationRuleSet.All,
            Toolstack = Toolstack.Xl,              // the dialect the config is for: an xm file checked for xl gets xl's reading
            XenVersion = new XenVersion(4, 21),    // options and values the target does not read are reported
            Host = HostInfo.Parse(xlInfoText).Value, // host fit: HVM, PAE, memory, vCPUs, IOMMU, HAP; xl's CPU checks use its nr_cpus
            Probe = LocalValidationProbe.Instance, // bridges and disk targets on this machine (never by default)
        }
        .WithSeverity("XH8108", DiagnosticSeverity.Error)   // per-ID severity, like an analyzer's
        .WithSuppressed("XH8100");                          // and suppression
        #endregion

        ValidationResult all = ConfigValidator.Validate(doc, options);
        Check.That(ok && all.Diagnostics.All(d => d.Id != "XH8100"), "validation: the fixture is clean by default, XH8100 suppressed");
    }
}
