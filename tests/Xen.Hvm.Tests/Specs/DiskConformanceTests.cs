using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xen.Hvm.Config;
using Xen.Hvm.Specs;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Specs;

/// <summary>Every <c>disk</c> item libxlu read in the shared corpus parses to what libxlu reported.</summary>
public sealed partial class DiskConformanceTests
{
    public static IEnumerable<object[]> OracleDisks()
    {
        if (Corpus.Root is null)
        {
            yield break;
        }

        foreach (string line in File.ReadLines(Corpus.PathOf("xl-oracle.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty("disk", out var disks))
            {
                continue;
            }

            string file = root.GetProperty("file").GetString()!;
            int i = 0;
            foreach (var d in disks.EnumerateArray())
            {
                yield return [file, i++, d.GetString()!];
            }
        }
    }

    [CorpusFact]
    public void Oracle_HasDiskLines()
    {
        Assert.True(OracleDisks().Count() > 100);
    }

    [CorpusTheory]
    [MemberData(nameof(OracleDisks))]
    public void Parse_OracleDisk_MatchesLibxlu(string file, int index, string oracleLine)
    {
        _ = file;
        _ = index;
        var m = LinePattern().Match(oracleLine);
        Assert.True(m.Success, "unexpected oracle line: " + oracleLine);
        string spec = Unescape(m.Groups["spec"].Value);
        int rc = int.Parse(m.Groups["rc"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match f in FieldPattern().Matches(m.Groups["fields"].Value))
        {
            string v = f.Groups["v"].Value;
            fields[f.Groups["k"].Value] = v.StartsWith('"') ? Unescape(v[1..^1]) : v;
        }

        var result = DiskSpec.Parse(spec, ConfigDialect.Xl);
        if (rc != 0)
        {
            Assert.True(result.HasErrors, "libxlu rejects this spec; we accepted it");
            return;
        }

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var d = result.Value!;
        foreach (var (key, expected) in fields)
        {
            string? actual = key switch
            {
                "target" => d.Target,
                "vdev" => d.Vdev,
                "format" => DiskSpec.FormatName(d.Format),
                "access" => d.IsReadOnly ? "ro" : "rw",
                "devtype" => d.DeviceType == DiskDeviceType.Cdrom ? "cdrom" : "disk",
                "removable" => d.IsRemovable ? "1" : "0",
                "backendtype" => d.BackendType.ToString().ToLowerInvariant(),
                "specification" => d.Specification.ToString().ToLowerInvariant(),
                "backend" => d.BackendDomain,
                "script" => d.Script,
                _ => throw new Xunit.Sdk.XunitException($"oracle field '{key}' is not checked by this test"),
            };
            Assert.True(expected == actual, $"{key}: libxlu '{expected}', ours '{actual}' for spec '{spec}'");
        }

        // Fields the oracle leaves out are unset in libxlu.
        if (!fields.ContainsKey("target"))
        {
            Assert.Null(d.Target);
        }

        if (!fields.ContainsKey("backend"))
        {
            Assert.Null(d.BackendDomain);
        }

        if (!fields.ContainsKey("script"))
        {
            Assert.Null(d.Script);
        }

        // And the canonical form of a real spec reads back as the same disk.
        var canonical = DiskSpec.Parse(d.ToSpecString(ConfigDialect.Xl), ConfigDialect.Xl);
        Assert.True(canonical.Success, string.Join("\n", canonical.Diagnostics));
        Assert.Equal(d, canonical.Value);
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }

            sb.Append(s[i]);
        }

        return sb.ToString();
    }

    [GeneratedRegex("""^(?<n>\d+) "(?<spec>(?:[^"\\]|\\.)*)" -> rc=(?<rc>-?\d+)(?<fields>.*)$""")]
    private static partial Regex LinePattern();

    [GeneratedRegex("""(?<k>[a-z_]+)=(?<v>"(?:[^"\\]|\\.)*"|\S+)""")]
    private static partial Regex FieldPattern();
}
