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
            "re" => FromTemplate("re", Re),
            "sys" => FromTemplate("sys", Sys),
            "string" => FromTemplate("string", StringModule),
            "platform" => FromTemplate("platform", Platform),
            "xen.util.ip" => XenUtilIp(interp),
            _ => new PyModule(name, true),
        };
        modules[name] = m;
        return m;
    }

    private static Dictionary<string, PyModule> ModuleCache(XmInterpreter interp) => interp.Modules;

    /// <summary>The attributes of each module that are the same in every evaluation, built once per process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, PyObj>> s_templates = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns a new module whose attributes are a copy of those <paramref name="build"/> makes, which it makes once per
    /// process: its builtins must take everything that differs between evaluations (the context, the budget) from the
    /// call (<see cref="CallInfo.Interpreter"/>), never from a variable they capture. An evaluation adds what is its
    /// own (os.environ, os.path) to the copy, and may change the copy as Python lets a script change a module.
    /// </summary>
    private static PyModule FromTemplate(string name, Action<Dictionary<string, PyObj>> build) =>
        new(name, s_templates.GetOrAdd(name, static (_, build) =>
        {
            var attributes = new Dictionary<string, PyObj>(StringComparer.Ordinal);
            build(attributes);
            return attributes;
        }, build));
}
