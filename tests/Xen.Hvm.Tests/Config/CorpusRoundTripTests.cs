using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config;

public sealed class CorpusRoundTripTests
{
    public static TheoryData<string> ConfigFiles()
    {
        var data = new TheoryData<string>();
        foreach (string f in Corpus.Files("", f => !f.EndsWith(".jsonl", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)
                                                 && !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith("INDEX.txt", StringComparison.Ordinal)))
        {
            data.Add(f);
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(ConfigFiles))]
    public void ToBytes_EveryCorpusFile_GivesBackTheExactBytes(string file)
    {
        byte[] bytes = File.ReadAllBytes(Corpus.PathOf(file));
        ConfigDocument doc = XenConfig.Parse(bytes, file);

        Assert.Equal(bytes, doc.ToBytes());
    }

    [CorpusTheory]
    [MemberData(nameof(ConfigFiles))]
    public void Tree_EveryCorpusFile_TokensAndTriviaConcatenateToTheInputAndSpansNest(string file)
    {
        ConfigDocument doc = XenConfig.Load(Corpus.PathOf(file));
        SyntaxInvariants.AssertHold(doc);
    }
}

/// <summary>The universal assertions of STYLE.md §6.7, for any document.</summary>
internal static class SyntaxInvariants
{
    public static void AssertHold(ConfigDocument doc)
    {
        Assert.Equal(doc.Text, doc.ToFullString());
        Assert.Equal(doc.Text, doc.Root.ToFullString());

        // Statements partition the file, and the end-of-file token's trivia hold the rest.
        var sb = new System.Text.StringBuilder();
        foreach (StatementSyntax s in doc.Root.Statements)
        {
            Assert.True(doc.Root.FullSpan.Contains(s.FullSpan));
            sb.Append(s.ToFullString());
        }

        sb.Append(doc.Root.EndOfFileToken.ToFullString());
        Assert.Equal(doc.Text, sb.ToString());

        // Every node's full span lies inside its parent's.
        foreach (SyntaxNode node in doc.Root.DescendantNodes().Take(20_000))
        {
            Assert.True(node.Parent!.FullSpan.Contains(node.FullSpan), $"{node.Kind} {node.FullSpan} not in {node.Parent.FullSpan}");
            Assert.True(node.FullSpan.Contains(node.Span));
        }
    }
}
