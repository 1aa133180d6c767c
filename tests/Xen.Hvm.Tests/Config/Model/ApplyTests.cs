using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using static Xen.Hvm.Tests.Config.Model.BindTestSupport;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary><c>doc.WithModel(model)</c>: the smallest edits that make a document bind to a model, and the changes it refuses.</summary>
public sealed class ApplyTests
{
    private const string Xl =
        "# Windows guest\n" +
        "name = 'win'   # the name\n" +
        "type = \"hvm\"\n" +
        "memory=512\n" +
        "disk = [ 'phy:/dev/vg/win,hda,w',   # system\n" +
        "         'file:/iso/win.iso,hdc:cdrom,r',\n" +
        "         'file:/data.img,hdb,w' ]\n" +
        "vif = [ 'bridge=xenbr0' ]\n" +
        "k_2 = 'kept'\n";

    private static ConfigDocument ParseXl(string text) => XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

    private static ConfigDocument ParseXm(string text) => XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });

    private static readonly BindOptions s_xm = new() { Toolstack = Toolstack.Xm };

    private static DiskSpec Disk(string text, ConfigDialect dialect = ConfigDialect.Xl) => DiskSpec.Parse(text, dialect, null).Value;

    /// <summary>The document is as it was, with one refusal of an ID.</summary>
    private static Diagnostic AssertRefused(ApplyResult result, string text, string id)
    {
        Assert.Equal(text, result.Document.Text);
        Diagnostic d = Assert.Single(result.Diagnostics);
        Assert.Equal(id, d.Id);
        return d;
    }

    [Fact]
    public void WithModel_TheBoundModel_ChangesNothing()
    {
        ConfigDocument doc = ParseXl(Xl);
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc).Config);

        Assert.Equal(Xl, r.Document.Text);
        Assert.Empty(r.ChangedKeys);
        Assert.False(r.HasRefusals);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void WithModel_ChangedScalars_EditOnlyTheirValues()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig model = DomainConfig.Bind(doc).Config with { MemoryMiB = 1024, Name = "win 'ten'" };
        ApplyResult r = doc.WithModel(model);

        Assert.Equal(Xl.Replace("memory=512", "memory=1024", StringComparison.Ordinal).Replace("'win'", "\"win 'ten'\"", StringComparison.Ordinal), r.Document.Text);
        Assert.Equal(["name", "memory"], r.ChangedKeys);
        Assert.Equal(model, r.Bound.Config);
    }

    [Fact]
    public void WithModel_ClearedAndNewOptions_RemoveTheSettingAndAppendALine()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig model = DomainConfig.Bind(doc).Config with { Type = null, Vcpus = 2, OnCrash = ShutdownAction.Preserve };
        ApplyResult r = doc.WithModel(model);

        Assert.Equal(Xl.Replace("type = \"hvm\"\n", string.Empty, StringComparison.Ordinal) + "vcpus = 2\non_crash = 'preserve'\n", r.Document.Text);
        Assert.Equal(model, r.Bound.Config);
    }

    [Fact]
    public void WithModel_ChangedDisk_ReplacesOnlyThatItemInTheXlForm()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        DomainConfig model = bound with { Disks = bound.Disks!.WithItem(2, Disk("file:/data2.img,hdb,w")) };
        ApplyResult r = doc.WithModel(model);

        string expected = Xl.Replace("'file:/data.img,hdb,w'", "'" + Disk("file:/data2.img,hdb,w").ToSpecString(ConfigDialect.Xl) + "'", StringComparison.Ordinal);
        Assert.Equal(expected, r.Document.Text);
        Assert.Equal(model, r.Bound.Config);
    }

    [Fact]
    public void WithModel_RemovedDiskOnItsOwnLine_RemovesTheLine()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithoutItem(1) });

        Assert.Equal(Xl.Replace("         'file:/iso/win.iso,hdc:cdrom,r',\n", string.Empty, StringComparison.Ordinal), r.Document.Text);
    }

    [Fact]
    public void WithModel_RemovedFirstDisk_KeepsTheOtherLines()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithoutItem(0) });

        Assert.Equal(Xl.Replace("'phy:/dev/vg/win,hda,w',   # system\n         ", string.Empty, StringComparison.Ordinal), r.Document.Text);
        Assert.Equal(2, r.Bound.Config.Disks!.Count);
    }

    [Fact]
    public void WithModel_AddedDisk_GoesOnALineOfItsOwn()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        DiskSpec added = Disk("/x.img,raw,xvdb,w");
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithItemAppended(added) });

        Assert.Equal(Xl.Replace("'file:/data.img,hdb,w' ]", "'file:/data.img,hdb,w',\n         '" + added.ToSpecString() + "' ]", StringComparison.Ordinal), r.Document.Text);
    }

    [Fact]
    public void WithModel_XmDisk_PrintsInTheXmForm()
    {
        const string text = "name = 'a'\ndisk = ['phy:/dev/vg/a,hda,w']\n";
        ConfigDocument doc = ParseXm(text);
        DomainConfig bound = DomainConfig.Bind(doc, s_xm).Config;
        DiskSpec added = Disk("file:/b.img,hdb,r", ConfigDialect.Xm);
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithItemAppended(added) }, s_xm);

        Assert.Equal("name = 'a'\ndisk = ['phy:/dev/vg/a,hda,w', '" + added.ToSpecString(ConfigDialect.Xm) + "']\n", r.Document.Text);
        Assert.False(r.HasRefusals);
    }

    [Fact]
    public void WithModel_XmComputedValue_IsRefusedAtItAndTheRestIsWritten()
    {
        const string text = "base = 256\nmemory = base * 2\nname = 'a'\n";
        ConfigDocument doc = ParseXm(text);
        DomainConfig bound = DomainConfig.Bind(doc, s_xm).Config;
        ApplyResult r = doc.WithModel(bound with { MemoryMiB = 1024, Name = "b" }, s_xm);

        Assert.Equal(text.Replace("'a'", "'b'", StringComparison.Ordinal), r.Document.Text);
        Assert.Equal(["memory"], r.RefusedKeys);
        Diagnostic d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.WriteBackComputedValue, d.Id);
        Assert.Equal(SpanOf(text, "base * 2"), d.Span);
        Assert.True(r.Document.HasRefusedEdits);
        Assert.Contains(r.Document.Diagnostics, x => x.Id == DiagnosticIds.WriteBackComputedValue);
    }

    public static TheoryData<string, ConfigDialect, string, Func<DomainConfig, DomainConfig>, string, string?> CodeItWouldRewrite() => new()
    {
        { "xm expression cleared", ConfigDialect.Xm, "base = 256\nmemory = base * 2\n", static m => m with { MemoryMiB = null }, DiagnosticIds.WriteBackComputedValue, "base * 2" },
        { "xm computed list item removed", ConfigDialect.Xm, "img = '/a.img'\ndisk = ['file:%s,hda,w' % img, 'file:/b.img,hdb,w']\n", static m => m with { Disks = m.Disks!.WithoutItem(0) },
            DiagnosticIds.WriteBackComputedValue, "['file:%s,hda,w' % img, 'file:/b.img,hdb,w']" },
        { "xm if block", ConfigDialect.Xm, "name = 'a'\nif 1:\n    memory = 512\n", static m => m with { MemoryMiB = 1024 }, DiagnosticIds.WriteBackAssignedByCode, "512" },
        { "xm list appended to later", ConfigDialect.Xm, "disk = ['phy:/dev/a,hda,w']\ndisk.append('phy:/dev/b,hdb,w')\n", static m => m with { Disks = m.Disks!.WithoutItem(1) },
            DiagnosticIds.WriteBackAssignedByCode, "['phy:/dev/a,hda,w']" },
        { "xl += of strings", ConfigDialect.Xl, "extra = 'a'\nextra += ' b'\n", static m => m with { Extra = "c" }, DiagnosticIds.WriteBackAppendedValue, "' b'" },
        { "xm value other code reads", ConfigDialect.Xm, "memory = 512\nmaxmem = memory\n", static m => m with { MemoryMiB = 1024 }, DiagnosticIds.WriteBackChangesOthers, "512" },
        { "value xl cannot spell", ConfigDialect.Xl, "name = 'a'\n", static m => m with { GfxPassthru = new GfxPassthruSetting(false, GfxPassthruKind.Igd) }, DiagnosticIds.WriteBackDoesNotReadBack, null },
    };

    [Theory]
    [MemberData(nameof(CodeItWouldRewrite))]
    public void WithModel_CodeItWouldRewrite_IsRefusedAtTheValueAndTheFileStays(string what, ConfigDialect dialect, string text, Func<DomainConfig, DomainConfig> change, string id, string? at)
    {
        ConfigDocument doc = dialect == ConfigDialect.Xm ? ParseXm(text) : ParseXl(text);
        BindOptions options = dialect == ConfigDialect.Xm ? s_xm : BindOptions.Default;
        DomainConfig bound = DomainConfig.Bind(doc, options).Config;
        ApplyResult r = doc.WithModel(change(bound), options);

        Diagnostic d = AssertRefused(r, text, id);
        Assert.True(d.IsError, what);
        Assert.Equal(at is null ? new Xen.Hvm.Text.TextSpan(text.Length, 0) : SpanOf(text, at), d.Span);
        Assert.True(r.Document.HasRefusedEdits);
        Assert.Equal(bound, r.Bound.Config);
    }

    [Fact]
    public void WithModel_XmListWithAComputedItem_EditsItsLiteralItems()
    {
        const string text = "img = '/a.img'\ndisk = ['file:%s,hda,w' % img, 'file:/b.img,hdb,w']\n";
        ConfigDocument doc = ParseXm(text);
        DomainConfig bound = DomainConfig.Bind(doc, s_xm).Config;
        DiskSpec c = Disk("file:/c.img,hdb,w", ConfigDialect.Xm);

        ApplyResult edited = doc.WithModel(bound with { Disks = bound.Disks!.WithItem(1, c) }, s_xm);
        Assert.Equal(text.Replace("'file:/b.img,hdb,w'", "'" + c.ToSpecString(ConfigDialect.Xm) + "'", StringComparison.Ordinal), edited.Document.Text);
        Assert.False(edited.HasRefusals);
    }

    [Fact]
    public void WithModel_XlAppendChainOfLists_EditsTheItemsWhereTheyAre()
    {
        const string text = "vif = ['bridge=a']\nvif += ['bridge=b', 'bridge=c']\n";
        ConfigDocument doc = ParseXl(text);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        VifSpec d = VifSpec.Parse("bridge=d", ConfigDialect.Xl, null).Value;
        DomainConfig model = bound with { Vifs = bound.Vifs!.WithoutItem(1).WithItemAppended(d) };
        ApplyResult r = doc.WithModel(model);

        Assert.Equal("vif = ['bridge=a']\nvif += ['bridge=c', '" + d.ToSpecString() + "']\n", r.Document.Text);
        Assert.Equal(model, r.Bound.Config);
    }

    [Fact]
    public void WithModel_XmValueOtherCodeReads_IsWrittenWhenTheModelChangesBoth()
    {
        const string text = "memory = 512\nmaxmem = memory\n";
        ConfigDocument doc = ParseXm(text);
        DomainConfig bound = DomainConfig.Bind(doc, s_xm).Config;

        ApplyResult both = doc.WithModel(bound with { MemoryMiB = 1024, MaxMemoryMiB = 1024 }, s_xm);
        Assert.Equal("memory = 1024\nmaxmem = memory\n", both.Document.Text);
        Assert.False(both.HasRefusals);
    }

    [Fact]
    public void WithModel_XmRemovalOtherCodeNeeds_IsRefusedAsBreakingTheCode()
    {
        const string text = "memory = 512\nmaxmem = memory\n";
        ConfigDocument doc = ParseXm(text);
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc, s_xm).Config with { MemoryMiB = null, MaxMemoryMiB = null, Vcpus = 2 }, s_xm);

        // Without memory, 'maxmem = memory' raises NameError and xm creates no domain: memory stays, so does maxmem.
        Assert.Equal(text + "vcpus = 2\n", r.Document.Text);
        Assert.Contains(r.Diagnostics, d => d.Id == DiagnosticIds.WriteBackBreaksCode && d.Span == SpanOf(text, "512"));
        Assert.Contains(r.Diagnostics, d => d.Id == DiagnosticIds.WriteBackComputedValue && d.Span == SpanOf(text, "memory", 1));
    }

    [Fact]
    public void WithModel_OtherSettings_AreRemovedChangedAndAppendedByKey()
    {
        const string text = "name = 'a'\nk_1 = 'x'\nk_2 = ['y']\nk_3 = 3\n";
        ConfigDocument doc = ParseXl(text);
        DomainConfig model = DomainConfig.Bind(doc).Config with
        {
            OtherSettings = [new("k_2", new ConfigList([new ConfigString("y"), new ConfigString("z")])), new("k_3", new ConfigInteger(3)), new("k_4", new ConfigString("new"))],
        };
        ApplyResult r = doc.WithModel(model);

        // xl reads every atom as a string: the model's 3 is the file's "3", so k_3 is not touched.
        Assert.Equal("name = 'a'\nk_2 = ['y', 'z']\nk_3 = 3\nk_4 = 'new'\n", r.Document.Text);
        Assert.Equal(["k_1", "k_2", "k_4"], r.ChangedKeys);
        Assert.Equal(model with { OtherSettings = [model.OtherSettings[0], new("k_3", new ConfigString("3")), model.OtherSettings[2]] }, r.Bound.Config);
    }

    [Theory]
    [InlineData("Bad-Key", DiagnosticIds.WriteBackInvalidKey)]
    [InlineData("memory", DiagnosticIds.WriteBackOtherSettingIsOption)]
    public void WithModel_OtherSettingThatCannotBeAKey_IsRefused(string key, string id)
    {
        ConfigDocument doc = ParseXl("name = 'a'\n");
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc).Config with { OtherSettings = [new(key, new ConfigString("x"))] });

        Assert.Equal("name = 'a'\n", r.Document.Text);
        Assert.Equal(id, Assert.Single(r.Diagnostics).Id);
        Assert.Equal([key], r.RefusedKeys);
    }

    [Fact]
    public void WithModel_OtherSettingUnknownOrTwice_IsRefused()
    {
        ConfigDocument doc = ParseXl("name = 'a'\n");
        DomainConfig bound = DomainConfig.Bind(doc).Config;

        ApplyResult unknown = doc.WithModel(bound with { OtherSettings = [new("k", new ConfigUnknown("f()", default))] });
        Assert.Equal(DiagnosticIds.WriteBackNotAValue, Assert.Single(unknown.Diagnostics).Id);

        ApplyResult twice = doc.WithModel(bound with { OtherSettings = [new("k", new ConfigString("x")), new("k", new ConfigString("y"))] });
        Assert.Equal(DiagnosticIds.WriteBackDuplicateOtherSetting, Assert.Single(twice.Diagnostics).Id);
        Assert.Equal("name = 'a'\n", twice.Document.Text);
    }

    [Fact]
    public void WithModel_RawListOptionWithAnUnknownItem_IsRefused()
    {
        ConfigDocument doc = ParseXl("name = 'a'\n");
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc).Config with { VirtualSoundCards = [new ConfigUnknown("f()", default)] });

        Assert.Equal(DiagnosticIds.WriteBackNotAValue, Assert.Single(r.Diagnostics).Id);
        Assert.Equal(["vsnd"], r.RefusedKeys);
    }

    [Fact]
    public void WithModel_Refused_DocumentIsNeverSaved()
    {
        ConfigDocument doc = ParseXl("name = 'a'\n");
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc).Config with { OtherSettings = [new("memory", new ConfigString("x"))] });

        Assert.True(r.Document.HasRefusedEdits);
        Assert.Contains(r.Document.Diagnostics, static d => d.Id == DiagnosticIds.WriteBackOtherSettingIsOption && d.IsError);
        Assert.False(doc.WithModel(DomainConfig.Bind(doc).Config with { Vcpus = 2 }).Document.HasRefusedEdits);
    }

    [Fact]
    public void WithModel_NumberWrittenAsAString_StaysAString()
    {
        ConfigDocument doc = ParseXl("memory = \"512\"\n");
        Assert.Equal("memory = \"1024\"\n", doc.WithModel(DomainConfig.Bind(doc).Config with { MemoryMiB = 1024 }).Document.Text);
    }

    [Fact]
    public void WithModel_XmIntegerOrNameOption_IsWrittenAsTheIntegerXendReads()
    {
        ConfigDocument doc = ParseXm("name = 'a'\n");
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc, s_xm).Config with { TscMode = TscMode.Native }, s_xm);

        Assert.Equal("name = 'a'\ntsc_mode = 2\n", r.Document.Text);
        Assert.Equal(TscMode.Native, r.Bound.Config.TscMode!.Value.Value);
    }

    [Fact]
    public void WithModel_ItemsTheBindingSkipped_StayWhereTheyAre()
    {
        const string text = "disk = ['/a.img,raw,xvda,w', 'target=/x,bogus=1,,', '/b.img,raw,xvdb,w']\n";
        ConfigDocument doc = ParseXl(text);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        Assert.Equal(2, bound.Disks!.Count);
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks.WithoutItem(0) });

        Assert.Equal("disk = ['target=/x,bogus=1,,', '/b.img,raw,xvdb,w']\n", r.Document.Text);
    }

    [Theory]
    [InlineData("vif = ['bridge=a', 'bridge=b', 'bridge=c']\n", new[] { 0, 2 }, "vif = ['bridge=a', 'bridge=c']\n")]
    [InlineData("vif = ['bridge=a', 'bridge=b', 'bridge=c']\n", new[] { 0, 1 }, "vif = ['bridge=a', 'bridge=b']\n")]
    [InlineData("vif = ['bridge=a', 'bridge=b', 'bridge=c',]\n", new[] { 1, 2 }, "vif = ['bridge=b', 'bridge=c',]\n")]
    [InlineData("vif = ['bridge=a']\n", new int[0], "vif = []\n")]
    [InlineData("vif = [\n  'bridge=a',\n  'bridge=b'\n]\n", new[] { 0 }, "vif = [\n  'bridge=a',\n]\n")]
    public void WithModel_RemovedItems_GoWithTheirCommas(string text, int[] keep, string expected)
    {
        ConfigDocument doc = ParseXl(text);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        ApplyResult r = doc.WithModel(bound with { Vifs = [.. keep.Select(i => bound.Vifs![i])] });

        Assert.Equal(expected, r.Document.Text);
    }

    [Theory]
    [InlineData("vif = []\n", "vif = [\"bridge=n\"]\n")]
    [InlineData("vif = ['bridge=a']\n", "vif = ['bridge=n', 'bridge=a']\n")]
    [InlineData("vif = [\n  'bridge=a',\n]\n", "vif = [\n  'bridge=n',\n  'bridge=a',\n]\n")]
    public void WithModel_NewFirstItem_GoesBeforeTheOthersInTheirLayout(string text, string expected)
    {
        ConfigDocument doc = ParseXl(text);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        VifSpec n = VifSpec.Parse("bridge=n", ConfigDialect.Xl, null).Value;
        ApplyResult r = doc.WithModel(bound with { Vifs = [n, .. bound.Vifs!] });

        Assert.Equal(expected.Replace("bridge=n", n.ToSpecString(), StringComparison.Ordinal), r.Document.Text);
    }

    [Fact]
    public void WithModel_XmFileEncodingCannotHoldTheValue_IsTheEditorsRefusal()
    {
        const string text = "# -*- coding: latin-1 -*-\nname = 'a'\n";
        ConfigDocument doc = ParseXm(text);
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc, s_xm).Config with { Name = "\u20ac" }, s_xm);

        Assert.Equal(text, r.Document.Text);
        Assert.Equal(["name"], r.RefusedKeys);
        Assert.Contains(r.Diagnostics, static d => d.Id is DiagnosticIds.XmEditCharacterNotInEncoding or DiagnosticIds.XmEditUnknownEncoding);
        Assert.True(r.Document.HasRefusedEdits);
    }

    [Fact]
    public void WithModel_NullArguments_Throw()
    {
        ConfigDocument doc = ParseXl("name = 'a'\n");
        Assert.Throws<ArgumentNullException>(() => ((ConfigDocument)null!).WithModel(new DomainConfig()));
        Assert.Throws<ArgumentNullException>(() => doc.WithModel(null!));
    }

    [Fact]
    public void Writers_EveryCatalogueOption_HasOne()
    {
        var missing = OptionCatalog.All
            .Where(o => !Xen.Hvm.Config.Model.Internal.Apply.ModelValues.CanWrite(typeof(DomainConfig).GetProperty(o.PropertyName)!.PropertyType))
            .Select(static o => o.Name);
        Assert.Empty(missing);
    }
}
