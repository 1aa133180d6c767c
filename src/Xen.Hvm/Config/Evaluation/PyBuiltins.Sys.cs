namespace Xen.Hvm.Config.Evaluation;

// The sys module.
internal static partial class PyBuiltins
{
    private static PyModule Sys(XmInterpreter interp)
    {
        var m = new PyModule("sys", false);
        void F(string name, BuiltinImpl impl) => m.Attributes[name] = new PyBuiltin("sys." + name, impl);
        m.Attributes["maxint"] = PyOps.MakeInt(long.MaxValue);
        m.Attributes["byteorder"] = new PyStr("little");
        F("exit", call => throw PyExceptions.Raise(PyExceptions.SystemExit, call.Args.Length > 0 ? PyOps.StrForMessage(call.Arg(0)) : string.Empty));
        foreach (string name in new[] { "argv", "version", "version_info", "platform", "path", "modules", "stdout", "stderr", "stdin", "executable", "prefix", "hexversion", "getrecursionlimit", "setrecursionlimit", "exc_info", "settrace", "setprofile", "getrefcount", "_getframe" })
        {
            m.Attributes[name] = new PyRefusedAttribute("sys." + name, "read the state of the xm process");
        }

        _ = interp;
        return m;
    }
}
