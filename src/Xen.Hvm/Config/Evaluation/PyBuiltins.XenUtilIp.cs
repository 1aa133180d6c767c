namespace Xen.Hvm.Config.Evaluation;

// xen.util.ip, whose names xm pre-seeds: the host's network questions are refused.
internal static partial class PyBuiltins
{
    public static PyModule XenUtilIp(XmInterpreter interp)
    {
        var cache = ModuleCache(interp);
        if (cache.TryGetValue("xen.util.ip", out PyModule? existing))
        {
            return existing;
        }

        PyModule m = FromTemplate("xen.util.ip", XenUtilIpTemplate);
        cache["xen.util.ip"] = m;
        m.SetAttribute("os", Os(interp));
        m.SetAttribute("re", Module("re", interp));
        m.SetAttribute("socket", new PyModule("socket", true, "use the network"));
        m.SetAttribute("struct", new PyModule("struct", true));
        m.SetAttribute("errno", new PyModule("errno", true));
        return m;
    }

    /// <summary>The functions of xen.util.ip (the same in every evaluation: see <see cref="FromTemplate"/>).</summary>
    private static void XenUtilIpTemplate(Dictionary<string, PyObj> m)
    {
        foreach (string name in new[] { "get_defaultroute", "get_current_ipaddr", "get_current_ipmask", "get_current_ipgw" })
        {
            m[name] = new PyBuiltin(name, call => throw call.Interpreter.Refuse(call.Row, name + "()", "run 'ip route' on the host"));
        }

        foreach (string name in new[] { "inet_aton", "inet_ntoa", "add_offset_to_ip", "check_subnet" })
        {
            m[name] = new PyBuiltin(name, call => throw call.Interpreter.NotSupported(call.Row, name + "()"));
        }
    }
}
