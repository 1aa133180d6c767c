using System.Globalization;
using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Xm;

/// <summary>
/// Every corpus file, evaluated by the xm evaluator, against CPython running it with xm's pre-seeded namespace
/// (<see cref="XmPythonHarness"/>), under two host descriptions: a full one, and one that answers nothing.
/// </summary>
public sealed class XmPythonAgreementTests
{
    private static readonly Lazy<Dictionary<string, JsonObject>> s_python2Host = new(() => RunPython(PythonInterpreters.Python2!, Variant.Host));
    private static readonly Lazy<Dictionary<string, JsonObject>> s_python2Bare = new(() => RunPython(PythonInterpreters.Python2!, Variant.Bare));
    private static readonly Lazy<Dictionary<string, JsonObject>> s_python3Host = new(() => RunPython(PythonInterpreters.Python3!, Variant.Host));

    public enum Variant
    {
        /// <summary>A host profile, <c>vmid=3</c>, an environment and a working directory.</summary>
        Host,

        /// <summary>Nothing about the host and no command-line variables.</summary>
        Bare,
    }

    public static TheoryData<string> Files() => new(FileList());

    private static string[] FileList() => Corpus.Files("", f => !f.EndsWith(".jsonl", StringComparison.Ordinal)).ToArray();

    internal static XmEvaluationContext ContextFor(Variant variant, string file) => variant == Variant.Host
        ? new XmEvaluationContext
        {
            Host = XmHostProfile.Parse("Linux host 2.6.18 #1 SMP x86_64"),
            Variables = new Dictionary<string, string> { ["vmid"] = "3" },
            Environment = new Dictionary<string, string> { ["USER"] = "xen", ["HOME"] = "/root", ["BRIDGE"] = "xenbr0" },
            WorkingDirectory = "/etc/xen",
            FilePath = file,
        }
        : new XmEvaluationContext { FilePath = file, Environment = new Dictionary<string, string>() };

    private static Dictionary<string, JsonObject> RunPython(string python, Variant variant)
    {
        var jobs = new JsonArray();
        foreach (string file in FileList())
        {
            XmEvaluationContext c = ContextFor(variant, file);
            var job = new JsonObject
            {
                ["file"] = Corpus.PathOf(file),
                ["xm_file"] = file,
                ["vars"] = new JsonObject(c.Variables.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["env"] = new JsonObject((c.Environment ?? new Dictionary<string, string>()).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            };
            if (c.Host is { } h)
            {
                job["uname"] = new JsonArray(h.SystemName, h.NodeName, h.Release, h.Version, h.Machine);
            }

            if (c.WorkingDirectory is { } cwd)
            {
                job["cwd"] = cwd;
            }

            jobs.Add(job);
        }

        return XmPythonHarness.Run(python, jobs);
    }

    [PythonTheory(2)]
    [MemberData(nameof(Files))]
    public void Evaluate_CorpusFileWithHostProfile_AgreesWithPython2(string file) =>
        AssertAgrees(file, s_python2Host.Value[Corpus.PathOf(file)], Variant.Host, python3: false);

    [PythonTheory(2)]
    [MemberData(nameof(Files))]
    public void Evaluate_CorpusFileWithNothingKnown_AgreesWithPython2(string file) =>
        AssertAgrees(file, s_python2Bare.Value[Corpus.PathOf(file)], Variant.Bare, python3: false);

    [PythonTheory(3)]
    [MemberData(nameof(Files))]
    public void Evaluate_CorpusFileValidInPython3_AgreesWithPython3(string file)
    {
        JsonObject py = s_python3Host.Value[Corpus.PathOf(file)];
        if ((string?)py["outcome"] == "syntax")
        {
            return; // not valid Python 3: only the Python 2 comparison applies
        }

        AssertAgrees(file, py, Variant.Host, python3: true);
    }

    private static void AssertAgrees(string file, JsonObject py, Variant variant, bool python3)
    {
        byte[] bytes = File.ReadAllBytes(Corpus.PathOf(file));
        ConfigDocument doc = XenConfig.Parse(bytes, file, new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        XmEvaluationResult ours = doc.Evaluate(ContextFor(variant, file));
        string outcome = (string)py["outcome"]!;
        string context = $"{file}: python says {py.ToJsonString()}\nwe say {ours.Outcome} {ours.ExceptionType} {Describe(ours)}";
        switch (outcome)
        {
            case "completed":
                Assert.True(ours.Outcome == XmEvaluationOutcome.Completed, context);
                Assert.True(ours.UnknownVariables.Count == 0, context);
                AssertSameVariables(py, ours, context);
                Assert.Equal((string)py["output"]!, ours.Output);
                break;
            case "raised":
                Assert.True(ours.Outcome == XmEvaluationOutcome.Raised, context);
                Assert.True((string)py["exception"]! == ours.ExceptionType, context);
                AssertSameVariables(py, ours, context);
                Assert.Contains(ours.Diagnostics, d => d.Id == DiagnosticIds.XmRaisedException);
                break;
            case "syntax":
                Assert.True(ours.Outcome == XmEvaluationOutcome.Rejected, context);
                Assert.True(doc.HasErrors, context);
                if (!python3)
                {
                    // CPython reports the line of its first error; our first error is on that line.
                    int line = (int)py["line"]!;
                    Diagnostic first = doc.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                    Assert.True(first.Location.Line == line, $"first error at line {first.Location.Line}, Python's at {line}\n{context}");
                }

                break;
            case "refused":
                // Python needed the host (it asked what the context does not answer); we must say so and not guess.
                Assert.True(
                    ours.Diagnostics.Any(d => d.Id is DiagnosticIds.XmNeedsContext or DiagnosticIds.XmRefusedOperation),
                    context);
                Assert.True(ours.UnknownVariables.Count > 0 || ours.Outcome != XmEvaluationOutcome.Completed, context);
                AssertKnownVariablesAgree(doc, py, ours, context);
                break;
            default:
                Assert.Fail(context);
                break;
        }
    }

    /// <summary>
    /// Python stopped where it was refused; every variable it had kept by then that we know, and that nothing after
    /// that line may assign again, must have Python's value (knowing less is allowed, knowing otherwise is not).
    /// </summary>
    private static void AssertKnownVariablesAgree(ConfigDocument doc, JsonObject py, XmEvaluationResult ours, string context)
    {
        int line = (int?)py["line"] ?? int.MaxValue;
        SyntaxData data = doc.SyntaxTree.Data;
        var later = new HashSet<string>(StringComparer.Ordinal);
        foreach (StatementSyntax statement in doc.Root.Statements.Where(s => s.GetLocation().Line >= line))
        {
            var (assigned, receivers, _) = XmBindings.AssignedNames(data, statement.Row, data.End(statement.Row));
            later.UnionWith(assigned);
            later.UnionWith(receivers);
        }

        int compared = 0;
        foreach (var (name, value) in py["vars"]!.AsObject())
        {
            if (later.Contains(name) || later.Contains("xm_vars") || !ours.Variables.TryGetValue(name, out ConfigValue? known))
            {
                continue;
            }

            compared++;
            Assert.True(Same(value, known), $"{name}: Python had {value?.ToJsonString()} when refused, we say {known}\n{context}");
        }

        Assert.True(compared > 0 || py["vars"]!.AsObject().Count == 0 || later.Count > 0 || ours.Variables.Count == 0, context);
    }

    private static string Describe(XmEvaluationResult r) =>
        "{" + string.Join(", ", r.Variables.Select(p => p.Key + ": " + p.Value)) + "} unknown [" + string.Join(", ", r.UnknownVariables) + "] "
        + string.Join(" | ", r.Diagnostics.Select(d => d.ToString()));

    private static void AssertSameVariables(JsonObject py, XmEvaluationResult ours, string context)
    {
        var expected = py["vars"]!.AsObject();
        Assert.True(
            expected.Select(p => p.Key).Order(StringComparer.Ordinal).SequenceEqual(ours.Variables.Keys.Order(StringComparer.Ordinal)),
            context);
        foreach (var (name, value) in expected)
        {
            Assert.True(Same(value, ours.Variables[name]), $"{name}: {value?.ToJsonString()} vs {ours.Variables[name]}\n{context}");
        }
    }

    internal static bool Same(JsonNode? json, ConfigValue value)
    {
        switch (json, value)
        {
            case (JsonArray a, ConfigList l):
                return a.Count == l.Items.Count && a.Select((item, i) => Same(item, l.Items[i])).All(x => x);
            case (JsonValue v, ConfigString s):
                return v.TryGetValue(out string? text) && text == s.Value;
            case (JsonValue v, ConfigInteger i):
            {
                string raw = v.ToJsonString();
                return !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('"') && long.Parse(raw, CultureInfo.InvariantCulture) == i.Value;
            }

            case (JsonValue v, ConfigFloat f):
            {
                string raw = v.ToJsonString();
                return (raw.Contains('.') || raw.Contains('e')) && double.Parse(raw, CultureInfo.InvariantCulture).Equals(f.Value);
            }

            default:
                return false;
        }
    }
}
