namespace Xen.Hvm.Config.Evaluation;

// import: the modules an xm config can import, and the ones refused.
internal static partial class PyBuiltins
{
    /// <summary>The environment when the context does not give one: every question about it is unknown.</summary>
    internal sealed class UnknownEnvironment : PyObj
    {
        public override string TypeName => "instance";
    }

    public static PyObj Import(string dotted, XmInterpreter interp, int row)
    {
        string head = dotted.Split('.')[0];
        if (s_refusedModules.Contains(head))
        {
            return new PyModule(dotted, true, RunProcess);
        }

        return Module(dotted, interp);
    }

    public static PyModule Module(string name, XmInterpreter interp)
    {
        var modules = ModuleCache(interp);
        if (modules.TryGetValue(name, out PyModule? cached))
        {
            return cached;
        }

        PyModule m = name switch
        {
            "os" => Os(interp),
            "os.path" or "posixpath" => OsPath(interp),
            "re" => Re(),
            "sys" => Sys(interp),
            "string" => StringModule(),
            "platform" => Platform(interp),
            "xen.util.ip" => XenUtilIp(interp),
            _ => new PyModule(name, true),
        };
        modules[name] = m;
        return m;
    }

    private static Dictionary<string, PyModule> ModuleCache(XmInterpreter interp) => interp.Modules;
}
