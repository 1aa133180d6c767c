namespace Xen.Hvm.Config.Evaluation;

// The string module.
internal static partial class PyBuiltins
{
    private static PyModule StringModule()
    {
        var m = new PyModule("string", false);
        m.Attributes["digits"] = new PyStr("0123456789");
        m.Attributes["hexdigits"] = new PyStr("0123456789abcdefABCDEF");
        m.Attributes["octdigits"] = new PyStr("01234567");
        m.Attributes["ascii_lowercase"] = m.Attributes["lowercase"] = new PyStr("abcdefghijklmnopqrstuvwxyz");
        m.Attributes["ascii_uppercase"] = m.Attributes["uppercase"] = new PyStr("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m.Attributes["ascii_letters"] = m.Attributes["letters"] = new PyStr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m.Attributes["whitespace"] = new PyStr(" \t\n\r\v\f");
        foreach (string name in new[] { "upper", "lower", "strip", "lstrip", "rstrip", "split", "replace", "find", "rfind", "count", "zfill", "capitalize", "ljust", "rjust", "center", "swapcase" })
        {
            // string.f(s, args...) is s.f(args...)
            m.Attributes[name] = new PyBuiltin("string." + name, call => call.Interpreter.Call(
                GetAttribute(Known(call.Arg(0)), name, call.Interpreter, call.Row), call.Args.Skip(1).ToArray(), call.Keywords, call.Row));
        }

        m.Attributes["join"] = new PyBuiltin("string.join", call => call.Interpreter.Call(
            GetAttribute(call.Args.Length > 1 ? call.Arg(1) : new PyStr(" "), "join", call.Interpreter, call.Row), [call.Arg(0)], null, call.Row));
        m.Attributes["atoi"] = new PyBuiltin("string.atoi", call => ParseInt(S(call, 0, "atoi()"), call.Args.Length > 1 ? Radix(Known(call.Arg(1)), "atoi") : 10, isLong: false, call.Interpreter));
        return m;
    }
}
