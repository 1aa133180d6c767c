using System.Text.Json.Nodes;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using Xen.Hvm.Tests.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Specs;

/// <summary>A channel's items read as xl 4.17 reads them (<c>split_string_into_pair</c>: <c>strtok</c> on '=' twice,
/// then both parts trimmed): the key and value are the first two runs without '=', the rest is ignored.</summary>
public sealed class ChannelItemsTests
{
    /// <summary>The channel specs, the name and path xl keeps (<see langword="null"/>: none), and whether xl refuses it.</summary>
    public static TheoryData<string, string?, string?, bool> Specs => new()
    {
        { "name=org.x,connection=socket,path=/tmp/a", "org.x", "/tmp/a", false },
        { "name=org.x,connection=socket,path=/tmp/a=b", "org.x", "/tmp/a", false },
        { "name=org.x,connection=socket,path==/tmp/a", "org.x", "/tmp/a", false },
        { "name=a=b,connection=pty", "a", null, false },
        { "=name=org.x,connection=pty", "org.x", null, false },
        { "name= ,connection=pty", "", null, false },
        { "name=org.x ,connection = pty", "org.x", null, false },
        { "name=org.x,,connection=pty,", "org.x", null, false },
        { "name=org.x,connection=pty,=x", null, null, true },
        { "name=org.x,connection=pty,==", null, null, true },
        { "name=org.x,connection=pty,path=", null, null, true },
        { "name=org.x, ,connection=pty", null, null, true },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Parse_Xl_ReadsKeyAndValueAsXlDoes(string text, string? name, string? path, bool refused)
    {
        ParseResult<ChannelSpec> result = ChannelSpec.Parse(text);

        Assert.Equal(refused, result.HasErrors);
        if (!refused)
        {
            ChannelSpec channel = result.GetValueOrThrow();
            Assert.Equal((name, path), (channel.Name, channel.Connection == ChannelConnection.Socket ? channel.Path : null));
        }
    }

    [Fact]
    public void Parse_Xl_WarnsAtTheTextXlIgnores()
    {
        Diagnostic d = Assert.Single(ChannelSpec.Parse("name=org.x,connection=socket,path=/tmp/a=b").Diagnostics);

        Assert.Equal((DiagnosticIds.SpecTrailingText, 40, 2, DiagnosticSeverity.Warning), (d.Id, d.Location.Span.Start, d.Location.Span.Length, d.Severity));
    }

    [Fact]
    public void Parse_Xl_ItemWithoutValueIsRefusedAtTheItem()
    {
        Diagnostic d = Assert.Single(ChannelSpec.Parse("name=org.x,connection=pty,=x").Diagnostics);

        Assert.Equal((DiagnosticIds.SpecItemWithoutEquals, 26, 2), (d.Id, d.Location.Span.Start, d.Location.Span.Length));
    }

    /// <summary>The same specs through Xen's own xl: refused or not, and the channel libxl's JSON holds.</summary>
    [XlFact]
    public void ToLibxlJson_Specs_AgreeWithRealXl()
    {
        using var dir = new TempDirectory();
        var failures = new List<string>();
        foreach (object?[] row in Specs)
        {
            var spec = (string)row[0]!;
            string config = $"name = \"t\"\ntype = \"hvm\"\nchannel = [ \"{spec}\" ]\n";
            string path = dir.File("channel.cfg");
            File.WriteAllText(path, config);
            var (rc, stdout, _) = LibxlXl.Run(path);
            string xl = rc == 0 ? JsonNode.Parse(stdout)!["channels"]![0]!.ToJsonString() : "(refused)";

            var bound = BindTestSupport.BindXl(config);
            string ours = bound.HasErrors ? "(refused)" : bound.Config.ToLibxlJson(null, out _)["channels"]![0]!.ToJsonString();
            if (xl != ours)
            {
                failures.Add($"{spec}: xl {xl}, ours {ours}");
            }
        }

        Assert.Empty(failures);
    }
}
