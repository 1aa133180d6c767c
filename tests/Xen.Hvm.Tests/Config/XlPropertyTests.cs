using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;

namespace Xen.Hvm.Tests.Config;

public sealed class XlPropertyTests
{
    private static readonly FsCheck.Config s_config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Parse_GeneratedValidFile_HasNoErrorsAndTheModelValues()
    {
        Prop.ForAll(XlGenerators.Config(allowAppend: true).ToArbitrary(), g =>
        {
            ConfigDocument doc = XenConfig.Parse(g.Text);
            Assert.False(doc.HasErrors, g.Text + "\n" + string.Join("\n", doc.Diagnostics));
            Assert.Equal(g.Text, doc.ToFullString());
            Assert.Equal(g.Expected.Select(p => p.Key), doc.Values.Keys);
            foreach (var (key, value) in g.Expected)
            {
                Assert.Equal(value, doc.Values[key]);
            }
        }).Check(s_config);
    }

    private static Gen<string> XlishText =>
        Gen.Elements("a", "z", "_", "Q", "0", "9", "x", " ", "\t", "\n", "\r", "#", "'", "\"", "\\", "=", "+=", "+", "-", ".", "[", "]", ",", ";", "(", ")", ":", "\0", "\uFEFF", "é", "\uDC80", "memory", " = ", "'abc'")
            .ArrayOf()
            .Select(parts => string.Concat(parts));

    [Fact]
    public void Parse_AnyText_RoundTripsAndKeepsTreeInvariants()
    {
        Prop.ForAll(XlishText.ToArbitrary(), text =>
        {
            ConfigDocument doc = XenConfig.Parse(text);
            SyntaxInvariants.AssertHold(doc);
            _ = doc.Values;
            _ = doc.Diagnostics;
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Parse_AnyBytes_GivesTheBytesBack()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            ConfigDocument doc = XenConfig.Parse(bytes);
            Assert.Equal(bytes, doc.ToBytes());
            _ = doc.Diagnostics;
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Diagnostics_AnyText_SpansLieInsideTheText()
    {
        Prop.ForAll(XlishText.ToArbitrary(), text =>
        {
            foreach (var d in XenConfig.Parse(text).Diagnostics)
            {
                Assert.InRange(d.Span.End, 0, text.Length);
            }
        }).Check(s_config);
    }
}
