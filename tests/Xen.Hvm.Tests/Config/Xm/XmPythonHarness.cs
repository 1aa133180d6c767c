using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>
/// Finds CPython 2 and 3 on this machine: <c>XEN_HVM_PYTHON2</c>/<c>XEN_HVM_PYTHON3</c>, pyenv's 2.7.18, or
/// <c>python2</c>/<c>python3</c> on PATH.
/// </summary>
internal static class PythonInterpreters
{
    private static readonly Lazy<string?> s_python2 = new(() => Find("XEN_HVM_PYTHON2", ["/root/.pyenv/versions/2.7.18/bin/python"], "python2", "2."));
    private static readonly Lazy<string?> s_python3 = new(() => Find("XEN_HVM_PYTHON3", [], "python3", "3."));

    /// <summary>Gets CPython 2, or fails the test saying it is missing.</summary>
    public static string Python2 => Infrastructure.Judges.Require(s_python2.Value, Missing(2)!);

    /// <summary>Gets CPython 3, or fails the test saying it is missing.</summary>
    public static string Python3 => Infrastructure.Judges.Require(s_python3.Value, Missing(3)!);

    /// <summary>Gets what is missing for CPython <paramref name="major"/>, or null when it was found.</summary>
    public static string? Missing(int major) => (major == 2 ? s_python2.Value : s_python3.Value) is null
        ? $"Python {major} is absent (set XEN_HVM_PYTHON{major} or put python{major} on PATH; 2.7.18 is looked for at /root/.pyenv/versions/2.7.18/bin/python)."
        : null;

    /// <summary>Gets why tests comparing with CPython <paramref name="major"/> are skipped (absent, not CI), or null.</summary>
    public static string? SkipReason(int major) => Infrastructure.Judges.SkipReason(Missing(major));

    private static string? Find(string variable, string[] candidates, string command, string versionPrefix)
    {
        var paths = new List<string>();
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnv)
        {
            paths.Add(fromEnv);
        }

        paths.AddRange(candidates);
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths.Add(Path.Combine(dir, command));
        }

        foreach (string p in paths.Where(File.Exists))
        {
            try
            {
                var (code, output, error) = Run(p, ["-c", "import sys; sys.stdout.write('%d.%d' % sys.version_info[:2])"], string.Empty);
                if (code == 0 && (output + error).StartsWith(versionPrefix, StringComparison.Ordinal))
                {
                    return p;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return null;
    }

    public static (int ExitCode, string Out, string Error) Run(string python, string[] args, string input)
    {
        var psi = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process process = Process.Start(psi)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A [Fact] that is skipped, with the reason, when the Python it needs is absent (and fails in CI).</summary>
public sealed class PythonFactAttribute : Infrastructure.JudgeFactAttribute
{
    public PythonFactAttribute(int major)
        : base(PythonInterpreters.SkipReason(major) ?? (major > 0 ? Infrastructure.Corpus.SkipReason : null))
    {
    }
}

/// <summary>A [Theory] that is skipped, with the reason, when the Python it needs or the corpus is absent (and fails in CI).</summary>
public sealed class PythonTheoryAttribute : Infrastructure.JudgeTheoryAttribute
{
    public PythonTheoryAttribute(int major)
        : base(PythonInterpreters.SkipReason(major) ?? Infrastructure.Corpus.SkipReason)
    {
    }
}

/// <summary>
/// Our own harness that runs xm config files the way xm's <c>opts.py</c> did (Xen 4.4): it seeds the locals like
/// <c>Opts.load</c>, runs the file with separate globals and locals, and prints, per file, the locals xm keeps
/// (<c>str</c>, <c>list</c>, <c>int</c>, <c>float</c>) as JSON. Host questions are answered from the job; anything
/// that would touch the host raises, so the file is reported as "refused". Works on Python 2 and 3.
/// </summary>
internal static class XmPythonHarness
{
    public const string Source = """
# Runs xm config files the way xm's opts.py (Xen 4.4) did: the standard imports and xm_vars in the locals, then
# execfile with separate globals and locals; prints, per file, the locals whose type xm kept (str, list, int, float).
# Host questions (os.uname, os.environ, os.getcwd, os.path.exists...) are answered from the job, never from this host;
# anything that would touch the host raises Refused, so the file is reported as "refused".
import sys, os, json, types, re, traceback
PY3 = sys.version_info[0] >= 3
if PY3:
    from io import StringIO
    string_types = (str,)
    kept_types = (str, list, int, float)
else:
    from StringIO import StringIO
    string_types = (str, unicode)
    kept_types = (str, list, int, float)

class Refused(Exception):
    pass

def refuse(name):
    def f(*a, **k):
        raise Refused(name)
    return f

class Vars:
    # The semantics of xen/xm/help.py Vars/Var (Xen 4.4), written anew.
    def __init__(self, name, help, env):
        self.name = name; self.help = help; self.env = env; self.vars = []
    def var(self, name, use=None, check=None):
        self.vars.append((name, use, check))
    def check(self):
        if self.help:
            return
        for (name, use, check) in self.vars:
            if not check:
                continue
            try:
                self.env[name] = check(name, self.env.get(name))
            except StandardError_ as ex:
                raise type(ex)(name + " - " + str(ex))

StandardError_ = Exception if PY3 else StandardError

def install(job):
    uname = job.get("uname")
    os.uname = (lambda: tuple(uname)) if uname else refuse("os.uname")
    env = job.get("env") or {}
    os.environ = dict(env)
    os.getenv = lambda k, d=None: env.get(k, d)
    cwd = job.get("cwd")
    os.getcwd = (lambda: cwd) if cwd else refuse("os.getcwd")
    exists = job.get("exists") or {}
    def ask(kind):
        def f(p):
            key = kind + ":" + p
            if key in exists: return exists[key]
            if p in exists: return exists[p]
            raise Refused("os.path." + kind)
        return f
    for kind in ("exists", "isfile", "isdir", "islink", "lexists"):
        setattr(os.path, kind, ask(kind))
    for name in ("system", "popen", "listdir", "remove", "unlink", "mkdir", "makedirs", "rmdir", "rename", "chdir",
                 "execv", "execl", "execvp", "fork", "kill", "stat", "lstat", "walk", "open", "getpid", "getuid", "readlink"):
        if hasattr(os, name):
            setattr(os, name, refuse("os." + name))
    ip = types.ModuleType("xen.util.ip")
    for m in ("os", "re", "socket", "struct", "errno"):
        setattr(ip, m, __import__(m))
    for f in ("get_defaultroute", "get_current_ipaddr", "get_current_ipmask", "get_current_ipgw", "inet_aton", "inet_ntoa",
              "add_offset_to_ip", "check_subnet"):
        setattr(ip, f, refuse(f))
    helpmod = types.ModuleType("xen.xm.help")
    helpmod.Vars = Vars
    for n in ("xen", "xen.util", "xen.xm"):
        sys.modules[n] = types.ModuleType(n)
    sys.modules["xen.util.ip"] = ip
    sys.modules["xen.xm.help"] = helpmod

def convert(v):
    # -> (ok, json value)
    if isinstance(v, bool) or v is None:
        return (False, None)
    if isinstance(v, string_types):
        return (True, v)
    if isinstance(v, (int, float)) or (not PY3 and isinstance(v, long)):
        if isinstance(v, float):
            return (True, v)
        if -2**63 <= v < 2**63:
            return (True, int(v))
        return (False, None)
    if isinstance(v, (list, tuple)):
        out = []
        for x in v:
            ok, j = convert(x)
            if not ok: return (False, None)
            out.append(j)
        return (True, out)
    return (False, None)

def file_line(path):
    # The line of the config file (its outermost frame) where the exception being handled arose.
    tb = sys.exc_info()[2]
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            return tb.tb_lineno
        tb = tb.tb_next
    return None

def run(job):
    install(job)
    path = job["file"]
    globs = {}
    locs = dict(job.get("vars") or {})
    xm_file = job.get("xm_file", path)
    cmd = "\n".join(["import sys", "import os", "import os.path", "from xen.util.ip import *",
                     "from xen.xm.help import Vars", "xm_file = %r" % xm_file, "xm_help = 0",
                     "xm_vars = Vars(xm_file, xm_help, locals())"])
    exec(cmd, globs, locs)
    result = {"file": path}
    out = StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        if PY3:
            with open(path, "rb") as fh:
                source = fh.read()
            exec(compile(source, path, "exec"), globs, locs)
        else:
            # What xm ran: execfile reads the file as Python 2 reads a source file (PEP 263: a non-ASCII byte
            # without a coding line is a SyntaxError at its line), which compile() of a string does not check.
            execfile(path, globs, locs)
        result["outcome"] = "completed"
    except SyntaxError as e:
        result["outcome"] = "syntax"
        result["line"] = e.lineno
    except Refused as e:
        result["outcome"] = "refused"
        result["what"] = str(e)
        result["line"] = file_line(path)
    except Exception as e:
        result["outcome"] = "raised"
        result["exception"] = type(e).__name__
        result["line"] = file_line(path)
    finally:
        sys.stdout = saved
    text = out.getvalue()
    result["output"] = text if PY3 or isinstance(text, unicode) else text.decode("latin-1")
    kept = {}
    bad = []
    for k in sorted(locs.keys()):
        v = locs[k]
        if type(v) not in kept_types:
            continue
        if k in ("xm_file", "xm_help") and v == {"xm_file": xm_file, "xm_help": 0}[k]:
            continue
        try:
            ok, j = convert(v)
        except RuntimeError:
            ok = False  # nested too deeply (or in itself) to convert
        if ok:
            kept[k] = j
        else:
            bad.append(k)
    result["vars"] = kept
    result["unrepresentable"] = bad
    return result

def native(o):
    # JSON gives unicode on Python 2; xm's values were byte strings.
    if not PY3 and isinstance(o, unicode):
        return o.encode("utf-8")
    if isinstance(o, list):
        return [native(x) for x in o]
    if isinstance(o, dict):
        return dict((native(k), native(v)) for k, v in o.items())
    return o

def main():
    jobs = native(json.loads(sys.stdin.read()))
    for job in jobs:
        try:
            r = run(job)
        except Exception as e:
            r = {"file": job.get("file"), "outcome": "harness-error", "what": repr(e)}
        sys.stdout.write(json.dumps(r, sort_keys=True) + "\n")

main()
""";

    /// <summary>Runs the jobs and returns one JSON object per job, by file.</summary>
    public static Dictionary<string, JsonObject> Run(string python, JsonArray jobs)
    {
        string dir = Path.Combine(Path.GetTempPath(), "xen-hvm-harness-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = Path.Combine(dir, "xm_harness.py");
            File.WriteAllText(script, Source);
            var (code, output, error) = PythonInterpreters.Run(python, [script], jobs.ToJsonString());
            Assert.True(code == 0, "harness failed: " + error);
            var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var o = JsonNode.Parse(line)!.AsObject();
                result[(string)o["file"]!] = o;
            }

            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
