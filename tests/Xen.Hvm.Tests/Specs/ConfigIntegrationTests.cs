using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>Spec strings read from a parsed config report problems at their line and column in the file.</summary>
public sealed class ConfigIntegrationTests
{
    [Fact]
    public void ForString_DiskItemWithEscapeBeforeTheError_ReportsFileLineAndColumn()
    {
        // Line 3 holds the second disk item; '\t' is two file characters for one decoded character.
        const string Text = "name = 'g'\ndisk = [ 'format=raw, vdev=xvda, target=/x',\n         'a\\tb,qcow9,xvdb,w' ]\n";
        ConfigDocument doc = XenConfig.Parse(Text, "guest.cfg");
        var item = (StringLiteralSyntax)((ListSyntax)doc.GetSettings("disk").Single().Value).Items[1];

        var result = DiskSpec.Parse(item.Value, ConfigDialect.Xl, SpecSourceMap.ForString(item));

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("guest.cfg", error.Location.Path);
        Assert.Equal(3, error.Location.Line);
        Assert.Equal(Text.IndexOf("qcow9", StringComparison.Ordinal), error.Span.Start);
        Assert.Equal(Text.IndexOf("qcow9", StringComparison.Ordinal) - Text.LastIndexOf('\n', Text.IndexOf("qcow9", StringComparison.Ordinal)), error.Location.Column);
    }

    [Fact]
    public void ForString_EveryDiskOfAFile_ParsesWithFileLocations()
    {
        ConfigDocument doc = XenConfig.Load(Path.Combine(Infrastructure.Corpus.RepositoryRoot, "samples", "configs", "winxp-hvm.cfg"));
        var items = ((ListSyntax)doc.GetSettings("disk").Single().Value).Items.Cast<StringLiteralSyntax>().ToArray();

        var disks = items.Select(i => DiskSpec.Parse(i.Value, ConfigDialect.Xl, SpecSourceMap.ForString(i))).ToArray();

        Assert.All(disks, d => Assert.Empty(d.Diagnostics));
        Assert.Equal(["hda", "hdc"], disks.Select(d => d.Value!.Vdev));
    }
}
