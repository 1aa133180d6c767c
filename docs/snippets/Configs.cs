using Xen.Hvm.Config;

namespace Xen.Hvm.Snippets;

/// <summary>docs/articles/configs.md, run on fixtures/guest.cfg (an xm file) and the fixtures' configs.</summary>
internal static class Configs
{
    public static void Run()
    {
        #region xm-evaluate
        var doc = XenConfig.Load("guest.cfg");
        XmEvaluationResult r = doc.Evaluate(new XmEvaluationContext
        {
            Host = XmHostProfile.Parse("Linux dom0 2.6.18-xen #1 SMP x86_64"),   // what os.uname() answers
            Variables = new Dictionary<string, string> { ["vmid"] = "3" },       // xm create guest.cfg vmid=3
            PathAnswers = new Dictionary<string, bool> { ["/usr/lib64"] = true }, // os.path.exists & co.
        });
        Console.WriteLine(r.Variables.GetString("device_model"));   // /usr/lib64/xen/bin/qemu-dm
        Console.WriteLine(string.Join(", ", r.UnknownVariables));  // what could not be known
        Console.WriteLine(r.Outcome);   // Completed, Raised (xm create would fail), Rejected (syntax error), LimitExceeded,
                                        // InvalidOption (xm create's command line), Failed (a defect of the evaluator, XH4116)
        #endregion

        #region load-all
        int read = 0, broken = 0;
        foreach (XenConfig.LoadResult file in XenConfig.LoadAll(Directory.EnumerateFiles(".", "*.cfg").Order(StringComparer.Ordinal)))
        {
            if (!file.IsLoaded)
            {
                Console.WriteLine(file.Error);   // XH2009: the file could not be read
                continue;
            }

            read++;
            broken += file.Document.HasErrors ? 1 : 0;   // each document as XenConfig.Load gives it, in the order given
        }

        Console.WriteLine($"{read} configs read, {broken} with errors");
        #endregion

        Check.That(read == 2 && broken == 0, "configs: LoadAll reads both fixture configs");
        Check.That(r.Outcome == XmEvaluationOutcome.Completed, "configs: the xm file evaluates");
        Check.That(r.Variables.GetString("device_model") == "/usr/lib64/xen/bin/qemu-dm", "configs: device_model");
    }
}
