namespace Xen.Hvm.Config.Evaluation;

// The string module.
internal static partial class PyBuiltins
{
    private static void StringModule(Dictionary<string, PyObj> m)
    {
        m["digits"] = new PyStr("0123456789");
        m["hexdigits"] = new PyStr("0123456789abcdefABCDEF");
        m["octdigits"] = new PyStr("01234567");
        m["ascii_lowercase"] = m["lowercase"] = new PyStr("abcdefghijklmnopqrstuvwxyz");
        m["ascii_uppercase"] = m["uppercase"] = new PyStr("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m["ascii_letters"] = m["letters"] = new PyStr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        m["whitespace"] = new PyStr(" \t\n\r\v\f");
        foreach (string name in new[] { "upper", "lower", "strip", "lstrip", "rstrip", "split", "replace", "find", "rfind", "count", "zfill", "capitalize", "ljust", "rjust", "center", "swapcase" })
        {
            // string.f(s, args...) is s.f(args...)
            m[name] = new PyBuiltin("string." + name, call => call.Interpreter.Call(
                GetAttribute(Known(call.Arg(0)), name, call.Interpreter, call.Row), call.Args.Skip(1).ToArray(), call.Keywords, call.Row));
        }

        m["join"] = new PyBuiltin("string.join", call => call.Interpreter.Call(
            GetAttribute(call.Args.Length > 1 ? call.Arg(1) : new PyStr(" "), "join", call.Interpreter, call.Row), [call.Arg(0)], null, call.Row));
        m["atoi"] = new PyBuiltin("string.atoi", call => ParseInt(S(call, 0, "atoi()"), call.Args.Length > 1 ? Radix(Known(call.Arg(1)), "atoi") : 10, isLong: false, call.Interpreter));
    }
}
