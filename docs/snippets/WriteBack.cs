#region usings
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;
#endregion

namespace Xen.Hvm.Snippets;

/// <summary>docs/articles/write-back.md, on fixtures/winxp.cfg.</summary>
internal static class WriteBack
{
    public static void Run()
    {
        #region write-back
        ConfigDocument doc = XenConfig.Load("winxp.cfg");
        DomainConfig model = DomainConfig.Bind(doc).Config;

        DiskSpec data = DiskSpec.Parse("/dev/vg/data,raw,xvdb,w", doc.Dialect, null).Value;
        model = model with
        {
            MemoryMiB = 2048,
            Disks = [.. model.Disks ?? [], data],
            OnCrash = null,              // cleared: every setting of on_crash goes
        };

        ApplyResult result = doc.WithModel(model);
        if (result.HasRefusals)
        {
            foreach (var d in result.Diagnostics) Console.Error.WriteLine(d);   // guest.cfg(12,10): error XH3200: ...
        }
        else
        {
            result.Document.Save("winxp.cfg");
        }
        #endregion

        Check.That(!result.HasRefusals && XenConfig.Load("winxp.cfg").Values.GetInt64("memory") == 2048, "write-back: memory written");
    }
}
