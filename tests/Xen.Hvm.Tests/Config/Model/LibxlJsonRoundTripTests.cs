using System.Text.Json.Nodes;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// <c>FromLibxlJson</c> against <c>ToLibxlJson</c> on the corpus: reading back the JSON of every file xl accepts loses
/// nothing the JSON carries (the model read back prints the same JSON, with no warning), and the model read back is
/// canonical (reading its JSON again gives the same model).
/// </summary>
public sealed class LibxlJsonRoundTripTests
{
    public static TheoryData<string> AcceptedFiles() => LibxlJsonConformanceTests.AcceptedFiles();

    [CorpusTheory]
    [MemberData(nameof(AcceptedFiles))]
    public void FromLibxlJson_JsonOfCorpusFile_CarriesEveryValueBack(string file)
    {
        JsonObject json = LibxlJsonTestSupport.BindCorpusFile(file).ToLibxlJson();

        ParseResult<DomainConfig> read = DomainConfig.FromLibxlJson(json);

        Assert.True(read.Success, string.Join("\n", read.Diagnostics));
        Assert.Empty(read.Diagnostics);
        JsonObject again = read.Value.ToLibxlJson(null, out var refused);
        Assert.Empty(refused);
        LibxlJsonTestSupport.AssertSameJson(json, again, file);
    }

    [CorpusTheory]
    [MemberData(nameof(AcceptedFiles))]
    public void FromLibxlJson_ModelReadBack_IsCanonical(string file)
    {
        DomainConfig once = DomainConfig.FromLibxlJson(LibxlJsonTestSupport.BindCorpusFile(file).ToLibxlJson()).Value;

        DomainConfig twice = DomainConfig.FromLibxlJson(once.ToLibxlJson()).Value;

        Assert.Equal(once, twice);
    }

    [CorpusTheory]
    [MemberData(nameof(AcceptedFiles))]
    public void FromLibxlJson_XlDryRunText_EqualsReadingOurs(string file)
    {
        string xlText = LibxlJsonTestSupport.Row(file)["config"]!.ToJsonString();

        ParseResult<DomainConfig> fromXl = DomainConfig.FromLibxlJson(xlText);

        Assert.True(fromXl.Success, string.Join("\n", fromXl.Diagnostics));
        Assert.Equal(DomainConfig.FromLibxlJson(LibxlJsonTestSupport.BindCorpusFile(file).ToLibxlJson()).Value, fromXl.Value);
    }
}
