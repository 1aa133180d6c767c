using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Tests.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Specs;

/// <summary>A vif's <c>mac=</c> read as xl 4.17 reads it: each group as <c>strtoul(.., 16)</c> reads it (blanks, a
/// sign, <c>0x</c>), and a bad group ends the reading with a warning while the groups before it are kept.</summary>
public sealed class VifMacTests
{
    /// <summary>The spellings, what xl keeps of each (<see langword="null"/>: no MAC) and whether it warns.</summary>
    public static TheoryData<string, string?, bool> Spellings => new()
    {
        { "00:16:3e:01:02:03", "00:16:3e:01:02:03", false },
        { "00:16:3e", "00:16:3e:00:00:00", true },
        { "00:16:3e:1", "00:16:3e:01:00:00", true },
        { "00:16:3e:", "00:16:3e:00:00:00", true },
        { "00:16:3e:zz:11:22", "00:16:3e:00:00:00", true },
        { "1ff:16:3e:01:02:03", null, true },
        { "00::3e:01:02:03", null, true },
        { "00:-1:3e:01:02:03", null, true },
        { "zz", null, true },
        { "00: 16:3e:01:02:03", "00:16:3e:01:02:03", false },
        { "+00:16:3e:01:02:03", "00:16:3e:01:02:03", false },
        { "00:0x16:3e:01:02:03", "00:16:3e:01:02:03", false },
        { "00-16-3e-01-02-03", "00:16:3e:01:02:03", false },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Parse_Xl_KeepsWhatXlKeepsAndWarnsWhereXlDoes(string mac, string? kept, bool warns)
    {
        string text = "bridge=xenbr0,mac=" + mac;
        ParseResult<VifSpec> result = VifSpec.Parse(text);

        Assert.Equal(kept, result.Value?.Mac?.ToString());
        Assert.False(result.HasErrors);
        Diagnostic? d = result.Diagnostics.SingleOrDefault(static x => x.Id == DiagnosticIds.VifInvalidMac);
        Assert.Equal(warns, d is not null);
        if (d is not null)
        {
            Assert.Equal((18, mac.Length, DiagnosticSeverity.Warning), (d.Location.Span.Start, d.Location.Span.Length, d.Severity));
        }
    }

    [Theory]
    [InlineData("00:16:3e")]
    [InlineData("+00:16:3e:01:02:03")]
    public void Parse_Xm_RefusesWhatIsNotSixHexadecimalGroups(string mac)
    {
        ParseResult<VifSpec> result = VifSpec.Parse("bridge=xenbr0,mac=" + mac, ConfigDialect.Xm);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(result.Diagnostics, static x => x.Id == DiagnosticIds.VifInvalidMac).Severity);
        Assert.False(MacAddress.TryParse(mac, out _));
    }

    /// <summary>The same spellings through Xen's own xl: the MAC of libxl's JSON and xl's warning.</summary>
    [XlFact]
    public void ToLibxlJson_Spellings_AgreeWithRealXl()
    {
        using var dir = new TempDirectory();
        var failures = new List<string>();
        foreach (object[] row in Spellings)
        {
            var mac = (string)row[0];
            string config = $"name = \"t\"\ntype = \"hvm\"\nvif = [ \"mac={mac}\" ]\n";
            string path = dir.File("mac.cfg");
            File.WriteAllText(path, config);
            var (rc, stdout, stderr) = LibxlXl.Run(path);
            string? xlMac = rc == 0 ? JsonNode.Parse(stdout)!["nics"]?[0]?["mac"]?.GetValue<string>() : "(refused)";
            bool xlWarns = stderr.Contains("Invalid parameter `mac'", StringComparison.Ordinal);

            var bound = BindTestSupport.BindXl(config);
            string? ourMac = bound.HasErrors ? "(refused)" : bound.Config.ToLibxlJson(null, out _)["nics"]?[0]?["mac"]?.GetValue<string>();
            bool weWarn = bound.Diagnostics.Any(static d => d.Id == DiagnosticIds.VifInvalidMac);
            if (xlMac != ourMac || xlWarns != weWarn)
            {
                failures.Add($"mac={mac}: xl {xlMac ?? "none"} (warns {xlWarns}), ours {ourMac ?? "none"} (warns {weWarn})");
            }
        }

        Assert.Empty(failures);
    }
}
