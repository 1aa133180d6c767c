namespace Xen.Hvm.Config.Evaluation;

// The os module: uname, environ, getcwd, getenv answered by the context; everything that touches the host refused.
internal static partial class PyBuiltins
{
    public static PyModule Os(XmInterpreter interp)
    {
        var cache = ModuleCache(interp);
        if (cache.TryGetValue("os", out PyModule? existing))
        {
            return existing;
        }

        XmEvaluationContext ctx = interp.Context;
        PyModule os = FromTemplate("os", OsTemplate);
        cache["os"] = os;
        os.SetAttribute("environ", ctx.Environment is null ? new UnknownEnvironment() : EnvironmentDict(ctx.Environment, interp.Budget));
        os.SetAttribute("path", OsPath(interp));
        return os;
    }

    /// <summary>The attributes of os that are the same in every evaluation (see <see cref="FromTemplate"/>).</summary>
    private static void OsTemplate(Dictionary<string, PyObj> os)
    {
        void F(string name, BuiltinImpl impl) => os[name] = new PyBuiltin("os." + name, impl);
        F("uname", call => call.Interpreter.Context.Host is { } h
            ? new PyTuple([new PyStr(h.SystemName), new PyStr(h.NodeName), new PyStr(h.Release), new PyStr(h.Version), new PyStr(h.Machine)])
            : call.Interpreter.UnknownNeedingContext(call.Row, "os.uname()", "a host profile (XmEvaluationContext.Host)"));
        F("getcwd", call => call.Interpreter.Context.WorkingDirectory is { } cwd ? new PyStr(cwd) : call.Interpreter.UnknownNeedingContext(call.Row, "os.getcwd()", "a working directory (XmEvaluationContext.WorkingDirectory)"));
        F("getenv", call =>
        {
            string key = S(call, 0, "getenv()");
            IReadOnlyDictionary<string, string>? environment = call.Interpreter.Context.Environment;
            if (environment is null)
            {
                return call.Interpreter.UnknownNeedingContext(call.Row, $"os.getenv('{key}')", "the environment (XmEvaluationContext.Environment)");
            }

            return environment.TryGetValue(key, out string? v) ? new PyStr(v) : call.Arg(1);
        });
        os["sep"] = new PyStr("/");
        os["curdir"] = new PyStr(".");
        os["pardir"] = new PyStr("..");
        os["linesep"] = new PyStr("\n");
        os["pathsep"] = new PyStr(":");
        os["name"] = new PyStr("posix");
        foreach (string name in new[] { "system", "popen", "popen2", "popen3", "spawnl", "spawnv", "spawnvp", "execv", "execve", "execl", "execlp", "execvp", "fork", "kill", "killpg", "startfile", "wait", "waitpid" })
        {
            F(name, call => throw call.Interpreter.Refuse(call.Row, "os." + name + "(...)", RunProcess));
        }

        foreach (string name in new[] { "remove", "unlink", "rmdir", "removedirs", "mkdir", "makedirs", "rename", "renames", "chdir", "chmod", "chown", "symlink", "link", "open", "fdopen", "write", "read", "close", "truncate", "utime", "mkfifo", "mknod", "putenv", "unsetenv", "setuid", "setgid", "umask", "chroot", "listdir", "walk", "stat", "lstat", "access", "readlink", "getpid", "getppid", "getuid", "getgid", "geteuid", "getlogin", "urandom", "tmpnam", "tempnam", "tmpfile" })
        {
            F(name, call => throw call.Interpreter.Refuse(call.Row, "os." + name + "(...)", "touch the host (its files, processes or identity)"));
        }

    }

    private static PyDict EnvironmentDict(IReadOnlyDictionary<string, string> environment, XmBudget budget)
    {
        var d = new PyDict(budget);
        foreach (var (k, v) in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            d.Set(new PyStr(k), new PyStr(v));
        }

        return d;
    }
}
