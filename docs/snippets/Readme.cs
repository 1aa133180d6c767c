#region usings
using Xen.Hvm.Config;
#endregion

namespace Xen.Hvm.Snippets;

/// <summary>The sample of README.md and nuget/README.md (the package's readme), run on fixtures/winxp.cfg.</summary>
internal static class Readme
{
    public static void Run()
    {
        #region readme
        ConfigDocument doc = XenConfig.Load("winxp.cfg");
        foreach (var d in doc.Diagnostics) Console.WriteLine(d);        // winxp.cfg(3,14): error XH1002: ...
        long memory = doc.Values.GetInt64("memory");                    // 512 and "512" alike, in xl and xm files
        doc = doc.WithValue("memory", memory * 2).WithItemAppended("vif", "bridge=xenbr1");   // new documents: [Pure]
        doc.Save("winxp.cfg");                                          // other bytes stay; a refused edit is never saved
        #endregion

        Check.That(XenConfig.Load("winxp.cfg").Values.GetInt64("memory") == 1024, "README: memory doubled");
        Check.That(File.ReadAllText("winxp.cfg").Contains("bridge=xenbr1", StringComparison.Ordinal), "README: vif appended");
    }
}
