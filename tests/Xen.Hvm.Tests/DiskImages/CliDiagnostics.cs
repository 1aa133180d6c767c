using System.Text.RegularExpressions;

namespace Xen.Hvm.Tests.DiskImages;

/// <summary>Reads what <c>xencfg</c> prints on standard error as diagnostics, so tests assert IDs and places, never words.</summary>
internal static partial class CliDiagnostics
{
    /// <summary>Parses every line as <c>WHERE(LINE,COL): SEVERITY XHnnnn: ...</c> and fails the test on any other line
    /// (a runtime exception's text, say) but the per-file summary (<c>PATH: qcow2 image, ...</c>).</summary>
    /// <returns>Each line's place, severity and ID, in order.</returns>
    public static List<(string Where, string Severity, string Id)> Parse(string error)
    {
        var found = new List<(string, string, string)>();
        foreach (string line in error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Summary().IsMatch(line))
            {
                continue; // xencfg's one summary line per file, after its diagnostics
            }

            var match = Line().Match(line);
            Assert.True(match.Success, $"Not a diagnostic: {line}");
            found.Add((match.Groups["where"].Value, match.Groups["severity"].Value, match.Groups["id"].Value));
        }

        return found;
    }

    /// <summary>Returns the IDs of the diagnostics printed, in order; fails on any line that is not one.</summary>
    public static string[] Ids(string error) => [.. Parse(error).Select(d => d.Id)];

    [GeneratedRegex(@"^(?<where>.*)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning|info) (?<id>XH\d{4}): \S", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    [GeneratedRegex(@"^\S.*: ((raw|qcow2|vhd) image, |not read$)", RegexOptions.CultureInvariant)]
    private static partial Regex Summary();
}
