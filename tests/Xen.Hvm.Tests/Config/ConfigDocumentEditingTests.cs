using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config;

public sealed class ConfigDocumentEditingTests
{
    private const string Sample = "# Windows XP guest\nname = 'winxp'   # the name\nmemory=512\ndisk = [ 'phy:/dev/vg/xp,hda,w',\n         'file:/iso/xp.iso,hdc:cdrom,r' ]\nvif = []\n";

    [Fact]
    public void WithValue_ExistingString_KeepsQuoteCommentAndEverythingElse()
    {
        ConfigDocument doc = XenConfig.Parse(Sample).WithValue("name", "xp2");
        Assert.Equal(Sample.Replace("'winxp'", "'xp2'", StringComparison.Ordinal), doc.ToFullString());
    }

    [Fact]
    public void WithValue_Number_WritesBareNumberWithoutTouchingSpacing()
    {
        ConfigDocument doc = XenConfig.Parse(Sample).WithValue("memory", 1024);
        Assert.Equal(Sample.Replace("memory=512", "memory=1024", StringComparison.Ordinal), doc.ToFullString());
    }

    [Fact]
    public void WithValue_NegativeNumber_IsQuotedForXl()
    {
        ConfigDocument doc = XenConfig.Parse("rtc_timeoffset = 0\n").WithValue("rtc_timeoffset", -3600);
        Assert.Equal("rtc_timeoffset = \"-3600\"\n", doc.ToFullString());
        Assert.False(doc.HasErrors);
    }

    [Fact]
    public void WithValue_AppendSetting_BecomesAssignment()
    {
        ConfigDocument doc = XenConfig.Parse("x = 'a'\nx += 'b'\n").WithValue("x", "c");
        Assert.Equal("x = 'a'\nx = 'c'\n", doc.ToFullString());
        Assert.Equal("c", doc.Values.GetString("x"));
    }

    [Fact]
    public void WithValue_MissingKey_AddsLineAtEndInFileStyle()
    {
        ConfigDocument doc = XenConfig.Parse("a=1\nb='x'\n").WithValue("vcpus", 2);
        Assert.Equal("a=1\nb='x'\nvcpus=2\n", doc.ToFullString());
    }

    [Fact]
    public void WithValue_StringNeedingEscapes_UsesOnlyEscapesLibxluReads()
    {
        ConfigDocument doc = XenConfig.Parse("extra = ''\n").WithValue("extra", "a'b\\c\td");
        Assert.Equal("extra = \"a'b\\\\c\\td\"\n", doc.ToFullString());
        Assert.Equal("a'b\\c\td", doc.Values.GetString("extra"));
    }

    [Fact]
    public void WithoutSetting_RemovesWholeLinesOfEveryOccurrence()
    {
        ConfigDocument doc = XenConfig.Parse("a = 1\nb = 2 # two\na = 3\n").WithoutSetting("a");
        Assert.Equal("b = 2 # two\n", doc.ToFullString());
        Assert.Same(doc, doc.WithoutSetting("zzz"));
    }

    [Fact]
    public void WithoutSetting_SemicolonSeparated_KeepsTheOtherStatement()
    {
        Assert.Equal("b=2\n", XenConfig.Parse("a=1; b=2\n").WithoutSetting("a").ToFullString());
    }

    [Theory]
    [InlineData("a=1; b=2\nc=3\n", "a=1\nc=3\n")]
    [InlineData("a=1; b=2  # two\nc=3\n", "a=1\nc=3\n")]
    [InlineData("b=1; b=2\nc=3\n", "\nc=3\n")]
    [InlineData("a=1; b=2", "a=1")]
    public void WithoutSetting_LastStatementOfASemicolonLine_KeepsTheLineBreak(string text, string expected)
    {
        Assert.Equal(expected, XenConfig.Parse(text).WithoutSetting("b").ToFullString());
    }

    [Fact]
    public void WithItemAppended_MultiLineList_AddsAlignedLine()
    {
        ConfigDocument doc = XenConfig.Parse(Sample).WithItemAppended("disk", "file:/x.img,hdb,w");
        Assert.Equal(Sample.Replace("hdc:cdrom,r' ]", "hdc:cdrom,r',\n         'file:/x.img,hdb,w' ]", StringComparison.Ordinal), doc.ToFullString());
        Assert.Equal(3, ((ConfigList)doc.Values["disk"]).Items.Count);
    }

    [Theory]
    [InlineData("vif = []\n", "vif = [\"bridge=xenbr0\"]\n")]
    [InlineData("vif = [ 'a' ]\n", "vif = [ 'a', 'bridge=xenbr0' ]\n")]
    [InlineData("vif = [ 'a', ]\n", "vif = [ 'a', 'bridge=xenbr0', ]\n")]
    [InlineData("vif = [\n  'a',\n]\n", "vif = [\n  'a',\n  'bridge=xenbr0',\n]\n")]
    [InlineData("", "vif = [\"bridge=xenbr0\"]\n")]
    public void WithItemAppended_Layouts_FollowTheList(string before, string after)
    {
        ConfigDocument doc = XenConfig.Parse(before).WithItemAppended("vif", "bridge=xenbr0");
        Assert.Equal(after, doc.ToFullString());
        Assert.False(doc.HasErrors);
    }

    [Fact]
    public void WithSettingInserted_CrlfFile_UsesCrlfForTheNewLine()
    {
        const string Text = "import os\r\nmemory = 512\r\ndisk = [ 'a',\r\n         'b' ]\r\n";
        ConfigDocument doc = XenConfig.Parse(Text, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm })
            .WithSettingInserted("vcpus", new ConfigInteger(2), after: "memory")
            .WithItemAppended("disk", "c");

        Assert.Equal("import os\r\nmemory = 512\r\nvcpus = 2\r\ndisk = [ 'a',\r\n         'b',\r\n         'c' ]\r\n", doc.ToFullString());
        Assert.False(doc.HasErrors);
    }

    [Fact]
    public void WithItemAppended_StringValue_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => XenConfig.Parse("vif = 'x'\n").WithItemAppended("vif", "y"));
    }

    [Fact]
    public void WithSettingInserted_AfterKey_InsertsOnTheNextLine()
    {
        ConfigDocument doc = XenConfig.Parse("name = 'a'  # n\nmemory = 1\n").WithSettingInserted("vcpus", new ConfigInteger(2), after: "name");
        Assert.Equal("name = 'a'  # n\nvcpus = 2\nmemory = 1\n", doc.ToFullString());
    }

    [Fact]
    public void WithSettingInserted_FileWithoutFinalNewLine_KeepsItThatWay()
    {
        Assert.Equal("a = 1\nb = 2", XenConfig.Parse("a = 1").WithSettingInserted("b", new ConfigInteger(2)).ToFullString());
    }

    [Theory]
    [InlineData("disk = [ 'a',\n")]
    [InlineData("disk = [ 'a',")]
    [InlineData("disk = [ 'a',\n# more to come\n")]
    [InlineData("disk = [\n")]
    public void WithSettingInserted_FileEndsInsideAnOpenList_RefusesWithXH2008AndKeepsTheText(string text)
    {
        ConfigDocument doc = XenConfig.Parse(text, "g.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

        ConfigDocument edited = doc.WithValue("name", "a");

        Assert.Equal(text, edited.ToFullString());
        Diagnostic d = Assert.Single(edited.Diagnostics, x => x.Id == DiagnosticIds.EditInsideOpenStatement);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(0, d.Span.Start);
        Assert.StartsWith("disk = [", edited.Text.Substring(d.Span.Start, d.Span.Length), StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Diagnostics, x => x.Id == DiagnosticIds.EditInsideOpenStatement);
    }

    [Theory]
    [InlineData("x = 'abc", "x = 'abc\nname = \"a\"")]
    [InlineData("x = 1\n# last comment", "x = 1\n# last comment\nname = \"a\"")]
    [InlineData("x = 1 # c\n\n", "x = 1 # c\n\nname = \"a\"\n")]
    [InlineData("x = 1\r\n# c\r\n", "x = 1\r\n# c\r\nname = \"a\"\r\n")]
    public void WithSettingInserted_AwkwardEndOfFile_AddsAStatementOfItsOwn(string text, string expected)
    {
        ConfigDocument original = XenConfig.Parse(text, "g.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

        ConfigDocument edited = original.WithValue("name", "a");

        Assert.Equal(expected, edited.ToFullString());
        Assert.Equal("name", edited.Settings[^1].Name);
        Assert.Equal(original.Settings.Count + 1, edited.Settings.Count);
        Assert.Equal("a", edited.Values.GetString("name"));
    }

    [Fact]
    public void RefusedEdit_LaterEdits_KeepTheXH2008Note()
    {
        ConfigDocument doc = XenConfig.Parse("memory = 512\ndisk = [ 'a',\n", "g.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl })
            .WithValue("name", "a")
            .WithValue("memory", 1024);

        Assert.Equal("memory = 1024\ndisk = [ 'a',\n", doc.ToFullString());
        Assert.Single(doc.Diagnostics, x => x.Id == DiagnosticIds.EditInsideOpenStatement);
    }

    [Theory]
    [InlineData("Memory")]
    [InlineData("_x")]
    [InlineData("")]
    [InlineData("a b")]
    public void WithValue_InvalidKey_ThrowsArgumentException(string key)
    {
        Assert.Throws<ArgumentException>(() => XenConfig.Parse("").WithValue(key, "x"));
    }

    [Fact]
    public void WithSettingInserted_UnknownAnchor_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => XenConfig.Parse("a = 1\n").WithSettingInserted("b", "x", after: "zz"));
    }

    private enum EditKind
    {
        Set,
        Remove,
        Append,
        Add,
    }

    [Fact]
    public void Edits_RandomEditsOnRandomDocuments_KeepUntouchedLinesAndGiveTheEditedValues()
    {
        var edit = from kind in Gen.Elements(EditKind.Set, EditKind.Remove, EditKind.Append, EditKind.Add)
                   from key in Gen.Elements("name", "memory", "disk", "vif", "newkey", "other.key")
                   from value in XlGenerators.Value(1)
                   from useAnchor in Gen.Elements(true, false)
                   select (kind, key, value, useAnchor);
        var arb = (from g in XlGenerators.Config(allowAppend: false)
                   from edits in edit.ArrayOf()
                   select (g, edits.Take(6).ToArray())).ToArbitrary();

        Prop.ForAll(arb, input =>
        {
            var (g, edits) = input;
            ConfigDocument doc = XenConfig.Parse(g.Text);
            var model = g.Expected.ToDictionary(p => p.Key, p => p.Value);
            foreach (var (kind, key, value, useAnchor) in edits)
            {
                ConfigDocument before = doc;
                var touched = new HashSet<int>();
                switch (kind)
                {
                    case EditKind.Set:
                        foreach (int l in LinesOf(before, before.GetSettings(key).LastOrDefault()))
                        {
                            touched.Add(l);
                        }

                        doc = doc.WithValue(key, value);
                        model[key] = XlGenerators.Normalize(value);
                        break;
                    case EditKind.Remove:
                        foreach (var s in before.GetSettings(key))
                        {
                            touched.UnionWith(LinesOf(before, s));
                        }

                        doc = doc.WithoutSetting(key);
                        model.Remove(key);
                        break;
                    case EditKind.Append:
                        if (before.GetSettings(key).LastOrDefault() is { Value: not Xen.Hvm.Config.Syntax.ListSyntax })
                        {
                            continue;
                        }

                        touched.UnionWith(LinesOf(before, before.GetSettings(key).LastOrDefault()));
                        doc = doc.WithItemAppended(key, value);
                        model[key] = model.TryGetValue(key, out var list)
                            ? new ConfigList(((ConfigList)list).Items.Append(XlGenerators.Normalize(value)))
                            : new ConfigList([XlGenerators.Normalize(value)]);
                        break;
                    case EditKind.Add:
                        if (model.ContainsKey(key))
                        {
                            continue;
                        }

                        string? anchor = useAnchor && model.Count > 0 ? model.Keys.First() : null;
                        doc = doc.WithSettingInserted(key, value, anchor);
                        model[key] = XlGenerators.Normalize(value);
                        break;
                }

                Assert.False(doc.HasErrors, doc.Text);
                AssertUntouchedLinesKept(before.Text, doc.Text, touched);
            }

            Assert.Equal(model.Count, doc.Values.Count);
            foreach (var (key, value) in model)
            {
                Assert.Equal(value, doc.Values[key]);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(int.Parse(Environment.GetEnvironmentVariable("XEN_HVM_PROPERTY_RUNS") ?? "300", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<int> LinesOf(ConfigDocument doc, Xen.Hvm.Config.Syntax.SettingSyntax? setting)
    {
        if (setting is null)
        {
            yield break;
        }

        int first = doc.Lines.GetPosition(setting.FullSpan.Start).Line;
        int last = doc.Lines.GetPosition(setting.FullSpan.End).Line;
        for (int l = first; l <= last; l++)
        {
            yield return l;
        }
    }

    /// <summary>Every old line not touched by the edit appears, in order, among the new lines.</summary>
    private static void AssertUntouchedLinesKept(string before, string after, HashSet<int> touched)
    {
        string[] oldLines = before.Split('\n');
        string[] newLines = after.Split('\n');
        int j = 0;
        for (int i = 0; i < oldLines.Length; i++)
        {
            if (touched.Contains(i))
            {
                continue;
            }

            while (j < newLines.Length && newLines[j] != oldLines[i])
            {
                j++;
            }

            Assert.True(j < newLines.Length, $"Line {i + 1} '{oldLines[i]}' was lost.\n--- before\n{before}\n--- after\n{after}");
            j++;
        }
    }
}
