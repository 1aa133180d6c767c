namespace Xen.Hvm.Config.Evaluation;

// The platform module, answered by the host profile.
internal static partial class PyBuiltins
{
    private static void Platform(Dictionary<string, PyObj> m)
    {
        void F(string name, Func<XmHostProfile, PyObj> get) => m[name] = new PyBuiltin("platform." + name, call =>
            call.Interpreter.Context.Host is { } h ? get(h) : call.Interpreter.UnknownNeedingContext(call.Row, "platform." + name + "()", "a host profile (XmEvaluationContext.Host)"));
        F("machine", h => new PyStr(h.Machine));
        F("system", h => new PyStr(h.SystemName));
        F("node", h => new PyStr(h.NodeName));
        F("release", h => new PyStr(h.Release));
        F("version", h => new PyStr(h.Version));
    }
}
