using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>Helpers for the libxl JSON tests: the dry-run oracle's rows, binding a text, and a readable JSON diff.</summary>
internal static class LibxlJsonTestSupport
{
    /// <summary>The rows of <c>xl-dryrun.jsonl</c> whose config xl accepted (rc 0).</summary>
    public static IEnumerable<JsonObject> AcceptedRows() =>
        BindConformanceTests.DryRunRows().Where(static r => r["rc"]!.GetValue<int>() == 0);

    public static JsonObject Row(string file) =>
        BindConformanceTests.DryRunRows().Single(r => r["file"]!.GetValue<string>() == file);

    public static DomainConfig BindCorpusFile(string file) => BindFile(Corpus.PathOf(file), file);

    /// <summary>Binds a file's bytes as xl reads them.</summary>
    public static DomainConfig BindFile(string path, string? name = null) =>
        DomainConfig.Bind(XenConfig.Parse(File.ReadAllBytes(path), name ?? path,
            new XenConfigParseOptions { Dialect = ConfigDialect.Xl })).Config;

    public static DomainConfig BindXl(string text) => BindTestSupport.BindXl(text).Config;

    /// <summary>Asserts that two JSON values are equal value for value and that every object lists its members in the
    /// same order; on failure the message names the first differing path and both values there.</summary>
    public static void AssertSameJson(JsonNode? expected, JsonNode? actual, string? context = null)
    {
        if (Difference(expected, actual, "$") is { } difference)
        {
            Assert.Fail((context is null ? string.Empty : context + ": ") + difference +
                "\nexpected: " + expected?.ToJsonString() + "\nactual:   " + actual?.ToJsonString());
        }
    }

    /// <summary>The first difference between two JSON values (member order included), or null.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
            {
                string[] ek = e.Select(static p => p.Key).ToArray();
                string[] ak = a.Select(static p => p.Key).ToArray();
                foreach (string key in ek)
                {
                    if (!a.ContainsKey(key))
                    {
                        return $"{path}.{key}: missing (expected {e[key]?.ToJsonString() ?? "null"})";
                    }
                }

                foreach (string key in ak)
                {
                    if (!e.ContainsKey(key))
                    {
                        return $"{path}.{key}: unexpected {a[key]?.ToJsonString() ?? "null"}";
                    }
                }

                foreach (string key in ek)
                {
                    if (Difference(e[key], a[key], path + "." + key) is { } inner)
                    {
                        return inner;
                    }
                }

                return ek.SequenceEqual(ak) ? null : $"{path}: member order [{string.Join(", ", ak)}], expected [{string.Join(", ", ek)}]";
            }

            case (JsonArray e, JsonArray a):
                for (int i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (Difference(e[i], a[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return e.Count == a.Count ? null : $"{path}: {a.Count} items, expected {e.Count}";
            default:
                return JsonNode.DeepEquals(expected, actual)
                    ? null
                    : $"{path}: {actual?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString() ?? "null"}";
        }
    }
}
