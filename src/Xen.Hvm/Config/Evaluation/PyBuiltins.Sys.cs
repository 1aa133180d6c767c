namespace Xen.Hvm.Config.Evaluation;

// The sys module.
internal static partial class PyBuiltins
{
    private static void Sys(Dictionary<string, PyObj> m)
    {
        void F(string name, BuiltinImpl impl) => m[name] = new PyBuiltin("sys." + name, impl);
        m["maxint"] = PyOps.MakeInt(long.MaxValue);
        m["byteorder"] = new PyStr("little");
        F("exit", call => throw PyExceptions.Raise(PyExceptions.SystemExit, call.Args.Length > 0 ? PyOps.StrForMessage(call.Arg(0)) : string.Empty));
        foreach (string name in new[] { "argv", "version", "version_info", "platform", "path", "modules", "stdout", "stderr", "stdin", "executable", "prefix", "hexversion", "getrecursionlimit", "setrecursionlimit", "exc_info", "settrace", "setprofile", "getrefcount", "_getframe" })
        {
            m[name] = new PyRefusedAttribute("sys." + name, "read the state of the xm process");
        }
    }
}
