using Xen.Hvm.Config;

namespace Xen.Hvm.Snippets;

/// <summary>docs/diagnostics.md (XH0001, the shipped analyzer's warning) and docs/limits.md (raising the xm bounds).</summary>
internal static class Diagnostics
{
    public static void Run()
    {
        string path = "winxp.cfg";
        ConfigDocument doc = XenConfig.Load(path);
        long before = doc.Values.GetInt64("memory");

#pragma warning disable XH0001, CA1806 // The bad example, as it is shown: what the analyzer warns about.
        #region xh0001-bad
        doc.WithValue("memory", 1024);   // warning XH0001: 'doc.WithValue(...)' returns a ConfigDocument and changes nothing else; ...
        doc.Save(path);                  // saves the old text
        #endregion
#pragma warning restore XH0001, CA1806
        Check.That(XenConfig.Load(path).Values.GetInt64("memory") == before, "XH0001: the dropped edit changed nothing");

        #region xh0001-fixed
        doc = doc.WithValue("memory", 1024);
        doc.WithValue("memory", 1024).Save(path);
        #endregion
        Check.That(XenConfig.Load(path).Values.GetInt64("memory") == 1024, "XH0001: the fixed edit is saved");

        doc = XenConfig.Load("guest.cfg");
        #region raise-bounds
        var context = XmEvaluationContext.Default with
        {
            MaxDuration = TimeSpan.FromSeconds(30),       // or Timeout.InfiniteTimeSpan for no time bound
            MaxAllocatedBytes = 2L * 1024 * 1024 * 1024,  // 2 GiB
            MaxIntegerDigits = 100_000,
        };
        XmEvaluationResult r = doc.Evaluate(context);
        #endregion
        Check.That(r.Outcome != XmEvaluationOutcome.LimitExceeded, "limits: the raised bounds evaluate");
    }
}
