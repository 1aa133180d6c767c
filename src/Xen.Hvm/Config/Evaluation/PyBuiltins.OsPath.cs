namespace Xen.Hvm.Config.Evaluation;

// The os.path module: path arithmetic computed as posixpath does; questions about the host's files answered by the context.
internal static partial class PyBuiltins
{
    private static PyModule OsPath(XmInterpreter interp)
    {
        var cache = ModuleCache(interp);
        if (cache.TryGetValue("os.path", out PyModule? existing))
        {
            return existing;
        }

        PyModule m = FromTemplate("os.path", OsPathTemplate);
        cache["os.path"] = m;
        cache["posixpath"] = m;
        return m;
    }

    /// <summary>The attributes of os.path (the same in every evaluation: see <see cref="FromTemplate"/>).</summary>
    private static void OsPathTemplate(Dictionary<string, PyObj> m)
    {
        void F(string name, BuiltinImpl impl) => m[name] = new PyBuiltin("os.path." + name, impl);
        F("join", call =>
        {
            string result = S(call, 0, "join()");
            for (int i = 1; i < call.Args.Length; i++)
            {
                string part = S(call, i, "join()");
                call.Interpreter.Budget.ChargeString((long)result.Length + part.Length + 1);
                result = part.StartsWith('/') ? part : result.Length == 0 || result.EndsWith('/') ? result + part : result + "/" + part;
            }

            return new PyStr(result);
        });
        F("basename", call => new PyStr(SplitPath(S(call, 0, "basename()")).Tail));
        F("dirname", call => new PyStr(SplitPath(S(call, 0, "dirname()")).Head));
        F("split", call => SplitPath(S(call, 0, "split()")) is var (h, t) ? new PyTuple([new PyStr(h), new PyStr(t)]) : PyUnknown.Instance);
        F("splitext", call =>
        {
            string p = S(call, 0, "splitext()");
            int slash = p.LastIndexOf('/');
            int dot = p.LastIndexOf('.');
            int nameStart = slash + 1;
            while (nameStart < p.Length && p[nameStart] == '.')
            {
                nameStart++;
            }

            return dot >= nameStart ? new PyTuple([new PyStr(p[..dot]), new PyStr(p[dot..])]) : new PyTuple([new PyStr(p), PyStr.Empty]);
        });
        F("isabs", call => PyBool.Of(S(call, 0, "isabs()").StartsWith('/')));
        F("normpath", call => new PyStr(NormPath(S(call, 0, "normpath()"))));
        F("abspath", call =>
        {
            string p = S(call, 0, "abspath()");
            if (!p.StartsWith('/'))
            {
                string cwd = call.Interpreter.Context.WorkingDirectory ?? throw call.Interpreter.NeedsContext(call.Row, "os.path.abspath()", "a working directory (XmEvaluationContext.WorkingDirectory)");
                p = cwd.TrimEnd('/') + "/" + p;
            }

            return new PyStr(NormPath(p));
        });
        F("expanduser", call =>
        {
            string p = S(call, 0, "expanduser()");
            if (!p.StartsWith('~'))
            {
                return new PyStr(p);
            }

            if (call.Interpreter.Context.Environment is { } environment && environment.TryGetValue("HOME", out string? home) && (p.Length == 1 || p[1] == '/'))
            {
                return new PyStr(home.TrimEnd('/') + p[1..]);
            }

            throw call.Interpreter.NeedsContext(call.Row, "os.path.expanduser()", "HOME in the environment (XmEvaluationContext.Environment)");
        });
        foreach (string kind in new[] { "exists", "isfile", "isdir", "islink", "lexists" })
        {
            F(kind, call =>
            {
                string p = S(call, 0, kind + "()");
                XmEvaluationContext ctx = call.Interpreter.Context;
                if (ctx.PathAnswers.TryGetValue(kind + ":" + p, out bool specific))
                {
                    return PyBool.Of(specific);
                }

                if (ctx.PathAnswers.TryGetValue(p, out bool answer))
                {
                    return PyBool.Of(answer);
                }

                if (ctx.AllowFileSystemQueries)
                {
                    return PyBool.Of(kind switch
                    {
                        "isfile" => File.Exists(p),
                        "isdir" => Directory.Exists(p),
                        "islink" => new FileInfo(p).LinkTarget is not null,
                        _ => File.Exists(p) || Directory.Exists(p),
                    });
                }

                throw call.Interpreter.NeedsContext(call.Row, $"os.path.{kind}('{p}')", "an answer about the host's files (XmEvaluationContext.PathAnswers)");
            });
        }

        foreach (string name in new[] { "getsize", "getmtime", "getatime", "getctime", "realpath", "samefile", "walk", "ismount", "expandvars" })
        {
            F(name, call => throw call.Interpreter.NeedsContext(call.Row, "os.path." + name + "()", "the host's files"));
        }

        m["sep"] = new PyStr("/");
    }

    private static (string Head, string Tail) SplitPath(string p)
    {
        int i = p.LastIndexOf('/') + 1;
        string head = p[..i];
        if (head.Length > 0 && head.Trim('/').Length > 0)
        {
            head = head.TrimEnd('/');
        }

        return (head, p[i..]);
    }

    private static string NormPath(string p)
    {
        if (p.Length == 0)
        {
            return ".";
        }

        int initial = p.StartsWith("//", StringComparison.Ordinal) && !p.StartsWith("///", StringComparison.Ordinal) ? 2 : p.StartsWith('/') ? 1 : 0;
        var parts = new List<string>();
        foreach (string part in p.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part != ".." || (initial == 0 && parts.Count == 0) || (parts.Count > 0 && parts[^1] == ".."))
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        string result = new string('/', initial) + string.Join('/', parts);
        return result.Length == 0 ? "." : result;
    }
}
